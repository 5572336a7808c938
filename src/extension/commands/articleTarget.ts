/**
 * How an authoring command finds the article it works on: the given document (tests, links) or
 * the active editor's; and the clear message when that is not an article.
 */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import type { DocumentAnalysis } from '../articleDocuments';
import { displayName, isMarkdownDocument } from '../articles';

export interface ArticleTarget {
  document: vscode.TextDocument;
  /** The editor showing it (opened when the command was given a document that was not shown). */
  editor: vscode.TextEditor;
  analysis: DocumentAnalysis;
}

/**
 * How often a command that edits an article computes its edit again when the document changed while
 * it was being computed (an edit is only ever applied to the version it was computed for).
 */
export const EDIT_ATTEMPTS = 5;

/** Optional arguments every authoring command accepts (from tests, keybindings, links). */
export interface TargetArgs {
  uri?: vscode.Uri | string;
}

function toUri(uri: vscode.Uri | string): vscode.Uri {
  return typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
}

/** The article to work on, or undefined after telling the author why there is none. */
export async function articleTarget(
  analyzer: ArticleAnalyzer,
  commandTitle: string,
  args?: TargetArgs,
): Promise<ArticleTarget | undefined> {
  let editor = vscode.window.activeTextEditor;
  if (args?.uri) {
    const uri = toUri(args.uri);
    editor =
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()) ??
      (await vscode.window.showTextDocument(uri));
  }
  if (!editor) {
    void vscode.window.showWarningMessage(`${commandTitle}: no file is open. Open an article (a Markdown file with frontmatter) first.`);
    return undefined;
  }
  const document = editor.document;
  if (!isMarkdownDocument(document)) {
    void vscode.window.showWarningMessage(
      `${commandTitle}: ${displayName(document.uri)} is not an article. Articles are Markdown (.md or .mdx) files with frontmatter.`,
    );
    return undefined;
  }
  const analysis = await analyzer.analyzeDocument(document);
  if (!analysis.isContent) {
    void vscode.window.showWarningMessage(
      `${commandTitle}: ${displayName(document.uri)} is not an article: it has no frontmatter and is outside the article folders of the configuration ("include").`,
    );
    return undefined;
  }
  return { document, editor, analysis };
}

/** Inserts text at the editor's selection (replacing it), as one undo step. */
export function insertAtSelection(editor: vscode.TextEditor, text: string): Thenable<boolean> {
  return editor.edit((builder) => builder.replace(editor.selection, text));
}

/** Says that a command gave up: the document changed every time its edit was computed (see EDIT_ATTEMPTS). */
export function documentKeptChanging(commandTitle: string): void {
  void vscode.window.showWarningMessage(`${commandTitle}: the document kept changing while the edit was computed; nothing was changed. Try again.`);
}

/** What one attempt of a command returns when the document changed after it was analyzed. */
export const STALE: unique symbol = Symbol('the document changed meanwhile');

/**
 * Runs `attempt` until it works on the document's current version (it returns STALE otherwise), at
 * most EDIT_ATTEMPTS times; then tells the author and returns `gaveUp`.
 */
export async function onCurrentVersion<T>(commandTitle: string, attempt: () => Promise<T | typeof STALE>, gaveUp: T): Promise<T> {
  for (let count = 0; count < EDIT_ATTEMPTS; count++) {
    const result = await attempt();
    if (result !== STALE) return result;
  }
  documentKeptChanging(commandTitle);
  return gaveUp;
}
