/**
 * Article: Insert FAQ Section — appends a FAQ section skeleton; when the article already has one,
 * adds the next question to it. One edit, one undo step; the first placeholder is left selected.
 */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import { articleTarget, onCurrentVersion, STALE, type TargetArgs } from './articleTarget';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { engine } from '../engine';

const TITLE = 'Insert FAQ Section';

export type InsertFaqResult = 'section' | 'question' | undefined;

export class InsertFaqSectionCommand implements Command {
  readonly id = COMMANDS.insertFaqSection.id;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  execute(args?: TargetArgs): Promise<InsertFaqResult> {
    return onCurrentVersion(TITLE, () => this.attempt(args), undefined);
  }

  private async attempt(args: TargetArgs | undefined): Promise<InsertFaqResult | typeof STALE> {
    const target = await articleTarget(this.analyzer, TITLE, args);
    if (!target) return undefined;
    const { document, editor, analysis } = target;
    const { article } = analysis;
    const faq = engine().faqOf(article);
    let edit: { start: number; end: number; newText: string };
    let result: InsertFaqResult;
    if (!faq) {
      const append = engine().faqSectionEdit(article);
      if (!append) {
        void vscode.window.showWarningMessage(
          `${TITLE}: the article ends inside raw HTML (such as an unclosed <pre> or comment), where a heading cannot start. Close it first.`,
        );
        return undefined;
      }
      edit = append;
      result = 'section';
    } else {
      // The section ends at the next heading of the same or a higher level.
      const next = engine().headingsOf(article).find((heading) => heading.start > faq.heading.start && heading.level <= faq.heading.level);
      const end = next ? article.lines.lineStart(next.line) : article.text.length;
      edit = engine().insertFaqQuestion(article.text, end, faq.heading.level + 1, faq.questions.length + 1);
      if (next) edit.newText += article.text.includes('\r\n') ? '\r\n' : '\n';
      result = 'question';
    }
    if (document.version !== analysis.version) return STALE;
    const range = new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end));
    if (!(await editor.edit((builder) => builder.replace(range, edit.newText)))) return undefined;
    // Select the first question's placeholder text, ready to be typed over.
    const placeholder = /(Q\d+\. )([^?\r\n]+)/.exec(edit.newText);
    if (placeholder) {
      const at = edit.start + placeholder.index + placeholder[1].length;
      const start = document.positionAt(at);
      const end = document.positionAt(at + placeholder[2].length);
      editor.selection = new vscode.Selection(start, end);
      editor.revealRange(new vscode.Range(start, end));
    }
    return result;
  }
}
