/**
 * Exact source positions for inline tokens markdown-it does not locate: a small plugin records, for
 * every `image` and `html_inline` token (and every link, on its `link_close`), where it starts and ends in its inline token's content; the
 * helpers map such content offsets back to offsets of the article text, through blockquote markers,
 * list indentation and CRLF line ends.
 */
import type MarkdownIt from 'markdown-it';
import type { ParsedArticle, Token } from './parse';

type MarkdownParser = ReturnType<typeof MarkdownIt>;
type InlineRule = (state: { pos: number; tokens: Token[] }, silent: boolean) => boolean;
interface RulerInternals {
  __rules__: { name: string; fn: InlineRule }[];
}

/** [start, end) of a token in its inline token's `content`, recorded on the token while it is parsed. */
const CONTENT_RANGE = Symbol('contentRange');

type Annotated = Token & { [CONTENT_RANGE]?: readonly [number, number] };

export function contentRangeOf(token: Token): readonly [number, number] | undefined {
  return (token as Annotated)[CONTENT_RANGE];
}

/** For inline rules of our own (syntax/): where the token they pushed is in its inline content. */
export function recordContentRange(token: Token, start: number, end: number): void {
  (token as Annotated)[CONTENT_RANGE] = [start, end];
}

function recordPositions(md: MarkdownParser, name: string): void {
  const ruler = md.inline.ruler as unknown as RulerInternals;
  const original = ruler.__rules__.find((rule) => rule.name === name)?.fn;
  if (!original) return;
  const wrapped: InlineRule = (state, silent) => {
    const start = state.pos;
    const count = state.tokens.length;
    const matched = original(state, silent);
    if (matched && !silent && state.tokens.length > count) {
      (state.tokens[state.tokens.length - 1] as Annotated)[CONTENT_RANGE] = [start, state.pos];
    }
    return matched;
  };
  md.inline.ruler.at(name, wrapped as never);
}

/** The markdown-it plugin: positions of images and inline HTML within their inline content. */
export function sourcePositions(md: MarkdownParser): void {
  recordPositions(md, 'image');
  recordPositions(md, 'html_inline');
  // Links: the range of `[text](url)`, `[text][ref]` or `<url>` lands on its link_close token.
  recordPositions(md, 'link');
  recordPositions(md, 'autolink');
}

export interface LineMap {
  /** Offsets in the content at which each of its lines starts. */
  contentStarts: number[];
  /**
   * Offsets of the same lines' first content character, relative to the start of the token's first
   * line: tokens are shared by parses of the same segment of text under a different frontmatter or
   * after edits elsewhere in the body (see bodyParse.ts), where its lines start at other offsets.
   */
  sourceStarts: number[];
}

/**
 * Maps an offset in the `content` of a block-level token (an `inline` or `html_block` token whose
 * lines are `map`, relative to the body) to an offset in the article text. Each content line is the
 * end of its source line (markers and indentation removed at the start), which gives an exact
 * mapping; where that does not hold (a table cell), the content is looked up in the line.
 */
export function sourceOffset(article: ParsedArticle, token: Token, map: [number, number], contentOffset: number): number {
  // By token: with a state, tokens (and so their line maps) are shared by the document's versions.
  const lineMaps = article.state?.lineMaps ?? (article.facts.lineMaps ??= new WeakMap());
  let lineMap = lineMaps.get(token);
  if (!lineMap) {
    lineMap = buildLineMap(article, token.content, map);
    lineMaps.set(token, lineMap);
  }
  const { contentStarts, sourceStarts } = lineMap;
  let low = 0;
  let high = contentStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (contentStarts[mid] <= contentOffset) low = mid;
    else high = mid - 1;
  }
  return article.lines.lineStart(article.bodyLine + map[0]) + sourceStarts[low] + (contentOffset - contentStarts[low]);
}

function buildLineMap(article: ParsedArticle, content: string, map: [number, number]): LineMap {
  const contentStarts = [0];
  for (let at = content.indexOf('\n'); at !== -1 && at < content.length - 1; at = content.indexOf('\n', at + 1)) {
    contentStarts.push(at + 1);
  }
  const { lines } = article;
  const firstLine = article.bodyLine + map[0];
  const firstLineStart = lines.lineStart(firstLine);
  const lastLine = Math.max(firstLine, article.bodyLine + map[1] - 1);
  const sourceStarts: number[] = [];
  for (let index = 0; index < contentStarts.length; index++) {
    const line = Math.min(firstLine + index, lastLine);
    const lineStart = lines.lineStart(line);
    const lineEnd = lines.lineEnd(line);
    const source = article.text.slice(lineStart, lineEnd);
    const contentEnd = index + 1 < contentStarts.length ? contentStarts[index + 1] - 1 : content.length;
    const text = content.slice(contentStarts[index], contentEnd);
    let at: number;
    if (text.length <= source.length && source.endsWith(text)) at = source.length - text.length;
    else if (source.trimEnd().endsWith(text.trimEnd())) at = source.trimEnd().length - text.trimEnd().length;
    else {
      at = source.indexOf(text);
      if (at === -1) at = source.length - source.trimStart().length;
    }
    sourceStarts.push(lineStart + Math.max(0, at) - firstLineStart);
  }
  return { contentStarts, sourceStarts };
}

/** The block-level `map` for each token index, inherited from the nearest opening token (table cells have none). */
export function blockMaps(tokens: readonly Token[]): ([number, number] | undefined)[] {
  const result: ([number, number] | undefined)[] = new Array(tokens.length);
  const stack: ([number, number] | undefined)[] = [];
  let current: [number, number] | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const own = (token.map as [number, number] | null) ?? undefined;
    result[index] = own ?? current;
    if (token.nesting === 1) {
      stack.push(current);
      current = own ?? current;
    } else if (token.nesting === -1) {
      current = stack.pop();
    }
  }
  return result;
}
