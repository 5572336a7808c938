/**
 * What the site model needs of an article's site (see detectSite and the profiles): its root
 * folder, public folders, how its title, description and date roles are read, and the site's own
 * URL settings (Hugo `[permalinks]`, Jekyll `permalink`, Eleventy's input folder) with the routes of
 * its pages other than Markdown (a walk of its folders). One SiteDirectory per CLI run or workspace
 * index: each site's settings are read once.
 */
import type { ResolvedConfig } from '../config/config';
import { dirname, join, pathBelow } from '../text/paths';
import type { FileSystemHost } from '../types';
import type { SiteRoleReader } from './entry';
import { readSiteSettings, siteFileFolders, siteProfileOrGeneric, type SiteInfo } from '../generators/registry';
import type { SiteProfile } from '../generators/profile';
import { pathDate, roleValue, type RoleName } from '../generators/roles';
import type { SiteSettings } from '../generators/urls';

export interface SiteOf {
  profile: string;
  root: string;
  publicDirs: string[];
  /** See SiteArticle.sourceDirs. */
  sourceDirs?: string[];
  roles: SiteRoleReader;
  settings: SiteSettings;
  /** Data the generator gives the file from its folders (see SiteProfile.readFolderData). */
  inherited?: Record<string, unknown>;
}

function roleText(profile: SiteProfile, data: Record<string, unknown>, role: RoleName): { path: (string | number)[]; text: string } | undefined {
  const found = roleValue(profile, data, role);
  if (!found) return undefined;
  if (typeof found.value === 'string' && found.value.trim() !== '') return { path: found.path, text: found.value };
  if (typeof found.value === 'number') return { path: found.path, text: String(found.value) };
  return undefined;
}

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** The roles the site model reads, by the profile's keys (titles made from file names are not compared). */
export function rolesFor(profileName: string, relativePath?: string): SiteRoleReader {
  const profile = siteProfileOrGeneric(profileName);
  return {
    title: (data) => roleText(profile, data, 'title'),
    description: (data) => roleText(profile, data, 'description'),
    date: (data) => isoDate(roleValue(profile, data, 'published')?.value) ?? pathDate(profile, relativePath),
  };
}


export class SiteDirectory {
  private readonly settings = new Map<string, Promise<SiteSettings>>();
  /** Each site's public folders: one array shared by all its articles' entries. */
  private readonly publicDirs = new Map<string, string[]>();
  /** Each site's source folders (absolute), likewise. */
  private readonly sourceDirs = new Map<string, string[]>();
  /** The data each folder's files inherit (see SiteProfile.readFolderData), by site and folder. */
  private readonly folderData = new Map<string, Promise<Record<string, unknown>>>();

  constructor(private readonly fs: FileSystemHost | undefined) {}

  /** The site model's view of an article's site: its root is the site's, else the configuration's folder, else the article's. */
  async siteOf(filePath: string, site: SiteInfo, config: ResolvedConfig | undefined): Promise<SiteOf> {
    const profile = site.profile;
    const root = site.root ?? config?.baseDir ?? dirname(filePath);
    const key = `${profile.name}|${root}`;
    let settings = this.settings.get(key);
    if (!settings) {
      settings = readSiteSettings(profile, root, this.fs);
      this.settings.set(key, settings);
    }
    const dirsKey = `${key}|${config?.publicDir ?? ''}`;
    let publicDirs = this.publicDirs.get(dirsKey);
    if (!publicDirs) {
      publicDirs = config?.publicDir ? [config.publicDir] : siteFileFolders(site).publicDirs.map((dir) => (dir ? join(root, ...dir.split('/')) : root));
      this.publicDirs.set(dirsKey, publicDirs);
    }
    const relativePath = pathBelow(root, filePath);
    const read = await settings;
    let sourceDirs = this.sourceDirs.get(key);
    if (!sourceDirs) {
      sourceDirs = (read.sourceDirs ?? []).map((dir) => join(root, ...dir.split('/').filter(Boolean)));
      this.sourceDirs.set(key, sourceDirs);
    }
    const inherited = relativePath !== undefined ? await this.inheritedData(profile, root, key, relativePath, read) : undefined;
    return {
      profile: profile.name,
      root,
      publicDirs,
      ...(sourceDirs.length ? { sourceDirs } : {}),
      roles: rolesFor(profile.name, relativePath),
      settings: read,
      ...(inherited && Object.keys(inherited).length ? { inherited } : {}),
    };
  }

  private inheritedData(profile: SiteProfile, root: string, key: string, relativePath: string, settings: SiteSettings): Promise<Record<string, unknown>> | undefined {
    if (!profile.readFolderData || !this.fs) return undefined;
    const folderKey = `${key}|${relativePath.replace(/[^/]*$/, '')}`;
    let data = this.folderData.get(folderKey);
    if (!data) {
      data = profile.readFolderData(root, relativePath, settings, this.fs).catch(() => ({}));
      this.folderData.set(folderKey, data);
    }
    return data;
  }

  /** Forget the settings read (a site's configuration file changed). */
  clear(): void {
    this.settings.clear();
    this.publicDirs.clear();
    this.sourceDirs.clear();
    this.folderData.clear();
  }
}
