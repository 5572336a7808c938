/**
 * How often each frontmatter keyword occurs in the body, and which keyword a body offset is on: for
 * keyword completion (unused first) and hover. Counting uses the engine's matching (keywords.ts:
 * reader-visible text, case, `-` and line breaks ignored, whole words), so a count of 0 is exactly
 * what the rule `keyword-unused` reports.
 */
import { keywordText, normalizeForMatching, phraseIndex } from './keywords';
import type { ParsedArticle } from '../parse/parse';

/** A keyword of the article and how often the body uses it. */
export interface KeywordUsage {
  keyword: string;
  count: number;
}

/** Whole-word occurrences of a phrase in a text, both in matching form (non-overlapping). */
export function countPhrase(text: string, phrase: string): number {
  let count = 0;
  for (let at = phraseIndex(text, phrase); at !== -1; at = phraseIndex(text, phrase, at + phrase.length)) count++;
  return count;
}

/** Each keyword (as written) with the number of times the body uses it. */
export function keywordUsages(article: ParsedArticle, keywords: readonly string[]): KeywordUsage[] {
  const text = keywordText(article);
  return keywords.map((keyword) => ({ keyword, count: countPhrase(text, normalizeForMatching(keyword)) }));
}

/**
 * The keyword whose occurrence in the body covers `offset`, with the occurrence's range in the text.
 * Looks at the offset's line and its neighbours (a keyword may wrap), longest keyword first.
 */
export function keywordOccurrenceAt(
  article: ParsedArticle,
  offset: number,
  keywords: readonly string[],
): { keyword: string; start: number; end: number } | undefined {
  if (offset < article.bodyOffset || keywords.length === 0) return undefined;
  const line = article.lines.lineOf(offset);
  const first = Math.max(article.lines.lineOf(article.bodyOffset), line - 1);
  const last = Math.min(article.lines.lineCount - 1, line + 1);
  const from = article.lines.lineStart(first);
  const source = article.text.slice(from, article.lines.lineEnd(last));

  // The window in matching form, with the source offset of each character.
  let normalized = '';
  const sourceAt: number[] = [];
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (/[\s-]/.test(character)) {
      if (!normalized.endsWith(' ')) {
        normalized += ' ';
        sourceAt.push(from + index);
      }
    } else {
      const lower = character.toLowerCase();
      // Lower-casing may change the length (rare): keep the map aligned.
      for (let k = 0; k < lower.length; k++) sourceAt.push(from + index);
      normalized += lower;
    }
  }
  sourceAt.push(from + source.length);

  const candidates = [...keywords].sort((a, b) => b.length - a.length);
  for (const keyword of candidates) {
    const phrase = normalizeForMatching(keyword);
    if (!phrase) continue;
    for (let at = phraseIndex(normalized, phrase); at !== -1; at = phraseIndex(normalized, phrase, at + 1)) {
      const start = sourceAt[at];
      const end = sourceAt[at + phrase.length - 1] + 1;
      if (offset >= start && offset <= end) return { keyword, start, end };
    }
  }
  return undefined;
}
