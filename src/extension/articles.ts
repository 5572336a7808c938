/** Which editor documents the authoring features look at, and how a command finds its article. */
import * as vscode from 'vscode';
import { MARKDOWN_FILE, RARE_MARKDOWN_EXTENSIONS } from './markdownFiles';

/** Markdown and MDX documents, in any scheme an article can live in. */
export const MARKDOWN_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'mdx', scheme: 'file' },
  { language: 'mdx', scheme: 'untitled' },
  { pattern: '**/*.mdx', scheme: 'file' },
  { pattern: `**/*.{${RARE_MARKDOWN_EXTENSIONS.join(',')}}`, scheme: 'file' },
];

/** A Markdown or MDX document the engine may check (whether it is an article, the engine decides). */
export function isMarkdownDocument(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  return document.languageId === 'markdown' || document.languageId === 'mdx' || MARKDOWN_FILE.test(document.uri.path);
}

/** The engine's path for a document: the file system path, or undefined for an unsaved one. */
export function documentPath(document: vscode.TextDocument): string | undefined {
  return document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
}

/** A short name for messages. */
export function displayName(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
