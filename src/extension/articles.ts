/** Which editor documents the authoring features look at, and how a command finds its article. */
import * as vscode from 'vscode';
import { uriToPath } from './fs';
import { MARKDOWN_FILE, RARE_MARKDOWN_EXTENSIONS } from './markdownFiles';

/**
 * The schemes an article can live in: on disk, unsaved, and the virtual workspaces of the browser
 * (github.dev and vscode.dev's repositories, a remote folder seen from the browser's extension host,
 * the file system of @vscode/test-web). Not `git:` or other views of an older version.
 */
export const ARTICLE_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

/** Markdown and MDX documents, in any scheme an article can live in. */
export const MARKDOWN_SELECTOR: vscode.DocumentSelector = ARTICLE_SCHEMES.flatMap((scheme) => [
  { language: 'markdown', scheme },
  { language: 'mdx', scheme },
  ...(scheme === 'untitled' ? [] : [{ pattern: '**/*.mdx', scheme }, { pattern: `**/*.{${RARE_MARKDOWN_EXTENSIONS.join(',')}}`, scheme }]),
]);

/** A Markdown or MDX document the engine may check (whether it is an article, the engine decides). */
export function isMarkdownDocument(document: vscode.TextDocument): boolean {
  if (!ARTICLE_SCHEMES.includes(document.uri.scheme)) return false;
  return document.languageId === 'markdown' || document.languageId === 'mdx' || MARKDOWN_FILE.test(document.uri.path);
}

/** The engine's path for a document (see uriToPath), or undefined for an unsaved one. */
export function documentPath(document: vscode.TextDocument): string | undefined {
  return document.uri.scheme === 'untitled' ? undefined : uriToPath(document.uri);
}

/** A short name for messages. */
export function displayName(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
