/**
 * Jekyll (jekyllrb.com/docs/front-matter/, /docs/posts/) with jekyll-seo-tag, jekyll-feed,
 * jekyll-redirect-from, jekyll-sitemap and Minima / Minimal Mistakes keys. Posts live in `_posts/`
 * as `YYYY-MM-DD-title.md` (the date and title come from the name), drafts in `_drafts/`.
 */
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';
import { addKeys, addTemplateKeys, cachedConventions, copyConventions, emptyConventions, readConfigValues, type SiteConventions } from './conventions';
import { jekyllTemplateKeys, readTemplateKeys } from './templateKeys';
import { ARTICLE_KEYS } from './generic';
import { LENIENT_DATE_FORMAT, objectSchema, field, type PageRoutes, type SiteProfile } from './profile';
import { ALL_MARKDOWN_EXTENSIONS, MARKDOWN_FILE } from '../text/markdownFiles';
import { ensureLeadingSlash, fileStem, routeKey, stringValue, urlize, type ArticleUrl, type SiteSettings, type UrlInput } from './urls';
import { globMatcher } from '../text/globs';
import { fileIn, frontmatterOfFile, pageFileCandidates, routeList } from './pageFiles';

const CONFIG_FILES = ['_config.yml', '_config.yaml', '_config.toml'];

/**
 * Page variables Jekyll computes rather than reads from the front matter (`page.url`, `page.content`…):
 * a layout that reads them does not make them front matter keys.
 */
const COMPUTED_PAGE_VARIABLES = new Set(['content', 'output', 'url', 'id', 'dir', 'name', 'path', 'relative_path', 'next', 'previous', 'collection', 'ext', 'html_url']);

/**
 * The keys that `defaults` in `_config.yml` gives pages (the site's own front matter), its plugins,
 * and the keys its layouts and includes read (`page.x`).
 */
async function readJekyllConventions(root: string, fs: FileSystemHost): Promise<SiteConventions> {
  const files = CONFIG_FILES.map((file) => join(root, file));
  const folders = { layouts: '_layouts', includes: '_includes' };
  const fromConfig = await cachedConventions(`jekyll:${root}`, files, fs, async () => {
    const conventions = emptyConventions();
    for (const [index, file] of files.entries()) {
      const text = await fs.readText(file);
      const values = text === undefined ? undefined : readConfigValues(text, file);
      // `gems` is the older name of `plugins`.
      for (const list of [values?.plugins, values?.gems]) {
        if (Array.isArray(list)) for (const name of list) if (typeof name === 'string') conventions.plugins.push(name);
      }
      addCollectionRules(conventions, values, CONFIG_FILES[index]);
      const defaults = values?.defaults;
      if (!Array.isArray(defaults)) continue;
      for (const entry of defaults) addKeys(conventions, (entry as { values?: unknown } | null)?.values, CONFIG_FILES[index], 'A key of the site’s `defaults`');
    }
    return conventions;
  });
  const collections: string[] = [];
  for (const file of files) {
    const text = await fs.readText(file);
    const values = text === undefined ? undefined : readConfigValues(text, file);
    if (!values) continue;
    // The site may move its layouts and includes (`layouts_dir`, `includes_dir`).
    for (const [setting, name] of [['layouts_dir', 'layouts'], ['includes_dir', 'includes']] as const) {
      const folder = values[setting];
      if (typeof folder === 'string' && folder.trim() && !folder.includes('..')) folders[name] = folder.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    }
    // `collections:` is a mapping of names to settings, or a list of names.
    const declared = values.collections;
    if (Array.isArray(declared)) collections.push(...declared.filter((name): name is string => typeof name === 'string'));
    else if (declared && typeof declared === 'object') collections.push(...Object.keys(declared));
    break;
  }
  const conventions = copyConventions(fromConfig);
  const readBy = await readTemplateKeys(root, fs, [folders.layouts, folders.includes], jekyllTemplateKeys(collections));
  for (const key of COMPUTED_PAGE_VARIABLES) readBy.delete(key);
  addTemplateKeys(conventions, readBy);
  return conventions;
}

/**
 * A collection's files (`collections:` in the configuration, below `collections_dir`) are pages, not
 * posts, when Jekyll publishes them (`output: true`); otherwise they are data its templates read.
 */
