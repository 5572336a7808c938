/** Article: New Article — asks the title, creates `<slug>.md` from the template, opens it. */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import { isMarkdownDocument } from '../articles';
import { readSettings } from '../settings';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { engine } from '../engine';
import { uriToPath } from '../fs';


export interface NewArticleArgs {
  /** The title; asked for when absent. */
  title?: string;
  /** The folder to create it in; otherwise from the setting or the active article. */
  folder?: vscode.Uri | string;
}

/** Where blogs keep their posts when nothing else says (Astro's content collections). */
const CONVENTIONAL_FOLDER = ['src', 'content', 'blog'];

export class NewArticleCommand implements Command {
  readonly id = COMMANDS.newArticle.id;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  /** Returns the new file's URI, or undefined when nothing was created. */
  async execute(args?: NewArticleArgs): Promise<vscode.Uri | undefined> {
    const folder = args?.folder ? toUri(args.folder) : await this.defaultFolder();
    if (!folder) {
      void vscode.window.showWarningMessage('New Article: open a folder first; the article is created in the workspace.');
      return undefined;
    }
    const title = (args?.title ?? (await askTitle()))?.trim();
    if (!title) return undefined;
    const slug = engine().slugFromTitle(title);
    if (!slug) {
      void vscode.window.showWarningMessage(`New Article: "${title}" gives no slug; use a title with letters or digits.`);
      return undefined;
    }
    const uri = vscode.Uri.joinPath(folder, `${slug}.md`);
    if (await exists(uri)) {
      void vscode.window.showWarningMessage(`New Article: ${vscode.workspace.asRelativePath(uri)} already exists; it was not changed.`);
      await vscode.window.showTextDocument(uri);
      return undefined;
    }
    const text = engine().newArticleText({ title, slug, date: engine().isoToday() });
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(uri);
    // The cursor where the writing starts: the empty line under "## Introduction".
    const intro = editor.document.getText().indexOf('## Introduction');
    if (intro !== -1) {
      const position = editor.document.positionAt(intro).translate(1, 0);
      editor.selection = new vscode.Selection(position, position);
    }
    return uri;
  }

  /**
   * The setting `articleAuthoring.newArticleFolder` (relative to the workspace folder), else the
   * folder of the active article, else `src/content/blog` when it exists, else the workspace folder.
   */
  private async defaultFolder(): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    const workspaceFolder =
      (active && vscode.workspace.getWorkspaceFolder(active.uri)) ?? vscode.workspace.workspaceFolders?.[0];
    const configured = readSettings(workspaceFolder?.uri).newArticleFolder;
    if (configured) {
      if (/^([A-Za-z]:)?[\\/]/.test(configured)) return vscode.Uri.file(configured);
      if (workspaceFolder) return vscode.Uri.joinPath(workspaceFolder.uri, ...configured.split(/[\\/]+/));
    }
    if (active && uriToPath(active.uri) !== undefined && isMarkdownDocument(active)) {
      const analysis = await this.analyzer.analyzeDocument(active);
      if (analysis.isContent) return vscode.Uri.joinPath(active.uri, '..');
    }
    if (!workspaceFolder) return undefined;
    const conventional = vscode.Uri.joinPath(workspaceFolder.uri, ...CONVENTIONAL_FOLDER);
    return (await isFolder(conventional)) ? conventional : workspaceFolder.uri;
  }
}

function askTitle(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'New Article',
    prompt: 'The article title (the file name and slug are made from it)',
    placeHolder: 'Sourdough at Altitude: Why Your Loaf Collapses Above 2,000 m',
    validateInput: (value) => {
      if (value.trim() === '') return 'Give the article a title.';
      return engine().slugFromTitle(value) ? undefined : 'The title needs letters or digits to make a slug from.';
    },
  });
}

function toUri(value: vscode.Uri | string): vscode.Uri {
  if (typeof value !== 'string') return value;
  return /^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[A-Za-z]:[\\/]/.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
