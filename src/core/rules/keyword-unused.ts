import { frontmatterListItems } from '../frontmatter/fields';
import { normalizeForMatching, phraseUsed } from '../facts/keywords';
import type { ParsedArticle } from '../parse/parse';
import { defineRule } from './rule';

/** A frontmatter keyword that does not occur in the body's text. */
export default defineRule({
  id: 'keyword-unused',
  defaultSeverity: 'info',
  articlesOnly: true,
  description: "A frontmatter keyword does not occur in the body's text (case, hyphens and line breaks ignored, whole words).",
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  check(context) {
    const { analysis, article } = context;
    const key = analysis.key('keywords');
    if (!analysis.isValid(key)) return;
    // The values tell whether there is a finding; the items' ranges (the YAML document) only then.
    if (!unusedKeywords(article, analysis.data[key])) return;
    const seen = new Set<string>();
    for (const item of frontmatterListItems(article, key)) {
      if (typeof item.value !== 'string') continue;
      const normalized = normalizeForMatching(item.value);
      if (seen.has(normalized)) continue; // a repeat is keyword-duplicate's finding
      seen.add(normalized);
      if (phraseUsed(article, normalized)) continue;
      context.report({
        start: item.start,
        end: item.end,
        message: normalized
          ? `Keyword "${item.value}" does not occur in the article's text; use it where it fits naturally, or remove it.`
          : 'This keyword is empty.',
      });
    }
  },
});

function unusedKeywords(article: ParsedArticle, keywords: unknown): boolean {
  if (!Array.isArray(keywords)) return true;
  return keywords.some((keyword) => {
    if (typeof keyword !== 'string') return false;
    const normalized = normalizeForMatching(keyword);
    return !normalized || !phraseUsed(article, normalized);
  });
}
