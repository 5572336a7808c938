/**
 * What completion and hover share: offsets and ranges between the document and the parsed article
 * (whose parse comes from the document store, ./articleDocuments), and the engine's documentation
 * parts as a MarkdownString.
 */
import * as vscode from 'vscode';
import type { DocumentationPart, ParsedArticle } from '../core';

/** The text offset (into ParsedArticle.text) of a position. */
export function articleOffset(document: vscode.TextDocument, article: ParsedArticle, position: vscode.Position): number {
  return document.offsetAt(position) - (article.hadBom ? 1 : 0);
}

/** A range of the article's text as a document range. */
export function documentRange(document: vscode.TextDocument, article: ParsedArticle, start: number, end: number): vscode.Range {
  const shift = article.hadBom ? 1 : 0;
  return new vscode.Range(document.positionAt(start + shift), document.positionAt(end + shift));
}

export function markdownOf(parts: readonly DocumentationPart[]): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  for (const part of parts) {
    if ('markdown' in part) markdown.appendMarkdown(part.markdown);
    else markdown.appendText(part.text);
  }
  return markdown;
}
