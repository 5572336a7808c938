/**
 * What readers never see, as ranges of the article text: MDX comments, expressions and ESM lines,
 * Liquid tags and output (with the bodies of `{% comment %}`, `{% set x %}` and `{% capture %}`),
 * Hugo shortcodes (see parse/syntax/). A `{% highlight %}` block's code is code, counted as a
 * fence's is; only its two tags are hidden. The same pairs within an HTML block are hidden alike. The word count leaves them out; rules
 * and keyword matching never meet them, since they read tokens and these are tokens of their own.
 * Computed once per version of the article.
 */
import { blockMaps, childSourceRange } from '../parse/offsets';
import type { ParsedArticle } from '../parse/parse';
import { HIDDEN_BLOCK, HIDDEN_INLINE, codeSpansOf, hiddenSpansOf, type HiddenSpan } from '../parse/syntax/hidden';
import { CacheKey } from '../parse/cache';

/** [start, end) offsets into the article text, in order, not overlapping. */
export type HiddenRanges = readonly (readonly [number, number])[];

const NONE: HiddenRanges = [];

/** Whether the body may hold anything hidden: every such construct but MDX's ESM starts with `{`. */
function mayHide(article: ParsedArticle): boolean {
  return article.kind === 'mdx' || article.body.includes('{');
}

const HIDDEN = new CacheKey<HiddenRanges>('hidden');

export function hiddenRanges(article: ParsedArticle): HiddenRanges {
  if (!mayHide(article)) return NONE;
  // A fact of the version: ranges are offsets of its text (the same body sits elsewhere in another).
  return article.cache.ensure(HIDDEN, () => collect(article));
}

function collect(article: ParsedArticle): HiddenRanges {
  const { tokens, lines, bodyLine } = article;
  const ranges: [number, number][] = [];
  let maps: ([number, number] | undefined)[] | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (HIDDEN_BLOCK.has(token.type) && token.map) {
      ranges.push([lines.lineStart(bodyLine + token.map[0]), lines.lineEnd(bodyLine + token.map[1] - 1)]);
      continue;
    }
    const spans = token.map ? hiddenSpansOf(token) : undefined;
    if (spans) {
      pushSpans(article, token.map!, spans, ranges);
      continue;
    }
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) {
      if (!HIDDEN_INLINE.has(child.type)) continue;
      maps ??= blockMaps(tokens);
      const map = maps[index];
      const range = map && childSourceRange(article, token, map, child);
      if (range) ranges.push(range);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}

function pushSpans(article: ParsedArticle, map: [number, number], spans: readonly HiddenSpan[], ranges: [number, number][]): void {
  const { lines } = article;
  const first = article.bodyLine + map[0];
  for (const [line, column, endLine, endColumn] of spans) {
    ranges.push([lines.lineStart(first + line) + column, lines.lineStart(first + endLine) + endColumn]);
  }
}

const NOT_MARKUP = new CacheKey<HiddenRanges>('notMarkup');

/**
 * Where raw HTML is no markup, so that no link, image or id is read there: what is hidden, and the
 * code between hidden tags within an HTML block (`{% highlight %}` … `{% endhighlight %}`).
 */
export function notMarkupRanges(article: ParsedArticle): HiddenRanges {
  if (!mayHide(article)) return NONE;
  return article.cache.ensure(NOT_MARKUP, () => {
    const ranges: [number, number][] = hiddenRanges(article).map(([start, end]) => [start, end]);
    let added = false;
    for (const token of article.tokens) {
      const spans = token.type === 'html_block' && token.map ? codeSpansOf(token) : undefined;
      if (!spans) continue;
      pushSpans(article, token.map!, spans, ranges);
      added = true;
    }
    return added ? ranges.sort((a, b) => a[0] - b[0]) : hiddenRanges(article);
  });
}

/** Whether `offset` lies in one of `ranges` (in order, not overlapping). */
export function inRanges(ranges: HiddenRanges, offset: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle][0] <= offset) low = middle + 1;
    else high = middle;
  }
  return low > 0 && offset < ranges[low - 1][1];
}

/** The body's source without what readers never see (each hidden range removed). */
export function visibleBody(article: ParsedArticle): string {
  const ranges = hiddenRanges(article);
  if (ranges.length === 0) return article.body;
  const { body, bodyOffset } = article;
  let text = '';
  let at = 0;
  for (const [start, end] of ranges) {
    const from = Math.max(start - bodyOffset, at);
    const to = Math.min(end - bodyOffset, body.length);
    if (to <= from) continue;
    text += body.slice(at, from);
    at = to;
  }
  return text + body.slice(at);
}

