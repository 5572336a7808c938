/**
 * Which site an article belongs to, for the site model: its profile, root folder, public folders,
 * how its roles are read and the site's own URL settings. One SiteDirectory per CLI run or
 * workspace index: each site's settings are read once.
 */
import type { ResolvedConfig } from '../config/config';
import { dirname, foldersUpFrom, join } from '../text/paths';
import type { FileSystemHost } from '../types';
import type { SiteRoleReader } from './entry';
import { readSiteSettings, type SiteSettings } from './urls';

export interface SiteOf {
  profile: string;
  root: string;
  publicDirs: string[];
  roles: SiteRoleReader;
  settings: SiteSettings;
}

const MARKERS: readonly { profile: string; files: readonly string[] }[] = [
  { profile: 'hugo', files: ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'] },
  { profile: 'jekyll', files: ['_config.yml', '_config.yaml', '_config.toml'] },
  { profile: 'docusaurus', files: ['docusaurus.config.js', 'docusaurus.config.mjs', 'docusaurus.config.ts'] },
  { profile: 'eleventy', files: ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventy.js'] },
  { profile: 'astro', files: ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts'] },
  { profile: 'nextjs', files: ['next.config.js', 'next.config.mjs', 'next.config.ts'] },
];

const PUBLIC_DIRS: Record<string, readonly string[]> = {
  hugo: ['static'],
  docusaurus: ['static'],
  jekyll: [''],
};

const DESCRIPTION_KEYS: Record<string, readonly string[]> = {
  hugo: ['description', 'summary'],
  jekyll: ['description', 'excerpt'],
  nextjs: ['excerpt', 'description'],
};

const DATE_KEYS: Record<string, readonly string[]> = {
  astro: ['pubDate'],
  generic: ['pubDate'],
  hugo: ['date', 'publishDate', 'pubdate', 'published'],
};

function firstString(data: Record<string, unknown>, keys: readonly string[]): { path: (string | number)[]; text: string } | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return { path: [key], text: value };
  }
  return undefined;
}

export function rolesFor(profile: string): SiteRoleReader {
  return {
    title: (data) => firstString(data, ['title']),
    description: (data) => firstString(data, DESCRIPTION_KEYS[profile] ?? ['description']),
    date: (data) => {
      const found = firstString(data, DATE_KEYS[profile] ?? ['date']);
      const match = found && /^(\d{4})-(\d{2})-(\d{2})/.exec(found.text.trim());
      return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
    },
  };
}

export class SiteDirectory {
  private readonly sites = new Map<string, Promise<SiteOf>>();
  private readonly folders = new Map<string, Promise<{ profile: string; root: string } | undefined>>();

  constructor(private readonly fs: FileSystemHost | undefined) {}

  /** The site of an article: the first folder upwards with a generator's marker, else the configuration's folder. */
  async siteOf(filePath: string, config: ResolvedConfig | undefined): Promise<SiteOf> {
    let found: { profile: string; root: string } | undefined;
    for (const folder of foldersUpFrom(dirname(filePath))) {
      found = await this.markerIn(folder);
      if (found) break;
    }
    const root = found?.root ?? config?.baseDir ?? dirname(filePath);
    const profile = found?.profile ?? 'generic';
    const key = `${profile}|${root}|${config?.publicDir ?? ''}`;
    let site = this.sites.get(key);
    if (!site) {
      site = (async () => ({
        profile,
        root,
        publicDirs: config?.publicDir ? [config.publicDir] : (PUBLIC_DIRS[profile] ?? ['public']).map((dir) => (dir ? join(root, dir) : root)),
        roles: rolesFor(profile),
        settings: await readSiteSettings(profile, root, this.fs),
      }))();
      this.sites.set(key, site);
    }
    return site;
  }

  private markerIn(folder: string): Promise<{ profile: string; root: string } | undefined> {
    let found = this.folders.get(folder);
    if (!found) {
      found = (async () => {
        if (!this.fs) return undefined;
        for (const marker of MARKERS) {
          for (const file of marker.files) if ((await this.fs.stat(join(folder, file))) === 'file') return { profile: marker.profile, root: folder };
        }
        return undefined;
      })();
      this.folders.set(folder, found);
    }
    return found;
  }

  /** Forget what was read (a site's configuration changed). */
  clear(): void {
    this.sites.clear();
    this.folders.clear();
  }
}
