/** Small helpers for suites that run in the extension host, against the real VS Code API. */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'article-authoring.article-authoring';
export const UPDATE_READING_TIME = 'articleAuthoring.updateReadingTime';

export const ARTICLE = 'src/content/blog/sourdough-at-altitude.md';
export const CRLF_BOM_ARTICLE = 'src/content/blog/crlf-with-bom.md';
export const PLAIN_MARKDOWN = 'notes/README.md';
export const PLAIN_TEXT = 'notes/todo.txt';

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs a workspace folder (test/integration/workspace)');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** The file as saved on disk (BOM included), independent of any open editor. */
export function fileOnDisk(relativePath: string): string {
  return fs.readFileSync(workspaceUri(relativePath).fsPath, 'utf8');
}

export async function showFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Polls until the condition holds: the workbench and the extension host answer asynchronously. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Closes every editor, dropping unsaved changes first: closing a dirty editor would otherwise wait
 * on a "Save changes?" dialog that no one answers.
 */
export async function closeAllEditorsDiscardingChanges(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
