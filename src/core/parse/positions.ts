/**
 * Exact source positions for inline tokens markdown-it does not locate: a small plugin records, for
 * every `image` and `html_inline` token (and every link, on its `link_close`), where it starts and
 * ends in its inline token's content (offsets.ts maps them to the article text).
 */
import type MarkdownIt from 'markdown-it';
import type { Token } from './token';

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
