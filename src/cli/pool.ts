/**
 * Checks many files on every core: worker threads that each run a Linter, fed small batches on
 * demand so a slow file does not hold up the others. Results come back by task index, so the
 * caller's order (and so the output) does not depend on which worker finished first.
 */
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Linter, type LintOptions, type LintOutcome, type LintTask } from './lint';

const WORKER_FLAG = 'articleLintWorker';
const BATCH_SIZE = 16;

/** Below this many files, one thread is faster than starting workers. */
export const POOL_THRESHOLD = 50;

type ToWorker = { type: 'batch'; first: number; tasks: LintTask[] } | { type: 'done' };
type FromWorker =
  | { type: 'ready' }
  | { type: 'results'; first: number; outcomes: LintOutcome[] }
  | { type: 'failed'; message: string };

/** How many workers to start for this many files (0: check on the main thread). */
export function workerCount(files: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const fromEnv = Number(process.env.ARTICLE_LINT_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return Math.min(fromEnv, Math.ceil(files / BATCH_SIZE));
  if (files <= POOL_THRESHOLD || cores < 2) return 0;
  return Math.min(cores, 8, Math.ceil(files / POOL_THRESHOLD));
}

export async function lintAll(tasks: readonly LintTask[], options: LintOptions, workerFile: string): Promise<LintOutcome[]> {
  const workers = workerCount(tasks.length);
  if (workers === 0) {
    const linter = new Linter(options);
    const outcomes: LintOutcome[] = [];
    for (const task of tasks) outcomes.push(await linter.lint(task));
    return outcomes;
  }
  return lintInWorkers(tasks, options, workerFile, workers);
}

function lintInWorkers(
  tasks: readonly LintTask[],
  options: LintOptions,
  workerFile: string,
  count: number,
): Promise<LintOutcome[]> {
  const outcomes = new Array<LintOutcome>(tasks.length);
  let next = 0;
  let running = count;
  return new Promise((resolve, reject) => {
    let failed = false;
    const pool: Worker[] = [];
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const worker of pool) void worker.terminate();
      reject(error);
    };
    const feed = (worker: Worker) => {
      if (next >= tasks.length) {
        worker.postMessage({ type: 'done' } satisfies ToWorker);
        return;
      }
      const first = next;
      next = Math.min(tasks.length, next + BATCH_SIZE);
      worker.postMessage({ type: 'batch', first, tasks: tasks.slice(first, next) } satisfies ToWorker);
    };
    for (let index = 0; index < count; index++) {
      const worker = new Worker(workerFile, { workerData: { [WORKER_FLAG]: true, options } });
      pool.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'results') {
          message.outcomes.forEach((outcome, offset) => (outcomes[message.first + offset] = outcome));
          feed(worker);
        } else if (message.type === 'ready') {
          feed(worker);
        } else {
          fail(new Error(message.message));
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (failed) return;
        if (code !== 0) return fail(new Error(`a worker stopped with exit code ${code}`));
        if (--running === 0) resolve(outcomes);
      });
    }
  });
}

/** The worker side: started by loading this module (or the bundle holding it) in a worker thread. */
function startWorker(): void {
  const port = parentPort!;
  const linter = new Linter((workerData as { options: LintOptions }).options);
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'done') {
      port.close();
      return;
    }
    try {
      const outcomes: LintOutcome[] = [];
      for (const task of message.tasks) outcomes.push(await linter.lint(task));
      port.postMessage({ type: 'results', first: message.first, outcomes } satisfies FromWorker);
    } catch (error) {
      port.postMessage({ type: 'failed', message: String((error as Error)?.message ?? error) } satisfies FromWorker);
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) startWorker();
