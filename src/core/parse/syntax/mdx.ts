/**
 * MDX (`.mdx`): what the MDX compiler takes as JavaScript is never content. `import` / `export`
 * lines at the top level (up to the next blank line) are `mdx_esm` tokens; a `{…}` expression that
 * fills its lines (a `{/* comment *\/}` most often, which may span many lines and blank lines) is an
 * `mdx_flow` token, one left open runs to the end of the document (MDX refuses such a file);
 * `{…}` inside a paragraph is an inline `mdx_expression` token. A JSX tag whose attributes only JSX
 * can read (`<Picture src={hero} formats={['avif', 'webp']} />`, `onLoad={() => x > 1}`, spread over
 * lines) is raw HTML as markdown-it would give it, read with JSX's syntax (jsx.ts): an `html_block`
 * when it fills its lines, else an `html_inline` token.
 */
import type MarkdownIt from 'markdown-it';
import { recordContentRange } from '../positions';
import { jsxTagEnd, type TagReading } from './jsx';
import { blankBetween, blankBetweenIn, braceEndIn, firstAtOrAfter, lineAtOffset, memoOfState } from './scan';

type MarkdownParser = ReturnType<typeof MarkdownIt>;
type StateInline = MarkdownIt.StateInline;
type StateBlock = MarkdownIt.StateBlock;

const ESM = /^(?:import|export)(?=[\s{*])/;

function mdxEsm(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.blkIndent !== 0 || state.sCount[startLine] !== 0 || state.level !== 0) return false;
  const start = state.bMarks[startLine];
  if (!ESM.test(state.src.slice(start, Math.min(start + 8, state.eMarks[startLine])))) return false;
  if (silent) return true;
  let line = startLine + 1;
  while (line < endLine && !state.isEmpty(line)) line++;
  const token = state.push('mdx_esm', '', 0);
  token.map = [startLine, line];
  token.content = state.getLines(startLine, line, 0, false);
  state.line = line;
  return true;
}

function mdxFlow(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const src = state.src;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (src.charCodeAt(start) !== 0x7b) return false;
  // Only a comment interrupts a paragraph (its lines would otherwise be read as Markdown).
  if (silent && !src.startsWith('{/*', start)) return false;
  const lastEnd = state.eMarks[endLine - 1] ?? src.length;
  const close = braceEndIn(state, start, lastEnd);
  let line = startLine;
  if (close === -1) line = endLine - 1;
  else {
    line = lineAtOffset(state.bMarks, startLine, endLine, close - 1);
    if (!blankBetweenIn(state, close, state.eMarks[line])) return false;
  }
  if (silent) return true;
  const token = state.push('mdx_flow', '', 0);
  token.map = [startLine, line + 1];
  token.content = src.slice(start, close === -1 ? lastEnd : close);
  state.line = line + 1;
  return true;
}

function mdxExpression(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x7b) return false;
  const end = braceEndIn(state, start, state.posMax);
  if (end === -1) return false;
  if (!silent) {
    const token = state.push('mdx_expression', '', 0);
    token.content = state.src.slice(start, end);
    recordContentRange(token, start, end);
  }
  state.pos = end;
  return true;
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * Offset past the JSX tag at `from` when it holds a `{…}` (markdown-it reads tags without one as
 * HTML, the same way), else -1.
 */
function expressionTagEnd(src: string, from: number, end: number, reading?: TagReading): number {
  if (src.charCodeAt(from) !== 0x3c || !isLetter(src.charCodeAt(from + 1))) return -1;
  const close = jsxTagEnd(src, from, end, reading);
  return close !== -1 && src.slice(from, close).includes('{') ? close : -1;
}

/**
 * A JSX tag that fills its lines, up to the next blank line (so that the body parsed by segments
 * reads it the same). After markdown-it's own HTML blocks, which read the tags they know.
 */
function mdxJsxBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const src = state.src;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (src.charCodeAt(start) !== 0x3c) return false;
  // The tag read from the source first, as far as it goes: tried at each line a block starts on, the
  // rule reads no further than the tag. Where no tag ends there, none ends in the lines either (the
  // same text, markers read as spaces, with no limit); where one does, the lines up to it hold it.
  const lastEnd = state.eMarks[endLine - 1] ?? src.length;
  const sourceClose = expressionTagEnd(src, start, lastEnd, {
    expressionEnd: (at) => braceEndIn(state, at, lastEnd),
    maxLength: Number.POSITIVE_INFINITY,
    isMarker: (at) => isContainerMarker(state, startLine, endLine, at),
    quoteAt: (quote, at, before) => quoteIn(state, quote, at, before),
  });
  if (sourceClose === -1) return false;
  // The tag's lines, up to the next blank line.
  let last = startLine;
  while (last + 1 < endLine && state.bMarks[last + 1] < sourceClose && !state.isEmpty(last + 1)) last++;
  // The lines as their container holds them (no blockquote markers), the tag first.
  const lines = state.getLines(startLine, last + 1, state.blkIndent, false);
  const tagStart = lines.indexOf('<');
  const close = expressionTagEnd(lines, tagStart, lines.length);
  if (close === -1) return false;
  const lineEnd = lines.indexOf('\n', close);
  if (!blankBetween(lines, close, lineEnd === -1 ? lines.length : lineEnd)) return false;
  if (silent) return true;
  let tagLine = startLine;
  for (let at = lines.indexOf('\n'); at !== -1 && at < close; at = lines.indexOf('\n', at + 1)) tagLine++;
  const token = state.push('html_block', '', 0);
  token.map = [startLine, tagLine + 1];
  token.content = state.getLines(startLine, tagLine + 1, state.blkIndent, true);
  state.line = tagLine + 1;
  return true;
}

/** The first `quote` in the state's text at or after `from` and before `before`, or -1, from a list of them made once. */
function quoteIn(state: StateBlock, quote: string, from: number, before: number): number {
  const places = memoOfState(state, `places of ${quote}`, () => {
    const found: number[] = [];
    for (let at = state.src.indexOf(quote); at !== -1; at = state.src.indexOf(quote, at + 1)) found.push(at);
    return found;
  });
  const first = firstAtOrAfter(places, from);
  return first < places.length && places[first] < before ? places[first] : -1;
}

/** Whether the offset is before its line's text in [startLine, endLine) (a blockquote's marker). */
function isContainerMarker(state: StateBlock, startLine: number, endLine: number, offset: number): boolean {
  let low = startLine;
  let high = endLine - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (state.eMarks[middle] < offset) low = middle + 1;
    else high = middle;
  }
  return offset < state.bMarks[low];
}

function mdxJsxInline(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const end = expressionTagEnd(state.src, start, state.posMax, { expressionEnd: (at) => braceEndIn(state, at, state.posMax) });
  if (end === -1) return false;
  if (!silent) {
    const token = state.push('html_inline', '', 0);
    token.content = state.src.slice(start, end);
    recordContentRange(token, start, end);
  }
  state.pos = end;
  return true;
}

/** The markdown-it plugin (`.mdx` files only). */
export function mdx(md: MarkdownParser): void {
  md.block.ruler.before('fence', 'mdx_esm', mdxEsm);
  md.block.ruler.before('fence', 'mdx_flow', mdxFlow, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('emphasis', 'mdx_expression', mdxExpression);
  md.block.ruler.after('html_block', 'mdx_jsx_block', mdxJsxBlock);
  md.inline.ruler.before('autolink', 'mdx_jsx_inline', mdxJsxInline);
}
