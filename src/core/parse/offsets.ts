/**
 * Offsets of the article text for offsets in a block token's content (positions.ts records them),
 * through blockquote markers, list indentation and CRLF line ends.
 */
import { CacheKey } from './cache';
import type { ParsedArticle } from './parse';
import { contentRangeOf } from './positions';
import { lineAtOffset } from './syntax/scan';
import type { Token } from './token';

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

/** By token: with a state, tokens (and so their line maps) are shared by the document's versions. */
const LINE_MAPS = new CacheKey<WeakMap<Token, LineMap>>('lineMaps');

/**
 * Maps an offset in the `content` of a block-level token (an `inline` or `html_block` token whose
 * lines are `map`, relative to the body) to an offset in the article text. Each content line is the
 * end of its source line (markers and indentation removed at the start), which gives an exact
 * mapping; where that does not hold (a table cell), the content is looked up in the line.
 */
export function sourceOffset(article: ParsedArticle, token: Token, map: [number, number], contentOffset: number): number {
  const lineMaps = (article.state?.cache ?? article.cache).ensure(LINE_MAPS, () => new WeakMap());
  let lineMap = lineMaps.get(token);
  if (!lineMap) {
    lineMap = buildLineMap(article, token.content, map);
    lineMaps.set(token, lineMap);
  }
  const { contentStarts, sourceStarts } = lineMap;
  const line = lineAtOffset(contentStarts, 0, contentStarts.length, contentOffset);
  return article.lines.lineStart(article.bodyLine + map[0]) + sourceStarts[line] + (contentOffset - contentStarts[line]);
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
/** Where an inline child (positions.ts recorded its range) is in the article text, if it was recorded. */
export function childSourceRange(article: ParsedArticle, inline: Token, map: [number, number], child: Token): [number, number] | undefined {
  const range = contentRangeOf(child);
  return range && [sourceOffset(article, inline, map, range[0]), sourceOffset(article, inline, map, range[1])];
}

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
