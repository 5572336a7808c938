import { defineSiteRule } from './rule';

/** An article nothing else on the site links to: readers and crawlers find it only through lists or search. */
export default defineSiteRule({
  id: 'article-orphan',
  defaultSeverity: 'info',
  description: 'No other article of the site links to this one.',
  defaultOptions: {},
  optionSpecs: {},
  check(context) {
    const { article, site } = context;
    // Alone (a run over one article) nothing can link to it; without a URL nothing can either; the site's navigation links to it.
    if (article.url === undefined || article.listPage || article.inNavigation || site.siteSize(article.root) < 2) return;
    if (site.hasLinker(article)) return;
    context.report({
      range: article.firstLine,
      message: 'No other article links to this one: link to it from a related article so readers and search engines find it.',
    });
  },
});

