/**
 * What the token rules of syntax/ record about constructs a reader never sees (MDX comments,
 * expressions and ESM, Liquid tags, Hugo shortcodes): the token types, and where in the source they
 * are, so that the word count can leave them out (facts/hidden.ts).
 */
import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/** Inline tokens that stand for source text a reader does not see (a figure shortcode shows its image). */
export const HIDDEN_INLINE = new Set(['shortcode', 'liquid', 'mdx_expression']);

/** Block tokens whose whole source a reader does not see. */
export const HIDDEN_BLOCK = new Set(['mdx_esm', 'mdx_flow', 'liquid_block']);

/**
 * Hidden parts of a block token's lines that are not the whole token (the `{% raw %}` and
 * `{% endraw %}` tags around visible text, `{% highlight %}` and `{% endhighlight %}` around code): [line, column, endLine, endColumn], lines relative to
 * the token's first line, columns in UTF-16 units within their line (the same with CRLF line ends).
 */
export type HiddenSpan = [number, number, number, number];

export interface HiddenMeta {
  hidden?: HiddenSpan[];
  /** Parts of an HTML block's lines that are code between hidden tags (`{% highlight %}`): not markup. */
  code?: HiddenSpan[];
}

export function hiddenSpansOf(token: Token): HiddenSpan[] | undefined {
  return (token.meta as HiddenMeta | null)?.hidden;
}

export function codeSpansOf(token: Token): HiddenSpan[] | undefined {
  return (token.meta as HiddenMeta | null)?.code;
}

/** Line (relative to `firstLineStart`'s line) and column of `offset` in a source with `\n` line ends. */
export function lineAndColumn(src: string, firstLineStart: number, offset: number): [number, number] {
  let line = 0;
  let lineStart = firstLineStart;
  for (let at = src.indexOf('\n', firstLineStart); at !== -1 && at < offset; at = src.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return [line, offset - lineStart];
}
