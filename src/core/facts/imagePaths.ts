/**
 * Where a local image lives: `/x.png` in the public folder (`publicDir` from the configuration, else
 * the first `public/` or `static/` folder from the article's folder upwards), `./x.png` and
 * `../x.png` against the article. `%20` is decoded, `?query` and `#hash` dropped; remote
 * (`https://`, `http://`, `//`), `data:` and other URL schemes are not checked.
 */
import { dirname, foldersUpFrom, join, resolve } from '../text/paths';
import type { FileSystemHost } from '../types';

export type ImageStatus = 'found' | 'missing' | 'unchecked';

export interface ImageResolution {
  status: ImageStatus;
  /** The absolute path looked at, when one was. */
  path?: string;
}

/** `src` without query and hash, percent-decoded; undefined for remote, data: and scheme URLs. */
export function localImagePath(src: string): string | undefined {
  const trimmed = src.trim();
  if (!trimmed || trimmed.startsWith('//') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed)) return undefined;
  let path = trimmed.replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it as written
  }
  return path || undefined;
}

/** Finds the public folder for root-relative images, once per analysis. */
export class ImageResolver {
  private publicDir: Promise<string | undefined> | undefined;

  constructor(
    private readonly fs: FileSystemHost,
    private readonly filePath: string | undefined,
    private readonly configuredPublicDir: string | undefined,
  ) {}

  /** The public folder: configured, else the nearest `public/` or `static/` upwards. */
  findPublicDir(): Promise<string | undefined> {
    this.publicDir ??= this.searchPublicDir();
    return this.publicDir;
  }

  private async searchPublicDir(): Promise<string | undefined> {
    if (this.configuredPublicDir) return this.configuredPublicDir;
    if (!this.filePath) return undefined;
    for (const folder of foldersUpFrom(dirname(this.filePath))) {
      for (const name of ['public', 'static']) {
        const candidate = join(folder, name);
        if ((await this.fs.stat(candidate)) === 'directory') return candidate;
      }
    }
    return undefined;
  }

  async resolve(src: string | undefined): Promise<ImageResolution> {
    if (src === undefined) return { status: 'unchecked' };
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
    }
    return { status: (await this.fs.stat(path)) === 'file' ? 'found' : 'missing', path };
  }
}