function addCollectionRules(conventions: SiteConventions, values: Record<string, unknown> | undefined, file: string): void {
  const collections = values?.collections;
  const names = Array.isArray(collections) ? collections.filter((name): name is string => typeof name === 'string') : collections && typeof collections === 'object' ? Object.keys(collections) : [];
  const folder = typeof values?.collections_dir === 'string' ? values.collections_dir.replace(/^\.?\/+|\/+$/g, '') : '';
  for (const name of names) {
    if (name === 'posts' || !/^[\w.-]+$/.test(name)) continue;
    const settings = !Array.isArray(collections) ? (collections as Record<string, unknown>)[name] : undefined;
    const published = Boolean(settings && typeof settings === 'object' && (settings as Record<string, unknown>).output === true);
    const globs = [`${folder ? `${folder}/` : ''}_${name}/**`];
    conventions.contentRules.push(
      published
        ? { globs, kind: 'page', why: `a document of the ${name} collection (collections in ${file}, output: true)` }
        : { globs, kind: 'none', why: `a document of the ${name} collection, which Jekyll does not publish (no output: true in ${file}): data its templates read` },
    );
  }
}

const stringOrObject = (description: string) => ({ anyOf: [{ type: 'string' }, { type: 'object' }], description });

const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** Jekyll's suffix for templates made from a style: `/` for pretty ones, `:output_ext` for the others. */
function withStyleSuffix(template: string, style: string | undefined): string {
  const setting = style ?? 'date';
  if (setting === 'pretty') return `${template}/`;
  if (setting in JEKYLL_STYLES) return `${template}:output_ext`;
  if (setting.endsWith('/')) return `${template}/`;
  return setting.endsWith(':output_ext') ? `${template}:output_ext` : template;
}

