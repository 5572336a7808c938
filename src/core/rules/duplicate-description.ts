import { defineSiteRule } from './rule';
import { namesOf } from './util';

/** Two articles of a site with the same description: search engines show one snippet for two pages. */
export default defineSiteRule({
  id: 'duplicate-description',
  defaultSeverity: 'warning',
  description: 'The description is the same as another article’s of the site (ignoring case and repeated spaces).',
  defaultOptions: {},
  optionSpecs: {},
  check(context) {
    const { article, site } = context;
    if (!article.descriptionRange || article.listPage) return;
    const others = site.sameDescription(article);
    if (others.length === 0) return;
    const names = others.map((other) => context.displayPath(other.path));
    context.report({
      range: article.descriptionRange,
      message: `The same description as ${namesOf(names)}: write one for each page, or search engines will pick their own snippet.`,
    });
  },
});
