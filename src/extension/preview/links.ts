/**
 * A link clicked in the preview: nothing ever navigates the webview. Web links (`http:`, `https:`,
 * `mailto:`, `tel:`) open outside VS Code; a relative or root-relative path opens the file in the
 * editor (root-relative from the article's workspace folder); anything else is ignored.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { pathToUri, uriToPath, workspacePath } from '../fs';

const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);

/** Opens `href` of the article `source`, in `column` when it is a file. */
export async function openPreviewLink(href: string, source: vscode.Uri, column: vscode.ViewColumn): Promise<void> {
  const trimmed = href.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && EXTERNAL_SCHEMES.has(scheme)) {
    await vscode.env.openExternal(vscode.Uri.parse(trimmed, true));
    return;
  }
  const sourcePath = uriToPath(source);
  if (scheme !== undefined || sourcePath === undefined) return;
  const [target] = trimmed.split('#');
  if (!target) return;
  let decoded = target.replace(/\?.*$/, '');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // keep as written
  }
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(source);
  const base = decoded.startsWith('/') && workspaceFolder ? workspacePath(workspaceFolder.uri) : path.dirname(sourcePath);
  const file = pathToUri(path.join(base, ...decoded.split('/')));
  try {
    await vscode.workspace.fs.stat(file);
  } catch {
    void vscode.window.showWarningMessage(`Article preview: ${decoded} does not exist.`);
    return;
  }
  await vscode.window.showTextDocument(file, { viewColumn: column, preserveFocus: false, preview: false });
}
