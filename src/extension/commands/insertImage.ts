/**
 * Article: Insert Image — pick an image from the public folder (the engine's resolution: `publicDir`
 * of the configuration, else the nearest `public/` or `static/`), give its alt text, and
 * `![alt](/path)` is inserted at the cursor. Without a public folder, images next to the article are
 * offered with relative paths.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import { WorkspaceFileSystem, pathToUri, uriToPath, workspacePath } from '../fs';
import { articleTarget, insertAtSelection, type TargetArgs } from './articleTarget';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { engine } from '../engine';

const TITLE = 'Insert Image';
const IMAGES = '**/*.{png,jpg,jpeg,gif,webp,avif,svg,PNG,JPG,JPEG,GIF,WEBP,AVIF,SVG}';
const MAX_IMAGES = 2000;

export interface InsertImageArgs extends TargetArgs {
  /** The image path as the article should reference it (`/x.png`); picked when absent. */
  path?: string;
  /** The alt text; asked for (prefilled from the file name) when absent. */
  alt?: string;
}

export class InsertImageCommand implements Command {
  readonly id = COMMANDS.insertImage.id;
  private readonly fs = new WorkspaceFileSystem();

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  /** Returns the Markdown inserted, or undefined. */
  async execute(args?: InsertImageArgs): Promise<string | undefined> {
    const target = await articleTarget(this.analyzer, TITLE, args);
    if (!target) return undefined;
    const src = args?.path ?? (await this.pickImage(target.document.uri, target.analysis.filePath, target.analysis.config.publicDir));
    if (!src) return undefined;
    const alt =
      args?.alt ??
      (await vscode.window.showInputBox({
        title: `${TITLE}: alt text for ${src}`,
        prompt: 'Describe what the image shows, for readers who cannot see it (and for search engines).',
        value: engine().altFromFileName(src),
        validateInput: (value) => (value.trim() === '' ? 'An image needs alt text; describe what it shows.' : undefined),
      }));
    if (alt === undefined || alt.trim() === '') return undefined;
    const markdown = engine().markdownImage(alt.trim(), src);
    return (await insertAtSelection(target.editor, markdown)) ? markdown : undefined;
  }

  private async pickImage(articleUri: vscode.Uri, filePath: string | undefined, publicDir: string | undefined): Promise<string | undefined> {
    const publicFolder = await new (engine().ImageResolver)(this.fs, filePath, publicDir).findPublicDir();
    let base: string | undefined = publicFolder;
    if (!base) {
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(articleUri);
      base = workspaceFolder && uriToPath(workspaceFolder.uri);
    }
    if (!base) {
      void vscode.window.showWarningMessage(`${TITLE}: no public folder was found for this article (set "publicDir" in .article-lint.json).`);
      return undefined;
    }
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(pathToUri(base), IMAGES), '**/node_modules/**', MAX_IMAGES);
    if (files.length === 0) {
      void vscode.window.showWarningMessage(`${TITLE}: there are no images in ${vscode.workspace.asRelativePath(pathToUri(base))}.`);
      return undefined;
    }
    const articleFolder = filePath ? path.dirname(filePath) : base;
    const items = files
      .map((file) => {
        const src = publicFolder
          ? `/${path.relative(publicFolder, workspacePath(file)).split(path.sep).join('/')}`
          : relativeSrc(articleFolder, workspacePath(file));
        return { label: src, description: path.basename(workspacePath(file)) === src.slice(1) ? undefined : path.basename(workspacePath(file)), src };
      })
      .sort((a, b) => a.src.localeCompare(b.src));
    const picked = await vscode.window.showQuickPick(items, {
      title: TITLE,
      placeHolder: publicFolder ? `Images in ${vscode.workspace.asRelativePath(pathToUri(publicFolder))}` : 'Images in the workspace',
      matchOnDescription: true,
    });
    return picked?.src;
  }
}

function relativeSrc(from: string, to: string): string {
  const relative = path.relative(from, to).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
