/**
 * Every outgoing link of the body, with its exact range: Markdown links (inline, reference and
 * `<autolinks>`) from markdown-it's tokens, `<a href>` in inline HTML and HTML blocks, Hugo
 * `{{< ref "…" >}}` / `relref` shortcodes and Jekyll `{% post_url … %}` / `{% link … %}` tags (the
 * parse's `shortcode` and `liquid` tokens). Nothing in code spans, code blocks, HTML comments or hidden
 * template tags (facts/hidden.ts) is a link. Computed once per parse.
 */
import type { ParsedArticle } from '../parse/parse';
import type { Token } from '../parse/token';
import { blockMaps, sourceOffset } from '../parse/offsets';
import { contentRangeOf } from '../parse/positions';
import { shortcodeMetaOf } from '../parse/syntax/shortcodes';
import { CacheKey } from '../parse/cache';
import { inRanges, notMarkupRanges } from './hidden';

export interface LinkRef {
  /**
   * `markdown`: `[text](target)`, `[text][ref]`, `<target>`; `html`: `<a href>`; `ref`/`relref`: a
   * Hugo shortcode; `post_url`/`link`: a Jekyll tag.
   */
  kind: 'markdown' | 'html' | 'ref' | 'relref' | 'post_url' | 'link';
  /** The target as written (for a Markdown link: its destination, entities and escapes resolved). */
  target: string;
  /** Range of the whole link in the article text. */
  start: number;
  end: number;
  /** Range of the target as written in the source, when it can be found (for fixes and navigation). */
  targetStart?: number;
  targetEnd?: number;
}

/** At most this many links are collected from one article (a hostile article cannot grow the model without bound). */
const MAX_LINKS_PER_ARTICLE = 20000;

const LINKS = new CacheKey<LinkRef[]>('links');

export function linksOf(article: ParsedArticle): LinkRef[] {
  return article.cache.ensure(LINKS, () => collectLinks(article));
}

const JEKYLL_TAG = /^\{%-?\s*(post_url|link)\s+([^\s%]+)\s*-?%\}$/;
const HTML_ANCHOR = /<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

function collectLinks(article: ParsedArticle): LinkRef[] {
  const links: LinkRef[] = [];
  const { tokens } = article;
  let maps: ([number, number] | undefined)[] | undefined;
  for (let index = 0; index < tokens.length && links.length < MAX_LINKS_PER_ARTICLE; index++) {
    const token = tokens[index];
    if (token.type === 'inline' && token.children) {
      maps ??= blockMaps(tokens);
      const map = maps[index];
      if (!map) continue;
      inlineLinks(article, token, map, links);
    } else if (token.type === 'html_block' && token.map) {
      const map = token.map as [number, number];
      for (const found of htmlAnchors(token.content)) {
        const start = sourceOffset(article, token, map, found.start);
        // Within a hidden or code pair of template tags (`{% set x %}` … `{% endset %}`): no link.
        if (inRanges(notMarkupRanges(article), start)) continue;
        links.push({
          kind: 'html',
          target: found.target,
          start,
          end: sourceOffset(article, token, map, found.end),
          targetStart: sourceOffset(article, token, map, found.targetStart),
          targetEnd: sourceOffset(article, token, map, found.targetEnd),
        });
      }
    }
  }
  links.sort((a, b) => a.start - b.start);
  return links;
}

function inlineLinks(article: ParsedArticle, inline: Token, map: [number, number], links: LinkRef[]): void {
  const children = inline.children!;
  const opens: Token[] = [];
  for (const child of children) {
    if (child.type === 'link_open') opens.push(child);
    else if (child.type === 'link_close') {
      const open = opens.pop();
      const range = contentRangeOf(child);
      if (!open || !range) continue;
      const href = String(open.attrGet('href') ?? '');
      const start = sourceOffset(article, inline, map, range[0]);
      const end = sourceOffset(article, inline, map, range[1]);
      const link: LinkRef = { kind: 'markdown', target: href, start, end };
      const raw = rawDestination(inline.content, range[0], range[1], open.markup === 'autolink');
      if (raw) {
        link.target = raw.text;
        link.targetStart = sourceOffset(article, inline, map, range[0] + raw.start);
        link.targetEnd = sourceOffset(article, inline, map, range[0] + raw.end);
      }
      if (links.length < MAX_LINKS_PER_ARTICLE) links.push(link);
    } else if (child.type === 'html_inline') {
      const range = contentRangeOf(child);
      if (!range) continue;
      for (const found of htmlAnchors(child.content)) {
        links.push({
          kind: 'html',
          target: found.target,
          start: sourceOffset(article, inline, map, range[0] + found.start),
          end: sourceOffset(article, inline, map, range[0] + found.end),
          targetStart: sourceOffset(article, inline, map, range[0] + found.targetStart),
          targetEnd: sourceOffset(article, inline, map, range[0] + found.targetEnd),
        });
      }
    } else if ((child.type === 'shortcode' || child.type === 'liquid') && links.length < MAX_LINKS_PER_ARTICLE) {
      const link = templateLink(article, inline, map, child);
      if (link) links.push(link);
    }
  }
}

