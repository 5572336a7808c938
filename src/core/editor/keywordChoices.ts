/**
 * The keywords the editor offers in the body (completion, the Insert Keyword picker, the coverage
 * item): the frontmatter's distinct keywords, unused ones first.
 */
import { normalizeForMatching } from '../facts/keywords';
import type { KeywordUsage } from '../facts/keywordUsage';
import type { ParsedArticle } from '../parse/parse';

/**
 * The order keywords are offered in the body: unused ones first, then by how rarely they are used,
 * each group in the frontmatter's order. Returns `sortText` per keyword.
 */
export function keywordSortTexts(usages: readonly KeywordUsage[]): Map<string, string> {
  const order = usages
    .map((usage, index) => ({ ...usage, index }))
    .sort((a, b) => Number(a.count > 0) - Number(b.count > 0) || a.count - b.count || a.index - b.index);
  const result = new Map<string, string>();
  order.forEach((usage, rank) => {
    if (!result.has(usage.keyword)) result.set(usage.keyword, `${usage.count > 0 ? 1 : 0}${String(rank).padStart(4, '0')}`);
  });
  return result;
}

/** The distinct keywords of the frontmatter (first spelling kept), as written. */
export function frontmatterKeywords(article: ParsedArticle): string[] {
  const value = article.frontmatter?.data?.keywords;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const keyword = String(item).trim();
    // Distinct as keyword matching sees them (case, spaces and `-` alike), as the coverage counts them.
    const normal = normalizeForMatching(keyword);
    if (keyword === '' || seen.has(normal)) continue;
    seen.add(normal);
    result.push(keyword);
  }
  return result;
}
