/**
 * Quick fixes and "fix all", after markdownlint's extension: only our own diagnostics (source and
 * code), the engine's fix marked preferred, a `source.fixAll.articleAuthoring` action, and
 * `context.only` respected. The engine computes every edit; this file converts offsets.
 *
 * A fix is applied through a command (commands/applyFix.ts, commands/fixAll.ts) that looks at the
 * document again when it runs: an action offered for an older version is recomputed from the current
 * text (or reports that the problem is gone), so nothing computed for old text is ever written over
 * newer text.
 */
import * as vscode from 'vscode';
import type { FixTarget as EngineFixTarget, TextEdit } from '../core';
import type { ArticleAnalyzer } from './analyzer';
import { COMMANDS } from './commands/ids';
import { ruleIdOf } from './diagnostics';
import { engine } from './engine';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('articleAuthoring');

/** What an offered fix refers to (the engine's FixTarget, in one document version); the apply command finds the same problem again from this. */
export interface FixTarget extends EngineFixTarget {
  uri: string;
  version: number;
}

export function rangeOf(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/**
 * One WorkspaceEdit for edits whose offsets refer to the document's current text. An edit that says
 * where the cursor goes (an empty alt text for the author to write) becomes a snippet edit with its
 * final tab stop there: in the active editor the cursor lands inside it; elsewhere VS Code applies it
 * as plain text.
 */
export function workspaceEditFor(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    document.uri,
    edits.map((e) => {
      const range = rangeOf(document, e.start, e.end);
      if (e.cursor === undefined) return vscode.TextEdit.replace(range, e.newText);
      const snippet = new vscode.SnippetString().appendText(e.newText.slice(0, e.cursor)).appendTabstop(0).appendText(e.newText.slice(e.cursor));
      return vscode.SnippetTextEdit.replace(range, snippet);
    }),
  );
  return edit;
}

export class ArticleCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const ours = context.diagnostics.filter((diagnostic) => ruleIdOf(diagnostic) !== undefined);
    const wantsQuickFixes = wants(vscode.CodeActionKind.QuickFix) && ours.length > 0;
    const wantsFixAll = wants(FIX_ALL_KIND);
    if (!wantsQuickFixes && !wantsFixAll) return [];

    const version = document.version;
    const analysis = await this.analyzer.analyzeDocument(document);
    if (token.isCancellationRequested || document.version !== version || !analysis.isContent) return [];

    const engineActions = engine().articleCodeActions({
      article: analysis.article,
      findings: analysis.findings,
      diagnostics: ours.map((diagnostic) => ({ ruleId: ruleIdOf(diagnostic)!, start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) })),
      wantsQuickFixes,
      wantsFixAll,
    });
    const actions: vscode.CodeAction[] = [];
    for (const found of engineActions) {
      const action = new vscode.CodeAction(found.title, found.kind === 'fixAll' ? FIX_ALL_KIND : vscode.CodeActionKind.QuickFix);
      if (found.diagnostic !== undefined) action.diagnostics = [ours[found.diagnostic]];
      if (found.preferred) action.isPreferred = true;
      // Applied through a command that looks at the document again when it runs.
      action.command = found.target
        ? { command: COMMANDS.applyFix.id, title: found.title, arguments: [{ uri: document.uri.toString(), version, ...found.target } satisfies FixTarget] }
        : { command: COMMANDS.fixAll.id, title: found.title, arguments: [document.uri] };
      actions.push(action);
    }
    return actions;
  }
}
