/**
 * Where the preview's images come from, as the article format resolves them: `/x.png` in the public
 * folder (`publicDir` of `.article-lint.json`, else the first `public/` or `static/` at or above the
 * article's folder), `./x.png` and `../x.png` against the article, `https://` as is. Local files
 * become webview URIs, and only files inside the webview's local resource roots can be shown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ResolvedImage } from '../../core/render';
import { urlScheme } from '../../core/render';
import { WorkspaceFileSystem } from '../fs';

/** The folder itself, then each folder above it. */
function* foldersUpFrom(folder: string): Generator<string> {
  let current = path.resolve(folder);
  for (;;) {
    yield current;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** `publicDir` of the nearest `.article-lint.json` (validated and reported by the diagnostics, not here). */
async function configuredPublicDir(articlePath: string, host: WorkspaceFileSystem): Promise<string | undefined> {
  for (const folder of foldersUpFrom(path.dirname(articlePath))) {
    const file = path.join(folder, '.article-lint.json');
    if ((await host.stat(file)) !== 'file') continue;
    try {
      const config = JSON.parse((await host.readText(file)) ?? '{}') as { publicDir?: unknown };
      return typeof config.publicDir === 'string' && config.publicDir.trim() ? path.resolve(folder, config.publicDir) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The public folder for an article on disk, or undefined when there is none. */
export async function findPublicDir(articlePath: string, host = new WorkspaceFileSystem()): Promise<string | undefined> {
  const configured = await configuredPublicDir(articlePath, host);
  if (configured) return configured;
  for (const folder of foldersUpFrom(path.dirname(articlePath))) {
    for (const name of ['public', 'static']) {
      const candidate = path.join(folder, name);
      if ((await host.stat(candidate)) === 'directory') return candidate;
    }
  }
  return undefined;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The local path an image source names, with `?query`/`#hash` dropped and `%20` decoded. */
function localPath(src: string, articlePath: string | undefined, publicDir: string | undefined): { path?: string; lookedFor: string } {
  let clean = src.trim().replace(/[?#].*$/, '');
  try {
    clean = decodeURIComponent(clean);
  } catch {
    // keep it as written
  }
  if (clean.startsWith('/')) {
    if (!publicDir) return { lookedFor: `${clean} in a public/ or static/ folder (none found at or above the article)` };
    const file = path.join(publicDir, ...clean.split('/').filter(Boolean));
    return { path: file, lookedFor: file };
  }
  if (!articlePath) return { lookedFor: `${clean} (the article is not saved, so relative paths cannot be resolved)` };
  const file = path.resolve(path.dirname(articlePath), ...clean.split('/'));
  return { path: file, lookedFor: file };
}

export interface ImageResolverInput {
  webview: vscode.Webview;
  /** The article's file, or undefined for an untitled document. */
  articlePath: string | undefined;
  publicDir: string | undefined;
  /** Folders the webview may load from (its localResourceRoots). */
  roots: readonly vscode.Uri[];
}

/** A synchronous resolver for one render (existence is checked on disk: a few stat calls). */
export function createImageResolver(input: ImageResolverInput): (src: string) => ResolvedImage {
  const roots = input.roots.filter((root) => root.scheme === 'file').map((root) => root.fsPath);
  return (src) => {
    const scheme = urlScheme(src);
    if (scheme === 'https' || scheme === 'http' || scheme === 'data') return { url: src.trim() };
    if (scheme !== undefined) return { missingPath: src };
    const { path: file, lookedFor } = localPath(src, input.articlePath, input.publicDir);
    if (!file) return { missingPath: lookedFor };
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file);
    } catch {
      stat = undefined;
    }
    if (!stat?.isFile()) return { missingPath: lookedFor };
    if (!roots.some((root) => isInside(file, root))) return { missingPath: `${lookedFor} (outside the workspace folders the preview may read)` };
    // The modification time in the query makes the webview reload an image that was replaced.
    const uri = input.webview.asWebviewUri(vscode.Uri.file(file)).with({ query: `v=${Math.round(stat.mtimeMs)}` });
    return { url: uri.toString() };
  };
}
