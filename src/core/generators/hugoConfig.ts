/**
 * The Hugo site configuration, read and merged as Hugo reads it: the first of the root's
 * `hugo.{toml,yaml,yml,json}` (else `config.*`), then `config/_default/` and `config/production/`
 * on top (`hugo.*`/`config.*` hold the whole configuration, `<key>.*` the top-level key of their
 * name, `<key>.<language>.*` that key of one language), the right-most value winning. Hugo matches
 * configuration keys without regard to case, so every key is lower-cased here. From the merged
 * values come what the profile needs: where content, static files and assets live (`[[module.mounts]]`,
 * `contentDir`, languages' `contentDir`), the languages, taxonomies, main sections, permalinks,
 * menus and Markdown options. Unreadable or malformed files add nothing.
 */
import { join, posixPath as posix } from '../text/paths';
import type { FileSystemHost } from '../types';
import { readConfigValues } from './conventions';

const EXTENSIONS = ['toml', 'yaml', 'yml', 'json'];
/** The root configuration files: Hugo uses the first it finds. */
export const HUGO_ROOT_CONFIG_FILES = ['hugo', 'config'].flatMap((name) => EXTENSIONS.map((extension) => `${name}.${extension}`));
/** The environments whose configuration folders a build (`hugo`, the production environment) merges, in order. */
const ENVIRONMENTS = ['_default', 'production'];
/** The configuration folders the site's configuration may be split into (`config/_default/params.toml`). */
export const HUGO_CONFIG_FOLDERS = ENVIRONMENTS.map((environment) => `config/${environment}`);
/** The top-level keys a configuration folder's file may hold alone (`params.toml`), the ones the profile reads. */
const ROOT_KEYS = ['languages', 'module', 'params', 'menus', 'menu', 'markup', 'taxonomies', 'permalinks', 'outputs', 'frontmatter'];
/** Top-level keys that a `<key>.<language>.*` file may hold for one language. */
const LANGUAGE_KEYS = ['params', 'menus', 'menu'];

/** A mounted folder: `source` relative to the site's root, `target` below the component (`''` for its root). */
export interface HugoMount {
  source: string;
  target: string;
  /** The language of the mounted files, when the mount names one. */
  language?: string;
}

/** A link target a configuration menu names (`pageRef`, else `url`). */
export interface HugoMenuEntry {
  pageRef?: string;
  url?: string;
  /** The language whose configuration holds it, if one does. */
  language?: string;
}

export interface HugoConfig {
  /** The configuration files read, relative to the site's root, in merge order. */
  files: string[];
  /** The merged configuration, keys lower-cased. */
  values: Record<string, unknown>;
  baseURL?: string;
  /** Where content comes from; a mount without a language holds every language's files (by file-name suffix). */
  contentMounts: HugoMount[];
  staticMounts: HugoMount[];
  assetMounts: HugoMount[];
  /** The site's language keys, lower-cased, in the order of their weights (the default language when none is configured). */
  languages: string[];
  defaultContentLanguage: string;
  defaultContentLanguageInSubdir: boolean;
  /** Taxonomies: singular → plural (`tag` → `tags`); Hugo's default is tags and categories. */
  taxonomies: Record<string, string>;
  /** `params.mainSections` (or the top-level `mainSections`), when configured. */
  mainSections?: string[];
  disablePathToLower: boolean;
  uglyURLs: boolean;
  /** Page kinds the site does not render (`taxonomy`, `term`, `rss`, …), lower-cased. */
  disableKinds: string[];
  /** `markup.goldmark.parser.autoDefinitionTermID`: definition-list terms get anchors. */
  autoDefinitionTermID: boolean;
  /** `markup.goldmark.parser.autoHeadingID` (default true). */
  autoHeadingID: boolean;
  /** `[permalinks]` (and `[permalinks.page]`) by section. */
  permalinks: Record<string, string>;
  /** The themes named by `theme`, in order. */
  themes: string[];
  /** `themesDir` relative to the site's root (`themes` by default; `../..` in a theme's exampleSite), `/`-separated. */
  themesDir: string;
  /** Whether the configuration sets `themesDir` (else a theme's exampleSite may rely on `--themesDir ../..`). */
  themesDirConfigured: boolean;
  /** The entries of the configuration's menus (and each language's) that name a page or URL. */
  menuEntries: HugoMenuEntry[];
}

