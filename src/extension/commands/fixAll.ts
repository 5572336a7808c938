/** Article: Fix All Safe Problems — every safe fix of an article as one edit (one undo step). */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import { workspaceEditFor } from '../codeActions';
import { engine } from '../engine';
import { documentKeptChanging, EDIT_ATTEMPTS } from './articleTarget';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';

const TITLE = 'Fix All Safe Problems';

export class FixAllCommand implements Command {
  readonly id = COMMANDS.fixAll.id;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  /** Returns the number of edits applied. */
  async execute(uri?: vscode.Uri | string): Promise<number> {
    const document = uri
      ? await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri)
      : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showWarningMessage(`${TITLE}: open an article first.`);
      return 0;
    }
    for (let attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
      const version = document.version;
      const analysis = await this.analyzer.analyzeDocument(document);
      if (document.version !== version) continue;
      if (!analysis.isContent) {
        void vscode.window.showWarningMessage(`${TITLE}: ${vscode.workspace.asRelativePath(document.uri)} is not an article.`);
        return 0;
      }
      const edits = engine().safeFixEdits(analysis.findings);
      if (edits.length === 0) return 0;
      if (await vscode.workspace.applyEdit(workspaceEditFor(document, edits))) return edits.length;
      if (document.version === version) return 0;
    }
    documentKeptChanging(TITLE);
    return 0;
  }
}
