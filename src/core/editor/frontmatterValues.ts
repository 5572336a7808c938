/**
 * The few frontmatter values the editor suggests across a workspace (`category`, `author`, `tags`,
 * `keywords`), read cheaply from an article's text: only the frontmatter block is parsed, never the
 * body. Kept tiny per article so that an index of thousands of articles stays small.
 */
import { parseDocument } from 'yaml';
import { startsWithFrontmatter } from '../parse/parse';
import { detached } from '../text/strings';

export const INDEXED_FIELDS = ['category', 'author', 'tags', 'keywords'] as const;
export type IndexedField = (typeof INDEXED_FIELDS)[number];

/** An article's values: a field → its values (one for a string field, the items for a list). */
export type IndexedValues = Partial<Record<IndexedField, string[]>>;

const MAX_ITEMS = 50;
const MAX_LENGTH = 120;
/** Frontmatter longer than this is not read (no real article has one). */
const MAX_FRONTMATTER = 64 * 1024;

function values(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const result: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const text = String(item).trim();
    if (text === '' || text.length > MAX_LENGTH || result.includes(text)) continue;
    // Detached: a slice would keep the article's whole text alive for as long as the index lives.
    result.push(detached(text));
    if (result.length >= MAX_ITEMS) break;
  }
  return result;
}

/** The frontmatter's YAML text, or undefined when the text has no (closed) frontmatter block. */
export function frontmatterSource(text: string): string | undefined {
  if (!startsWithFrontmatter(text)) return undefined;
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1) return undefined;
  const opening = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, firstBreak).trim();
  if (opening !== '---' && opening !== '---yaml' && opening !== '--- yaml') return undefined;
  const closing = /^---[ \t]*\r?$/m;
  const rest = text.slice(firstBreak + 1, firstBreak + 1 + MAX_FRONTMATTER);
  const match = closing.exec(rest);
  return match ? rest.slice(0, match.index) : undefined;
}

/** The indexed values of an article's text; undefined when it has no readable YAML frontmatter. */
export function indexedValues(text: string): IndexedValues | undefined {
  const source = frontmatterSource(text);
  if (source === undefined) return undefined;
  const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 20 });
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const result: IndexedValues = {};
  for (const field of INDEXED_FIELDS) {
    const found = values((data as Record<string, unknown>)[field]);
    if (found.length > 0) result[field] = found;
  }
  return result;
}

/** A value used across articles, with the number of articles that use it. */
export interface UsedValue {
  value: string;
  count: number;
}

/** Values of one field across articles, most used first (then alphabetically). */
export function aggregateValues(entries: Iterable<IndexedValues>, field: IndexedField): UsedValue[] {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const value of entry[field] ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