/** Jekyll's `slugify` (default mode): lowercase, runs of other than letters and digits to `-`. */
function jekyllSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A permalink template with Jekyll's placeholders filled in, cleaned as Jekyll does (no `//`, no `./`). */
function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  const url = template.replace(/:(\w+)/g, (whole, token: string) => values[token] ?? whole);
  return ensureLeadingSlash(url.replace(/\.\.+/g, '/').replace(/\.\//g, '').replace(/\/{2,}/g, '/'));
}

/** The folder of a collection's documents: `_<name>`, below `collections_dir` when set. */
function collectionOf(parts: readonly string[], settings: SiteSettings): { name: string; at: number } | undefined {
  const base = settings.jekyllCollectionsDir ? settings.jekyllCollectionsDir.split('/').filter(Boolean) : [];
  if (parts.length <= base.length + 1 || base.some((part, index) => parts[index] !== part)) return undefined;
  const folder = parts[base.length];
  if (!folder.startsWith('_')) return undefined;
  const name = folder.slice(1);
  return settings.jekyllCollections && name in settings.jekyllCollections ? { name, at: base.length } : undefined;
}

/** The extensions of HTML output: a page with one is published at a folder in a pretty style, at its path with its extension otherwise. */
const HTML_OUTPUT = ['.html', '.htm', '.xhtml'];

/** What Jekyll's converters write for a source extension other than Markdown's (Sass to CSS, CoffeeScript to JavaScript). */
const CONVERTED_OUTPUT: Record<string, string> = { '.scss': '.css', '.sass': '.css', '.coffee': '.js' };

/** A file's folders, its name without the extension, and the extension of what Jekyll writes (`.html` for Markdown). */
function jekyllStem(relativePath: string): { folder: string[]; name: string; outputExt: string } {
  if (MARKDOWN_FILE.test(relativePath)) return { ...fileStem(relativePath), outputExt: '.html' };
  const folder = relativePath.split('/');
  const file = folder.pop() ?? '';
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return { folder, name: file, outputExt: '' };
  const extension = file.slice(dot).toLowerCase();
  return { folder, name: file.slice(0, dot), outputExt: CONVERTED_OUTPUT[extension] ?? extension };
}

/** Jekyll: posts by the site's (or the posts collection's) permalink, documents by their collection's, pages by their path; a `permalink` of their own first. */
function jekyllUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  const postsAt = parts.lastIndexOf('_posts');
  const draftsAt = parts.indexOf('_drafts');
  // A draft is not published: nothing can link to it.
  if (draftsAt !== -1) return { group: '_drafts' };
  const written = stringValue(input.data, 'permalink');
  // A permalink of the front matter defaults of `_config.yml` counts as the file's own.
  const own = written ?? (input.inherited ? stringValue(input.inherited, 'permalink') : undefined);
  const { folder, name, outputExt } = jekyllStem(input.relativePath);
  const collection = postsAt === -1 ? collectionOf(parts, input.settings) : undefined;
  if (postsAt === -1 && !collection) {
    // A page: its path, `.html` for Markdown and HTML (or a folder, in a pretty style); another
    // output (a feed, a style sheet) keeps its extension in every style.
    const values = { path: folder.join('/'), basename: name, output_ext: outputExt };
    if (own) return { url: fillTemplate(own, values), key: written ? 'permalink' : undefined, group: folder[0] ?? '/' };
    const template = !HTML_OUTPUT.includes(outputExt) ? '/:path/:basename:output_ext' : name === 'index' ? '/:path/' : withStyleSuffix('/:path/:basename', input.settings.jekyllPermalink);
    return { url: fillTemplate(template, values), group: folder[0] ?? '/' };
  }
  if (collection) {
    const below = parts.slice(collection.at + 1);
    const stem = jekyllStem(below.join('/'));
    const slug = stringValue(input.data, 'slug');
    const date = (input.date ?? '').split('-');
    const values = {
      collection: collection.name,
      path: [...stem.folder, stem.name].join('/'),
      name: jekyllSlug(stem.name),
      title: slug ?? stem.name,
      slug: jekyllSlug(slug ?? stem.name),
      output_ext: stem.outputExt,
      categories: jekyllCategories(input.data).map((category) => urlize(category)).join('/'),
      year: date[0] ?? '',
      month: date[1] ?? '',
      day: date[2] ?? '',
    };
    const template = own ?? input.settings.jekyllCollections?.[collection.name]?.permalink ?? withStyleSuffix('/:collection/:path', input.settings.jekyllPermalink);
    return { url: fillTemplate(JEKYLL_STYLES[template] ?? template, values), key: written ? 'permalink' : undefined, group: collection.name };
  }
  const dated = /^(\d{4})-(\d{2})-(\d{2})-(.*)$/.exec(name);
  const fileSlug = dated ? dated[4] : name;
  const date = (input.date ?? (dated ? `${dated[1]}-${dated[2]}-${dated[3]}` : '')).split('-');
  const folderCategories = parts.slice(0, Math.max(postsAt, 0));
  const categories = [...folderCategories, ...jekyllCategories(input.data)];
  const slug = stringValue(input.data, 'slug');
  const titlePart = slug ?? fileSlug;
  const setting = own ?? input.settings.jekyllPostPermalink ?? input.settings.jekyllPermalink ?? 'date';
  const template = JEKYLL_STYLES[setting] ?? setting;
  const url = fillTemplate(template, {
    categories: categories.map((category) => urlize(category)).join('/'),
    year: date[0] ?? '',
    month: date[1] ?? '',
    day: date[2] ?? '',
    i_month: date[1] ? String(Number(date[1])) : '',
    i_day: date[2] ? String(Number(date[2])) : '',
    short_year: date[0]?.slice(2) ?? '',
    title: titlePart,
    slug: urlize(titlePart),
    name: jekyllSlug(name),
    path: [...parts.slice(postsAt + 1, -1), name].join('/'),
    collection: 'posts',
    output_ext: outputExt,
  });
  return { url, key: written ? 'permalink' : slug ? 'slug' : undefined, group: '_posts' };
}

function jekyllCategories(data: Record<string, unknown>): string[] {
  const list: string[] = [];
  for (const key of ['category', 'categories']) {
    const value = data[key];
    if (typeof value === 'string') list.push(...value.split(/\s+/).filter(Boolean));
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string' || typeof item === 'number') list.push(String(item));
  }
  return list;
}

/** Folders Jekyll never reads (its default `exclude`), beside the site's own `exclude`. */
const JEKYLL_EXCLUDED = ['node_modules', 'vendor', 'Gemfile', 'Gemfile.lock', 'gemfiles', '.sass-cache', '.jekyll-cache'];

