/**
 * Where the preview's images come from, as the article format resolves them: `/x.png` in the public
 * folder (`publicDir` of `.article-lint.json`, else the first `public/` or `static/` at or above the
 * article's folder), `./x.png` and `../x.png` against the article, `https://` as is. Local files
 * become webview URIs, and only files inside the webview's local resource roots can be shown. Files are
 * looked at through `vscode.workspace.fs` (ImageFileStats), so a virtual workspace's images show too.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ResolvedConfig, ResolvedImage, SiteDirectory, SiteOf, SiteProfile } from '../../core';
import { pathToUri, uriToPath, WorkspaceFileSystem } from '../fs';
import { engine } from '../engine';

/**
 * What the preview needs of an article's site: its public folder, its profile (roles), a page
 * bundle's hero file, and what its URL comes from (the site model's view of the site, the
 * configuration's `siteUrl`).
 */
export interface PreviewSite {
  publicDir?: string;
  site?: SiteProfile;
  bundleHero?: string;
  siteOf?: SiteOf;
  configSiteUrl?: string;
}

/** Where the preview reads sites from: the analyzer's file system and its site directory (each site's URL settings, read once). */
export interface PreviewSiteSource {
  fs: WorkspaceFileSystem;
  sites(): SiteDirectory;
}

/**
 * The public folder for an article on disk (the engine's rule: configured, else the site's, else
 * public/ or static/ upwards), its site, bundle hero and URL settings. The configuration is the one
 * the analysis uses (the workspace folder is the default base), so the URL is the site model's.
 */
export async function findPreviewSite(articlePath: string, source?: PreviewSiteSource): Promise<PreviewSite> {
  const host = source?.fs ?? new WorkspaceFileSystem();
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(pathToUri(articlePath));
  const defaultBaseDir = workspaceFolder && uriToPath(workspaceFolder.uri);
  let config: ResolvedConfig | undefined;
  try {
    config = (await engine().loadConfig({ rules: engine().allRules, fs: host, forPath: articlePath, defaultBaseDir })).config;
  } catch {
    // A broken configuration is reported by the diagnostics; the preview still searches.
  }
  const site = await engine().detectSite(articlePath, host, config);
  const sites = source?.sites() ?? new (engine().SiteDirectory)(host);
  const siteOf = await sites.siteOf(articlePath, site, config).catch(() => undefined);
  const publicDir = await new (engine().ImageResolver)(host, articlePath, config?.publicDir, {
    root: site.root,
    publicDirs: site.profile.publicDirs,
    assetDirs: site.profile.assetDirs,
  }).findPublicDir();
  let siblings: string[] = [];
  if (site.profile.bundleHeroNames) {
    try {
      siblings = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(pathToUri(articlePath), '..')))
        .filter(([, type]) => type & vscode.FileType.File)
        .map(([name]) => name);
    } catch {
      siblings = [];
    }
  }
  return { publicDir, site: site.profile, bundleHero: engine().bundleHeroFile(site.profile, articlePath, siblings), siteOf, configSiteUrl: config?.siteUrl };
}

/** The local file an image source names (as the engine resolves it), or what was looked for. */
function localPath(local: string, articlePath: string | undefined, publicDir: string | undefined): { path?: string; lookedFor: string; unchecked?: string } {
  if (local.startsWith('/')) {
    // As in the rules (image-not-found): without a public folder, root-relative images are not checked.
    if (!publicDir) return { lookedFor: local, unchecked: 'Not checked: no public/ or static/ folder at or above the article, so root-relative images are not looked for' };
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
  /** What is known of the image files; the files it does not know yet are noted for the next render. */
  stats: ImageFileStats;
}

/**
 * The image files' kinds and modification times, read through `vscode.workspace.fs` (asynchronous)
 * for a render that is synchronous: a render notes the files it has not seen, the panel reads them
 * and renders again. Forgotten when the panel looks up the article's site again (every few seconds),
 * so that a replaced image is shown anew.
 */
export class ImageFileStats {
  private readonly known = new Map<string, { mtime: number } | null>();
  private readonly unknown = new Set<string>();

  /** A file's modification time, null when it is no file, undefined (and noted) when not read yet. */
  get(file: string): { mtime: number } | null | undefined {
    const known = this.known.get(file);
    if (known === undefined) this.unknown.add(file);
    return known;
  }

  /** Reads the files noted since the last call; false when there were none. */
  async readNoted(): Promise<boolean> {
    const files = [...this.unknown];
    this.unknown.clear();
    await Promise.all(
      files.map(async (file) => {
        try {
          const stat = await vscode.workspace.fs.stat(pathToUri(file));
          this.known.set(file, stat.type & vscode.FileType.File ? { mtime: stat.mtime } : null);
        } catch {
          this.known.set(file, null);
        }
      }),
    );
    return files.length > 0;
  }

  clear(): void {
    this.known.clear();
    this.unknown.clear();
  }
}

/** A synchronous resolver for one render (whether a file exists is what `input.stats` knows). */
export function createImageResolver(input: ImageResolverInput): (src: string) => ResolvedImage {
  const roots = input.roots.map((root) => uriToPath(root)).filter((root): root is string => root !== undefined);
  return (src) => {
    // `{{ site.baseurl }}/assets/x.png`: the plain path after the template, from the site's root.
    const template = engine().templateImagePath(src);
    if (template === null) return { missingPath: `${src} (a template expression the preview cannot resolve)` };
    if (template !== undefined) src = template;
    const local = engine().localImagePath(src);
    if (local === undefined) {
      const scheme = engine().urlScheme(src);
      if (scheme === 'https' || scheme === 'http' || scheme === 'data') return { url: src.trim() };
      // Protocol-relative URLs load over https in the webview.
      if (src.trim().startsWith('//')) return { url: `https:${src.trim()}` };
      return { missingPath: src };
    }
    const { path: file, lookedFor, unchecked } = localPath(local, input.articlePath, input.publicDir);
    if (unchecked) return { unchecked };
    if (!file) return { missingPath: lookedFor };
    const stat = input.stats.get(file);
    if (!stat) return { missingPath: lookedFor };
    if (!roots.some((root) => engine().isInside(file, root))) return { missingPath: `${lookedFor} (outside the workspace folders the preview may read)` };
    // The modification time in the query makes the webview reload an image that was replaced.
    const uri = input.webview.asWebviewUri(pathToUri(file)).with({ query: `v=${Math.round(stat.mtime)}` });
    return { url: uri.toString() };
  };
}
