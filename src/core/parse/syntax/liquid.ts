/**
 * Liquid (Jekyll, Eleventy): `{% tag %}` and `{{ output }}` are run before the Markdown is read, so
 * they are never text: inline `liquid` tokens, and `liquid_block` tokens for `{% comment %}` …
 * `{% endcomment %}` standing on their own lines (which may hold blank lines and Markdown: none of it
 * is content). `{% raw %}` … `{% endraw %}` is shown as written: its text is a `text` token, the two
 * tags hidden; standing on their own lines, a paragraph of that text (`meta.liquidRaw`). An image
 * whose path starts with Liquid (`![alt]({{ site.baseurl }}/x.png)`) is an image.
 */
import type MarkdownIt from 'markdown-it';
import { recordContentRange } from '../positions';
import { lineAndColumn, type HiddenMeta, type HiddenSpan } from './hidden';
import { blankBetween, templateEnd } from './scan';

type MarkdownParser = ReturnType<typeof MarkdownIt>;
type StateInline = MarkdownIt.StateInline;
type StateBlock = MarkdownIt.StateBlock;
type StateCore = MarkdownIt.StateCore;

/** The tag that ends a `{% raw %}` or `{% comment %}` block, from `from` on. */
function endTag(src: string, name: 'raw' | 'comment', from: number, end: number): { start: number; end: number } | undefined {
  const pattern = name === 'raw' ? /\{%-?\s*endraw\s*-?%\}/g : /\{%-?\s*endcomment\s*-?%\}/g;
  pattern.lastIndex = from;
  const match = pattern.exec(src);
  if (!match || match.index + match[0].length > end) return undefined;
  return { start: match.index, end: match.index + match[0].length };
}

