/** Timing helpers for the benchmark: samples in milliseconds, medians and p95, interleaved runs. */

export interface Summary {
  median: number;
  p95: number;
  min: number;
  samples: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], samples: sorted.length };
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export type Task = () => unknown;

/**
 * Runs the tasks interleaved (task 1, task 2, …, then again), so that load from other processes on
 * the machine hits them alike: `warmup` rounds untimed, then `iterations` timed rounds.
 * `before` runs untimed before each task (e.g. clearing caches).
 */
export async function interleaved(
  tasks: Record<string, { run: Task; before?: Task }>,
  warmup: number,
  iterations: number,
): Promise<Record<string, Summary>> {
  const names = Object.keys(tasks);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmup + iterations; round++) {
    for (const name of names) {
      const { run, before } = tasks[name];
      if (before) await before();
      const start = now();
      const result = run();
      if (result instanceof Promise) await result;
      const elapsed = now() - start;
      if (round >= warmup) samples[name].push(elapsed);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])]));
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run node with --expose-gc (npm run bench does)');
  collect();
  collect();
}

/**
 * What JavaScript holds after GC: the heap, and the contents of ArrayBuffers (typed arrays keep
 * theirs outside the heap, so heapUsed alone would not count them).
 */
export function heapUsed(): number {
  gc();
  const { heapUsed: heap, arrayBuffers } = process.memoryUsage();
  return heap + arrayBuffers;
}

export const MB = 1024 * 1024;