/**
 * A file Jekyll publishes as a page or a collection's document: it has frontmatter (Jekyll copies
 * other files as they are), it is in no `_` folder (but an output collection's) and not excluded.
 */
function isJekyllPage(relativePath: string, settings: SiteSettings, hasFrontmatter: boolean): boolean {
  if (!hasFrontmatter) return false;
  const parts = relativePath.split('/');
  if (parts[0] === '_site' || JEKYLL_EXCLUDED.includes(parts[0])) return false;
  const excluded = settings.jekyllExclude ?? [];
  if (excluded.some((entry) => relativePath === entry || relativePath.startsWith(`${entry.replace(/\/$/, '')}/`)) || (excluded.length && globMatcher(excluded)(relativePath))) return false;
  const collection = collectionOf(parts, settings);
  const folders = parts.slice(collection ? collection.at + 1 : 0, -1);
  if (folders.some((part) => part.startsWith('_') || part.startsWith('.'))) return false;
  return collection ? settings.jekyllCollections?.[collection.name]?.output === true : true;
}

/**
 * The extensions of files Jekyll renders when they start with front matter, beside Markdown: pages,
 * feeds and data, style sheets and scripts (it copies a file without front matter as it is).
 */
const RENDERED_EXTENSIONS = ['html', 'htm', 'xhtml', 'xml', 'json', 'txt', 'rss', 'atom', 'ics', 'csv', 'webmanifest', 'svg', 'css', 'scss', 'sass', 'js', 'coffee'];

/**
 * The routes of the pages Jekyll renders from files other than Markdown (`pages/showcase.html`
 * with `permalink: /showcase/`, `feed.xml`, an output collection's HTML documents): each at its
 * permalink (its own, else its folder's `defaults`), else at its path; with the routes it
 * redirects from when the site names jekyll-redirect-from. The folders Jekyll does not read
 * (`_` folders but output collections', `exclude`, `_site`) are not walked. A file with front matter
 * published at another route than its path (or not at all: excluded, `published: false`) is not
 * at its path's route (see routeSources).
 */
async function readJekyllPageRoutes(root: string, settings: SiteSettings, fs: FileSystemHost): Promise<PageRoutes> {
  const walked = (folder: string) => isJekyllPage(`${folder}/page.html`, settings, true);
  const files = await pageFileCandidates(fs, root, RENDERED_EXTENSIONS, (folder) => !walked(folder));
  const redirects = settings.plugins?.includes('jekyll-redirect-from') === true;
  const pages: PageRoutes = { routes: [], elsewhere: [] };
  for (const relativePath of files) {
    const data = await frontmatterOfFile(fs, fileIn(root, relativePath));
    // Without front matter, Jekyll copies the file as it is: at its path.
    if (!data) continue;
    const url = isJekyllPage(relativePath, settings, true) && data.published !== false ? jekyllUrl({ relativePath, data, inherited: await readJekyllFolderData(root, relativePath, settings), settings }).url : undefined;
    if (url === undefined || routeKey(url) !== routeKey(`/${relativePath}`)) pages.elsewhere.push(relativePath);
    if (url === undefined) continue;
    pages.routes.push(url);
    if (redirects) pages.routes.push(...routeList(data.redirect_from));
  }
  return pages;
}

/**
 * The values that the front matter `defaults` of `_config.yml` give the files of a folder: each
 * entry whose `scope.path` is the folder or one above it (`''` for every file) and whose
 * `scope.type` (`posts`, `pages`, a collection's name) is the files', the deeper path winning. A
 * scope of a single file or a glob is left out (the model reads these once per folder).
 */
async function readJekyllFolderData(_root: string, relativePath: string, settings: SiteSettings): Promise<Record<string, unknown>> {
  const parts = relativePath.split('/');
  const folder = parts.slice(0, -1).join('/');
  const type = parts.includes('_posts') || parts.includes('_drafts') ? 'posts' : (collectionOf(parts, settings)?.name ?? 'pages');
  const matching = (settings.jekyllDefaults ?? []).filter(
    (entry) => (entry.type === undefined || entry.type === type) && (entry.path === '' || folder === entry.path || folder.startsWith(`${entry.path}/`)),
  );
  matching.sort((a, b) => (a.path === '' ? 0 : a.path.split('/').length) - (b.path === '' ? 0 : b.path.split('/').length));
  return Object.assign({}, ...matching.map((entry) => entry.values)) as Record<string, unknown>;
}

