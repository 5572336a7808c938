import { defineSiteRule } from './rule';
import { namesOf } from './util';

/** Two articles of a site with the same title (ignoring case and repeated spaces): search results cannot tell them apart. */
export default defineSiteRule({
  id: 'duplicate-title',
  defaultSeverity: 'warning',
  description: 'The title is the same as another article’s of the site (ignoring case and repeated spaces).',
  defaultOptions: {},
  optionSpecs: {},
  check(context) {
    const { article, site } = context;
    if (!article.titleRange || article.listPage) return;
    const others = site.sameTitle(article);
    if (others.length === 0) return;
    const names = others.map((other) => context.displayPath(other.path));
    context.report({
      range: article.titleRange,
      message: `The same title as ${namesOf(names)}: give each page its own title, so search results tell them apart.`,
    });
  },
});