type Values = Record<string, unknown>;

function isObject(value: unknown): value is Values {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** A copy with every mapping's keys lower-cased (inside lists too). */
function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (!isObject(value)) return value;
  const result: Values = {};
  for (const [key, inner] of Object.entries(value)) result[key.toLowerCase()] = lowerKeys(inner);
  return result;
}

/** `over` merged onto `base` (mappings key by key, anything else replaced); `base` is changed. */
function mergeInto(base: Values, over: Values): Values {
  for (const [key, value] of Object.entries(over)) {
    const current = base[key];
    base[key] = isObject(current) && isObject(value) ? mergeInto({ ...current }, value) : value;
  }
  return base;
}

const parsedFiles = new Map<string, Values | undefined>();

/** A configuration file's values, keys lower-cased; cached by the file's name and text. */
function valuesOf(file: string, text: string): Values | undefined {
  const key = `${file.slice(file.lastIndexOf('.'))}\0${text}`;
  if (parsedFiles.has(key)) return parsedFiles.get(key);
  const values = readConfigValues(text, file);
  const lowered = isObject(values) ? (lowerKeys(values) as Values) : undefined;
  if (parsedFiles.size > 64) parsedFiles.clear();
  parsedFiles.set(key, lowered);
  return lowered;
}

/** A configuration file, by its path relative to the site's root, and its text. */
export interface HugoConfigFile {
  path: string;
  text: string;
}

/**
 * The configuration from the files Hugo would read (root file first, then the configuration
 * folders in order): `files` as read by readHugoConfig, or written by a test.
 */
