/**
 * The one debounce of the extension: `trigger()` (re)starts a timer, and the work runs once the
 * triggers have paused for the delay. The delay is read at each trigger, so a changed setting
 * (`articleAuthoring.debounceMs`) applies to the next pause. No vscode import.
 */
import type { IDisposable } from './dispose';

export class Debouncer implements IDisposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly work: () => void,
    private readonly delayMs: () => number,
  ) {}

  /** Runs the work after the delay, unless triggered again meanwhile (then after the new delay). */
  trigger(): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.work();
    }, this.delayMs());
  }

  /** Drops a pending run (the work is about to run anyway, or is no longer wanted). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  get isPending(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }
}
