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
  /** The workspace indexed once, the engine warm from the typing (as the editor's index builds after its first analyses). */
  index: IndexFigures;
  /** A second site index built from nothing at once: the code the first one compiled is warm, the workbench's start-up is further behind. */
  indexAgain: IndexFigures;
  /** The probe alone for QUIET_PROBE_MS before the indexing: what the worker's own host and the machine hold it for. */
  quiet: ProbeFigures;
}

export interface ProbeFigures {
  /** The longest gap between two of the probe's timer callbacks (the loop was held that long, less the timer's ~4 ms). */
  longestGapMs: number;
  gapsOver50Ms: number;
  ticks: number;
}

export interface IndexFigures {
  /** Files found by the site index's search. */
  files: number;
  /** Entries in the site model at the end (articles and pages of their sites). */
  entries: number;
  /** The build, from its start to the index complete: the search, the reads, the entries into the model. */
  indexMs: number;
  /** Calls to `vscode.workspace.fs`: the index's reads (a stat and a read a file) and the engine's (configuration and site files). */
  fileSystemCalls: number;
  probe: ProbeFigures & {
    /** Entries in the model when the longest gap began. */
    longestGapAt: number;
  };
}

/** How long the worker waits before it measures anything: the workbench's start-up is over by then (ms). */
export const SETTLE_MS = 10_000;

/** How long the probe runs alone before the indexing (ms). */
export const QUIET_PROBE_MS = 3000;

/** Edits timed on each side (the bench's typing section times as many). */
export const WEB_TYPING_EDITS = 1000;
