/**
 * The parse of each open article: one `parseArticle` per document version, shared by the editor
 * features (status bar, commands, diagnostics, preview). Each open document has its own engine
 * state, so that a version reuses what the document's earlier versions parsed; it is dropped when
 * the document closes.
 */
import * as vscode from 'vscode';
import type { ArticleState, ParsedArticle } from '../core';
import { isMarkdownDocument } from './articles';
import { engine } from './engine';

export class ArticleDocuments implements vscode.Disposable {
  private readonly parsed = new Map<string, { version: number; article: ParsedArticle; state: ArticleState }>();
  private readonly closeListener = vscode.workspace.onDidCloseTextDocument((document) =>
    this.parsed.delete(document.uri.toString()),
  );

  /** The document's parse, or undefined when it is not an article (not Markdown, or no frontmatter). */
  article(document: vscode.TextDocument): ParsedArticle | undefined {
    if (!isMarkdownDocument(document)) return undefined;
    const article = this.parse(document);
    return article.frontmatter ? article : undefined;
  }

  /** The parse of the document's current version, made once and shared by every feature. */
  parse(document: vscode.TextDocument): ParsedArticle {
    const key = document.uri.toString();
    const entry = this.parsed.get(key);
    if (entry?.version === document.version) return entry.article;
    const state = entry?.state ?? new (engine().ArticleState)();
    const article = engine().parseArticle(document.getText(), state, { kind: engine().bodyKindOf(document.uri.path, document.languageId) });
    this.parsed.set(key, { version: document.version, article, state });
    return article;
  }

  dispose(): void {
    this.closeListener.dispose();
    this.parsed.clear();
  }
}
