/**
 * What can be completed, or explained on hover, at an offset of an article: a frontmatter key, a
 * frontmatter value (of which key, inside a list or not), or a word of the body. Computed from the
 * text around the offset, so it works while the author types and the YAML is momentarily invalid.
 * Offsets are UTF-16 offsets into ParsedArticle.text.
 */
import type { ParsedArticle } from '../parse/parse';

export interface KeySite {
  kind: 'key';
  /** Range of the key being typed (to replace). */
  start: number;
  end: number;
  prefix: string;
  /** True when the line already has `key:` after the cursor: insert the name only. */
  hasColon: boolean;
  /** Top-level keys already in the frontmatter (other than the one being typed). */
  presentKeys: Set<string>;
}

export interface ValueSite {
  kind: 'value';
  key: string;
  /** Range of the value (or list item) being typed, quotes excluded. */
  start: number;
  end: number;
  prefix: string;
  /** The quote the value was opened with, if any: the inserted text must not add another. */
  quote?: '"' | "'";
  /** True inside a flow list (`[a, b]`) or on a block list item (`- a`). */
  inList: boolean;
  /** The list's other items, as written (quotes removed). */
  listItems: string[];
  /** True when the cursor is right after the colon: the inserted value needs a leading space. */
  needsSpace: boolean;
}

export interface BodySite {
  kind: 'body';
  /** Range to replace: the word being typed, with the `*` / `**` before it. */
  start: number;
  end: number;
  /** The word typed so far (without stars). */
  prefix: string;
  /** How many `*` precede the word (0, 1 or 2). */
  stars: number;
}

export type CompletionSite = KeySite | ValueSite | BodySite;

/** A top-level key line: `key:` at column 0 (the key may be quoted). */
const KEY_LINE = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"\-?:,[\]{}&*!|>%@`][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?=\s|$)/;

interface FrontmatterLine {
  line: number;
  start: number;
  text: string;
}

function frontmatterLines(article: ParsedArticle): FrontmatterLine[] {
  const frontmatter = article.frontmatter;
  if (!frontmatter) return [];
  const first = article.lines.lineOf(frontmatter.contentStart);
  const result: FrontmatterLine[] = [];
  if (frontmatter.contentStart >= frontmatter.contentEnd && frontmatter.contentStart >= article.text.length) return result;
  const last = article.lines.lineOf(Math.max(frontmatter.contentStart, frontmatter.contentEnd - 1));
  for (let line = first; line <= last; line++) {
    const start = article.lines.lineStart(line);
    if (start >= frontmatter.contentEnd && frontmatter.terminated) break;
    result.push({ line, start, text: article.lines.lineText(line) });
  }
  return result;
}

/** The top-level key a frontmatter line starts, if any. */
/** A TOML `key = value` line (`+++` frontmatter): a bare or quoted key before `=`. */
const TOML_KEY_LINE = /^(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))[ \t]*=/;

function keyOfLine(text: string): { key: string; start: number; end: number } | undefined {
  const match = KEY_LINE.exec(text) ?? TOML_KEY_LINE.exec(text);
  if (!match) return undefined;
  const key = match[1] ?? match[2] ?? match[3];
  const quoted = match[1] !== undefined || match[2] !== undefined;
  return { key: key.trim(), start: quoted ? 1 : 0, end: quoted ? key.length + 1 : key.trimEnd().length };
}

/** Top-level keys written in the frontmatter, read line by line (so also while the YAML is invalid). */
export function presentFrontmatterKeys(article: ParsedArticle, exceptLine = -1): Set<string> {
  const keys = new Set<string>();
  for (const { line, text } of frontmatterLines(article)) {
    if (line === exceptLine) continue;
    const found = keyOfLine(text);
    if (found) keys.add(found.key);
  }
  return keys;
}

