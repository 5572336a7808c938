/**
 * The site profiles and how an article's site is found: `"site"` in `.article-lint.json`, else the
 * first folder from the article's folder upwards that holds a generator's marker file (or a
 * `package.json` naming its package), else `generic`. Adding a generator is adding its file to `profiles`.
 */
import { dirname, foldersUpFrom, join, pathBelow } from '../text/paths';
import type { FileSystemHost } from '../types';
import astro from './astro';
import docusaurus from './docusaurus';
import eleventy from './eleventy';
import generic from './generic';
import hugo from './hugo';
import jekyll from './jekyll';
import nextjs from './nextjs';
import type { SiteProfile } from './profile';
import { routeKey, type SiteSettings } from './urls';
import { copyConventions, emptyConventions, FRONT_MATTER_CMS_FILE, readFrontMatterCms, type SiteConventions } from './conventions';


/** Every profile; detection tries them in this order within one folder (generic last: it has no markers). */
export const siteProfiles: readonly SiteProfile[] = [hugo, jekyll, docusaurus, eleventy, astro, nextjs, generic];

export const siteNames: readonly string[] = siteProfiles.map((profile) => profile.name);

export function siteProfile(name: string): SiteProfile | undefined {
  return siteProfiles.find((profile) => profile.name === name);
}

/** How messages name the site and one of its pages ("a Hugo site", "a Hugo page"). */
export function siteWording(profile: SiteProfile): { site: string; page: string } {
  return profile.wording ?? { site: `a ${profile.label} site`, page: `a ${profile.label} page` };
}

/** The profile of that name, else the generic one. */
export function siteProfileOrGeneric(name: string): SiteProfile {
  return siteProfile(name) ?? generic;
}

/**
 * Every file whose change can change what a site's reading says (which profile, its conventions, its
 * URL settings), as globs at any depth: each profile's marker files and `siteFiles`, the
 * `package.json` whose dependencies mark a site, and Front Matter CMS's configuration. The editor
 * watches them and reads the site again when one is created, changed or deleted.
 */
export function siteWatchGlobs(): string[] {
  const relative = new Set<string>([FRONT_MATTER_CMS_FILE]);
  for (const profile of siteProfiles) {
    for (const file of [...profile.markers.files, ...(profile.markers.filesWithFolder?.files ?? []), ...(profile.siteFiles ?? [])]) relative.add(file);
    if (profile.markers.dependencies?.length) relative.add('package.json');
  }
  return [...relative].map((glob) => (glob.startsWith('**/') ? glob : `**/${glob}`));
}

/** The site's own settings that its URLs depend on (none when its files are missing or unreadable). */
export async function readUrlSettings(profile: SiteProfile, root: string | undefined, fs: FileSystemHost | undefined): Promise<SiteSettings> {
  if (!root || !fs || !profile.readUrlSettings) return {};
  return profile.readUrlSettings(root, fs).catch(() => ({}));
}

/**
 * The site's URL settings with the routes of the pages it publishes from files other than Markdown
 * (see SiteProfile.readPageRoutes) among its routes: what the site model resolves links with. Read
 * once per site by its caller (a walk of the site's folders).
 */
export async function readSiteSettings(profile: SiteProfile, root: string | undefined, fs: FileSystemHost | undefined): Promise<SiteSettings> {
  const settings = await readUrlSettings(profile, root, fs);
  if (!root || !fs || !profile.readPageRoutes) return settings;
  const pages = await profile.readPageRoutes(root, settings, fs).catch(() => undefined);
  if (!pages) return settings;
  // Compared as links are: route keys (without regard to case where the generator resolves so); no `*` in them.
  const key = (route: string) => (profile.caseInsensitiveLinks ? routeKey(route).toLowerCase() : routeKey(route));
  const own = pages.routes.filter((route) => !route.includes('*')).map(key);
  return {
    ...settings,
    ...(own.length ? { routes: [...new Set([...(settings.routes ?? []), ...own])] } : {}),
    ...(pages.elsewhere.length ? { sourcesElsewhere: [...new Set(pages.elsewhere)].sort() } : {}),
  };
}

export const genericSite = generic;

/** The site an article belongs to, and why. */
export interface SiteInfo {
  profile: SiteProfile;
  /** The site's root folder (where the marker was found, or the configuration's folder), if any. */
  root?: string;
  /** Why this profile: "hugo.toml found in /x/site", "\"site\": \"hugo\" in .article-lint.json", … */
  reason: string;
  /** What the site's own files say about its frontmatter (archetypes, defaults, content configuration). */
  conventions?: SiteConventions;
}

/** The generic site, for callers that know no path. */
export const GENERIC_SITE: SiteInfo = { profile: generic, reason: 'no generator’s marker file found' };

const packageDependencies = new Map<string, Set<string>>();

/** The dependency names of a package.json text (cached by content; unreadable or malformed: none). */
function dependenciesOf(text: string): Set<string> {
  let names = packageDependencies.get(text);
  if (names) return names;
  names = new Set<string>();
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      const deps = json?.[field];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
    }
  } catch {
    // not JSON: no dependencies
  }
  if (packageDependencies.size > 100) packageDependencies.clear();
  packageDependencies.set(text, names);
  return names;
}

/**
 * Which profile's markers the folder holds, if any: a generator's own configuration file first, then
 * a `package.json` dependency, then the weaker markers (Hugo's old `config.toml` beside `content/`,
 * which other projects may hold too). Marker files that cannot be read count as absent.
 */
