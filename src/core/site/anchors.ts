/**
 * Heading anchors as GitHub (and most generators' defaults) make them: lowercase, punctuation and
 * symbols dropped, each space a `-`; a repeated anchor gets `-1`, `-2`, … in order. A heading that
 * ends with `{#custom-id}` (Hugo, Docusaurus, kramdown), or that a kramdown attribute list below it
 * names (`{: #custom-id}`), has that id instead. Where the site asks for them, definition-list terms
 * have anchors too (definitionTermAnchors).
 */
import { headingsOf } from '../facts/headings';
import { inRanges, notMarkupRanges } from '../facts/hidden';
import type { ParsedArticle } from '../parse/parse';
import type { Token } from '../parse/token';
import { blockMaps, sourceOffset } from '../parse/offsets';
import { contentRangeOf } from '../parse/positions';

/** GitHub's slug of a heading's text (without the de-duplicating suffix). */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

export interface HeadingAnchor {
  /** The anchor, without `#`. */
  id: string;
  text: string;
  /** The heading's level; 0 for an HTML element's `id` (`<div id="x">`, `<a name="x">`). */
  level: number;
  /** Range of the heading in the article text, and its 0-based line. */
  start: number;
  end: number;
  line: number;
}

const CUSTOM_ID = /\s*\{#([^\s}]+)\}\s*$/;
/** A kramdown attribute list on the line after a heading (`{: #v1-0-0}`, Jekyll's default Markdown): the heading's id. */
const KRAMDOWN_IAL_ID = /^\{:[^}\n]*?#([\w:.-]+)[^}\n]*\}[ \t]*(?:\n|$)/;

/** The id a kramdown attribute list right below the heading gives it, if any. */
function attributeListId(article: ParsedArticle, tokenIndex: number): string | undefined {
  const { tokens } = article;
  const close = tokens[tokenIndex + 2];
  const open = tokens[tokenIndex + 3];
  const inline = tokens[tokenIndex + 4];
  if (close?.type !== 'heading_close' || open?.type !== 'paragraph_open' || inline?.type !== 'inline') return undefined;
  const heading = tokens[tokenIndex].map;
  if (!heading || open.map?.[0] !== heading[1]) return undefined;
  return KRAMDOWN_IAL_ID.exec(inline.content)?.[1];
}

/** Every heading's anchor, in order, de-duplicated as GitHub does. */
export function headingAnchors(article: ParsedArticle): HeadingAnchor[] {
  const seen = new Map<string, number>();
  const used = new Set<string>();
  const anchors: HeadingAnchor[] = [];
  for (const heading of headingsOf(article)) {
    const custom = CUSTOM_ID.exec(heading.text);
    const text = custom ? heading.text.slice(0, custom.index) : heading.text;
    const given = custom?.[1] ?? attributeListId(article, heading.tokenIndex);
    let id = given ?? githubSlug(text);
    if (given === undefined) {
      const base = id;
      let count = seen.get(base) ?? 0;
      while (used.has(id)) id = `${base}-${++count}`;
      seen.set(base, count);
    }
    used.add(id);
    anchors.push({ id, text, level: heading.level, start: heading.start, end: heading.end, line: heading.line });
  }
  return anchors;
}

/** The plain text of one line of an inline token's children (text, code and entities; markup dropped). */
function lineTexts(children: readonly Token[]): string[] {
  const lines = [''];
  for (const child of children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') lines.push('');
    else if (child.type === 'text' || child.type === 'code_inline') lines[lines.length - 1] += child.content;
  }
  return lines;
}

const DEFINITION = /^:[ \t]/;

/**
 * Definition-list terms (a line, or lines, followed by a line `: definition`), with the anchors
 * that Hugo's autoDefinitionTermID gives them: the term's text slugged as a heading's, a repeated
 * one (a heading's too) with `-1`, `-2`, … after `taken`.
 */
export function definitionTermAnchors(article: ParsedArticle, taken: readonly string[] = []): HeadingAnchor[] {
  const used = new Set(taken);
  const anchors: HeadingAnchor[] = [];
  const { tokens, lines } = article;
  let previous: { lines: string[]; line: number } | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type !== 'inline' || tokens[index - 1]?.type !== 'paragraph_open' || !token.map || !token.children) {
      if (token.type !== 'paragraph_open' && token.type !== 'paragraph_close') previous = undefined;
      continue;
    }
    const texts = lineTexts(token.children);
    const first = texts.findIndex((text) => DEFINITION.test(text));
    const line = article.bodyLine + token.map[0];
    let terms: { text: string; line: number }[] = [];
    if (first > 0) terms = texts.slice(0, first).map((text, at) => ({ text, line: line + at }));
    else if (first === 0 && previous) terms = previous.lines.map((text, at) => ({ text, line: previous!.line + at }));
    for (const term of terms) {
      const text = term.text.trim();
      if (!text) continue;
      const base = githubSlug(text);
      let id = base;
      for (let count = 1; used.has(id); count++) id = `${base}-${count}`;
      used.add(id);
      const start = lines.lineStart(term.line);
      anchors.push({ id, text, level: 0, start, end: start + lines.lineText(term.line).trimEnd().length, line: term.line });
    }
    previous = first === -1 ? { lines: texts, line } : undefined;
  }
  return anchors;
}

/** An `id` (or an `<a>`'s `name`) attribute of an HTML tag, outside comments. */
const ELEMENT_ID = /<([a-zA-Z][\w-]*)\b[^<>]*?\s(id|name)\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'=<>`]+))/g;

/** The ids that HTML in the body gives its elements: links may lead to them as to headings. */
export function elementAnchors(article: ParsedArticle): HeadingAnchor[] {
  const anchors: HeadingAnchor[] = [];
  const { tokens } = article;
  let maps: ([number, number] | undefined)[] | undefined;
  const collect = (html: string, token: Token, map: [number, number], base: number) => {
    if (html.indexOf('<') === -1) return;
    const withoutComments = html.replace(/<!--[^]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length));
    ELEMENT_ID.lastIndex = 0;
    for (let match = ELEMENT_ID.exec(withoutComments); match; match = ELEMENT_ID.exec(withoutComments)) {
      const id = match[3] ?? match[4] ?? match[5] ?? '';
      if (!id || /\{\{|\{%/.test(id) || (match[2] === 'name' && match[1].toLowerCase() !== 'a')) continue;
      const start = sourceOffset(article, token, map, base + match.index);
      // Within a hidden or code pair of template tags (`{% set x %}` … `{% endset %}`): no element.
      if (inRanges(notMarkupRanges(article), start)) continue;
      const end = sourceOffset(article, token, map, base + match.index + match[0].length);
      anchors.push({ id, text: `<${match[1]}>`, level: 0, start, end, line: article.lines.lineOf(start) });
    }
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === 'html_block' && token.map) collect(token.content, token, token.map as [number, number], 0);
    else if (token.type === 'inline' && token.children) {
      maps ??= blockMaps(tokens);
      const map = maps[index];
      if (!map) continue;
      for (const child of token.children) {
        if (child.type !== 'html_inline') continue;
        const range = contentRangeOf(child);
        if (range) collect(child.content, token, map, range[0]);
      }
    }
  }
  return anchors;
}
