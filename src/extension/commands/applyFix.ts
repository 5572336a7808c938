/**
 * The command behind each quick fix (see ../codeActions.ts): applies one offered fix, recomputed from
 * the current text when the document changed since it was offered.
 */
import * as vscode from 'vscode';
import type { Finding, TextEdit } from '../../core';
import type { ArticleAnalyzer } from '../analyzer';
import type { DocumentAnalysis } from '../articleDocuments';
import { workspaceEditFor, type FixTarget } from '../codeActions';
import { documentKeptChanging, EDIT_ATTEMPTS } from './articleTarget';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { engine } from '../engine';

export type ApplyFixResult = 'applied' | 'gone' | 'failed';

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
      const edits = target.disable ? this.disableEdits(analysis, target, version) : this.find(analysis, target, version)?.fix?.edits;
      if (!edits) {
        void vscode.window.showInformationMessage(`"${target.title}": the problem is no longer there, nothing was changed.`);
        return 'gone';
      }
      const applied = await vscode.workspace.applyEdit(workspaceEditFor(document, edits));
      if (!applied) {
        if (document.version !== version) continue;
        return 'failed';
      }
      placeCursor(document, edits);
      return 'applied';
    }
    documentKeptChanging(`"${target.title}"`);
    return 'failed';
  }

  /** The disable comment's edit, at the line where the target's text is now (the nearest such place). */
  private disableEdits(analysis: DocumentAnalysis, target: FixTarget, version: number): TextEdit[] | undefined {
    let start = target.start;
    if (version !== target.version) {
      const places: number[] = [];
      for (let at = analysis.text.indexOf(target.text); at !== -1 && target.text; at = analysis.text.indexOf(target.text, at + 1)) places.push(at);
      if (target.text && places.length === 0) return undefined;
      if (places.length) start = places.sort((a, b) => Math.abs(a - target.start) - Math.abs(b - target.start))[0];
    }
    const line = analysis.article.lines.lineOf(Math.min(start, analysis.text.length)) + 1;
    const edit = engine().disableRuleEdit(analysis.article, target.ruleId, line, target.disable!);
    return edit ? [edit] : undefined;
  }

  /** The finding of the target in the analysis of the current text. */
  private find(analysis: DocumentAnalysis, target: FixTarget, version: number): Finding | undefined {
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
