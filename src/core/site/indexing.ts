/**
 * Reading a whole site into the model in the background (the editor's workspace site index): the
 * files are read a batch at a time (their reads overlap), then turned into entries one after the
 * other, and the loop gives the event loop back whenever it has run for `sliceMs` since it last did,
 * so that no other work (typing, a hover) waits much longer than one slice plus one article.
 */
import type { SiteArticle } from './entry';

export interface SliceIndexOptions<T> {
  /** One item's text, or undefined when it cannot be read (the item is then removed from the model). */
  read(item: T): Promise<string | undefined>;
  /**
   * The item's entry, or undefined when the file is not one of its site's articles. `breathe`: the
   * loop's own check, for the entry to call between its steps (the first article of a site runs
   * code not yet compiled: its parse and its entry can take tens of milliseconds each).
   */
  entry(item: T, text: string, breathe: () => Promise<void>): Promise<SiteArticle | undefined> | SiteArticle | undefined;
  /** Puts the entry into the model (or removes the item when there is none). */
  apply(item: T, entry: SiteArticle | undefined): void;
  /** Items whose reads run at once (default 32). */
  batch?: number;
  /** How long the loop runs before it gives the event loop back (default 12 ms). */
  sliceMs?: number;
  /** Stops the loop (the index was disposed or started again). */
  cancelled?(): boolean;
  /** After each batch: items done, of how many. */
  progress?(done: number, total: number): void;
  /** Gives the event loop back (default: setImmediate, or a timer in a web worker). */
  pause?(): Promise<void>;
  now?(): number;
}

export interface SliceIndexResult {
  done: number;
  /** The longest stretch the loop ran without giving the event loop back (an upper bound: reads that resolve at once count in). */
  longestSliceMs: number;
  /** How many times it gave the event loop back. */
  pauses: number;
  /** How many items were done when the longest slice ended. */
  longestSliceAt: number;
}

/**
 * `setImmediate` in Node; in a web worker (none there) a timer. A message to itself would come back
 * sooner, but Chromium runs it before a timer that fell due meanwhile: with slices handing over by
 * messages, the worker's timers (the editor's typing pause among them) waited two slices or more.
 */
function immediate(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}
const clock = (): number => performance.now();

export async function indexInSlices<T>(items: readonly T[], options: SliceIndexOptions<T>): Promise<SliceIndexResult> {
  const { read, entry, apply, batch = 32, sliceMs = 12, cancelled, progress, pause = immediate, now = clock } = options;
  let sliceStart = now();
  let longest = 0;
  let longestAt = 0;
  let pauses = 0;
  let done = 0;
  const breathe = async () => {
    const elapsed = now() - sliceStart;
    if (elapsed < sliceMs) return;
    if (elapsed > longest) {
      longest = elapsed;
      longestAt = done;
    }
    pauses++;
    await pause();
    sliceStart = now();
  };
  for (let index = 0; index < items.length; index += batch) {
    if (cancelled?.()) break;
    const group = items.slice(index, index + batch);
    // Each read started is a message to the host in a web worker: the starts are sliced too.
    const reads: Promise<string | undefined>[] = [];
    for (const item of group) {
      reads.push(read(item).catch(() => undefined));
      await breathe();
    }
    const texts = await Promise.all(reads);
    for (let at = 0; at < group.length; at++) {
      if (cancelled?.()) break;
      const text = texts[at];
      texts[at] = undefined;
      let found: SiteArticle | undefined;
      try {
        found = text === undefined ? undefined : await entry(group[at], text, breathe);
      } catch {
        found = undefined;
      }
      await breathe();
      // Cancelled meanwhile: a newer build owns the model.
      if (cancelled?.()) break;
      apply(group[at], found);
      done++;
      await breathe();
    }
    progress?.(done, items.length);
  }
  if (now() - sliceStart > longest) {
    longest = now() - sliceStart;
    longestAt = done;
  }
  return { done, longestSliceMs: longest, pauses, longestSliceAt: longestAt };
}
