import { keywordPlacement } from '../facts/keywordPlacement';
import { defineRule } from './rule';

/** The focus keyword (the first of `keywords`) missing from the places searchers and readers look first. */
export default defineRule({
  id: 'keyword-placement',
  defaultSeverity: 'info',
  articlesOnly: true,
  description:
    "The focus keyword (the first of `keywords`) is missing from the title, the description, the URL's last part, the first paragraph or every H2.",
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  check(context) {
    const { analysis, article } = context;
    if (!analysis.isValid('keywords')) return;
    const placement = keywordPlacement(article, analysis.filePath, analysis.site.profile);
    if (!placement) return;
    const missing = placement.places.filter((place) => !place.found).map((place) => place.label);
    if (missing.length === 0 || !placement.range) return;
    context.report({
      start: placement.range[0],
      end: placement.range[1],
      message: `The focus keyword "${placement.keyword}" is missing from ${listOf(missing)}: searchers look for it there first.`,
    });
  },
});

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