/** True when the offset is inside the frontmatter's YAML (between the delimiter lines). */
export function inFrontmatter(article: ParsedArticle, offset: number): boolean {
  const frontmatter = article.frontmatter;
  if (!frontmatter) return false;
  if (offset < frontmatter.contentStart) return false;
  return frontmatter.terminated ? offset <= frontmatter.contentEnd && offset < frontmatter.end : true;
}

/** Splits a flow list's inside (`a, "b, c", d`) into items with their offsets in `inside`. */
export function flowListItems(inside: string): Array<{ text: string; start: number; end: number }> {
  const items: Array<{ text: string; start: number; end: number }> = [];
  let itemStart = 0;
  let quote: string | undefined;
  const push = (end: number) => {
    const raw = inside.slice(itemStart, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') {
      items.push({ text: unquote(trimmed), start: itemStart + leading, end: itemStart + leading + trimmed.length });
    }
  };
  for (let index = 0; index < inside.length; index++) {
    const character = inside[index];
    if (quote) {
      if (character === quote) quote = undefined;
      else if (character === '\\' && quote === '"') index++;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === ',') {
      push(index);
      itemStart = index + 1;
    } else if (character === ']') {
      push(index);
      itemStart = inside.length;
      return items;
    }
  }
  push(inside.length);
  return items;
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  return text;
}

/** The value typed at `column` of a value text: prefix, quote and range within the text. */
function scalarAt(text: string, from: number, column: number) {
  let start = from;
  while (start < column && (text[start] === ' ' || text[start] === '\t')) start++;
  let quote: '"' | "'" | undefined;
  if (text[start] === '"' || text[start] === "'") {
    quote = text[start] as '"' | "'";
    start++;
  }
  const prefix = text.slice(start, column);
  let end = column;
  // Replace the rest of the value as well, up to its closing quote (or the next separator).
  const stop = quote ? text.indexOf(quote, column) : -1;
  if (quote && stop !== -1) end = stop;
  else if (!quote) {
    const match = /^[^,\]#]*/.exec(text.slice(column));
    end = column + (match ? match[0].trimEnd().length : 0);
  }
  return { start, end, prefix, quote };
}

