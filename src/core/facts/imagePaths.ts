/**
 * Where a local image lives: `/x.png` in the public folder (`publicDir` from the configuration, else
 * the first `public/` or `static/` folder from the article's folder upwards), `./x.png` and
 * `../x.png` against the article. `%20` is decoded, `?query` and `#hash` dropped; remote
 * (`https://`, `http://`, `//`), `data:` and other URL schemes are not checked.
 */
import { firstOfKind } from '../text/folders';
import { dirname, foldersUpFrom, join, resolve } from '../text/paths';
import type { FileSystemHost } from '../types';
import { templateEnd } from '../parse/syntax/scan';

export type ImageStatus = 'found' | 'missing' | 'unchecked';

export interface ImageResolution {
  status: ImageStatus;
  /** The absolute path looked at, when one was. */
  path?: string;
}

/**
 * A path that starts with a template expression, as Jekyll and Eleventy authors write them: the plain
 * path it stands for, from the site's root (`{{ site.baseurl }}/assets/x.png` and
 * `{{ "/assets/x.png" | relative_url }}` are `/assets/x.png`), or undefined when the rest is not a
 * plain path (it is then not checked).
 */
function templatePath(src: string): string | undefined {
  const end = templateEnd(src, 2, src.length, '}}');
  if (end === -1) return undefined;
  const expression = src.slice(2, end - 2).replace(/^-/, '').replace(/-$/, '').trim();
  const rest = src.slice(end);
  const filtered = /^(["'])([^"'{}]*)\1\s*\|\s*(?:relative_url|absolute_url)$/.exec(expression);
  if (filtered) return rest === '' ? `/${filtered[2].replace(/^\/+/, '')}` : undefined;
  if (/^[\w.]+$/.test(expression) && rest.startsWith('/') && !rest.includes('{')) return rest;
  return undefined;
}

/** `src` without query and hash, percent-decoded; undefined for remote, data: and scheme URLs. */
export function localImagePath(src: string): string | undefined {
  let trimmed = src.trim();
  if (trimmed.startsWith('{{')) {
    const path = templatePath(trimmed);
    if (path === undefined) return undefined;
    trimmed = path;
  } else if (trimmed.startsWith('{')) return undefined;
  if (!trimmed || trimmed.startsWith('//') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed)) return undefined;
  let path = trimmed.replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it as written
  }
  return path || undefined;
}

/** The site's folders for images: its root, the public folders (`''` is the root) and asset folders, relative to the root. */
export interface SiteImageFolders {
  root?: string;
  publicDirs: readonly string[];
  assetDirs?: readonly string[];
}

/**
 * An image path that starts with a template expression: `{{ site.baseurl }}/assets/x.png` (the rest
 * is a plain path) or `{{ "/assets/x.png" | relative_url }}` (a quoted root path). Returns the
 * root-relative path, `null` when it cannot be checked, undefined when the path is no template.
 */
export function templateImagePath(src: string): string | null | undefined {
  const trimmed = src.trim();
  if (!trimmed.startsWith('{{') && !trimmed.startsWith('{%')) return undefined;
  const match = /^\{\{([^{}]*)\}\}(.*)$/s.exec(trimmed);
  if (!match) return null;
  const [, inner, rest] = match;
  if (rest.startsWith('/') && !/[{}%]/.test(rest)) return rest;
  const quoted = /^\s*(["'])(\/[^"'{}]*)\1\s*(\|[^{}]*)?$/.exec(inner);
  if (rest.trim() === '' && quoted) return quoted[2];
  return null;
}

/** Finds the public folder for root-relative images, once per analysis. */
export class ImageResolver {
  private publicDir: Promise<string | undefined> | undefined;

  constructor(
    private readonly fs: FileSystemHost,
    private readonly filePath: string | undefined,
    private readonly configuredPublicDir: string | undefined,
    private readonly site?: SiteImageFolders,
  ) {}

  /** The public folder: configured, else the site's, else the nearest `public/` or `static/` upwards. */
  findPublicDir(): Promise<string | undefined> {
    this.publicDir ??= this.searchPublicDir();
    return this.publicDir;
  }

  private async searchPublicDir(): Promise<string | undefined> {
    if (this.configuredPublicDir) return this.configuredPublicDir;
    // Each group's candidates asked for at once, the first in order wins (the walk up may go to the root).
    if (this.site?.root) {
      const root = this.site.root;
      const found = await firstOfKind(this.fs, this.site.publicDirs.map((name) => (name ? join(root, ...name.split('/')) : root)), 'directory');
      if (found) return found;
    }
    if (!this.filePath) return undefined;
    return firstOfKind(this.fs, [...foldersUpFrom(dirname(this.filePath))].flatMap((folder) => [join(folder, 'public'), join(folder, 'static')]), 'directory');
  }

  async resolve(src: string | undefined): Promise<ImageResolution> {
    if (src === undefined) return { status: 'unchecked' };
    const template = templateImagePath(src);
    if (template === null) return { status: 'unchecked' };
    if (template !== undefined) {
      // A template's root is the site's (Jekyll's `site.baseurl` is the site's own folder).
      const local = localImagePath(template);
      const root = this.site?.root ?? (await this.findPublicDir());
      if (!local || !root) return { status: 'unchecked' };
      const path = join(root, ...local.split('/').filter(Boolean));
      if ((await this.fs.stat(path)) === 'file') return { status: 'found', path };
      const publicDir = await this.findPublicDir();
      const inPublic = publicDir && publicDir !== root ? join(publicDir, ...local.split('/').filter(Boolean)) : undefined;
      return { status: inPublic && (await this.fs.stat(inPublic)) === 'file' ? 'found' : 'missing', path: inPublic ?? path };
    }
    const local = localImagePath(src);
    if (!local) return { status: 'unchecked' };
    let path: string;
    if (local.startsWith('/')) {
      const publicDir = await this.findPublicDir();
      if (!publicDir) return { status: 'unchecked' };
      path = join(publicDir, ...local.split('/').filter(Boolean));
    } else {
      if (!this.filePath) return { status: 'unchecked' };
      path = resolve(dirname(this.filePath), ...local.split('/'));
      if ((await this.fs.stat(path)) !== 'file' && !local.startsWith('.') && this.site?.root) {
        // Hugo: a bare name not beside the article is looked for in assets/.
        for (const folder of this.site.assetDirs ?? []) {
          const candidate = join(this.site.root, ...folder.split('/'), ...local.split('/'));
          if ((await this.fs.stat(candidate)) === 'file') return { status: 'found', path: candidate };
        }
      }
    }
    return { status: (await this.fs.stat(path)) === 'file' ? 'found' : 'missing', path };
  }
}
