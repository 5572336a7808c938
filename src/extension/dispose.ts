/**
 * The one disposal idiom of the extension (as VS Code's Markdown extension does it): a feature extends
 * `Disposable` and `_register`s every listener, item, registration, timer and child it makes, so that
 * disposing it undoes all of it, in reverse order. No vscode import: plain `{ dispose() }` objects.
 */
export interface IDisposable {
  dispose(): void;
}

/** Disposes each, even when one throws; the first error is thrown after all were disposed. */
export function disposeAll(disposables: Iterable<IDisposable>): void {
  let first: unknown;
  let failed = false;
  for (const disposable of disposables) {
    try {
      disposable.dispose();
    } catch (error) {
      if (!failed) first = error;
      failed = true;
    }
  }
  if (failed) throw first;
}

export abstract class Disposable implements IDisposable {
  private readonly disposables: IDisposable[] = [];
  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.disposables.splice(0).reverse());
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Tracks a disposable for this object's lifetime and hands it back. */
  protected _register<T extends IDisposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.disposables.push(disposable);
    return disposable;
  }

  /**
   * Runs `work` once activation has returned, unless this object is disposed first: the first
   * analysis loads the engine (see ./engine), which activation itself never waits for.
   */
  protected afterActivation(work: () => void): void {
    const timer = setTimeout(() => {
      if (!this.disposed) work();
    }, 0);
    this._register({ dispose: () => clearTimeout(timer) });
  }
}
