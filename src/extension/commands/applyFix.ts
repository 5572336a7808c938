/**
 * The command behind each quick fix (see ../codeActions.ts): applies one offered fix, recomputed from
 * the current text when the document changed since it was offered.
 */
import * as vscode from 'vscode';
import type { Finding, TextEdit } from '../../core';
import type { Analysis, ArticleAnalyzer } from '../analyzer';
import { workspaceEditFor, type FixTarget } from '../codeActions';
import { documentKeptChanging, EDIT_ATTEMPTS } from './articleTarget';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';

export type ApplyFixResult = 'applied' | 'gone' | 'failed';

/** Fixes that insert a placeholder the author should rewrite: it is left selected. */
const SELECT_AFTER_FIX: ReadonlySet<string> = new Set(['image-alt-missing', 'hero-image-alt-missing']);

export class ApplyFixCommand implements Command {
  readonly id = COMMANDS.applyFix.id;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  async execute(target: FixTarget): Promise<ApplyFixResult> {
    if (!target?.uri) return 'failed';
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    // The document can change while it is analyzed; then look again (a few times at most).
    for (let attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
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
      if (SELECT_AFTER_FIX.has(finding.ruleId)) selectPlaceholder(document, edits);
      return 'applied';
    }
    documentKeptChanging(`"${target.title}"`);
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
 * Selects the placeholder a fix inserted (the quoted value of an inserted line, or the inserted
 * text), in the editor showing the document, so the author types over it.
 */
function selectPlaceholder(document: vscode.TextDocument, edits: readonly TextEdit[]): void {
  if (edits.length !== 1) return;
  const [edit] = edits;
  const quoted = /"([^"\r\n]+)"|'([^'\r\n]+)'/.exec(edit.newText);
  const innerStart = quoted ? quoted.index + 1 : edit.newText.length - edit.newText.trimStart().length;
  const innerEnd = quoted ? innerStart + (quoted[1] ?? quoted[2]).length : edit.newText.trimEnd().length;
  if (innerEnd <= innerStart) return;
  // After the edit, the new text starts where the replaced range started.
  const start = document.positionAt(edit.start + innerStart);
  const end = document.positionAt(edit.start + innerEnd);
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  if (!editor || document.getText(new vscode.Range(start, end)) !== edit.newText.slice(innerStart, innerEnd)) return;
  editor.selection = new vscode.Selection(start, end);
  editor.revealRange(new vscode.Range(start, end));
}
