/**
 * Liquid and Nunjucks (Jekyll, Eleventy): `{% tag %}` and `{{ output }}` are run before the Markdown
 * is read, so they are never text: inline `liquid` tokens. Paired tags whose body is not Markdown
 * (pairedKind) are read whole, so that a `# line` inside is no heading and a link inside no link:
 * standing on their own lines, `{% comment %}`, `{% set x %}` and `{% capture %}` blocks are
 * `liquid_block` tokens (which may hold blank lines and Markdown: none of it is content),
 * `{% highlight %}` blocks are code blocks (`fence` tokens, the language from the tag, the two tags
 * hidden), and `{% raw %}` / `{% verbatim %}` text is shown as written: a `text` token, the two tags
 * hidden; standing on their own lines, a paragraph of that text (`meta.liquidRaw`). An image whose
 * path starts with Liquid (`![alt]({{ site.baseurl }}/x.png)`) is an image. Inside an HTML block
 * (which runs to a blank line, tags and all) such pairs are hidden the same way, and a code pair's
 * text is code: neither is markup (`meta.hidden`, `meta.code`).
 */
import type MarkdownIt from 'markdown-it';
import { recordContentRange } from '../positions';
import { lineAndColumn, type HiddenMeta, type HiddenSpan } from './hidden';
import { PairedTags, pairedKind, tagName, type TagRange } from './pairedTags';
import { blankBetweenIn, lineAtOffset, memoOfState, templateEnd, templateEndIn } from './scan';

type MarkdownParser = ReturnType<typeof MarkdownIt>;
type StateInline = MarkdownIt.StateInline;
type StateBlock = MarkdownIt.StateBlock;
type StateCore = MarkdownIt.StateCore;

/** Where the paired tag `name` whose opening tag ends at `from` ends (closingTagScan), from the state's tag index. */
function closingTag(state: StateInline | StateBlock, name: string, from: number, end: number): TagRange | undefined {
  return memoOfState(state, 'paired tags', () => new PairedTags(state.src)).closingTag(name, from, end);
}

