/**
 * What the engine keeps of one document between its versions, so that an edit costs only what it
 * changed: the body parser's segments of the last two versions, the last two frontmatter blocks
 * read, the last body with what was computed of it, and in `cache` what the layers above keep
 * across versions (word counts by block, keyword texts, reading-ease counts).
 *
 * One owner each: the editor's document store keeps one state per open document and drops it when
 * the document closes; the CLI gives each file its own for its --fix passes (different files share
 * nothing worth reusing). `parseArticle(text)` without a state reuses nothing from any earlier call.
 */
import { BodyParser } from './bodyParse';
import { Cache } from './cache';
import type { Frontmatter } from './frontmatter';
import { markdownParser, type BodyKind } from './markdown';
import type { Token } from './token';

export class ArticleState {
  /** @internal The body's markdown-it parse by segments, for each kind of body it has read. */
  private readonly bodyParsers: Partial<Record<BodyKind, BodyParser>> = {};

  /** @internal The parser by segments for a kind of body (a CLI worker reads `.md` and `.mdx` files in turn). */
  bodyParser(kind: BodyKind): BodyParser {
    return (this.bodyParsers[kind] ??= new BodyParser(() => markdownParser(kind), mustParseWhole(kind)));
  }

  /**
   * @internal The last two frontmatter blocks read, by their exact text (delimiters included), the
   * newest first: an undo, or an edit in the body after one in the frontmatter, brings one back.
   */
  recentFrontmatter: { block: string; frontmatter: Frontmatter }[] = [];
  /** @internal The last body with its tokens and cache, reused while only the frontmatter changes. */
  lastBody: { body: string; kind: BodyKind; tokens: readonly Token[]; cache: Cache } | undefined;
  /** What the layers above keep across the document's versions, each under a key of its own. */
  readonly cache = new Cache();
}

/**
 * An MDX expression that fills its lines (`{…}` at the start of a line) ends at its matching brace,
 * wherever that is, past blank lines and strings: the body parse by segments cannot tell where it
 * ends, so such an MDX body is parsed whole.
 */
function hasFlowExpression(body: string): boolean {
  return /^ {0,3}\{/m.test(body);
}

/** Which bodies of this kind are always parsed in one go, not by segments. */
export function mustParseWhole(kind: BodyKind): ((body: string) => boolean) | undefined {
  return kind === 'mdx' ? hasFlowExpression : undefined;
}