/** The tag's name: `raw` in `{%- raw -%}`. */
function tagName(source: string): string {
  return /^\{%-?\s*([\w-]*)/.exec(source)?.[1] ?? '';
}

function liquidInline(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const src = state.src;
  if (src.charCodeAt(start) !== 0x7b) return false;
  const next = src.charCodeAt(start + 1);
  let close: string;
  if (next === 0x25 /* % */) close = '%}';
  else if (next === 0x7b /* { */) {
    const third = src.charCodeAt(start + 2);
    if (third === 0x3c || third === 0x25) return false; // a Hugo shortcode
    close = '}}';
  } else return false;
  const end = templateEnd(src, start + 2, state.posMax, close);
  if (end === -1) return false;
  const source = src.slice(start, end);
  const name = close === '%}' ? tagName(source) : '';
  if (name === 'raw' || name === 'comment') {
    const closing = endTag(src, name, end, state.posMax);
    const stop = closing ? closing.end : state.posMax;
    if (!silent) {
      if (name === 'raw') {
        push(state, 'liquid', source, start, end);
        const text = state.push('text', '', 0);
        text.content = src.slice(end, closing ? closing.start : state.posMax);
        if (closing) push(state, 'liquid', src.slice(closing.start, closing.end), closing.start, closing.end);
      } else push(state, 'liquid', src.slice(start, stop), start, stop);
    }
    state.pos = stop;
    return true;
  }
  if (!silent) push(state, 'liquid', source, start, end);
  state.pos = end;
  return true;
}

function push(state: StateInline, type: string, content: string, start: number, end: number): void {
  const token = state.push(type, '', 0);
  token.content = content;
  recordContentRange(token, start, end);
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

/**
 * `![alt]({{ site.baseurl }}/x.png)`, as Jekyll's documentation writes images: Liquid fills in the
 * path before the Markdown is read, so the spaces inside `{{ … }}` do not end it. An `image` token
 * like markdown-it's, its `src` as written (facts/imagePaths.ts resolves such a path).
 */
function liquidImage(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const max = state.posMax;
  if (src.charCodeAt(start) !== 0x21 || src.charCodeAt(start + 1) !== 0x5b) return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, start + 1, false);
  if (labelEnd < 0 || src.charCodeAt(labelEnd + 1) !== 0x28) return false;
  let pos = labelEnd + 2;
  while (pos < max && isBlank(src.charCodeAt(pos))) pos++;
  if (src.charCodeAt(pos) !== 0x7b || (src.charCodeAt(pos + 1) !== 0x7b && src.charCodeAt(pos + 1) !== 0x25)) return false;
  const hrefStart = pos;
  pos = templateEnd(src, pos + 2, max, src.charCodeAt(pos + 1) === 0x7b ? '}}' : '%}');
  if (pos === -1) return false;
  // The rest of the path, up to blanks (a title may follow) or the closing parenthesis.
  while (pos < max && !isBlank(src.charCodeAt(pos)) && src.charCodeAt(pos) !== 0x29) pos++;
  const href = src.slice(hrefStart, pos);
  const afterHref = pos;
  while (pos < max && isBlank(src.charCodeAt(pos))) pos++;
  let title = '';
  if (pos > afterHref && pos < max && src.charCodeAt(pos) !== 0x29) {
    const parsed = state.md.helpers.parseLinkTitle(src, pos, max);
    if (!parsed.ok) return false;
    title = parsed.str;
    pos = parsed.pos;
    while (pos < max && isBlank(src.charCodeAt(pos))) pos++;
  }
  if (pos >= max || src.charCodeAt(pos) !== 0x29) return false;
  pos++;
  if (!silent) {
    const content = src.slice(start + 2, labelEnd);
    const children: MarkdownIt.Token[] = [];
    state.md.inline.parse(content, state.md, state.env, children);
    const token = state.push('image', 'img', 0);
    token.attrs = [['src', href], ['alt', '']];
    if (title) token.attrs.push(['title', title]);
    token.children = children;
    token.content = content;
    recordContentRange(token, start, pos);
  }
  state.pos = pos;
  return true;
}

/** `{% raw %}` or `{% comment %}` at the start of a line, up to its end tag and the end of that line. */
function liquidBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const src = state.src;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (src.charCodeAt(start) !== 0x7b || src.charCodeAt(start + 1) !== 0x25) return false;
  const lastEnd = state.eMarks[endLine - 1] ?? src.length;
  const openEnd = templateEnd(src, start + 2, state.eMarks[startLine], '%}');
  if (openEnd === -1) return false;
  const name = tagName(src.slice(start, openEnd));
  if (name !== 'raw' && name !== 'comment') return false;
  const closing = endTag(src, name, openEnd, lastEnd);
  // The block ends with the line of its end tag (nothing but blanks after it), or runs to the end.
  let line = startLine;
  if (closing) {
    while (line + 1 < endLine && state.bMarks[line + 1] <= closing.start) line++;
    if (!blankBetween(src, closing.end, state.eMarks[line])) return false;
  } else line = endLine - 1;
  if (silent) return true;
  const nextLine = line + 1;
  // Columns count from the source line's start, before any blockquote marker or list indent.
  const firstLineStart = src.lastIndexOf('\n', state.bMarks[startLine] - 1) + 1;
  if (name === 'comment') {
    const token = state.push('liquid_block', '', 0);
    token.map = [startLine, nextLine];
    token.content = src.slice(start, closing ? closing.end : lastEnd);
    token.block = true;
  } else {
    // The raw text as a paragraph, its tags hidden.
    const hidden: HiddenSpan[] = [];
    hidden.push([0, start - firstLineStart, 0, openEnd - firstLineStart]);
    if (closing) {
      const [l1, c1] = lineAndColumn(src, firstLineStart, closing.start);
      const [l2, c2] = lineAndColumn(src, firstLineStart, closing.end);
      hidden.push([l1, c1, l2, c2]);
    }
    const open = state.push('paragraph_open', 'p', 1);
    open.map = [startLine, nextLine];
    open.meta = { hidden } satisfies HiddenMeta;
    const inline = state.push('inline', '', 0);
    inline.content = src.slice(openEnd, closing ? closing.start : lastEnd).replace(/^[ \t]*\n|\n[ \t]*$/g, '');
    inline.map = [startLine, nextLine];
    inline.children = [];
    inline.meta = { liquidRaw: true };
    state.push('paragraph_close', 'p', -1);
  }
  state.line = nextLine;
  return true;
}

/** After the inline parse: a `{% raw %}` paragraph holds its text as written, not as Markdown. */
function liquidRawText(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'inline' || !(token.meta as { liquidRaw?: boolean } | null)?.liquidRaw) continue;
    const text = new state.Token('text', '', 0);
    text.content = token.content;
    token.children = [text];
  }
}

/** The markdown-it plugin (ordinary Markdown files). */
export function liquid(md: MarkdownParser): void {
  md.block.ruler.before('fence', 'liquid_block', liquidBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('emphasis', 'liquid', liquidInline);
  md.inline.ruler.before('image', 'liquid_image', liquidImage);
  md.core.ruler.after('inline', 'liquid_raw', liquidRawText);
}
