/**
 * Minimal edits of the frontmatter: only the bytes that must change, so comments, key order, quoting,
 * line endings and everything else stay as the author wrote them, in the block's own format.
 */
import { isMap, isScalar, isSeq, type Pair, type Node, Scalar } from 'yaml';
import type { ParsedArticle } from '../parse/parse';
import type { TextEdit } from '../types';
import { lineBreakOf } from '../text/edits';

/** The top-level `key: value` pair of the frontmatter, when it parsed as a mapping. */
export function frontmatterPair(article: ParsedArticle, key: string): Pair<Scalar, Node | null> | undefined {
  const contents = article.frontmatter?.doc?.contents;
  if (!isMap(contents)) return undefined;
  return contents.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key) as
    | Pair<Scalar, Node | null>
    | undefined;
}

/**
 * Where a YAML node's text ends: `end` moved back over the white space and line breaks YAML puts
 * after a value (a block scalar's range takes its line break). Only YAML's own white space (space,
 * tab, CR, LF): any other space character (U+3000, NBSP, …) is part of a plain scalar's value.
 */
export function yamlTextEnd(text: string, start: number, end: number): number {
  while (end > start && isYamlWhiteSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function isYamlWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** YAML text for a scalar, quoted like `like` was (double quotes for a new value). */
function yamlScalar(value: string | number | boolean, like?: Scalar.Type): string {
  if (typeof value !== 'string') return String(value);
  if (like === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (like === Scalar.PLAIN && isSafePlainScalar(value)) return value;
  return JSON.stringify(value);
}

function isSafePlainScalar(value: string): boolean {
  // No leading indicator, no ": " or " #", not something YAML 1.2 would read as another type.
  return (
    /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/.test(value) &&
    !/:(\s|$)|\s#|\s$/.test(value) &&
    !/^(true|false|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i.test(value)
  );
}

/** TOML text for a scalar: a basic string (JSON's escapes are TOML's), a number or a boolean. */
function tomlScalar(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The scalar's text in the block's own format (YAML keeps the quoting style of `like`). */
function scalarText(article: ParsedArticle, value: string | number | boolean, like?: Scalar.Type): string {
  const format = article.frontmatter?.format;
  if (format === 'toml') return tomlScalar(value);
  if (format === 'json') return JSON.stringify(value);
  return yamlScalar(value, like);
}

/** The line that adds a key, in the block's own format (JSON: the edit that adds a member). */
function newEntry(article: ParsedArticle, key: string, value: string | number | boolean | string[], after: readonly string[]): TextEdit | undefined {
  const text = (format: 'json' | 'toml' | 'yaml') => {
    if (!Array.isArray(value)) return format === 'yaml' ? yamlScalar(value) : format === 'toml' ? tomlScalar(value) : JSON.stringify(value);
    return `[${value.map((item) => (format === 'yaml' ? yamlScalar(item) : JSON.stringify(item))).join(', ')}]`;
  };
  const frontmatter = article.frontmatter!;
  const lineBreak = lineBreakOf(article.text);
  if (frontmatter.format === 'json') {
    const contents = frontmatter.doc?.contents;
    if (!isMap(contents)) return undefined;
    const anchor = after.map((name) => frontmatterPair(article, name)).find((pair) => pair?.value?.range) ?? contents.items[contents.items.length - 1];
    const valueEnd = (anchor?.value as Node | null | undefined)?.range?.[1];
    const keyStart = (anchor?.key as Node | undefined)?.range?.[0];
    if (valueEnd === undefined || keyStart === undefined) return undefined;
    const at = frontmatter.contentStart + valueEnd;
    const lineStart = article.lines.lineStart(article.lines.lineOf(frontmatter.contentStart + keyStart));
    const indent = /^[ \t]*/.exec(article.text.slice(lineStart))![0];
    return { start: at, end: at, newText: `,${lineBreak}${indent}${JSON.stringify(key)}: ${text('json')}` };
  }
  if (frontmatter.format === 'toml') {
    const anchored = after.some((name) => frontmatterPair(article, name));
    // Top-level keys must come before the first [table] header.
    let at = insertionPointAfter(article, after);
    if (!anchored) {
      for (let line = article.lines.lineOf(frontmatter.contentStart); line < article.lines.lineOf(frontmatter.contentEnd); line++) {
        if (/^\s*\[/.test(article.lines.lineText(line))) {
          at = article.lines.lineStart(line);
          break;
        }
      }
    }
    return { start: at, end: at, newText: `${key} = ${text('toml')}${lineBreak}` };
  }
  const at = insertionPointAfter(article, after);
  return { start: at, end: at, newText: `${key}: ${text('yaml')}${lineBreak}` };
}

/**
 * Adds a string to a top-level list of the frontmatter, in the list's own form: a flow list (`[a, b]`,
 * TOML's and JSON's arrays) gets `, value` after its last item, a block list a `- value` line like its
 * last; a missing key becomes a one-item list. Undefined when the key holds something else, or the
 * frontmatter cannot be edited safely.
 */
export function addToFrontmatterList(article: ParsedArticle, key: string, value: string, after: readonly string[] = []): TextEdit | undefined {
  const frontmatter = article.frontmatter;
  if (!frontmatter?.doc || frontmatter.errors.length > 0) return undefined;
  const pair = frontmatterPair(article, key);
  if (!pair) return newEntry(article, key, [value], after);
  const list = pair.value;
  if (!isSeq(list) || !list.range) return undefined;
  const base = frontmatter.contentStart;
  const last = list.items[list.items.length - 1] as Node | undefined;
  // Quoted like the last item (a new list: double quotes).
  const item = frontmatter.format === 'yaml' ? yamlScalar(value, isScalar(last) ? last.type : undefined) : JSON.stringify(value);
  if (list.flow || frontmatter.format !== 'yaml') {
    if (!last?.range) {
      const open = article.text.indexOf('[', base + list.range[0]);
      return open === -1 ? undefined : { start: open + 1, end: open + 1, newText: item };
    }
    const end = yamlTextEnd(article.text, base + last.range[0], base + last.range[1]);
    return { start: end, end, newText: `, ${item}` };
  }
  if (!last?.range) return undefined;
  // A block list: the new item on its own line, with the last item's indentation and dash.
  const itemStart = base + last.range[0];
  const lineStart = article.lines.lineStart(article.lines.lineOf(itemStart));
  const prefix = article.text.slice(lineStart, itemStart);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
  const end = yamlTextEnd(article.text, itemStart, base + last.range[1]);
  return { start: end, end, newText: `${lineBreakOf(article.text)}${prefix}${item}` };
}

/**
 * Sets a top-level scalar in the frontmatter: replaces the value in place when the key exists, else
 * inserts `key: value` on a new line after the first of `after` that exists (or at the block's end).
 * Returns undefined when the frontmatter cannot be edited safely (missing or not valid YAML).
 */
export function setFrontmatterScalar(
  article: ParsedArticle,
  key: string,
  value: string | number | boolean,
  after: readonly string[] = [],
): TextEdit | undefined {
  const frontmatter = article.frontmatter;
  if (!frontmatter?.doc || frontmatter.errors.length > 0) return undefined;
  const base = frontmatter.contentStart;
  const pair = frontmatterPair(article, key);
  if (pair) {
    const node = pair.value;
    if (node && isScalar(node) && node.range) {
      // A block scalar's range (`>-` and its lines) takes the line break after it: keep that.
      const end = yamlTextEnd(article.text, base + node.range[0], base + node.range[1]);
      return { start: base + node.range[0], end, newText: scalarText(article, value, node.type) };
    }
    if (!node && pair.key.range && frontmatter.format === 'yaml') {
      // `key:` with no value: write it after the colon.
      const colon = article.text.indexOf(':', base + pair.key.range[1]);
      return colon === -1 ? undefined : { start: colon + 1, end: colon + 1, newText: ` ${yamlScalar(value)}` };
    }
    return undefined;
  }
  return newEntry(article, key, value, after);
}

/** Start of the line following the entry of the first existing key in `after`, else the block's end. */
function insertionPointAfter(article: ParsedArticle, after: readonly string[]): number {
  const frontmatter = article.frontmatter!;
  for (const anchor of after) {
    const pair = frontmatterPair(article, anchor);
    const end = pair?.value?.range?.[1] ?? pair?.key.range?.[1];
    if (end === undefined) continue;
    const lastLine = article.lines.lineOf(frontmatter.contentStart + Math.max(end - 1, 0));
    return Math.min(article.lines.lineStart(lastLine + 1), frontmatter.contentEnd);
  }
  return frontmatter.contentEnd;
}
