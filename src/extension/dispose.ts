/** Disposal helpers: every listener, item and registration an extension feature makes ends up here. */
import * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.disposables.splice(0).reverse()) disposable.dispose();
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Tracks a disposable for this object's lifetime and hands it back. */
  protected register<T extends vscode.Disposable>(disposable: T): T {
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
    this.register({ dispose: () => clearTimeout(timer) });
  }
}
