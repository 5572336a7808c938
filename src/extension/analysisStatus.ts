/**
 * A status bar item about the article in the active editor, drawn from its analysis (the same one
 * its diagnostics come from): refreshed when another editor becomes active, after typing when it
 * follows edits, and hidden for anything that is not an article.
 */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from './analyzer';
import type { DocumentAnalysis } from './articleDocuments';
import { isMarkdownDocument } from './articles';
import { Debouncer } from './debounce';
import { Disposable } from './dispose';
import { readSettings } from './settings';

export interface AnalysisStatusOptions {
  id: string;
  name: string;
  command: string;
  /** Its place on the right of the status bar (higher: further left). */
  priority: number;
  /** Refreshed after each pause in typing (what it shows depends on the text), else only when asked. */
  followsEdits: boolean;
}

export abstract class AnalysisStatusItem extends Disposable {
  protected readonly item: vscode.StatusBarItem;

  constructor(
    private readonly analyzer: ArticleAnalyzer,
    private readonly options: AnalysisStatusOptions,
  ) {
    super();
    this.item = this._register(vscode.window.createStatusBarItem(options.id, vscode.StatusBarAlignment.Right, options.priority));
    this.item.name = options.name;
    this.item.command = options.command;
    this._register(vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()));
    if (options.followsEdits) {
      const typing = this._register(new Debouncer(() => void this.refresh(), () => readSettings().debounceMs));
      this._register(
        vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document === vscode.window.activeTextEditor?.document) typing.trigger();
        }),
      );
    }
    this.afterActivation(() => void this.refresh());
  }

  /** Sets the item's text and tooltip for an article's analysis; false hides it. */
  protected abstract render(analysis: DocumentAnalysis): boolean;

  protected async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isMarkdownDocument(document)) {
      this.item.hide();
      return;
    }
    const version = document.version;
    const analysis = await this.analyzer.analyzeDocument(document).catch(() => undefined);
    if (this.isDisposed || vscode.window.activeTextEditor?.document !== document) return;
    // A newer version came meanwhile: the refresh after the typing pause shows it.
    if (this.options.followsEdits && document.version !== version) return;
    if (analysis?.isContent && this.render(analysis)) this.item.show();
    else this.item.hide();
  }
}