/** A highlight tag's language: `bash` in `{% highlight "bash" %}` or `{% highlight ruby linenos %}`. */
function highlightLanguage(source: string): string {
  const argument = /^\{%-?\s*highlight\s+["'`]?([\w+#.-]*)/.exec(source);
  return argument?.[1] ?? '';
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
  const end = templateEndIn(state, start + 2, state.posMax, close);
  if (end === -1) return false;
  const source = src.slice(start, end);
  const name = close === '%}' ? tagName(source) : '';
  const kind = name ? pairedKind(name, source) : undefined;
  if (kind) {
    const closing = closingTag(state, name, end, state.posMax);
    const stop = closing ? closing.end : state.posMax;
    if (!silent) {
      if (kind === 'hidden') push(state, 'liquid', src.slice(start, stop), start, stop);
      else {
        // The text between the tags, as written: literal text, or code.
        push(state, 'liquid', source, start, end);
        const text = state.push(kind === 'code' ? 'code_inline' : 'text', kind === 'code' ? 'code' : '', 0);
        text.content = src.slice(end, closing ? closing.start : state.posMax);
        if (closing) push(state, 'liquid', src.slice(closing.start, closing.end), closing.start, closing.end);
      }
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
  pos = templateEndIn(state, pos + 2, max, src.charCodeAt(pos + 1) === 0x7b ? '}}' : '%}');
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

/**
 * A paired tag (pairedKind) at the start of a line, up to its end tag and the end of that line: a
 * hidden block, a code block, or a paragraph of literal text.
 */
function liquidBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const src = state.src;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (src.charCodeAt(start) !== 0x7b || src.charCodeAt(start + 1) !== 0x25) return false;
  const lastEnd = state.eMarks[endLine - 1] ?? src.length;
  const openEnd = templateEnd(src, start + 2, state.eMarks[startLine], '%}');
  if (openEnd === -1) return false;
  const opening = src.slice(start, openEnd);
  const name = tagName(opening);
  const kind = pairedKind(name, opening);
  if (!kind) return false;
  const closing = closingTag(state, name, openEnd, lastEnd);
  // The block ends with the line of its end tag (nothing but blanks after it), or runs to the end.
  let line = startLine;
  if (closing) {
    line = lineAtOffset(state.bMarks, startLine, endLine, closing.start);
    if (!blankBetweenIn(state, closing.end, state.eMarks[line])) return false;
  } else line = endLine - 1;
  if (silent) return true;
  const nextLine = line + 1;
  const inside = src.slice(openEnd, closing ? closing.start : lastEnd);
  if (kind === 'hidden') {
    const token = state.push('liquid_block', '', 0);
    token.map = [startLine, nextLine];
    token.content = src.slice(start, closing ? closing.end : lastEnd);
    token.block = true;
    state.line = nextLine;
    return true;
  }
  // Code or literal text between two hidden tags. Columns count from the source line's start, before
  // any blockquote marker or list indent.
  const firstLineStart = src.lastIndexOf('\n', state.bMarks[startLine] - 1) + 1;
  const hidden: HiddenSpan[] = [[0, start - firstLineStart, 0, openEnd - firstLineStart]];
  if (closing) {
    const [l1, c1] = lineAndColumn(src, firstLineStart, closing.start);
    const [l2, c2] = lineAndColumn(src, firstLineStart, closing.end);
    hidden.push([l1, c1, l2, c2]);
  }
  if (kind === 'code') {
    const token = state.push('fence', 'code', 0);
    token.info = highlightLanguage(opening);
    // What closes it, as a fence's markup does (a fix that appends to an open block writes it).
    token.markup = `{% end${name} %}`;
    token.content = inside.replace(/^[ \t]*\n/, '').replace(/[ \t]*$/, '');
    token.map = [startLine, nextLine];
    token.meta = { hidden } satisfies HiddenMeta;
    state.line = nextLine;
    return true;
  }
  const open = state.push('paragraph_open', 'p', 1);
  open.map = [startLine, nextLine];
  open.meta = { hidden } satisfies HiddenMeta;
  const inline = state.push('inline', '', 0);
  inline.content = inside.replace(/^[ \t]*\n|\n[ \t]*$/g, '');
  inline.map = [startLine, nextLine];
  inline.children = [];
  inline.meta = { liquidRaw: true };
  state.push('paragraph_close', 'p', -1);
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

/**
 * After the block parse: the paired tags within each HTML block. A hidden pair is hidden whole; a
 * literal or code pair's two tags are hidden, and a code pair's text is recorded as code (`meta.code`)
 * so that no link, image or id is read in it. A pair not closed within the block runs to its end.
 */
function liquidInHtmlBlocks(state: StateCore): void {
  let lineStarts: number[] | undefined;
  for (const token of state.tokens) {
    if (token.type !== 'html_block' || !token.map || token.content.indexOf('{%') === -1) continue;
    lineStarts ??= lineStartsOf(state.src);
    const from = lineStarts[token.map[0]] ?? state.src.length;
    const to = token.map[1] < lineStarts.length ? lineStarts[token.map[1]] - 1 : state.src.length;
    const spans = pairedSpans(state.src.slice(from, to));
    if (!spans.hidden.length) continue;
    token.meta = { ...(token.meta as object | null), ...spans } satisfies HiddenMeta;
  }
}

/** The hidden and code spans of the paired tags in `region` (whole lines of the source). */
function pairedSpans(region: string): Required<HiddenMeta> {
  const hidden: HiddenSpan[] = [];
  const code: HiddenSpan[] = [];
  const starts = lineStartsOf(region);
  const span = (start: number, end: number): HiddenSpan => [...lineColumn(starts, start), ...lineColumn(starts, end)];
  const tags = new PairedTags(region);
  for (let at = region.indexOf('{%'); at !== -1; ) {
    const openEnd = templateEnd(region, at + 2, region.length, '%}');
    if (openEnd === -1) break;
    const opening = region.slice(at, openEnd);
    const name = tagName(opening);
    const kind = pairedKind(name, opening);
    if (!kind) {
      at = region.indexOf('{%', openEnd);
      continue;
    }
    const closing = tags.closingTag(name, openEnd, region.length);
    const stop = closing ? closing.end : region.length;
    if (kind === 'hidden') hidden.push(span(at, stop));
    else {
      hidden.push(span(at, openEnd));
      if (kind === 'code') code.push(span(openEnd, closing ? closing.start : stop));
      if (closing) hidden.push(span(closing.start, closing.end));
    }
    at = region.indexOf('{%', stop);
  }
  return { hidden, code };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The line (an index of `starts`) and column of `offset`. */
function lineColumn(starts: readonly number[], offset: number): [number, number] {
  const line = lineAtOffset(starts, 0, starts.length, offset);
  return [line, offset - starts[line]];
}

/** The markdown-it plugin (ordinary Markdown files). */
export function liquid(md: MarkdownParser): void {
  md.block.ruler.before('fence', 'liquid_block', liquidBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('emphasis', 'liquid', liquidInline);
  md.inline.ruler.before('image', 'liquid_image', liquidImage);
  md.core.ruler.after('inline', 'liquid_raw', liquidRawText);
  md.core.ruler.after('block', 'liquid_html_blocks', liquidInHtmlBlocks);
}
