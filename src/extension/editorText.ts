/**
 * What completion and hover share: offsets and ranges between the document and the parsed article
 * (whose parse comes from the document store, ./articleDocuments), and a schema field's documentation.
 */
import * as vscode from 'vscode';
import type { ParsedArticle, SchemaField } from '../core';

/** The text offset (into ParsedArticle.text) of a position. */
export function articleOffset(document: vscode.TextDocument, article: ParsedArticle, position: vscode.Position): number {
  return document.offsetAt(position) - (article.hadBom ? 1 : 0);
}

/** A range of the article's text as a document range. */
export function documentRange(document: vscode.TextDocument, article: ParsedArticle, start: number, end: number): vscode.Range {
  const shift = article.hadBom ? 1 : 0;
  return new vscode.Range(document.positionAt(start + shift), document.positionAt(end + shift));
}

export function typeLabel(field: SchemaField): string {
  const words: Record<string, string> = {
    string: 'text',
    date: 'date',
    array: 'list',
    boolean: 'true/false',
    number: 'number',
    object: 'mapping',
    null: 'empty',
  };
  const types = field.types.filter((type) => type !== 'null').map((type) => words[type] ?? type);
  return types.length > 0 ? types.join(' or ') : 'any value';
}

/** The documentation shown for a field (completion details, hover). */
export function fieldDocumentation(field: SchemaField, sourceLabel: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown(`**${field.name}** · ${typeLabel(field)}${field.required ? ' · required' : ''}\n\n`);
  if (field.documentation) {
    if (field.documentationIsMarkdown) markdown.appendMarkdown(field.documentation);
    else markdown.appendText(field.documentation);
    markdown.appendMarkdown('\n\n');
  }
  if (field.enum) markdown.appendMarkdown(`One of: ${field.enum.map((value) => `\`${String(value)}\``).join(', ')}\n\n`);
  markdown.appendMarkdown(`*From the ${sourceLabel.replace(/[*_`[\]]/g, '\\$&')}.*`);
  return markdown;
}
