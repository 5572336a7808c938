/**
 * The preview's pacing, without vscode: while calls keep coming, the work runs at most once per
 * interval. With `leading`, the first call after a quiet interval runs at once (typing never waits
 * for the preview); calls during the interval are gathered into one run at its end.
 */
import type { IDisposable } from '../dispose';

export class Throttle implements IDisposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;
  private disposed = false;

  constructor(
    private readonly work: () => void,
    private readonly intervalMs: number,
    private readonly leading: boolean,
  ) {}

  trigger(): void {
    if (this.disposed) return;
    if (this.timer) {
      this.pending = true;
      return;
    }
    if (this.leading) this.work();
    else this.pending = true;
    this.startInterval();
  }

  private startInterval(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.pending || this.disposed) return;
      this.pending = false;
      this.work();
      // The run at the end of an interval starts another, so a steady stream stays at the pace.
      if (this.leading) this.startInterval();
    }, this.intervalMs);
  }

  dispose(): void {
    this.disposed = true;
    this.pending = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