function frontmatterSite(article: ParsedArticle, offset: number): KeySite | ValueSite | undefined {
  const lineNumber = article.lines.lineOf(offset);
  const lineStart = article.lines.lineStart(lineNumber);
  const text = article.lines.lineText(lineNumber);
  const column = offset - lineStart;
  const before = text.slice(0, column);

  // A key being typed at column 0.
  if (/^[A-Za-z_$][\w$-]*$|^$/.test(before)) {
    const after = text.slice(column);
    const rest = /^[\w$-]*/.exec(after)?.[0] ?? '';
    return {
      kind: 'key',
      start: lineStart,
      end: offset + rest.length,
      prefix: before,
      hasColon: /^[\w$-]*\s*[:=]/.test(after),
      presentKeys: presentFrontmatterKeys(article, lineNumber),
    };
  }

  // `key: value` on this line, the cursor after the colon.
  const keyed = keyOfLine(text);
  if (keyed) {
    const colon = text.indexOf(':', keyed.end);
    if (colon === -1 || column <= colon) return undefined;
    const valueText = text.slice(colon + 1);
    const valueOffset = colon + 1;
    const open = valueText.search(/\S/);
    if (open !== -1 && valueText[open] === '[' && valueOffset + open < column) {
      // Inside a flow list: the item under the cursor.
      const insideStart = valueOffset + open + 1;
      const inside = text.slice(insideStart);
      const closing = findFlowListEnd(inside);
      if (closing !== -1 && insideStart + closing < column) return undefined;
      // The item starts after the last comma before the cursor that is not inside quotes.
      let itemStart = insideStart;
      const typed = text.slice(insideStart, column);
      let quote: string | undefined;
      for (let index = 0; index < typed.length; index++) {
        const character = typed[index];
        if (quote) {
          if (character === quote) quote = undefined;
        } else if (character === '"' || character === "'") quote = character;
        else if (character === ',') itemStart = insideStart + index + 1;
      }
      const scalar = scalarAt(text, itemStart, column);
      const all = flowListItems(inside.slice(0, closing === -1 ? inside.length : closing));
      const current = all.find((item) => insideStart + item.start <= column && column <= insideStart + item.end);
      return {
        kind: 'value',
        key: keyed.key,
        start: lineStart + scalar.start,
        end: lineStart + scalar.end,
        prefix: scalar.prefix,
        quote: scalar.quote,
        inList: true,
        listItems: all.filter((item) => item !== current).map((item) => item.text),
        needsSpace: false,
      };
    }
    if (open !== -1 && valueText[open] !== '"' && valueText[open] !== "'" && /[[{|>&*!]/.test(valueText[open])) return undefined;
    const scalar = scalarAt(text, valueOffset, column);
    return {
      kind: 'value',
      key: keyed.key,
      start: lineStart + scalar.start,
      end: lineStart + scalar.end,
      prefix: scalar.prefix,
      quote: scalar.quote,
      inList: false,
      listItems: [],
      needsSpace: column === valueOffset,
    };
  }

  // `  - item` under a key: a block list item.
  const dash = /^([ \t]*)-([ \t]+|$)/.exec(text);
  if (dash && column >= dash[0].length) {
    const lines = frontmatterLines(article);
    let key: string | undefined;
    const items: string[] = [];
    const index = lines.findIndex((entry) => entry.line === lineNumber);
    for (let at = index - 1; at >= 0; at--) {
      const found = keyOfLine(lines[at].text);
      if (found) {
        key = found.key;
        break;
      }
      const item = /^[ \t]*-[ \t]+(.*)$/.exec(lines[at].text);
      if (item) items.push(unquote(item[1].replace(/\s+#.*$/, '').trim()));
      else if (lines[at].text.trim() !== '' && !/^[ \t]/.test(lines[at].text)) break;
    }
    if (!key) return undefined;
    for (let at = index + 1; at < lines.length; at++) {
      const item = /^[ \t]*-[ \t]+(.*)$/.exec(lines[at].text);
      if (!item) break;
      items.push(unquote(item[1].replace(/\s+#.*$/, '').trim()));
    }
    const scalar = scalarAt(text, dash[0].length, column);
    return {
      kind: 'value',
      key,
      start: lineStart + scalar.start,
      end: lineStart + scalar.end,
      prefix: scalar.prefix,
      quote: scalar.quote,
      inList: true,
      listItems: items.filter((item) => item !== ''),
      needsSpace: dash[2] === '',
    };
  }
  return undefined;
}

/** Index of the `]` closing a flow list whose inside starts at 0, or -1. */
function findFlowListEnd(inside: string): number {
  let quote: string | undefined;
  for (let index = 0; index < inside.length; index++) {
    const character = inside[index];
    if (quote) {
      if (character === quote) quote = undefined;
      else if (character === '\\' && quote === '"') index++;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === ']') return index;
  }
  return -1;
}

/** True when the offset is inside a fenced or indented code block, or an inline code span. */
function inBodyCode(article: ParsedArticle, offset: number): boolean {
  const line = article.lines.lineOf(offset) - article.bodyLine;
  for (const token of article.tokens) {
    if ((token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block') && token.map) {
      const [first, last] = token.map;
      // A fence's map includes its delimiter lines.
      if (line >= first && line < last) return true;
    }
  }
  const lineStart = article.lines.lineStart(article.lines.lineOf(offset));
  const before = article.text.slice(lineStart, offset);
  return (before.match(/`+/g) ?? []).length % 2 === 1;
}

/** Characters a keyword's word may be made of (letters, digits, marks, `-`, `_`, `'`). */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}_'’-]/u;

function bodySite(article: ParsedArticle, offset: number): BodySite | undefined {
  if (inBodyCode(article, offset)) return undefined;
  const text = article.text;
  let start = offset;
  while (start > article.bodyOffset && WORD_CHARACTER.test(text[start - 1])) start--;
  const prefix = text.slice(start, offset);
  let stars = 0;
  while (stars < 2 && start > article.bodyOffset && text[start - 1] === '*') {
    start--;
    stars++;
  }
  // `***` or more is not an opening bold marker we complete.
  if (stars === 2 && start > article.bodyOffset && text[start - 1] === '*') return undefined;
  let end = offset;
  if (stars > 0) {
    while (end < text.length && WORD_CHARACTER.test(text[end])) end++;
    if (text.startsWith('**', end)) end += 2;
    else if (text[end] === '*') end += 1;
  }
  return { kind: 'body', start, end, prefix, stars };
}

/** What can be completed at `offset`, or undefined (delimiter lines, nested YAML, code, …). */
export function completionSiteAt(article: ParsedArticle, offset: number): CompletionSite | undefined {
  const frontmatter = article.frontmatter;
  if (frontmatter && inFrontmatter(article, offset)) return frontmatterSite(article, offset);
  if (frontmatter && offset < frontmatter.end) return undefined;
  return bodySite(article, offset);
}

/** The top-level key whose name covers the offset, with the name's range. */
export function frontmatterKeyAt(article: ParsedArticle, offset: number): { key: string; start: number; end: number } | undefined {
  if (!inFrontmatter(article, offset)) return undefined;
  const lineNumber = article.lines.lineOf(offset);
  const lineStart = article.lines.lineStart(lineNumber);
  const found = keyOfLine(article.lines.lineText(lineNumber));
  if (!found) return undefined;
  const start = lineStart + found.start;
  const end = lineStart + found.end;
  return offset >= start && offset <= end ? { key: found.key, start, end } : undefined;
}

/**
 * The item of a top-level list (`keywords: [a, b]` or a block list) that covers the offset, with
 * its range (quotes included).
 */
export function frontmatterListItemAt(
  article: ParsedArticle,
  key: string,
  offset: number,
): { text: string; start: number; end: number } | undefined {
  if (!inFrontmatter(article, offset)) return undefined;
  const lines = frontmatterLines(article);
  const index = lines.findIndex((entry) => entry.start <= offset && offset <= entry.start + entry.text.length);
  if (index === -1) return undefined;
  const { text, start: lineStart } = lines[index];
  const column = offset - lineStart;
  const keyed = keyOfLine(text);
  if (keyed) {
    if (keyed.key !== key) return undefined;
    const open = text.indexOf('[', text.indexOf(':', keyed.end));
    if (open === -1) return undefined;
    const inside = text.slice(open + 1);
    const closing = findFlowListEnd(inside);
    for (const item of flowListItems(closing === -1 ? inside : inside.slice(0, closing))) {
      const start = open + 1 + item.start;
      const end = open + 1 + item.end;
      if (column >= start && column <= end) return { text: item.text, start: lineStart + start, end: lineStart + end };
    }
    return undefined;
  }
  const item = /^([ \t]*-[ \t]+)(.*?)(\s+#.*)?$/.exec(text);
  if (!item || column < item[1].length) return undefined;
  for (let at = index - 1; at >= 0; at--) {
    const found = keyOfLine(lines[at].text);
    if (found) {
      if (found.key !== key) return undefined;
      const raw = item[2].trimEnd();
      return { text: unquote(raw), start: lineStart + item[1].length, end: lineStart + item[1].length + raw.length };
    }
    if (!/^[ \t]*-/.test(lines[at].text) && lines[at].text.trim() !== '') return undefined;
  }
  return undefined;
}

/** The text of a value to insert at a value site, quoted as the site needs. */
export function valueInsertText(site: ValueSite, yamlText: string, rawValue: string): string {
  if (site.quote === '"') return JSON.stringify(rawValue).slice(1, -1);
  if (site.quote === "'") return rawValue.replace(/'/g, "''");
  return `${site.needsSpace ? ' ' : ''}${yamlText}`;
}
