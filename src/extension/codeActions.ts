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
import type { DisableScope, Finding, TextEdit } from '../core';
import type { ArticleAnalyzer } from './analyzer';
import type { DocumentAnalysis } from './articleDocuments';
import { COMMANDS } from './commands/ids';
import { ruleIdOf } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('articleAuthoring');
const FIX_ALL_TITLE = 'Fix all safe problems';

/** What an offered fix refers to; the apply command finds the same problem again from this. */
export interface FixTarget {
  uri: string;
  version: number;
  ruleId: string;
  start: number;
  end: number;
  /** The fix's title, and the text the finding covered, to recognise it in a newer version. */
  title: string;
  text: string;
  /** A "Disable <rule> for this line / file" action rather than the finding's own fix. */
  disable?: DisableScope;
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

/** "Disable <rule> for this line" (not in the frontmatter) and "… for this file", after the fixes. */
function disableActions(document: vscode.TextDocument, analysis: DocumentAnalysis, diagnostic: vscode.Diagnostic, version: number): vscode.CodeAction[] {
  const ruleId = ruleIdOf(diagnostic)!;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const scopes: DisableScope[] = diagnostic.range.start.line >= analysis.article.bodyLine ? ['line', 'file'] : ['file'];
  return scopes.map((scope) => {
    const title = `Disable ${ruleId} for this ${scope}`;
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    const target: FixTarget = { uri: document.uri.toString(), version, ruleId, start, end, title, text: analysis.text.slice(start, end), disable: scope };
    action.command = { command: COMMANDS.applyFix.id, title, arguments: [target] };
    return action;
  });
}

function findingFor(document: vscode.TextDocument, analysis: DocumentAnalysis, diagnostic: vscode.Diagnostic, ruleId: string): Finding | undefined {
  const candidates = analysis.findings.filter((finding) => finding.ruleId === ruleId && finding.fix);
  return (
    candidates.find((finding) => rangeOf(document, finding.start, finding.end).isEqual(diagnostic.range)) ??
    candidates.find((finding) => rangeOf(document, finding.start, finding.end).intersection(diagnostic.range) !== undefined)
  );
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

    const actions: vscode.CodeAction[] = [];
    if (wantsQuickFixes) {
      for (const diagnostic of ours) {
        const ruleId = ruleIdOf(diagnostic)!;
        const finding = findingFor(document, analysis, diagnostic, ruleId);
        if (!finding?.fix) continue;
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        const target: FixTarget = {
          uri: document.uri.toString(),
          version,
          ruleId,
          start: finding.start,
          end: finding.end,
          title: finding.fix.title,
          text: analysis.text.slice(finding.start, finding.end),
        };
        action.command = { command: COMMANDS.applyFix.id, title: finding.fix.title, arguments: [target] };
        actions.push(action);
      }
      for (const diagnostic of ours) actions.push(...disableActions(document, analysis, diagnostic, version));
    }
    const safeCount = analysis.findings.filter((finding) => finding.fix?.safe).length;
    if (safeCount > 0) {
      const title = `${FIX_ALL_TITLE} (${safeCount})`;
      const command: vscode.Command = { command: COMMANDS.fixAll.id, title, arguments: [document.uri] };
      if (wantsFixAll) {
        const fixAll = new vscode.CodeAction(title, FIX_ALL_KIND);
        fixAll.command = command;
        actions.push(fixAll);
      }
      // Also in the light bulb next to the problems it fixes, as markdownlint offers it.
      if (wantsQuickFixes && safeCount > 1) {
        const quick = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        quick.command = command;
        actions.push(quick);
      }
    }
    return actions;
  }
}
