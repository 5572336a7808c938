/**
 * Eleventy (11ty.dev/docs/data-frontmatter/, /docs/data-configuration/): `eleventy…` keys, layout,
 * permalink, tags (a string or a list), pagination, dates including `Last Modified` and `git Created`,
 * `---json` front matter, `---js` never run. The configuration's `dir` folders, read as text; the
 * variables the layouts and includes read are known keys.
 */
import { ARTICLE_KEYS } from './generic';
import { objectSchema, field, type SiteProfile } from './profile';
import { MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { ensureLeadingSlash, fileStem, folderUrl, type ArticleUrl, type SiteSettings, type UrlInput } from './urls';
import { join, posixPath } from '../text/paths';
import type { FileSystemHost } from '../types';
import { addTemplateKeys, emptyConventions, type SiteConventions } from './conventions';
import { blankStringsAndComments, objectEntries, stringLiteral } from './jsSource';
import { eleventyTemplateKeys, readTemplateKeys } from './templateKeys';

/** Eleventy: a plain `permalink`, else the path below the input folder as a folder. */
function eleventyUrl(input: UrlInput): ArticleUrl {
  const permalink = input.data.permalink;
  if (permalink === false) return { key: 'permalink', group: '/' };
  if (typeof permalink === 'string' && permalink.trim() !== '') {
    if (/\{\{|\{%/.test(permalink)) return { key: 'permalink', group: '/' };
    let url = ensureLeadingSlash(permalink.trim());
    url = url.replace(/index\.html?$/, '');
    return { url, key: 'permalink', group: url.split('/')[1] || '/' };
  }
  const inputDir = (input.settings.eleventyInput ?? '').replace(/^\.\/?|\/$/g, '');
  let path = input.relativePath;
  if (inputDir && path.startsWith(`${inputDir}/`)) path = path.slice(inputDir.length + 1);
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

/** The input folder named in the first configuration file (`dir: { input: "src" }`). */
async function readEleventySettings(root: string, fs: FileSystemHost): Promise<SiteSettings> {
  const text = await configText(root, fs);
  const input = text === undefined ? undefined : eleventyFolderSettings(text).input;
  return input === undefined ? {} : { eleventyInput: input };
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

const eleventy: SiteProfile = {
  name: 'eleventy',
  label: 'Eleventy',
  markers: {
    files: CONFIG_FILES,
    dependencies: ['@11ty/eleventy'],
  },
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
  readUrlSettings: readEleventySettings,
  readConventions: readEleventyConventions,
  formats: ['yaml', 'json'],
  jsFrontmatterNote: true,
};

export default eleventy;
