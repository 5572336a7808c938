/**
 * Gives the event loop back for a moment: `setImmediate` in Node's extension host; in the browser's
 * web worker (no `setImmediate`) a message to itself, which unlike `setTimeout` is not held back 4 ms.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    // The browser's MessagePort (Node's types do not have its onmessage, which also starts the port).
    const { port1, port2 } = new MessageChannel() as unknown as { port1: BrowserMessagePort; port2: BrowserMessagePort };
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}

interface BrowserMessagePort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}