async function siteInFolder(folder: string, fs: FileSystemHost): Promise<SiteInfo | undefined> {
  const candidates: { profile: SiteProfile; file: string; needsFolder?: string }[] = [];
  for (const profile of siteProfiles) for (const file of profile.markers.files) candidates.push({ profile, file });
  const weak: typeof candidates = [];
  for (const profile of siteProfiles) {
    const withFolder = profile.markers.filesWithFolder;
    if (withFolder) for (const file of withFolder.files) weak.push({ profile, file, needsFolder: withFolder.folder });
  }
  const all = [...candidates, ...weak];
  const kinds = await Promise.all(all.map((candidate) => fs.stat(join(folder, ...candidate.file.split('/')))));
  const found = async (from: number, to: number): Promise<SiteInfo | undefined> => {
    for (let index = from; index < to; index++) {
      const candidate = all[index];
      if (kinds[index] !== 'file') continue;
      if (candidate.needsFolder && (await fs.stat(join(folder, candidate.needsFolder))) !== 'directory') continue;
      const where = candidate.needsFolder ? ` beside ${candidate.needsFolder}/` : '';
      return { profile: candidate.profile, root: folder, reason: `${candidate.file} found in ${folder}${where}` };
    }
    return undefined;
  };
  const strong = await found(0, candidates.length);
  if (strong) return strong;
  const packageJson = join(folder, 'package.json');
  if ((await fs.stat(packageJson)) === 'file') {
    const text = await fs.readText(packageJson);
    if (text !== undefined) {
      const names = dependenciesOf(text);
      for (const profile of siteProfiles) {
        const dependency = profile.markers.dependencies?.find((name) => names.has(name));
        if (dependency) return { profile, root: folder, reason: `package.json in ${folder} depends on ${dependency}` };
      }
    }
  }
  return found(candidates.length, all.length);
}

/**
 * What each folder's marker files say (see siteInFolder), by folder: owned by a caller that detects
 * the sites of many files (a CLI run; the editor, which clears it when a marker file changes), so
 * that the folders above an article are looked at once, not once per article.
 */
export type SiteFolderCache = Map<string, Promise<SiteInfo | undefined>>;

/**
 * The site of an article: the configured `site` (its root is the configuration's folder, or the
 * folder where that generator's marker is found), else the first folder upwards with a marker.
 */
export async function detectSite(
  filePath: string | undefined,
  fs: FileSystemHost | undefined,
  configured?: { site?: string; file?: string; baseDir?: string },
  folders?: SiteFolderCache,
): Promise<SiteInfo> {
  const site = await findSite(filePath, fs, configured, folders);
  if (!site.root || !fs) return site;
  // The site's own description of its frontmatter (read once per root and run when there is a folder cache).
  const key = `\0conventions:${site.profile.name}:${site.root}`;
  let withConventions = folders?.get(key) as Promise<SiteInfo> | undefined;
  if (!withConventions) {
    withConventions = siteConventions(site.profile, site.root, fs).then((read) => ({ ...site, conventions: read }));
    folders?.set(key, withConventions);
  }
  return { ...site, conventions: (await withConventions).conventions };
}

/** What the site's own files say; unreadable or malformed files add nothing. */
async function siteConventions(profile: SiteProfile, root: string, fs: FileSystemHost): Promise<SiteConventions> {
  const own = profile.readConventions ? await profile.readConventions(root, fs).catch(() => emptyConventions()) : emptyConventions();
  const withCms = copyConventions(own);
  await readFrontMatterCms(root, fs, withCms).catch(() => undefined);
  return withCms;
}

async function findSite(
  filePath: string | undefined,
  fs: FileSystemHost | undefined,
  configured: { site?: string; file?: string; baseDir?: string } | undefined,
  folders: SiteFolderCache | undefined,
): Promise<SiteInfo> {
  const forced = configured?.site ? siteProfile(configured.site) : undefined;
  if (!filePath || !fs) {
    return forced
      ? { profile: forced, root: configured?.baseDir, reason: `"site": "${forced.name}" in ${configured?.file ?? '.article-lint.json'}` }
      : GENERIC_SITE;
  }
  for (const folder of foldersUpFrom(dirname(filePath))) {
    let finding = folders?.get(folder);
    if (!finding) {
      finding = siteInFolder(folder, fs);
      folders?.set(folder, finding);
    }
    const found = await finding;
    if (!found) continue;
    if (!forced) return found;
    if (found.profile === forced) return { ...found, reason: `"site": "${forced.name}" in ${configured?.file ?? '.article-lint.json'} (${found.reason})` };
  }
  if (forced) return { profile: forced, root: configured?.baseDir, reason: `"site": "${forced.name}" in ${configured?.file ?? '.article-lint.json'}` };
  return GENERIC_SITE;
}

/** The site's folders for public files and assets (relative to its root): its configuration's, else its profile's. */
export function siteFileFolders(site: SiteInfo): { publicDirs: readonly string[]; assetDirs?: readonly string[] } {
  return {
    publicDirs: site.conventions?.publicDirs ?? site.profile.publicDirs,
    assetDirs: site.conventions?.assetDirs ?? site.profile.assetDirs,
  };
}

/** The article's path relative to its site's root, with `/` (for the profile's globs). */
export function sitePath(site: SiteInfo, filePath: string): string | undefined {
  if (!site.root) return undefined;
  return pathBelow(site.root, filePath);
}
