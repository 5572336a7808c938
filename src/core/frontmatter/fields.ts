/** Ranges of frontmatter entries and values, in article-text offsets, for findings and fixes. */
import { isMap, isSeq, isScalar, type Node } from 'yaml';
import { frontmatterPair, yamlTextEnd } from './edits';
import type { ParsedArticle } from '../parse/parse';

export type Range = [number, number];

/** The whole `key: value` entry of a top-level key (key start to value end). */
export function frontmatterEntryRange(article: ParsedArticle, key: string): Range | undefined {
  const pair = frontmatterPair(article, key);
  const base = article.frontmatter?.contentStart ?? 0;
  const keyRange = pair?.key?.range;
  if (!keyRange) return undefined;
  const valueRange = (pair.value as Node | null)?.range;
  // A block value's range ends after its line break: stop at the value's last character.
  let end = valueRange ? yamlTextEnd(article.text, base + keyRange[1], base + valueRange[1]) - base : keyRange[1];
  const text = article.text;
  if (!valueRange) {
    const colon = text.indexOf(':', base + keyRange[1]);
    if (colon !== -1 && colon - base - keyRange[1] < 4) end = colon - base + 1;
  }
  return [base + keyRange[0], base + end];
}

/** The node at a path below the frontmatter's root (`['keywords', 2]`), as an article-text range. */
export function frontmatterNodeRange(article: ParsedArticle, path: readonly (string | number)[]): Range | undefined {
  const frontmatter = article.frontmatter;
  let node = frontmatter?.doc?.contents as Node | null | undefined;
  if (!frontmatter || !node) return undefined;
  let range: Range | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      const keyRange = (pair.key as Node).range;
      node = pair.value as Node | null;
      const valueRange = node?.range;
      // A key with no value (`category:`) has an empty value range: point at the key instead.
      const hasValue = valueRange && valueRange[1] > valueRange[0];
      range = hasValue ? [valueRange[0], valueRange[1]] : keyRange ? [keyRange[0], keyRange[1]] : range;
      if (!node) break;
    } else if (isSeq(node) && typeof part === 'number' && node.items[part]) {
      node = node.items[part] as Node;
      const itemRange = node?.range;
      if (itemRange) range = [itemRange[0], itemRange[1]];
    } else break;
  }
  if (!range) return undefined;
  const start = frontmatter.contentStart + range[0];
  return [start, yamlTextEnd(article.text, start + 1, frontmatter.contentStart + range[1])];
}

/** The items of a top-level list value with their ranges (for keyword findings and fixes). */
export function frontmatterListItems(article: ParsedArticle, key: string): { value: unknown; start: number; end: number }[] {
  const pair = frontmatterPair(article, key);
  const base = article.frontmatter?.contentStart ?? 0;
  const seq = pair?.value;
  if (!isSeq(seq)) return [];
  const items: { value: unknown; start: number; end: number }[] = [];
  for (const item of seq.items as (Node | null)[]) {
    const range = item?.range;
    if (!item || !range) continue;
    items.push({ value: isScalar(item) ? item.value : item.toJSON(), start: base + range[0], end: base + range[1] });
  }
  return items;
}

/** Whether a top-level list is written in flow style (`[a, b]`). */
export function isFlowList(article: ParsedArticle, key: string): boolean {
  const seq = frontmatterPair(article, key)?.value;
  return isSeq(seq) && seq.flow === true;
}
