/**
 * Hover in articles: a frontmatter key's schema documentation, a rule id's description, a keyword's
 * use in the body. Computed by the engine (src/core/editor/hover.ts); this file converts it.
 */
import * as vscode from 'vscode';
import type { ArticleDocuments } from './articleDocuments';
import { articleOffset, documentRange, markdownOf } from './editorText';
import type { SchemaLookup } from './schemaLookup';
import { engine } from './engine';

export class ArticleHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly documents: ArticleDocuments,
    private readonly schemas: SchemaLookup,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const article = this.documents.parse(document);
    const hover = await engine().articleHover(article, articleOffset(document, article, position), () => this.schemas.forDocument(document));
    return hover && new vscode.Hover(markdownOf(hover.contents), documentRange(document, article, hover.start, hover.end));
  }
}
