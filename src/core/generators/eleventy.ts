/**
 * Eleventy (11ty.dev/docs/data-frontmatter/, /docs/data-configuration/): `eleventy…` keys, layout,
 * permalink, tags (a string or a list), pagination, dates including `Last Modified` and `git Created`,
 * `---json` front matter, `---js` never run. The configuration's `dir` folders, read as text; the
 * variables the layouts and includes read are known keys.
 */
import { ARTICLE_KEYS } from './generic';
import { objectSchema, field, type PageRoutes, type SiteProfile } from './profile';
import { MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { ensureLeadingSlash, fileStem, folderUrl, routeKey, type ArticleUrl, type SiteSettings, type UrlInput } from './urls';
import { join, posixPath } from '../text/paths';
import type { FileSystemHost } from '../types';
import { addTemplateKeys, emptyConventions, type SiteConventions } from './conventions';
import { blankStringsAndComments, objectEntries, stringLiteral } from './jsSource';
import { eleventyTemplateKeys, readTemplateKeys } from './templateKeys';
import { readFileStart } from '../text/folders';
import { fileIn, frontmatterOfFile, pageFileCandidates } from './pageFiles';

/** The path below the input folder, with `/`. */
function belowInput(relativePath: string, settings: SiteSettings): string {
  const inputDir = (settings.eleventyInput ?? '').replace(/^\.\/?|\/$/g, '');
  return inputDir && relativePath.startsWith(`${inputDir}/`) ? relativePath.slice(inputDir.length + 1) : relativePath;
}

/** Eleventy's `slugify` filter: lowercase ASCII words joined by `-` (accents dropped, apostrophes removed). */
export function eleventySlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/['’‘]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A permalink template whose only template output is a few of the page's own values
 * (`{{ page.fileSlug }}`, `{{ page.filePathStem }}`, `{{ title | slugify }}`), filled in; undefined
 * for any other template (it cannot be worked out without running it).
 */
function fillPermalink(permalink: string, path: string, data: Record<string, unknown>): string | undefined {
  const { folder, name } = fileStem(path);
  const undated = name.replace(/^\d{4}-\d{2}-\d{2}-/, '');
  const fileSlug = name === 'index' ? (folder[folder.length - 1] ?? '') : undated;
  const values: Record<string, string | undefined> = {
    'page.fileSlug': fileSlug,
    'page.filePathStem': `/${[...folder, name].join('/')}`,
    title: typeof data.title === 'string' ? data.title : undefined,
  };
  let unknown = false;
  const filled = permalink.replace(/\{\{-?\s*([\w.]+)\s*(\|\s*slugify\s*)?-?\}\}/g, (whole, name: string, slugify?: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown = true;
      return whole;
    }
    return slugify ? eleventySlug(value) : value;
  });
  return unknown || /\{\{|\{%/.test(filled) ? undefined : filled;
}

/** Eleventy: a `permalink` (its own, else from its folders' data files), else the path below the input folder as a folder. */
function eleventyUrl(input: UrlInput): ArticleUrl {
  const path = belowInput(input.relativePath, input.settings);
  const own = input.data.permalink;
  const permalink = own !== undefined ? own : input.inherited?.permalink;
  const key = own !== undefined ? 'permalink' : undefined;
  if (permalink === false) return { key, group: '/' };
  if (typeof permalink === 'string' && permalink.trim() !== '') {
    const filled = fillPermalink(permalink.trim(), path, { ...input.inherited, ...input.data });
    if (filled === undefined) return { key, group: '/' };
    let url = ensureLeadingSlash(filled);
    url = url.replace(/index\.html?$/, '');
    return { url, key, group: url.split('/')[1] || '/' };
  }
  const { folder, name } = fileStem(path);
  const last = folder[folder.length - 1];
  const parts = name === 'index' || name === last ? folder : [...folder, name];
  return { url: folderUrl(parts), group: folder[0] ?? '/' };
}


/** A template tagged `posts` is in the blog's collection, whatever its folder. */
function eleventyPostByData(data: Record<string, unknown>, kind: 'article' | 'page'): { kind: 'article'; why: string } | undefined {
  if (kind === 'article') return undefined;
  const tags = data.tags;
  const list = typeof tags === 'string' ? tags.split(/\s*,\s*|\s+/) : Array.isArray(tags) ? tags : [];
  return list.includes('posts') ? { kind: 'article', why: 'tagged posts (the blog’s collection)' } : undefined;
}

/** Folders whose files Eleventy never builds as pages. */
const NOT_PAGES = ['_includes', '_layouts', '_data', 'node_modules', '_site'];

/** A Markdown file without frontmatter in the input folder: Eleventy builds it all the same. */
function isEleventyPage(relativePath: string, settings: SiteSettings, hasFrontmatter: boolean): boolean {
  if (hasFrontmatter || relativePath.startsWith('../')) return false;
  const inputDir = (settings.eleventyInput ?? '').replace(/^\.\/?|\/$/g, '');
  if (inputDir && !relativePath.startsWith(`${inputDir}/`)) return false;
  return !belowInput(relativePath, settings).split('/').some((part) => NOT_PAGES.includes(part) || part.startsWith('.'));
}

/** The template languages Eleventy (and its WebC plugin) read, by file extension. */
const TEMPLATE_EXTENSIONS = ['njk', 'liquid', 'html', 'webc', '11ty.js', '11ty.cjs', '11ty.mjs', 'hbs', 'mustache', 'ejs', 'haml', 'pug'];

/** The templates Eleventy writes to a route by default: `x.njk`, `x/index.njk` or `x/x.njk` for `/x/`. */
function eleventyRouteSources(route: string): string[] {
  const parts = route.split('/').filter(Boolean);
  // Nothing in the includes, layouts or data folders is a page.
  if (parts.some((part) => NOT_PAGES.includes(part) || part.startsWith('.'))) return [];
  // A route with an extension (`/feed.xml`) comes from a permalink, which only the template says.
  if (parts.length && /\.[a-z0-9]+$/i.test(parts[parts.length - 1])) return [];
  const stems = parts.length ? [parts.join('/'), [...parts, 'index'].join('/'), [...parts, parts[parts.length - 1]].join('/')] : ['index'];
  return stems.flatMap((stem) => TEMPLATE_EXTENSIONS.map((extension) => `${stem}.${extension}`));
}

/** A permalink that is a plain path (no template output in it), with a leading slash; undefined for any other value. */
function literalPermalink(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '' || /\{\{|\{%|\$\{/.test(value)) return undefined;
  return ensureLeadingSlash(value.trim());
}

/** The one `permalink: "…"` of a JavaScript template's data, when it is a string literal (`permalink: "/api/urls.json"`). */
function javascriptPermalink(text: string): string | undefined {
  const found = [...text.matchAll(/\bpermalink\s*:\s*(["'`])((?:(?!\1)[^\\\n])*)\1\s*[,}\n]/g)];
  return found.length === 1 ? literalPermalink(found[0][2]) : undefined;
}

/** The route a template has without a permalink: `x.njk`, `x/index.njk` and `x/x.njk` at `/x/`. */
function defaultTemplateRoute(path: string): string {
  const extension = TEMPLATE_EXTENSIONS.find((candidate) => path.toLowerCase().endsWith(`.${candidate}`));
  const parts = (extension ? path.slice(0, -extension.length - 1) : path).split('/');
  const name = parts.pop();
  return folderUrl(name === 'index' || name === parts[parts.length - 1] ? parts : [...parts, name ?? '']);
}

/**
 * The routes of the templates other than Markdown that set their own `permalink` as a plain path
 * (`permalink: /imports/facepile.html` in a Nunjucks template's frontmatter, `permalink:
 * "/api/urls.json"` in a JavaScript template's data): a template without one is found by its path
 * (eleventyRouteSources), one whose permalink is template output cannot be worked out unrun. A
 * template with a permalink of its own (or `permalink: false`) is not at its path's route.
 */
async function readEleventyPageRoutes(root: string, settings: SiteSettings, fs: FileSystemHost): Promise<PageRoutes> {
  const inputDir = (settings.eleventyInput ?? '').replace(/^\.\/?|\/$/g, '');
  const pages: PageRoutes = { routes: [], elsewhere: [] };
  if (inputDir.startsWith('..')) return pages;
  const folder = inputDir ? fileIn(root, inputDir) : root;
  const files = await pageFileCandidates(fs, folder, TEMPLATE_EXTENSIONS, (path) => path.split('/').some((part) => NOT_PAGES.includes(part)));
  for (const file of files) {
    let permalink: string | undefined;
    let hasPermalink: boolean;
    if (/\.11ty\.[cm]?js$/i.test(file)) {
      const text = await readFileStart(fs, fileIn(folder, file));
      permalink = text === undefined ? undefined : javascriptPermalink(text);
      hasPermalink = text !== undefined && /\bpermalink\s*[:(]/.test(text);
    } else {
      const data = await frontmatterOfFile(fs, fileIn(folder, file));
      permalink = literalPermalink(data?.permalink);
      hasPermalink = data?.permalink !== undefined;
    }
    if (permalink) pages.routes.push(permalink);
    if (hasPermalink && (permalink === undefined || routeKey(permalink) !== routeKey(defaultTemplateRoute(file)))) pages.elsewhere.push(inputDir ? `${inputDir}/${file}` : file);
  }
  return pages;
}

/** The configuration files Eleventy reads, in its order. */
const CONFIG_FILES = ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js'];

/** The folders of an Eleventy site, relative to its root with `/` ('' for the root itself). */
export interface EleventyFolders {
  input: string;
  includes: string;
  /** The layouts' own folder, when the configuration names one (else layouts are in `includes`). */
  layouts?: string;
  data: string;
}

type FolderSetting = 'input' | 'includes' | 'layouts' | 'data';
const SETTERS: Record<string, FolderSetting> = { setInputDirectory: 'input', setIncludesDirectory: 'includes', setLayoutsDirectory: 'layouts', setDataDirectory: 'data' };

/**
 * The folders a configuration names as plain strings: `dir: { input, includes, layouts, data }`, or
 * `eleventyConfig.setInputDirectory("src")` and the like (a later call wins, as when Eleventy runs it).
 */
export function eleventyFolderSettings(source: string): Partial<Record<FolderSetting, string>> {
  const blanked = blankStringsAndComments(source);
  const settings: Partial<Record<FolderSetting, string>> = {};
  const dir = /\bdir\s*:\s*\{/.exec(blanked);
  if (dir) {
    const { entries } = objectEntries(source, blanked, dir.index + dir[0].length - 1);
    for (const setting of ['input', 'includes', 'layouts', 'data'] as const) {
      const value = entries.get(setting) && stringLiteral(entries.get(setting)!.text);
      if (value !== undefined) settings[setting] = value;
    }
  }
  for (const call of blanked.matchAll(/\.\s*(set(?:Input|Includes|Layouts|Data)Directory)\s*\(/g)) {
    const start = call.index + call[0].length;
    const argument = /^\s*(["'`][^"'`]*["'`])\s*\)/.exec(source.slice(start));
    const value = argument && stringLiteral(argument[1]);
    if (value !== undefined && value !== null) settings[SETTERS[call[1]]] = value;
  }
  return settings;
}

/** A folder as written, relative to `base`: `./src` → `src`, `.` → ''; undefined when it leaves the site's root. */
function folderBelow(base: string, written: string): string | undefined {
  const folder = posixPath.normalize(posixPath.join(base || '.', written.replace(/\\/g, '/'))).replace(/\/+$/, '');
  if (folder === '..' || folder.startsWith('../') || posixPath.isAbsolute(folder)) return undefined;
  return folder === '.' ? '' : folder;
}

/** The site's configuration text (the first configuration file Eleventy reads), if any. */
async function configText(root: string, fs: FileSystemHost): Promise<string | undefined> {
  for (const name of CONFIG_FILES) {
    const text = await fs.readText(join(root, name));
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The input, includes, layouts and data folders (includes, layouts and data are below the input folder). */
export function eleventyFolders(settings: Partial<Record<FolderSetting, string>>): EleventyFolders {
  const input = folderBelow('', settings.input ?? '.') ?? '';
  const layouts = settings.layouts === undefined ? undefined : folderBelow(input, settings.layouts);
  return {
    input,
    includes: folderBelow(input, settings.includes ?? '_includes') ?? folderBelow(input, '_includes')!,
    ...(layouts !== undefined ? { layouts } : {}),
    data: folderBelow(input, settings.data ?? '_data') ?? folderBelow(input, '_data')!,
  };
}

/**
 * What the first configuration file says, read as text: the input folder (`dir: { input: "src" }`),
 * from which links to input files resolve, and the feeds of the RSS plugin's `feedPlugin`
 * (`outputPath: "/feed.xml"`), in the configuration or a local module it imports
 * (`import feeds from "./config/feeds.js"`). The home page is always a route.
 */
async function readEleventySettings(root: string, fs: FileSystemHost): Promise<SiteSettings> {
  for (const name of CONFIG_FILES) {
    const text = await fs.readText(join(root, name));
    if (text === undefined) continue;
    const input = eleventyFolderSettings(text).input;
    const routes = ['/'];
    const texts = [text];
    for (const module of text.matchAll(/(?:\bfrom\s*|\brequire\(\s*)["'`](\.\.?\/[^"'`]+)["'`]/g)) {
      const imported = await fs.readText(join(root, ...module[1].split('/')));
      if (imported !== undefined) texts.push(imported);
    }
    for (const source of texts) {
      for (const call of source.matchAll(/addPlugin\(\s*feedPlugin\s*,\s*\{(?:(?!addPlugin\()[^])*?\boutputPath\s*:\s*["'`]([^"'`$]+)["'`]/g)) routes.push(routeKey(call[1]));
    }
    const inputDir = input?.replace(/^\.\/?|\/$/g, '') ?? '';
    return { ...(input ? { eleventyInput: input } : {}), routes, sourceDirs: [inputDir] };
  }
  return { routes: ['/'], sourceDirs: [''] };
}

/** The data Eleventy gives every template, whatever its front matter: never a front matter key a layout reads. */
const SUPPLIED_DATA = ['page', 'collections', 'eleventy', 'content', 'layoutContent', 'pkg', 'eleventyComputed'];

/** The names of the global data (`_data/authors.json` is `authors`, a folder `_data/community/` is `community`) and of `addGlobalData("x", …)`. */
async function globalDataNames(root: string, fs: FileSystemHost, folders: EleventyFolders, config: string | undefined): Promise<string[]> {
  const entries = (await fs.readDirectory?.(join(root, ...folders.data.split('/').filter(Boolean)))) ?? [];
  const names = entries.map(([name, kind]) => (kind === 'file' ? name.replace(/\.[^.]*$/, '') : name));
  for (const call of (config ?? '').matchAll(/\.\s*(?:addGlobalData|addNunjucksGlobal|addLiquidGlobal)\s*\(\s*["'`]([^"'`]+)["'`]/g)) names.push(call[1]);
  return names;
}

/**
 * The keys the site's layouts and includes read (`{{ newstitle }}`, `{% if hideToc %}`): a page's key
 * a layout reads is one the site uses. Not the data Eleventy or the site's global data supplies.
 */
async function readEleventyConventions(root: string, fs: FileSystemHost): Promise<SiteConventions> {
  const config = await configText(root, fs);
  const folders = eleventyFolders(config === undefined ? {} : eleventyFolderSettings(config));
  const conventions = emptyConventions();
  const supplied = [...SUPPLIED_DATA, ...(await globalDataNames(root, fs, folders, config))];
  const templateFolders = [...new Set([folders.layouts ?? folders.includes, folders.includes])].filter(Boolean);
  addTemplateKeys(conventions, await readTemplateKeys(root, fs, templateFolders, eleventyTemplateKeys(supplied)));
  return conventions;
}

/**
 * The data that Eleventy's directory data files give a template (`blog/blog.json`,
 * `blog/blog.11tydata.json`, each folder's from the input folder down, the nearer winning): JSON
 * files only, JavaScript data files are never run.
 */
async function readEleventyFolderData(root: string, relativePath: string, settings: SiteSettings, fs: FileSystemHost): Promise<Record<string, unknown>> {
  const inputDir = (settings.eleventyInput ?? '').replace(/^\.\/?|\/$/g, '');
  const { folder } = fileStem(belowInput(relativePath, settings));
  let data: Record<string, unknown> = {};
  for (let depth = 1; depth <= folder.length; depth++) {
    const parts = folder.slice(0, depth);
    const dir = join(root, ...(inputDir ? inputDir.split('/') : []), ...parts);
    const name = parts[parts.length - 1];
    for (const file of [`${name}.json`, `${name}.11tydata.json`]) {
      const text = await fs.readText(join(dir, file));
      if (text === undefined) continue;
      try {
        const value = JSON.parse(text) as unknown;
        if (value && typeof value === 'object' && !Array.isArray(value)) data = { ...data, ...(value as Record<string, unknown>) };
      } catch {
        // not JSON: nothing from it
      }
    }
  }
  return data;
}

const eleventy: SiteProfile = {
  name: 'eleventy',
  label: 'Eleventy',
  markers: {
    files: CONFIG_FILES,
    dependencies: ['@11ty/eleventy'],
  },
  // Its folders' data files (`blog/blog.11tydata.json`); `blog/blog.json`, named after its folder, no
  // glob can name: the editor watches each by its path once it has been looked up.
  siteFiles: ['**/*.11tydata.json'],
  roles: {
    title: [['title']],
    description: [['description']],
    published: [['date']],
    updated: [],
    hero: [{ image: ['image'], alt: [['imageAlt']] }],
  },
  keys: ARTICLE_KEYS,
  fallbacks: {},
  pathDate: 'any',
  // `description:` is null in the data cascade: a template reads it as no value; an empty date is the file's date.
  emptyValues: 'absent',
  schema: objectSchema('Eleventy front matter', {
    title: field.string('The page title.'),
    description: field.string('The page description (the meta description in most starters).'),
    date: field.date('The content date; also `Last Modified`, `Created`, `git Last Modified` or `git Created`.', [
      { enum: ['Last Modified', 'Created', 'git Last Modified', 'git Created'] },
    ]),
    layout: { type: ['string', 'boolean', 'null'], description: 'The layout from `_includes/`; false or null for none.' },
    permalink: { anyOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'object' }], description: 'The output URL; false writes no file.' },
    permalinkBypassOutputDir: field.boolean('Write the permalink outside the output folder.'),
    dynamicPermalink: field.boolean('false: the permalink is not a template.'),
    tags: field.stringOrList('Collections the page belongs to: a string or a list.'),
    pagination: field.object('Pagination: data, size, alias, …'),
    eleventyNavigation: field.object('eleventy-navigation: key, parent, title, excerpt, url, order, pinned.', {
      key: field.string('The entry’s key.'),
      parent: field.string('The parent entry’s key.'),
      title: field.string('The entry’s title.'),
      excerpt: field.string('A short text.'),
      url: { anyOf: [{ type: 'string' }, { const: false }], description: 'The entry’s URL (an external one); false: an entry without a link.' },
      order: field.number('The order among siblings.'),
      pinned: field.boolean('Sorted before the entries that are not pinned.'),
    }),
    eleventyExcludeFromCollections: { anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string' } }], description: 'Leave the page out of collections.' },
    eleventyComputed: field.object('Data computed from other data.'),
    eleventyImport: field.object('Collections this template depends on (incremental builds).'),
    eleventyDataSchema: field.any('A function that validates the page’s data (in JavaScript data files).'),
    eleventyAllowMissingExtension: field.boolean('Allow a template without an extension.'),
    templateEngineOverride: field.string('Template engines to use, e.g. `njk,md`.'),
    renderData: field.object('Data rendered with the template.'),
    draft: field.boolean('A draft (the eleventy-base-blog starter leaves it out of production builds).'),
    image: field.string('The hero image (many starters).'),
    imageAlt: field.string('Alternative text of the hero image.'),
    author: { anyOf: [{ type: 'string' }, { type: 'object' }], description: 'The author.' },
    keywords: field.stringOrList('Keywords of the page.'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: ['public'],
  articles: {
    exclude: ['**/_includes/**', '**/_layouts/**', '**/_data/**', 'node_modules/**', '_site/**'],
    rules: [{ globs: ['**/blog/**', '**/posts/**', '**/articles/**'], kind: 'article', why: 'in a folder named blog, posts or articles' }],
    frontmatterPages: 'a page: a template with frontmatter outside the blog folders',
    byData: eleventyPostByData,
  },
  extensions: MARKDOWN_EXTENSIONS,
  articleUrl: eleventyUrl,
  looseHeadingIds: true,
  isPage: isEleventyPage,
  routeSources: eleventyRouteSources,
  readUrlSettings: readEleventySettings,
  readPageRoutes: readEleventyPageRoutes,
  readFolderData: readEleventyFolderData,
  readConventions: readEleventyConventions,
  formats: ['yaml', 'json'],
  jsFrontmatterNote: true,
};

export default eleventy;
