/** Article: Update Reading Time — writes the computed `readingTime` into the frontmatter, as one minimal edit. */
import * as vscode from 'vscode';
import type { ArticleDocuments } from '../articleDocuments';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { engine } from '../engine';


/** What the command did; returned to callers such as tests and keybindings' `runCommands`. */
export type UpdateReadingTimeResult = 'updated' | 'unchanged' | 'not-an-article' | 'not-editable';

export class UpdateReadingTimeCommand implements Command {
  readonly id = COMMANDS.updateReadingTime.id;

  constructor(private readonly articles: ArticleDocuments) {}

  /** Works on the active editor, or on `uri` when a caller (menu, another command) passes one. */
  async execute(uri?: unknown): Promise<UpdateReadingTimeResult> {
    const document = uri instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document;
    const article = document && this.articles.article(document);
    if (!document || !article) {
      void vscode.window.showInformationMessage('Update Reading Time works on an article: a Markdown file with frontmatter.');
      return 'not-an-article';
    }
    const edit = engine().readingTimeEdit(article);
    if (!edit) {
      if (!article.frontmatter?.data) {
        void vscode.window.showWarningMessage('The frontmatter has errors; fix them before updating readingTime.');
        return 'not-editable';
      }
      return 'unchanged';
    }
    // Offsets refer to the text without BOM, which is exactly what a VS Code document holds.
    const range = new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end));
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(document.uri, range, edit.newText);
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) return 'not-editable';
    void vscode.window.setStatusBarMessage(`readingTime set to ${engine().readingStats(article).minutes} min`, 3000);
    return 'updated';
  }
}
