/**
 * Gives the event loop back for a moment: `setImmediate` in Node's extension host; in the browser's
 * web worker (no `setImmediate`) a timer, which lets the timers that fell due meanwhile run too (a
 * message to itself would run before them: see the engine's indexInSlices).
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}