export function hugoConfigFrom(files: readonly HugoConfigFile[]): HugoConfig {
  const merged: Values = {};
  const read: string[] = [];
  for (const file of files) {
    const values = valuesOf(file.path, file.text);
    if (!values) continue;
    read.push(file.path);
    const name = posix.basename(file.path).replace(/\.[^.]+$/, '').toLowerCase();
    const inFolder = file.path.includes('/');
    if (!inFolder || name === 'hugo' || name === 'config') {
      mergeInto(merged, values);
      continue;
    }
    const [key, language] = name.split('.', 2);
    const wrapped: Values = language ? { languages: { [language]: { [key]: values } } } : { [key]: values };
    mergeInto(merged, wrapped);
  }
  return settingsOf(merged, read);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : [];
const flag = (value: unknown, fallback = false): boolean => (typeof value === 'boolean' ? value : fallback);

/** A folder as written in the configuration, relative to the site's root, with `/` and no `./` or trailing slash. */
function folder(value: string): string {
  const normalized = posix.normalize(value.replace(/\\/g, '/')).replace(/\/+$/, '');
  return normalized === '.' ? '' : normalized.replace(/^\.\//, '');
}

function settingsOf(values: Values, files: string[]): HugoConfig {
  const params = isObject(values.params) ? values.params : {};
  const languagesTable = isObject(values.languages) ? values.languages : {};
  const defaultContentLanguage = (text(values.defaultcontentlanguage) ?? 'en').toLowerCase();
  const languageKeys = Object.keys(languagesTable)
    .map((key, order) => {
      const language = languagesTable[key];
      const weight = isObject(language) && typeof language.weight === 'number' ? language.weight : 0;
      return { key, weight, order };
    })
    .sort((a, b) => (a.weight || Infinity) - (b.weight || Infinity) || a.order - b.order)
    .map((entry) => entry.key);
  const languages = languageKeys.length ? languageKeys : [defaultContentLanguage];

  const contentDir = folder(text(values.contentdir) ?? 'content');
  const mounts = isObject(values.module) && Array.isArray(values.module.mounts) ? values.module.mounts.filter(isObject) : [];
  const mountsOf = (component: string): HugoMount[] => {
    const found: HugoMount[] = [];
    for (const mount of mounts) {
      const source = text(mount.source);
      const target = text(mount.target);
      if (source === undefined || target === undefined) continue;
      const below = folder(target);
      if (below !== component && !below.startsWith(`${component}/`)) continue;
      const matrix = isObject(mount.sites) && isObject(mount.sites.matrix) ? strings(mount.sites.matrix.languages) : [];
      const language = text(mount.lang) ?? (matrix.length === 1 ? matrix[0] : undefined);
      found.push({ source: folder(source), target: below.slice(component.length + 1), ...(language ? { language: language.toLowerCase() } : {}) });
    }
    return found;
  };
  let contentMounts = mountsOf('content');
  if (contentMounts.length === 0) {
    // Each language's contentDir, else the site's.
    const byLanguage = languageKeys
      .map((key) => {
        const dir = isObject(languagesTable[key]) ? text(languagesTable[key].contentdir) : undefined;
        return dir ? { source: folder(dir), target: '', language: key.toLowerCase() } : undefined;
      })
      .filter((mount): mount is HugoMount & { language: string } => mount !== undefined);
    const withoutDir = languageKeys.length === 0 || byLanguage.length < languageKeys.length;
    contentMounts = [...byLanguage, ...(withoutDir ? [{ source: contentDir, target: '' }] : [])];
  }
  const staticMounts = mountsOf('static');
  const assetMounts = mountsOf('assets');

  const taxonomiesValue = values.taxonomies;
  const taxonomies: Record<string, string> = {};
  if (isObject(taxonomiesValue)) {
    for (const [singular, plural] of Object.entries(taxonomiesValue)) if (typeof plural === 'string' && plural.trim()) taxonomies[singular] = plural.trim();
  } else {
    taxonomies.tag = 'tags';
    taxonomies.category = 'categories';
  }

  const mainSections = params.mainsections ?? values.mainsections;
  const parser = isObject(values.markup) && isObject(values.markup.goldmark) && isObject(values.markup.goldmark.parser) ? values.markup.goldmark.parser : {};

  const permalinks: Record<string, string> = {};
  if (isObject(values.permalinks)) {
    for (const [section, pattern] of Object.entries(values.permalinks)) {
      if (typeof pattern === 'string') permalinks[section] = pattern;
      else if (section === 'page' && isObject(pattern)) for (const [inner, value] of Object.entries(pattern)) if (typeof value === 'string') permalinks[inner] = value;
    }
  }

  const menuEntries: HugoMenuEntry[] = [];
  const addMenus = (owner: Values, language?: string) => {
    for (const key of ['menus', 'menu']) {
      const menus = owner[key];
      if (!isObject(menus)) continue;
      for (const entries of Object.values(menus)) {
        for (const entry of Array.isArray(entries) ? entries : [entries]) {
          if (!isObject(entry)) continue;
          const pageRef = text(entry.pageref);
          const url = text(entry.url);
          if (pageRef || url) menuEntries.push({ ...(pageRef ? { pageRef } : {}), ...(url ? { url } : {}), ...(language ? { language } : {}) });
        }
      }
    }
  };
  addMenus(values);
  for (const key of languageKeys) if (isObject(languagesTable[key])) addMenus(languagesTable[key] as Values, key.toLowerCase());

  return {
    files,
    values,
    baseURL: text(values.baseurl),
    contentMounts,
    staticMounts: staticMounts.length ? staticMounts : [{ source: folder(text(values.staticdir) ?? 'static'), target: '' }],
    assetMounts: assetMounts.length ? assetMounts : [{ source: folder(text(values.assetdir) ?? 'assets'), target: '' }],
    languages: languages.map((key) => key.toLowerCase()),
    defaultContentLanguage,
    defaultContentLanguageInSubdir: flag(values.defaultcontentlanguageinsubdir),
    taxonomies,
    ...(mainSections !== undefined ? { mainSections: strings(mainSections) } : {}),
    disablePathToLower: flag(values.disablepathtolower),
    uglyURLs: flag(values.uglyurls),
    disableKinds: strings(values.disablekinds).map((kind) => kind.toLowerCase()),
    autoDefinitionTermID: flag(parser.autodefinitiontermid),
    autoHeadingID: flag(parser.autoheadingid, true),
    permalinks,
    themes: strings(values.theme).map((theme) => theme.trim()).filter(Boolean),
    themesDir: folder(text(values.themesdir) ?? 'themes'),
    themesDirConfigured: text(values.themesdir) !== undefined,
    menuEntries,
  };
}

/** The files of a configuration folder Hugo may read, given the site's languages (`menus.en.toml`). */
function folderFiles(environment: string, languages: readonly string[]): string[] {
  const names = ['hugo', 'config', ...ROOT_KEYS, ...languages.flatMap((language) => LANGUAGE_KEYS.map((key) => `${key}.${language}`))];
  return names.flatMap((name) => EXTENSIONS.map((extension) => `config/${environment}/${name}.${extension}`));
}

/**
 * The configuration files there are in `root`'s folders, read. Nearly every name asked for is
 * absent (most sites have no `config/` folder), and in the browser each ask is a message to the
 * workbench: a configuration folder's files are asked for only when the folder is there, and only
 * those its listing names when the host can list it (names compared without case: the listing only
 * narrows what is read, the read decides). Each folder is looked at once per reading of the configuration.
 */
class ConfigFiles {
  /** Per folder relative to the root: the names it holds, lower-cased; undefined when it cannot be listed; null when it is not there. */
  private readonly folders = new Map<string, Promise<Set<string> | undefined | null>>();

  constructor(
    private readonly root: string,
    private readonly fs: FileSystemHost,
  ) {}

  async read(paths: readonly string[]): Promise<HugoConfigFile[]> {
    const present = await Promise.all(paths.map((path) => this.mayBeThere(path)));
    const wanted = paths.filter((_, index) => present[index]);
    const texts = await Promise.all(wanted.map((path) => this.fs.readText(this.absolute(path))));
    const files: HugoConfigFile[] = [];
    texts.forEach((content, index) => {
      if (content !== undefined) files.push({ path: wanted[index], text: content });
    });
    return files;
  }

  private async mayBeThere(path: string): Promise<boolean> {
    const folder = posix.dirname(path);
    let names = this.folders.get(folder);
    if (!names) {
      names = this.namesIn(folder);
      this.folders.set(folder, names);
    }
    const listed = await names;
    return listed === undefined || (listed !== null && listed.has(posix.basename(path).toLowerCase()));
  }

  private async namesIn(folder: string): Promise<Set<string> | undefined | null> {
    // The root's few names are asked for one by one: a listing of the root would change with any file
    // made there, and a run's cache trusts what it looked up only while the answers stay the same.
    if (folder === '.') return undefined;
    const folderPath = this.absolute(folder);
    if ((await this.fs.stat(folderPath)) !== 'directory') return null;
    const entries = await this.fs.readDirectory?.(folderPath).catch(() => undefined);
    return entries && new Set(entries.filter(([, kind]) => kind === 'file').map(([name]) => name.toLowerCase()));
  }

  private absolute(path: string): string {
    return join(this.root, ...path.split('/'));
  }
}

/**
 * The site's Hugo configuration. The files' parsed values are cached by their text, so reading a
 * site again (one SiteDirectory or folder cache per run holds the answer) costs only the reads.
 */
export async function readHugoConfig(root: string, fs: FileSystemHost): Promise<HugoConfig> {
  const configFiles = new ConfigFiles(root, fs);
  const rootFile = (await configFiles.read(HUGO_ROOT_CONFIG_FILES))[0];
  const first = [...(rootFile ? [rootFile] : []), ...(await configFiles.read(ENVIRONMENTS.flatMap((environment) => folderFiles(environment, []))))];
  // Language files (`menus.en.toml`) once the languages are known.
  const languages = hugoConfigFrom(first).languages;
  const languageFiles = ENVIRONMENTS.flatMap((environment) => folderFiles(environment, languages).slice(folderFiles(environment, []).length));
  const more = await configFiles.read(languageFiles);
  const ordered = [...first, ...more].sort((a, b) => mergeOrder(a.path) - mergeOrder(b.path));
  return hugoConfigFrom(ordered);
}

/** Root file first, then each environment's folder (its whole-configuration files before the others). */
function mergeOrder(path: string): number {
  if (!path.includes('/')) return 0;
  const environment = ENVIRONMENTS.indexOf(path.split('/')[1]);
  const whole = /^(hugo|config)\./.test(posix.basename(path));
  return 1 + environment * 2 + (whole ? 0 : 1);
}
