/**
 * The bench's typing loop, with nothing of Node: the same loop runs in the bench process and in the
 * browser's web worker extension host (bench/web/worker.ts). An article is edited one character at a
 * time (each version is the article with one seeded random edit) and each version analyzed in one
 * document state, over an in-memory file system in which the article's images exist.
 */
import { allRules, analyzeArticle, ArticleState, defaultConfig, type FileSystemHost, type SiteFolderCache } from '../src/core';
import { prng, type GeneratedArticle } from './generate';

export const ROOT = '/bench-site';
export const ARTICLE_PATH = `${ROOT}/src/content/blog/article.md`;
/** The seed of the edits' positions and characters, and the warm-up, as the typing section uses them. */
export const TYPING_SEED = 7;
export const TYPING_WARM_UP = 200;

/** In-memory file system: the generated articles' folders and images exist; every other path does not. */
export function memoryFs(root: string, articles: readonly GeneratedArticle[]): FileSystemHost {
  const files = new Set<string>();
  const dirs = new Set<string>([root, `${root}/public`, `${root}/public/images`, `${root}/src/content/blog`]);
  for (const article of articles) for (const image of article.images) files.add(`${root}/public${image}`);
  return {
    stat: async (target) => (files.has(target) ? 'file' : dirs.has(target) ? 'directory' : undefined),
    readText: async () => undefined,
  };
}

/** One single-character edit (insert a character or delete one) at a random position. */
export function editor(seed: number): (text: string) => string {
  const random = prng(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz      .,*-#\n';
  return (text: string): string => {
    const at = Math.floor(random() * text.length);
    if (random() < 0.6) return text.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + text.slice(at);
    return text.slice(0, at) + text.slice(at + 1);
  };
}

/**
 * One open document of `article`: its versions and their analyses, in one state carried from each
 * version to the next, as in the editor. Each version is the article with one single-character edit:
 * consecutive versions differ in at most two places, as while typing, and the article stays an
 * article (cumulative random edits would soon break its frontmatter for good and measure a broken
 * document instead).
 */
export class TypingSession {
  private readonly edit: (text: string) => string;
  private readonly options: Parameters<typeof analyzeArticle>[1];

  constructor(
    private readonly article: GeneratedArticle,
    seed = TYPING_SEED,
  ) {
    this.edit = editor(seed);
    this.options = {
      config: defaultConfig(allRules, ROOT),
      fs: memoryFs(ROOT, [article]),
      filePath: ARTICLE_PATH,
      state: new ArticleState(),
      // Each folder's site markers looked at once, as the editor keeps them.
      siteFolders: new Map() as SiteFolderCache,
    };
  }

  /** The next version: the article with one more seeded edit. */
  nextVersion(): string {
    return this.edit(this.article.text);
  }

  /** The analysis the editor runs on a new version (the state as the previous versions left it). */
  analyze(text: string): ReturnType<typeof analyzeArticle> {
    return analyzeArticle(text, this.options);
  }
}

export interface TypingLoopOptions {
  edits: number;
  /** Versions analyzed first, untimed: the editor has been running for a while. */
  warmUp?: number;
  /** The edits' seed (ignored when `session` is given: it has its own). */
  seed?: number;
  /** The session to type in (a new one of the article when absent); it can be typed in further afterwards. */
  session?: TypingSession;
  /** Called after each version's analysis, outside its time (`measured` is false during the warm-up). */
  alongside?(version: string, measured: boolean): void;
  /**
   * Awaited after each version, outside its time: as between keystrokes, the host handles its
   * messages (a web worker held for the whole loop is reported unresponsive by the workbench).
   */
  between?(): Promise<void>;
}

/**
 * The shortest turn of the event loop each side has, for `between`: setImmediate in Node, a message
 * to itself in the web worker. A timer there waits 4 ms, and with that pause between the edits the
 * worker's times came out a third higher than with the message: the two loops are compared as they
 * analyze, not as they idle.
 */
export function nextTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel() as unknown as { port1: WorkerMessagePort; port2: WorkerMessagePort };
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}

/** The worker's MessagePort (Node's types have no onmessage, which also starts the port). */
interface WorkerMessagePort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

/** The analysis time of each of `edits` versions (ms, `performance.now()`), after the warm-up. */
export async function typingTimes(article: GeneratedArticle, options: TypingLoopOptions): Promise<number[]> {
  const { edits, warmUp = TYPING_WARM_UP, seed = TYPING_SEED, alongside, between } = options;
  const session = options.session ?? new TypingSession(article, seed);
  for (let i = 0; i < warmUp; i++) {
    const text = session.nextVersion();
    await session.analyze(text);
    alongside?.(text, false);
    await between?.();
  }
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const text = session.nextVersion();
    const start = performance.now();
    await session.analyze(text);
    times.push(performance.now() - start);
    alongside?.(text, true);
    await between?.();
  }
  return times;
}
