import { frontmatterListItems, isFlowList } from '../frontmatter/fields';
import { normalizeForMatching } from '../facts/keywords';
import { defineRule } from './rule';
import type { TextEdit } from '../types';
import type { ParsedArticle } from '../parse/parse';

/** A keyword that repeats an earlier one (same matching: case, hyphens and spaces ignored). */
export default defineRule({
  id: 'keyword-duplicate',
  defaultSeverity: 'warning',
  fixable: 'quick-fix',
  articlesOnly: true,
  description: 'A keyword repeats an earlier one in the list (compared as keywords are matched).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  check(context) {
    const { analysis, article } = context;
    const key = analysis.key('keywords');
    if (!analysis.isValid(key)) return;
    // The values tell whether a keyword repeats; the items' ranges (the YAML document) only then.
    if (!hasRepeat(analysis.data[key])) return;
    const items = frontmatterListItems(article, key);
    const first = new Map<string, string>();
    const flow = isFlowList(article, key);
    items.forEach((item, index) => {
      if (typeof item.value !== 'string') return;
      const normalized = normalizeForMatching(item.value);
      const earlier = first.get(normalized);
      if (earlier === undefined) {
        first.set(normalized, item.value);
        return;
      }
      const edit = removal(article, items, index, flow);
      context.report({
        start: item.start,
        end: item.end,
        message: `Keyword "${item.value}" repeats "${earlier}".`,
        fix: edit ? { title: `Remove the repeated keyword "${item.value}"`, edits: [edit], safe: false } : undefined,
      });
    });
  },
});

function hasRepeat(keywords: unknown): boolean {
  if (!Array.isArray(keywords)) return true;
  const seen = new Set<string>();
  for (const keyword of keywords) {
    if (typeof keyword !== 'string') continue;
    const normalized = normalizeForMatching(keyword);
    if (seen.has(normalized)) return true;
    seen.add(normalized);
  }
  return false;
}

/** Removes a list item: `, item` in a flow list, its whole line in a block list. */
function removal(
  article: ParsedArticle,
  items: readonly { start: number; end: number }[],
  index: number,
  flow: boolean,
): TextEdit | undefined {
  const item = items[index];
  if (flow) {
    if (index === 0) return undefined;
    return { start: items[index - 1].end, end: item.end, newText: '' };
  }
  const { lines, text } = article;
  const line = lines.lineOf(item.start);
  const lineStart = lines.lineStart(line);
  if (!/^\s*-\s*$/.test(text.slice(lineStart, item.start))) return undefined;
  const endLine = lines.lineOf(Math.max(item.end - 1, item.start));
  const after = text.slice(item.end, lines.lineEnd(endLine));
  if (after.trim() !== '' && !after.trim().startsWith('#')) return undefined;
  const nextStart = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : text.length;
  return { start: lineStart, end: nextStart, newText: '' };
}
