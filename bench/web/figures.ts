/**
 * What the bench's web worker run (bench/web/worker.ts) reports, and the file it writes beside the
 * workspace folder for the bench (bench/webWorker.ts) to read.
 */

export const WEB_BENCH_FILE = 'web-bench.json';

export interface WebWorkerFigures {
  /** `typeof process === 'undefined'`: the run was the browser's web worker, not a Node host. */
  inWebWorker: boolean;
  /** Whether the worker is cross-origin isolated (otherwise the browser coarsens `performance.now()` to 0.1 ms). */
  crossOriginIsolated: boolean | undefined;
  userAgent: string | undefined;
  vscode: string;
  article: { chars: number; words: number };
  typing: { edits: number; warmUp: number; seed: number; timesMs: number[] };
  index: {
    /** Files found by the site index's search. */
    files: number;
    /** Entries in the site model at the end (articles and pages of their sites). */
    entries: number;
    findFilesMs: number;
    /** From the first read to the last entry in the model. */
    indexMs: number;
    /** indexInSlices' own longest stretch without giving the event loop back. */
    longestSliceMs: number;
    longestSliceAt: number;
    pauses: number;
    /** The longest gap between two messages of a ping loop over a MessageChannel while indexing. */
    probeLongestGapMs: number;
    probePings: number;
  };
}

/** Edits timed on each side (the bench's typing section times as many). */
export const WEB_TYPING_EDITS = 1000;
