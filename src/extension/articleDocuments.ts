/**
 * The parse of each open article: one `parseArticle` per document version, shared by the editor
 * features (status bar, commands, and later diagnostics and preview).
 */
import * as vscode from 'vscode';
import type { ParsedArticle, parseArticle } from '../core';
import { isMarkdownDocument } from './articles';
import { engine } from './engine';

export class ArticleDocuments implements vscode.Disposable {
  private readonly parsed = new Map<string, { version: number; article: ParsedArticle }>();
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
    let entry = this.parsed.get(key);
    if (entry?.version !== document.version) {
      entry = { version: document.version, article: engine().parseArticle(document.getText(), { kind: engine().bodyKindOf(document.uri.path, document.languageId) }) };
      this.parsed.set(key, entry);
    }
    return entry.article;
  }

  dispose(): void {
    this.closeListener.dispose();
    this.parsed.clear();
  }
}
