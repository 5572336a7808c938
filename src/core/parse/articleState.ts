/**
 * What the engine keeps of one document between its versions, so that an edit costs only what it
 * changed: the body parser's segments of the last two versions, the last two frontmatter blocks
 * read, the facts of the last body, the word counts and reading-ease counts of the body's blocks,
 * each block's text for keyword matching and the keywords the newest version uses.
 *
 * One owner each: the editor's document store keeps one state per open document and drops it when
 * the document closes; the CLI gives each file its own for its --fix passes (different files share
 * nothing worth reusing). `parseArticle(text)` without a state reuses nothing from any earlier call.
 */
import { BlockCache } from '../facts/blockCache';
import { BodyParser } from './bodyParse';
import { markdownParser, type BodyFacts, type BodyKind, type Frontmatter, type Token } from './parse';
import type { LineMap } from './positions';

export class ArticleState {
  /** @internal The body's markdown-it parse by segments, for each kind of body it has read. */
  private readonly bodyParsers: Partial<Record<BodyKind, BodyParser>> = {};

  /** @internal The parser by segments for a kind of body (a CLI worker reads `.md` and `.mdx` files in turn). */
  bodyParser(kind: BodyKind): BodyParser {
    return (this.bodyParsers[kind] ??= new BodyParser(() => markdownParser(kind), kind === 'mdx' ? hasFlowExpression : undefined));
  }

  /**
   * @internal The last two frontmatter blocks read, by their exact text (delimiters included), the
   * newest first: an undo, or an edit in the body after one in the frontmatter, brings one back.
   */
  recentFrontmatter: { block: string; frontmatter: Frontmatter }[] = [];
  /** @internal The last body with its tokens and facts, reused while only the frontmatter changes. */
  lastBody: { body: string; kind: BodyKind; tokens: readonly Token[]; facts: BodyFacts } | undefined;
  /** @internal Word counts by block of Markdown source (see facts/reading.ts). */
  readonly blockWords = new BlockCache<number>();
  /** @internal The length and the two ends of the last text whose words were counted. */
  lastCounted: { length: number; head: string; tail: string } | undefined;
  /** @internal Each block's text in matching form, by its inline children (or its HTML block token). */
  readonly keywordBlockTexts = new WeakMap<object, string>();
  /** @internal Where each block token's content lines are in the source (see positions.ts). */
  readonly lineMaps = new WeakMap<Token, LineMap>();
  /** @internal Each paragraph's reading-ease counts, by its inline children (see facts/readability.ts). */
  readonly readabilityBlocks = new WeakMap<object, unknown>();
  /** @internal What keyword matching knows of the newest version of the body (see facts/keywords.ts). */
  newestKeywords: unknown;
}

/**
 * How much parsing work has been done in this process: tests read it to prove what was and was not
 * reused. Counts only; nothing is remembered of any text.
 */
export const parseWork = {
  /** Characters of body text that markdown-it parsed. */
  bodyCharacters: 0,
  /** Frontmatter blocks read (split and parsed). */
  frontmatterBlocks: 0,
  /** Characters whose words were counted. */
  wordCountCharacters: 0,
};

/**
 * An MDX expression that fills its lines (`{…}` at the start of a line) ends at its matching brace,
 * wherever that is, past blank lines and strings: the body parse by segments cannot tell where it
 * ends, so such an MDX body is parsed whole.
 */
function hasFlowExpression(body: string): boolean {
  return /^ {0,3}\{/m.test(body);
}