/**
 * The destination of a Markdown link as written, within the link's source `text[from, to)`: after
 * the last `](` for an inline link, between `<` and `>` for an autolink; offsets from `from`.
 * Reference links (`[a][b]`) have none here. Read in place: a page has hundreds of links.
 */
function rawDestination(text: string, from: number, to: number, autolink: boolean): { text: string; start: number; end: number } | undefined {
  if (autolink) return to - from > 2 ? { text: text.slice(from + 1, to - 1), start: 1, end: to - from - 1 } : undefined;
  if (to - from < 3 || text.charCodeAt(to - 1) !== 0x29 /* ) */) return undefined;
  const open = text.lastIndexOf('](', to - 2);
  if (open < from) return undefined;
  let start = open + 2;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  if (start < to && text.charCodeAt(start) === 0x3c /* < */) {
    const close = text.indexOf('>', start + 1);
    if (close === -1 || close >= to) return undefined;
    return { text: text.slice(start + 1, close), start: start + 1 - from, end: close - from };
  }
  let end = start;
  let depth = 0;
  let escaped = false;
  while (end < to) {
    const code = text.charCodeAt(end);
    if (code === 0x5c /* \ */) {
      escaped = true;
      end += 2;
      continue;
    }
    if (isSpace(code)) break;
    if (code === 0x28 /* ( */) depth++;
    else if (code === 0x29 /* ) */) {
      if (depth === 0) break;
      depth--;
    }
    end++;
  }
  end = Math.min(end, to);
  const written = text.slice(start, end);
  return { text: escaped ? written.replace(/\\([!-/:-@[-`{-~])/g, '$1') : written, start: start - from, end: end - from };
}

/** White space as `\s` matches it. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/.test(String.fromCharCode(code));
}

/** A Hugo `ref`/`relref` shortcode or a Jekyll `post_url`/`link` tag (parsed as `shortcode` and `liquid` tokens), as a link. */
function templateLink(article: ParsedArticle, inline: Token, map: [number, number], child: Token): LinkRef | undefined {
  const range = contentRangeOf(child);
  if (!range) return undefined;
  let kind: LinkRef['kind'];
  let target: string | undefined;
  if (child.type === 'shortcode') {
    const meta = shortcodeMetaOf(child);
    if (meta.closing || (meta.name !== 'ref' && meta.name !== 'relref')) return undefined;
    kind = meta.name;
    target = meta.params.path ?? meta.positional[0];
  } else {
    const match = JEKYLL_TAG.exec(child.content);
    if (!match) return undefined;
    kind = match[1] as 'post_url' | 'link';
    target = match[2];
  }
  if (target === undefined) return undefined;
  const source = inline.content.slice(range[0], range[1]);
  const at = source.indexOf(target, 3);
  const link: LinkRef = {
    kind,
    target,
    start: sourceOffset(article, inline, map, range[0]),
    end: sourceOffset(article, inline, map, range[1]),
  };
  if (at !== -1) {
    link.targetStart = sourceOffset(article, inline, map, range[0] + at);
    link.targetEnd = sourceOffset(article, inline, map, range[0] + at + target.length);
  }
  return link;
}

interface FoundAnchor {
  target: string;
  start: number;
  end: number;
  targetStart: number;
  targetEnd: number;
}

/** `<a href>` tags in a piece of HTML, outside comments. */
function htmlAnchors(html: string): FoundAnchor[] {
  if (html.indexOf('<') === -1) return [];
  const found: FoundAnchor[] = [];
  const comments: [number, number][] = [];
  for (let open = html.indexOf('<!--'); open !== -1; ) {
    const close = html.indexOf('-->', open + 4);
    const end = close === -1 ? html.length : close + 3;
    comments.push([open, end]);
    open = close === -1 ? -1 : html.indexOf('<!--', end);
  }
  HTML_ANCHOR.lastIndex = 0;
  for (let match = HTML_ANCHOR.exec(html); match; match = HTML_ANCHOR.exec(html)) {
    if (comments.some(([start, end]) => match!.index >= start && match!.index < end)) continue;
    const value = match[1] ?? match[2] ?? match[3] ?? '';
    const quoted = match[1] !== undefined || match[2] !== undefined;
    const targetEnd = match.index + match[0].length - (quoted ? 1 : 0);
    const targetStart = targetEnd - value.length;
    found.push({ target: decodeEntities(value), start: match.index, end: match.index + match[0].length, targetStart, targetEnd });
  }
  return found;
}

/** An `href` as a browser reads it: entities decoded, tabs and line breaks removed, outer blanks trimmed. */
function decodeEntities(text: string): string {
  let decoded = text;
  if (decoded.indexOf('&') !== -1) {
    decoded = decoded.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|colon|tab|newline));?/gi, (whole, dec: string, hex: string, name: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
      if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n' } as Record<string, string>)[name.toLowerCase()] ?? whole;
    });
  }
  return decoded.replace(/[\t\n\r]/g, '').trim();
}
