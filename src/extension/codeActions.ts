/**
 * Quick fixes and "fix all", after markdownlint's extension: only our own diagnostics (source and
 * code), the engine's fix marked preferred, a `source.fixAll.articleAuthoring` action, and
 * `context.only` respected. The engine computes every edit; this file converts offsets.
 *
 * A fix is applied through a command that looks at the document again when it runs: an action
 * offered for an older version is recomputed from the current text (or reports that the problem is
 * gone), so nothing computed for old text is ever written over newer text.
 */
import * as vscode from 'vscode';
import type { Finding, TextEdit } from '../core';
import type { Analysis, ArticleAnalyzer } from './analyzer';
import { MARKDOWN_SELECTOR } from './articles';
import type { Command, CommandManager } from './commands/commandManager';
import { ruleIdOf } from './diagnostics';
import { Disposable } from './dispose';
import { engine } from './engine';

export const APPLY_FIX_COMMAND = 'articleAuthoring.applyFix';
export const FIX_ALL_COMMAND = 'articleAuthoring.fixAll';
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
}

export type ApplyFixResult = 'applied' | 'gone' | 'failed';

function rangeOf(document: vscode.TextDocument, start: number, end: number): vscode.Range {
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

function findingFor(document: vscode.TextDocument, analysis: Analysis, diagnostic: vscode.Diagnostic, ruleId: string): Finding | undefined {
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
    if (token.isCancellationRequested || document.version !== version || !analysis.isArticle) return [];

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
        action.command = { command: APPLY_FIX_COMMAND, title: finding.fix.title, arguments: [target] };
        actions.push(action);
      }
    }
    const safeCount = analysis.findings.filter((finding) => finding.fix?.safe).length;
    if (safeCount > 0) {
      const title = `${FIX_ALL_TITLE} (${safeCount})`;
      const command: vscode.Command = { command: FIX_ALL_COMMAND, title, arguments: [document.uri] };
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

/** Applies one offered fix, recomputed from the current text when the document changed since. */
export class ApplyFixCommand implements Command {
  readonly id = APPLY_FIX_COMMAND;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  async execute(target: FixTarget): Promise<ApplyFixResult> {
    if (!target?.uri) return 'failed';
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    // The document can change while it is analyzed; then look again (a few times at most).
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = document.version;
      const analysis = await this.analyzer.analyzeDocument(document);
      if (document.version !== version) continue;
      const finding = this.find(analysis, target, version);
      if (!finding?.fix) {
        void vscode.window.showInformationMessage(`"${target.title}": the problem is no longer there, nothing was changed.`);
        return 'gone';
      }
      const edits = finding.fix.edits;
      const applied = await vscode.workspace.applyEdit(workspaceEditFor(document, edits));
      if (!applied) {
        if (document.version !== version) continue;
        return 'failed';
      }
      placeCursor(document, edits);
      return 'applied';
    }
    return 'failed';
  }

  /** The finding of the target in the analysis of the current text. */
  private find(analysis: Analysis, target: FixTarget, version: number): Finding | undefined {
    const same = analysis.findings.filter((finding) => finding.ruleId === target.ruleId && finding.fix);
    if (version === target.version) {
      return same.find((finding) => finding.start === target.start && finding.end === target.end);
    }
    // A newer version: the same problem covers the same text, with the same fix title if possible;
    // of several, the one nearest to where it was.
    const matching = same.filter((finding) => analysis.text.slice(finding.start, finding.end) === target.text);
    const titled = matching.filter((finding) => finding.fix!.title === target.title);
    const pool = titled.length > 0 ? titled : matching;
    return pool.sort((a, b) => Math.abs(a.start - target.start) - Math.abs(b.start - target.start))[0];
  }
}

/**
 * Leaves the cursor where a fix wants the author to type (inside an empty alt text), in the editor
 * showing the document. The snippet edit does this in the active editor; this also covers an editor
 * that was not active, and a snippet that changed no text (an alt that was already empty).
 */
function placeCursor(document: vscode.TextDocument, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const edit of sorted) {
    if (edit.cursor !== undefined) {
      const position = document.positionAt(edit.start + shift + edit.cursor);
      const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
      if (!editor) return;
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position));
      return;
    }
    shift += edit.newText.length - (edit.end - edit.start);
  }
}

/** Applies every safe fix of an article as one edit (one undo step). */
export class FixAllCommand implements Command {
  readonly id = FIX_ALL_COMMAND;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  async execute(uri?: vscode.Uri | string): Promise<number> {
    const document = uri
      ? await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri)
      : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showWarningMessage('Fix All Safe Problems: open an article first.');
      return 0;
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = document.version;
      const analysis = await this.analyzer.analyzeDocument(document);
      if (document.version !== version) continue;
      if (!analysis.isArticle) {
        void vscode.window.showWarningMessage(`Fix All Safe Problems: ${vscode.workspace.asRelativePath(document.uri)} is not an article.`);
        return 0;
      }
      const edits = engine().safeFixEdits(analysis.findings);
      if (edits.length === 0) return 0;
      if (await vscode.workspace.applyEdit(workspaceEditFor(document, edits))) return edits.length;
      if (document.version === version) return 0;
    }
    return 0;
  }
}

/** The code action provider and its two commands. */
export class ArticleCodeActions extends Disposable {
  constructor(analyzer: ArticleAnalyzer, commands: CommandManager) {
    super();
    this.register(
      vscode.languages.registerCodeActionsProvider(MARKDOWN_SELECTOR, new ArticleCodeActionProvider(analyzer), ArticleCodeActionProvider.metadata),
    );
    commands.register(new ApplyFixCommand(analyzer));
    commands.register(new FixAllCommand(analyzer));
  }
}
