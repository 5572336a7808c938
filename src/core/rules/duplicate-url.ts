import { defineSiteRule } from './rule';
import { namesOf } from './util';

/** Two articles the site publishes at the same URL: one of them will never be seen. */
export default defineSiteRule({
  id: 'duplicate-url',
  defaultSeverity: 'error',
  description: 'Another article of the site is published at the same URL (same collection or section, same slug or file name).',
  defaultOptions: {},
  optionSpecs: {},
  check(context) {
    const { article, site } = context;
    if (article.url === undefined) return;
    const others = site.sameUrl(article);
    if (others.length === 0) return;
    const names = others.map((other) => context.displayPath(other.path));
    context.report({
      range: article.urlRange,
      message: `Published at ${article.url}, like ${namesOf(names)}: only one of them can be there; change a slug or a file name.`,
    });
  },
});