/** The `defaults` entries of the configuration whose scope is a folder (or every file). */
function folderDefaults(defaults: unknown): NonNullable<SiteSettings['jekyllDefaults']> {
  const entries: NonNullable<SiteSettings['jekyllDefaults']> = [];
  for (const entry of Array.isArray(defaults) ? defaults : []) {
    const scope = mapping(mapping(entry)?.scope) ?? {};
    const values = mapping(mapping(entry)?.values);
    const path = typeof scope.path === 'string' ? scope.path.replace(/^\.?\/|\/$/g, '') : '';
    if (!values || /[*?[]/.test(path) || /\.[a-z]+$/i.test(path)) continue;
    entries.push({ path, ...(typeof scope.type === 'string' ? { type: scope.type } : {}), values });
  }
  return entries;
}

/** A plugin the site's configuration names (`plugins`, or the older `gems`). */
function pluginsOf(data: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const list of [data.plugins, data.gems]) if (Array.isArray(list)) for (const name of list) if (typeof name === 'string') names.push(name);
  return names;
}

/** A mapping's value, when it is one. */
function mapping(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A permalink template as a route pattern: each placeholder stands for any text within one part. */
function routePattern(template: string): string {
  return routeKey(template.replace(/:\w+/g, '*').replace(/\*\.html$/, '*'));
}

/**
 * What the site's configuration says about its URLs: the permalink style (the posts collection's
 * own, else the site's), the collections it publishes, the excluded files, the site's address, and
 * the routes its plugins make (jekyll-feed, jekyll-sitemap, jekyll-paginate, jekyll-archives).
 */
async function readJekyllSettings(root: string, fs: FileSystemHost): Promise<SiteSettings> {
  for (const name of CONFIG_FILES) {
    const text = await fs.readText(join(root, name));
    if (text === undefined) continue;
    const data = readConfigValues(text, name) ?? {};
    const settings: SiteSettings = { routes: ['/'], plugins: pluginsOf(data) };
    if (typeof data.permalink === 'string') settings.jekyllPermalink = data.permalink;
    const collections: Record<string, { permalink?: string; output?: boolean }> = {};
    const declared = data.collections;
    if (Array.isArray(declared)) for (const item of declared) if (typeof item === 'string') collections[item] = {};
    for (const [collection, value] of Object.entries(mapping(declared) ?? {})) {
      const options = mapping(value) ?? {};
      collections[collection] = {
        ...(typeof options.permalink === 'string' ? { permalink: options.permalink } : {}),
        ...(options.output === true ? { output: true } : {}),
      };
    }
    const posts = collections.posts;
    delete collections.posts;
    if (posts?.permalink) settings.jekyllPostPermalink = posts.permalink;
    settings.jekyllCollections = collections;
    if (typeof data.collections_dir === 'string' && data.collections_dir.trim()) settings.jekyllCollectionsDir = data.collections_dir.trim().replace(/^\.?\/|\/$/g, '');
    const defaults = folderDefaults(data.defaults);
    if (defaults.length) settings.jekyllDefaults = defaults;
    if (Array.isArray(data.exclude)) settings.jekyllExclude = data.exclude.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.replace(/^\.?\//, ''));
    const url = typeof data.url === 'string' ? data.url.trim().replace(/\/+$/, '') : '';
    const baseurl = typeof data.baseurl === 'string' ? data.baseurl.trim().replace(/\/+$/, '') : '';
    if (/^https?:\/\//i.test(url)) settings.siteUrl = url + (baseurl && !baseurl.startsWith('/') ? `/${baseurl}` : baseurl);
    settings.routes!.push(...pluginRoutes(data, collections));
    return settings;
  }
  return {};
}

/** The routes that the site's plugins make, as their documentation says, when the configuration names them. */
function pluginRoutes(data: Record<string, unknown>, collections: Record<string, unknown>): string[] {
  const plugins = pluginsOf(data);
  const routes: string[] = [];
  if (plugins.includes('jekyll-feed')) {
    const feed = mapping(data.feed) ?? {};
    routes.push(routeKey(typeof feed.path === 'string' ? feed.path : '/feed.xml'));
    // `feed: categories: [news]` adds `/feed/news.xml`; `feed: collections: …` adds `/feed/<collection>.xml`.
    const categories = Array.isArray(feed.categories) ? feed.categories : [];
    for (const category of categories) if (typeof category === 'string') routes.push(`/feed/${category}.xml`);
    const feedCollections = Array.isArray(feed.collections) ? feed.collections : Object.keys(mapping(feed.collections) ?? {});
    for (const collection of feedCollections) if (typeof collection === 'string' && collection in collections) routes.push(`/feed/${collection}.xml`);
  }
  if (plugins.includes('jekyll-sitemap')) routes.push('/sitemap.xml');
  if (plugins.includes('jekyll-paginate') && data.paginate !== undefined) {
    routes.push(routePattern(typeof data.paginate_path === 'string' ? data.paginate_path : '/page:num/'));
  }
  const paginateV2 = mapping(data.pagination);
  if (plugins.includes('jekyll-paginate-v2') && paginateV2?.enabled === true) {
    routes.push(routePattern(typeof paginateV2.permalink === 'string' ? paginateV2.permalink : '/page/:num/'));
  }
  const archives = mapping(data['jekyll-archives']);
  if (plugins.includes('jekyll-archives') && archives) {
    const kinds: Record<string, string> = { year: '/:year/', month: '/:year/:month/', day: '/:year/:month/:day/', tags: '/tag/:name/', categories: '/category/:name/' };
    const enabled = archives.enabled === 'all' ? Object.keys(kinds) : Array.isArray(archives.enabled) ? archives.enabled.filter((kind): kind is string => typeof kind === 'string') : [];
    const permalinks = mapping(archives.permalinks) ?? {};
    for (const kind of enabled) {
      const own = permalinks[kind.replace(/ies$/, 'y').replace(/s$/, '')];
      const template = typeof own === 'string' ? own : kinds[kind];
      if (template) routes.push(routePattern(template));
    }
  }
  return routes;
}

const jekyll: SiteProfile = {
  name: 'jekyll',
  label: 'Jekyll',
  markers: { files: CONFIG_FILES },
  // The layouts and includes whose `page.x` are known keys.
  siteFiles: ['_layouts/**', '_includes/**'],
  roles: {
    title: [['title']],
    description: [['description'], ['excerpt']],
    published: [['date']],
    updated: [['last_modified_at'], ['modified_date']],
    hero: [{ image: ['image'] }, { image: ['image', 'path'], alt: [['image', 'alt']] }],
  },
  keys: ARTICLE_KEYS,
  fallbacks: {
    title: 'the file name',
    description: 'the excerpt Jekyll takes from the first paragraph',
  },
  pathDate: 'jekyll-post',
  // Ruby reads `description:` as nil, which Jekyll and its plugins take as no value; an empty date fails the build.
  emptyValues: 'absent-except-dates',
  redirects: { key: 'redirect_from', plugin: 'jekyll-redirect-from' },
  schema: objectSchema('Jekyll front matter', {
    layout: field.string('The layout from `_layouts/` (without extension); `null` for none.', { type: ['string', 'null'] }),
    permalink: field.string('The URL of the page, overriding the site’s permalink style.'),
    published: field.boolean('false keeps the page out of the site.'),
    title: field.string('The title; for posts it defaults to the file name.'),
    description: field.string('The meta description (jekyll-seo-tag); else the excerpt is used.'),
    excerpt: field.string('The excerpt; by default the first paragraph.'),
    excerpt_separator: field.string('Where the excerpt ends in the content.'),
    date: field.date('The post date, e.g. 2013-05-06 12:00:00 +0200 (what Ruby’s Time.parse reads); for posts it defaults to the file name’s date.', [], LENIENT_DATE_FORMAT),
    last_modified_at: field.date('When the page last changed (jekyll-seo-tag, jekyll-sitemap).', [], LENIENT_DATE_FORMAT),
    modified_date: field.date('When the page last changed (some themes).', [], LENIENT_DATE_FORMAT),
    category: field.string('One category of the post.'),
    categories: field.stringOrList('Categories: a list, or a space-separated string.'),
    tags: field.stringOrList('Tags: a list, or a space-separated string.'),
    image: {
      anyOf: [
        { type: 'string' },
        {
          type: 'object',
          properties: {
            path: { type: 'string' },
            alt: { type: 'string' },
            height: { type: ['number', 'string'] },
            width: { type: ['number', 'string'] },
          },
        },
      ],
      description: 'jekyll-seo-tag’s image: a path, or an object with path, alt, height and width.',
    },
    author: { anyOf: [{ type: 'string' }, { type: 'object' }, { type: 'array' }], description: 'The author: a name, a key of `_data/authors.yml`, or an object.' },
    authors: field.stringOrList('Authors (several themes).'),
    lang: field.string('The page’s language (jekyll-seo-tag).'),
    locale: field.string('The page’s locale (jekyll-seo-tag).'),
    seo: field.object('jekyll-seo-tag overrides: name, type, links, date_modified.'),
    twitter: field.object('jekyll-seo-tag: the Twitter card.'),
    canonical_url: field.string('jekyll-seo-tag: the canonical URL.'),
    sitemap: { type: ['boolean', 'object'], description: 'jekyll-sitemap: false leaves the page out.' },
    redirect_from: field.stringOrList('jekyll-redirect-from: old URLs of the page.'),
    redirect_to: field.stringOrList('jekyll-redirect-from: where the page redirects.'),
    render_with_liquid: field.boolean('false renders the page without Liquid.'),
    slug: field.string('The slug used in permalinks (else from the file name).'),
    keywords: field.stringOrList('Keywords of the page.'),
    comments: field.boolean('Show comments (many themes).'),
    share: field.boolean('Show share links (many themes).'),
    toc: field.boolean('Show a table of contents (many themes).'),
    toc_label: field.string('Minimal Mistakes: the table of contents’ heading.'),
    toc_sticky: field.boolean('Minimal Mistakes: keep the table of contents in view.'),
    read_time: field.boolean('Minimal Mistakes: show the reading time.'),
    author_profile: field.boolean('Minimal Mistakes: show the author’s profile.'),
    header: field.object('Minimal Mistakes: header image, teaser, overlay.'),
    excerpt_image: field.string('An image for the excerpt (some themes).'),
    classes: field.stringOrList('Minimal Mistakes: CSS classes of the page.'),
    sidebar: { type: ['object', 'array', 'boolean'], description: 'Minimal Mistakes: the sidebar.' },
    pin: field.boolean('Pin the post at the top (Chirpy).'),
    math: field.boolean('Render math (Chirpy and others).'),
    mermaid: field.boolean('Render Mermaid diagrams (Chirpy and others).'),
    hidden: field.boolean('Leave the post out of lists (some themes).'),
    draft: field.boolean('A draft (some themes).'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: [''],
  relativeHeroUnchecked: true,
  articles: {
    exclude: ['_site/**', 'vendor/**', 'node_modules/**', '**/_includes/**', '**/_layouts/**', '_data/**', '_sass/**'],
    rules: [
      { globs: ['**/_posts/**', '_drafts/**'], kind: 'article', why: 'a post (_posts, _drafts)' },
      // Other folders starting with `_` are not rendered unless they hold a collection (read from the configuration).
      { globs: ['_*/**', '**/_*/**'], kind: 'none', why: 'Jekyll renders nothing from a folder starting with _ unless it holds a collection' },
    ],
    frontmatterPages: 'a page: Jekyll renders a Markdown file that starts with frontmatter',
  },
  extensions: ALL_MARKDOWN_EXTENSIONS,
  articleUrl: jekyllUrl,
  looseHeadingIds: true,
  isPage: isJekyllPage,
  // An HTML page at its path (`/news` is `news.html`; `news/index.html` is in the public folder already); none in a folder Jekyll does not read.
  routeSources: (route) => (route === '/' ? ['index.html'] : /\/[_.]/.test(route) ? [] : [`${route.replace(/^\//, '')}.html`]),
  readUrlSettings: readJekyllSettings,
  readPageRoutes: readJekyllPageRoutes,
  readFolderData: readJekyllFolderData,
  formats: ['yaml'],
  readConventions: readJekyllConventions,
};

export default jekyll;
