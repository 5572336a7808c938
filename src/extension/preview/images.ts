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
import { WorkspaceFileSystem } from '../fs';
import { engine } from '../engine';

/** The public folder for an article on disk (the engine's rule: configured, else public/ or static/ upwards). */
export async function findPublicDir(articlePath: string, host = new WorkspaceFileSystem()): Promise<string | undefined> {
  let configured: string | undefined;
  try {
    configured = (await engine().loadConfig({ fs: host, forPath: articlePath })).config.publicDir;
  } catch {
    // A broken configuration is reported by the diagnostics; the preview still searches.
  }
  return new (engine().ImageResolver)(host, articlePath, configured).findPublicDir();
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The local file an image source names (as the engine resolves it), or what was looked for. */
function localPath(local: string, articlePath: string | undefined, publicDir: string | undefined): { path?: string; lookedFor: string } {
  if (local.startsWith('/')) {
    if (!publicDir) return { lookedFor: `${local} in a public/ or static/ folder (none found at or above the article)` };
    const file = path.join(publicDir, ...local.split('/').filter(Boolean));
    return { path: file, lookedFor: file };
  }
  if (!articlePath) return { lookedFor: `${local} (the article is not saved, so relative paths cannot be resolved)` };
  const file = path.resolve(path.dirname(articlePath), ...local.split('/'));
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
    const local = engine().localImagePath(src);
    if (local === undefined) {
      const scheme = engine().urlScheme(src);
      if (scheme === 'https' || scheme === 'http' || scheme === 'data') return { url: src.trim() };
      // Protocol-relative URLs load over https in the webview.
      if (src.trim().startsWith('//')) return { url: `https:${src.trim()}` };
      return { missingPath: src };
    }
    const { path: file, lookedFor } = localPath(local, input.articlePath, input.publicDir);
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
