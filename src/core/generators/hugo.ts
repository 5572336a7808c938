/**
 * Hugo (gohugo.io/content-management/front-matter/): YAML, TOML (`+++`) or JSON front matter, keys
 * matched without regard to case, the predefined fields, the default taxonomies and the keys of
 * popular themes (PaperMod's `cover`, `ShowToc`…). Images in `static/`, page bundles, `assets/`.
 */
import { filesBelow } from '../text/folders';
import { isMarkdownFile, MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { join, posixPath as posix, relativePosix, resolve } from '../text/paths';
import type { FileSystemHost } from '../types';
import { addKeys, addTemplateKeys, cachedConventions, copyConventions, emptyConventions, frontmatterKeysOf, type ContentRule, type SiteConventions } from './conventions';
import { fileIn, frontmatterOfFile, pageFileCandidates } from './pageFiles';
import { roleValue } from './roles';
import { HUGO_CONFIG_FOLDERS, readHugoConfig, type HugoConfig, type HugoMount } from './hugoConfig';
import { hugoTemplateKeys, readTemplateKeys } from './templateKeys';
import { ARTICLE_KEYS } from './generic';
import { objectSchema, field, type PageRoutes, type SiteProfile } from './profile';
import { folderUrl, routeKey, stringValue, urlize, withoutExtension, type ArticleUrl, type HugoUrlSettings, type SiteSettings, type UrlInput } from './urls';

/** `config.*` at the root: Hugo's older name, which other projects use too (a marker only beside `content/`). */
const OLD_CONFIG_FILES = ['config.toml', 'config.yaml', 'config.yml', 'config.json'];
/** The configuration files Hugo reads, in its order. */
const CONFIG_FILES = [
  'hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', ...OLD_CONFIG_FILES,
  'config/_default/hugo.toml', 'config/_default/hugo.yaml', 'config/_default/hugo.yml', 'config/_default/hugo.json',
  'config/_default/config.toml', 'config/_default/config.yaml', 'config/_default/config.yml', 'config/_default/config.json',
];
/** The archetypes most sites have (looked for by name: a host may list no folders). */
const ARCHETYPES = ['default.md', 'posts.md', 'post.md', 'blog.md', 'default/index.md', 'posts/index.md', 'post/index.md', 'blog/index.md'];

/**
 * The keys of the site's and its themes' archetypes, of its taxonomies, and those its and its
 * themes' layouts read: a theme's parameters are then not unknown keys.
 */
async function readHugoConventions(root: string, fs: FileSystemHost): Promise<SiteConventions> {
  const config = await readHugoConfig(root, fs);
  const themes = await themeFolders(root, fs, config);
  const conventions = copyConventions(await archetypeConventions(root, fs, themes));
  const taxonomySource = config.files.find((file) => /(^|\/)(hugo|config|taxonomies)\.\w+$/.test(file)) ?? 'the site configuration';
  // The site's own taxonomies (the default tags and categories are in the profile's schema already).
  const named = hugo.schema.properties as Record<string, unknown>;
  for (const plural of Object.values(config.taxonomies)) {
    if (!(plural in named)) conventions.keys[plural] ??= field.stringList(`A taxonomy of the site (${taxonomySource}).`);
  }
  const layouts = ['layouts', ...themes.map((theme) => `${theme}/layouts`)];
  addTemplateKeys(conventions, await readTemplateKeys(root, fs, layouts, hugoTemplateKeys));
  conventions.contentRules.push(...hugoContentRules(config, config.mainSections?.length ? undefined : await busiestSection(root, fs, config)));
  // Mounted at the root of static/ or assets/ (a mount below it, `static/pictures`, is not a folder for `/x.png`).
  const atRoot = (mounts: readonly HugoMount[]) => mounts.filter((mount) => !mount.target).map((mount) => mount.source);
  conventions.publicDirs = atRoot(config.staticMounts);
  conventions.assetDirs = atRoot(config.assetMounts);
  return conventions;
}

/**
 * Articles and pages as Hugo decides: every content folder (mounts, languages' contentDir) holds
 * pages; the regular pages of the main sections are the articles.
 */
function hugoContentRules(config: HugoConfig, busiest?: string): ContentRule[] {
  const folders = contentFolders(config);
  const setting = config.mainSections;
  const sections = setting?.length ? setting : busiest ? [busiest] : MAIN_SECTION_NAMES;
  const why = setting?.length
    ? `a page of a main section (mainSections: ${setting.join(', ')})`
    : busiest
      ? `a page of the main section, ${busiest}: the section with the most pages, as Hugo decides when the site sets no mainSections`
      : `a page of a blog section (${MAIN_SECTION_NAMES.join(', ')}: the site sets no mainSections and its folders cannot be listed)`;
  const lower = new Set(sections.map((section) => section.toLowerCase()));
  const rules: ContentRule[] = [];
  for (const { source, below } of folders) {
    rules.push({ globs: [`${source}/_index.*`, `${source}/**/_index.*`], kind: 'list', why: 'a list page (_index): a section’s or the home page’s' });
    // A mount into one section (target content/blog) makes all of its pages that section's.
    const mountedSection = below.split('/')[0];
    if (mountedSection) {
      if (lower.has(mountedSection.toLowerCase())) rules.push({ globs: [`${source}/**`], kind: 'article', why });
    } else {
      const globs = sections.map((section) => `${source}/${section}/**`);
      if (globs.length) rules.push({ globs, kind: 'article', why });
    }
    rules.push({ globs: [`${source}/**`], kind: 'page', why: mainPagesWhy(setting) });
  }
  return rules;
}

function mainPagesWhy(setting: readonly string[] | undefined): string {
  return setting?.length ? `a page outside the main sections (${setting.join(', ')})` : 'a page outside the main section';
}

/** The content folders (relative to the root) and the section path each is mounted at (`''`: the content root). */
function contentFolders(config: HugoConfig): { source: string; below: string }[] {
  return config.contentMounts.map((mount) => ({ source: mount.source.replace(/\/+$/, ''), below: mount.target.replace(/^content\/?/, '') }));
}

/**
 * Hugo's main section when the site names none: the section with the most regular pages (ties: the
 * first by name). Undefined when the host cannot list folders or no section has a page.
 */
async function busiestSection(root: string, fs: FileSystemHost, config: HugoConfig): Promise<string | undefined> {
  const counts = new Map<string, number>();
  for (const { source, below } of contentFolders(config)) {
    const files = await filesBelow(fs, join(root, ...source.split('/')), { maxDepth: 8, maxFiles: 50_000 });
    if (!files) return undefined;
    for (const file of files) {
      if (!isMarkdownFile(file) || /(^|\/)_index\.[^/]+$/.test(file)) continue;
      const section = below ? below.split('/')[0] : file.includes('/') ? file.split('/')[0] : undefined;
      if (section) counts.set(section, (counts.get(section) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [section, count] of counts) {
    const bestCount = best === undefined ? -1 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && section < best!)) best = section;
  }
  return best;
}

/**
 * The folders of the site's themes, relative to its root: `<themesDir>/<theme>` for each theme the
 * configuration names. A theme's own exampleSite names the theme without `themesDir` and is built with
 * `--themesDir ../..` (the theme is the repository around it): there, when `themes/<theme>` does not
 * exist, `../../<theme>` is the theme.
 */
async function themeFolders(root: string, fs: FileSystemHost, config: HugoConfig): Promise<string[]> {
  const folders: string[] = [];
  // Relative to the root, whether written relative or absolute.
  const themesDir = relativePosix(root, resolve(root, config.themesDir || '.')) || '.';
  for (const theme of config.themes) {
    const configured = posix.join(themesDir, theme);
    const isFolder = async (folder: string) => (await fs.stat(join(root, ...folder.split('/')))) === 'directory';
    if (config.themesDirConfigured || (await isFolder(configured))) folders.push(configured);
    else if (await isFolder(posix.join('../..', theme))) folders.push(posix.join('../..', theme));
    else folders.push(configured);
  }
  return folders;
}

async function archetypeConventions(root: string, fs: FileSystemHost, themes: readonly string[]): Promise<SiteConventions> {
  const archetypes = [
    ...ARCHETYPES.map((name) => `archetypes/${name}`),
    ...themes.flatMap((theme) => ARCHETYPES.map((name) => `${theme}/archetypes/${name}`)),
  ];
  const files = archetypes.map((file) => join(root, ...file.split('/')));
  return cachedConventions(`hugo:${root}`, files, fs, async () => {
    const conventions = emptyConventions();
    for (const [index, file] of files.entries()) {
      const text = await fs.readText(file);
      if (text !== undefined) addKeys(conventions, frontmatterKeysOf(text), archetypes[index], 'A key of the site’s archetype');
    }
    return conventions;
  });
}

const date = (description: string) => field.date(description);

/** Sections whose pages are articles when the site names no `mainSections`. */
const MAIN_SECTION_NAMES = ['posts', 'post', 'blog', 'articles'];

/** Hugo renders an archive or search page, a page never rendered or a headless bundle as no article. */
function hugoPageByData(data: Record<string, unknown>, kind: 'article' | 'page'): { kind: 'page'; why: string } | undefined {
  if (kind !== 'article') return undefined;
  const value = (key: string) => Object.entries(data).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
  const layout = value('layout');
  if (typeof layout === 'string' && ['archives', 'archive', 'search'].includes(layout.toLowerCase())) return { kind: 'page', why: `layout: ${layout} (an archive or search page)` };
  const build = value('build');
  const render = build && typeof build === 'object' ? Object.entries(build).find(([name]) => name.toLowerCase() === 'render')?.[1] : undefined;
  if (render === 'never' || render === false) return { kind: 'page', why: 'build.render: never (Hugo renders no page from it)' };
  if (value('headless') === true) return { kind: 'page', why: 'headless: true (a headless bundle)' };
  return undefined;
}

/** A language suffix when the site's languages are unknown: `fr`, `pt-br`, `zh-hant-tw`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,2}$/i;

/** Where a content file sits: the path below the content root (its mount's target, then the rest) and the mount's language. */
function contentPlace(relativePath: string, hugo: HugoUrlSettings | undefined): { below: string[]; language?: string } | undefined {
  const parts = relativePath.split('/');
  if (!hugo) return { below: parts[0] === 'content' && parts.length > 1 ? parts.slice(1) : parts };
  let best: HugoMount | undefined;
  for (const mount of hugo.contentMounts) {
    if (!mount.source || relativePath.startsWith(`${mount.source}/`)) {
      if (!best || mount.source.length > best.source.length) best = mount;
    }
  }
  if (!best) return undefined;
  const rest = best.source ? relativePath.slice(best.source.length + 1).split('/') : parts;
  return { below: [...(best.target ? best.target.split('/') : []), ...rest], language: best.language };
}

/** The language a file-name suffix names (`x.fr.md`, `index.zh-hant-tw.md`): one of the site's, or any tag when they are unknown. */
function suffixLanguage(name: string, hugo: HugoUrlSettings | undefined): { name: string; language: string } | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const suffix = name.slice(dot + 1).toLowerCase();
  const known = hugo ? hugo.languages.includes(suffix) : LANGUAGE_TAG.test(suffix);
  return known ? { name: name.slice(0, dot), language: suffix } : undefined;
}

/** A key of the frontmatter whatever its case (Hugo reads keys so). */
function valueOf(data: Record<string, unknown>, key: string): unknown {
  if (key in data) return data[key];
  const lower = key.toLowerCase();
  for (const [name, value] of Object.entries(data)) if (name.toLowerCase() === lower) return value;
  return undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
}

/**
 * Hugo: the path below the content root (content mounts and languages' `contentDir` decide where
 * it is) as folders; `slug`, `url`, `[permalinks]`; a language other than the default (`x.fr.md`,
 * a language's content folder) under `/fr/`. Also the routes the page makes exist (its section,
 * its taxonomy terms) and whether a menu names it.
 */
function hugoUrl(input: UrlInput): ArticleUrl {
  const hugo = input.settings.hugo;
  const place = contentPlace(input.relativePath, hugo);
  // Outside every content folder: Hugo does not build it.
  if (!place) return { group: '/' };
  const { below } = place;
  let name = withoutExtension(below[below.length - 1]);
  const suffix = suffixLanguage(name, hugo);
  if (suffix) name = suffix.name;
  const language = suffix?.language ?? place.language ?? hugo?.defaultContentLanguage;
  const inSubfolder = language !== undefined && (hugo ? language !== hugo.defaultContentLanguage || hugo.defaultContentLanguageInSubdir : suffix !== undefined);
  const folders = below.slice(0, -1);
  const isBundle = name === 'index' || name === '_index';
  const section = folders[0] ?? '';
  const prefix = inSubfolder ? [language] : [];
  const group = section || '/';
  const lower = !hugo?.disablePathToLower;
  const path = (parts: readonly string[], trailingSlash = true) => hugoPath(parts, trailingSlash, lower);
  const extra = hugoExtras(input, hugo, prefix, isBundle ? folders : [...folders, name], section, name === '_index', path);
  const explicit = stringValue(input.data, 'url');
  if (explicit) return { url: path([...prefix, ...explicit.split('/')]), key: 'url', language, group, ...extra(path([...prefix, ...explicit.split('/')])) };
  const slug = stringValue(input.data, 'slug');
  const contentName = isBundle ? folders[folders.length - 1] ?? '' : name;
  const permalinks = input.settings.hugoPermalinks;
  const pattern = name === '_index' || !permalinks ? undefined : (permalinks[section] ?? permalinks[section.toLowerCase()]);
  if (pattern) {
    const date = input.date?.split('-') ?? [];
    const title = input.title ? urlize(input.title) : urlize(contentName);
    const replaced = pattern.replace(/:(\w+)/g, (whole, token: string) => {
      switch (token) {
        case 'year':
          return date[0] ?? whole;
        case 'month':
          return date[1] ?? whole;
        case 'day':
          return date[2] ?? whole;
        case 'section':
          return section;
        case 'sections':
          return folders.join('/');
        case 'title':
          return title;
        case 'slug':
          return slug ?? title;
        case 'filename':
        case 'contentbasename':
          return contentName;
        case 'slugorfilename':
        case 'slugorcontentbasename':
          return slug ?? contentName;
        default:
          return whole;
      }
    });
    const url = path([...prefix, ...replaced.split('/')], pattern.endsWith('/'));
    return { url, key: slug ? 'slug' : undefined, language, group, ...extra(url) };
  }
  const parts = isBundle ? [...folders] : [...folders, name];
  if (slug && name !== '_index') parts[parts.length - 1] = slug;
  const url = path([...prefix, ...parts]);
  return { url, key: slug ? 'slug' : undefined, language, group, ...extra(url) };
}

/**
 * What a page adds to the site beside its own URL: its section's list page and its taxonomy
 * terms' pages (routes that exist because it does), its place in a menu (its
 * frontmatter `menu`/`menus`, or a configuration menu naming its path or URL), and where its
 * `ref` paths resolve. `logical` is its path below the content root without the language.
 */
function hugoExtras(
  input: UrlInput,
  hugo: HugoUrlSettings | undefined,
  prefix: readonly string[],
  logical: readonly string[],
  section: string,
  isList: boolean,
  path: (parts: readonly string[], trailingSlash?: boolean) => string,
): (url: string) => Pick<ArticleUrl, 'impliedRoutes' | 'inNavigation' | 'refDirs'> {
  return (url) => {
    const implied: string[] = [];
    if (section && !(isList && logical.length === 1)) implied.push(path([...prefix, section]));
    const taxonomies = hugo ? (hugo.disableKinds.includes('term') ? [] : Object.values(hugo.taxonomies)) : ['tags', 'categories'];
    for (const plural of taxonomies) {
      const terms = stringList(valueOf(input.data, plural));
      if (terms.length) implied.push(path([...prefix, plural]));
      for (const term of terms) implied.push(path([...prefix, plural, urlize(term)]));
    }
    const menu = valueOf(input.data, 'menu') ?? valueOf(input.data, 'menus');
    const pagePath = `/${logical.filter(Boolean).join('/')}`.toLowerCase();
    const language = prefix[0] ?? hugo?.defaultContentLanguage;
    const named = hugo?.menuEntries.some((entry) => {
      if (entry.language && language && entry.language !== language) return false;
      if (entry.pageRef !== undefined) return trimSlashes(entry.pageRef.toLowerCase().replace(/\.md$/, '')) === trimSlashes(pagePath);
      return entry.url !== undefined && trimSlashes(entry.url.toLowerCase()) === trimSlashes(url.toLowerCase());
    });
    const inNavigation = (menu !== undefined && menu !== null && menu !== '' && !(Array.isArray(menu) && menu.length === 0)) || named === true;
    const refDirs = hugo
      ? [...hugo.contentMounts]
          .filter((mount) => !mount.target)
          // The page's own language first, then folders of every language, then the other languages'.
          .sort((a, b) => refOrder(a, language) - refOrder(b, language))
          .map((mount) => mount.source)
      : undefined;
    return {
      ...(implied.length ? { impliedRoutes: [...new Set(implied)] } : {}),
      ...(inNavigation ? { inNavigation } : {}),
      ...(refDirs ? { refDirs } : {}),
    };
  };
}

function refOrder(mount: HugoMount, language: string | undefined): number {
  return mount.language === language ? 0 : mount.language === undefined ? 1 : 2;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function hugoPath(parts: readonly string[], trailingSlash = true, lower = true): string {
  const url = folderUrl(lower ? parts.map((part) => part.toLowerCase()) : parts);
  return trailingSlash ? url : url.replace(/\/$/, '') || '/';
}

/** Where a site or theme template makes every Markdown link: a link render hook. */
const LINK_HOOKS = ['layouts/_markup/render-link.html', 'layouts/_default/_markup/render-link.html'];

/**
 * The site's URL settings from its configuration: permalinks, content mounts and languages, the
 * routes Hugo makes beyond pages (home, feeds, pagination, taxonomy lists), `baseURL`, the link
 * render hook and definition-term anchors.
 */
async function readHugoSettings(root: string, fs: FileSystemHost): Promise<SiteSettings> {
  const config = await readHugoConfig(root, fs);
  const themes = await themeFolders(root, fs, config);
  const hooks = [...LINK_HOOKS, ...themes.flatMap((theme) => LINK_HOOKS.map((hook) => `${theme}/${hook}`))];
  const kinds = await Promise.all(hooks.map((hook) => fs.stat(join(root, ...hook.split('/')))));
  return {
    ...(Object.keys(config.permalinks).length ? { hugoPermalinks: config.permalinks } : {}),
    hugo: {
      contentMounts: config.contentMounts,
      languages: config.languages,
      defaultContentLanguage: config.defaultContentLanguage,
      defaultContentLanguageInSubdir: config.defaultContentLanguageInSubdir,
      disablePathToLower: config.disablePathToLower,
      taxonomies: config.taxonomies,
      disableKinds: config.disableKinds,
      menuEntries: config.menuEntries,
    },
    ...(config.baseURL && /^https?:\/\//i.test(config.baseURL) ? { siteUrl: config.baseURL } : {}),
    routes: hugoSiteRoutes(config),
    ...(kinds.includes('file') ? { linkRenderHook: true } : {}),
    ...(config.autoDefinitionTermID ? { definitionTermAnchors: true } : {}),
  };
}

/** The routes Hugo makes beside the pages, per language root: home, feeds, sitemap, pagination, taxonomy lists. */
function hugoSiteRoutes(config: HugoConfig): string[] {
  const disabled = new Set(config.disableKinds);
  const roots = [''];
  for (const language of config.languages) {
    if (language !== config.defaultContentLanguage || config.defaultContentLanguageInSubdir) roots.push(`/${language}`);
  }
  const routes = ['/404.html', '/sitemap.xml'];
  for (const root of roots) {
    routes.push(root || '/', `${root}/page/*`, `${root}/*/page/*`, `${root}/*/*/page/*`, `${root}/sitemap.xml`);
    if (!disabled.has('rss')) routes.push(`${root}/index.xml`, `${root}/*/index.xml`, `${root}/*/*/index.xml`);
    if (!disabled.has('taxonomy')) for (const plural of Object.values(config.taxonomies)) routes.push(`${root}/${plural}`);
  }
  // Compared as links are: route keys, without regard to case.
  return [...new Set(routes.map((route) => routeKey(route).toLowerCase()))];
}

/** A date value as `YYYY-MM-DD` (a parsed date, or text that starts with one). */
function isoDay(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0] : undefined;
}

/**
 * The routes of the HTML content files (`content/about.html` with front matter): Hugo renders them
 * as pages, at the URL a Markdown file of the same name would have; with their aliases. Drafts are
 * not built. `layouts/` holds templates, not pages: it is not read.
 */
async function readHugoPageRoutes(root: string, settings: SiteSettings, fs: FileSystemHost): Promise<PageRoutes> {
  const mounts = settings.hugo?.contentMounts ?? [{ source: 'content', target: '' }];
  const routes: string[] = [];
  for (const source of new Set(mounts.map((mount) => mount.source))) {
    if (!source || source.startsWith('..') || source.startsWith('/')) continue;
    for (const file of await pageFileCandidates(fs, fileIn(root, source), ['html', 'htm'])) {
      const data = await frontmatterOfFile(fs, fileIn(root, `${source}/${file}`), ['---', '+++']);
      if (!data || valueOf(data, 'draft') === true) continue;
      const relativePath = `${source}/${file}`.replace(/\.html?$/i, '.md');
      const title = roleValue(hugo, data, 'title')?.value;
      const url = hugoUrl({ relativePath, data, date: isoDay(roleValue(hugo, data, 'published')?.value), title: typeof title === 'string' ? title : undefined, settings });
      if (url.url !== undefined) routes.push(url.url, ...(url.impliedRoutes ?? []));
      routes.push(...stringList(valueOf(data, 'aliases')));
    }
  }
  return { routes, elsewhere: [] };
}

const hugo: SiteProfile = {
  name: 'hugo',
  label: 'Hugo',
  markers: {
    files: CONFIG_FILES.filter((file) => !OLD_CONFIG_FILES.includes(file)),
    filesWithFolder: { files: OLD_CONFIG_FILES, folder: 'content' },
  },
  // The configuration folders, the archetypes and the layouts (templates, render hooks), the site's and its themes'.
  // The configuration folders themselves too: a folder made or removed with its files is one event.
  siteFiles: ['config', ...HUGO_CONFIG_FOLDERS, ...HUGO_CONFIG_FOLDERS.map((folder) => `${folder}/*`), 'archetypes/**', 'layouts/**', 'themes/*/archetypes/**', 'themes/*/layouts/**'],
  roles: {
    title: [['title']],
    description: [['description'], ['summary']],
    published: [['date'], ['publishDate'], ['pubdate'], ['published']],
    updated: [['lastmod'], ['modified']],
    hero: [
      { image: ['images', 0] },
      { image: ['cover', 'image'], alt: [['cover', 'alt'], ['cover', 'caption']] },
      { image: ['featured_image'] },
      { image: ['featuredImage'] },
      { image: ['image'] },
    ],
  },
  // Hugo writes a summary from the content when there is none; themes use it as the description.
  keys: ARTICLE_KEYS,
  fallbacks: { description: 'the summary Hugo makes from the content' },
  caseInsensitiveKeys: true,
  // Go reads `description:` as nil, which Hugo takes as no value; an empty date is invalid front matter.
  emptyValues: 'absent-except-dates',
  caseInsensitiveLinks: true,
  redirects: { key: 'aliases' },
  schema: objectSchema('Hugo front matter', {
    title: field.string('The page title.'),
    linkTitle: field.string('A shorter title for links and menus.'),
    description: field.string('The page description, used by templates for the meta description.'),
    summary: field.string('The summary shown in list pages; also used as the description by many themes.'),
    date: date('The date of the page (Hugo: `.Date`).'),
    publishDate: date('Publish date: the page is not rendered before it unless buildFuture is set.'),
    pubdate: date('An alias of publishDate.'),
    published: date('An alias of publishDate.'),
    lastmod: date('The last modification date (`.Lastmod`).'),
    modified: date('An alias of lastmod.'),
    expiryDate: date('The page is not rendered after this date unless buildExpired is set.'),
    expirydate: date('An alias of expiryDate.'),
    unpublishdate: date('An alias of expiryDate.'),
    draft: field.boolean('A draft is not rendered unless buildDrafts is set.'),
    aliases: field.stringList('Other URLs that redirect to this page.'),
    slug: field.string('Overrides the last segment of the URL path.'),
    url: field.string('Overrides the whole URL path of the page.'),
    type: field.string('The content type (selects templates).'),
    layout: field.string('The template to use from the type’s layouts.'),
    weight: field.integer('Orders pages in lists (lower first).'),
    keywords: field.stringList('Meta keywords of the page.'),
    tags: field.stringList('The default taxonomy `tags`.'),
    categories: field.stringList('The default taxonomy `categories`.'),
    series: field.stringList('A series taxonomy, used by Hugo’s internal Open Graph template.'),
    images: field.stringList('Images for Open Graph and Twitter cards (Hugo’s internal templates): the first is the hero.'),
    videos: field.stringList('Videos for Open Graph (Hugo’s internal templates).'),
    audio: field.stringList('Audio for Open Graph (Hugo’s internal templates).'),
    menu: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }], description: 'Adds the page to one or more menus.' },
    menus: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }], description: 'Adds the page to one or more menus.' },
    params: field.object('Custom parameters, read in templates as `.Params`.'),
    build: field.object('Build options: list, render, publishResources.'),
    cascade: { anyOf: [{ type: 'object' }, { type: 'array' }], description: 'Values passed down to the page’s descendants.' },
    outputs: field.stringList('The output formats of the page.'),
    resources: { type: 'array', description: 'Metadata for the page bundle’s resources.' },
    sitemap: field.object('Sitemap settings: changefreq, priority, disable.'),
    headless: field.boolean('A headless bundle is not rendered.'),
    isCJKLanguage: field.boolean('Counts words as CJK text.'),
    markup: field.string('The markup language (e.g. markdown).'),
    translationKey: field.string('Links translations of the same page.'),
    author: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }], description: 'The author (themes read it).' },
    authors: field.stringOrList('Authors (a taxonomy in many themes).'),
    // Popular themes (PaperMod, Ananke, Stack, Blowfish…).
    cover: field.object('PaperMod’s cover image: image, alt, caption, relative, hidden.', {
      image: field.string('The cover image (a page resource, `/static` path or URL).'),
      alt: field.string('Alternative text of the cover image.'),
      caption: field.string('Caption of the cover image.'),
      relative: field.boolean('Resolve the image against the page bundle.'),
      hidden: field.boolean('Hide the cover on the page itself.'),
      hiddenInList: field.boolean('Hide the cover in lists.'),
      hiddenInSingle: field.boolean('Hide the cover on the single page.'),
    }),
    featured_image: field.string('The hero image (Ananke and others).'),
    featuredImage: field.string('The hero image (LoveIt, DoIt and others).'),
    image: field.string('The hero image (Stack and others).'),
    thumbnail: field.string('A thumbnail image (many themes).'),
    subtitle: field.string('A subtitle (many themes).'),
    toc: field.boolean('Show a table of contents (many themes).'),
    ShowToc: field.boolean('PaperMod: show the table of contents.'),
    TocOpen: field.boolean('PaperMod: open the table of contents.'),
    hidemeta: field.boolean('PaperMod: hide the meta line.'),
    comments: field.boolean('Show comments (many themes).'),
    ShowReadingTime: field.boolean('PaperMod: show the reading time.'),
    ShowBreadCrumbs: field.boolean('PaperMod: show breadcrumbs.'),
    ShowPostNavLinks: field.boolean('PaperMod: show links to the next and previous posts.'),
    ShowWordCount: field.boolean('PaperMod: show the word count.'),
    ShowShareButtons: field.boolean('PaperMod: show share buttons.'),
    ShowCodeCopyButtons: field.boolean('PaperMod: show copy buttons on code blocks.'),
    ShowRssButtonInSectionTermList: field.boolean('PaperMod: RSS button in lists.'),
    UseHugoToc: field.boolean('PaperMod: use Hugo’s own table of contents.'),
    disableShare: field.boolean('PaperMod: no share buttons.'),
    disableHLJS: field.boolean('PaperMod: no highlight.js.'),
    hideSummary: field.boolean('PaperMod: no summary in lists.'),
    searchHidden: field.boolean('PaperMod: leave the page out of search.'),
    canonicalURL: field.string('PaperMod: the canonical URL.'),
    editPost: field.object('PaperMod: the "suggest changes" link: URL, Text, appendFilePath.'),
    math: field.boolean('Render math (many themes).'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: ['static'],
  assetDirs: ['assets'],
  bundleHeroNames: ['feature', 'featured', 'cover', 'thumbnail'],
  articles: {
    rules: [
      { globs: ['content/**/_index.*', 'content/_index.*'], kind: 'list', why: 'a list page (_index): a section’s or the home page’s' },
      // Hugo's default main section is the one with the most pages; without a listing, the usual blog folders.
      { globs: MAIN_SECTION_NAMES.map((name) => `content/${name}/**`), kind: 'article', why: 'a page of a blog section (posts, post, blog, articles: no mainSections in the site configuration)' },
      { globs: ['content/**'], kind: 'page', why: 'a content page outside the main sections' },
    ],
    byData: hugoPageByData,
  },
  extensions: MARKDOWN_EXTENSIONS,
  articleUrl: hugoUrl,
  readUrlSettings: readHugoSettings,
  readPageRoutes: readHugoPageRoutes,
  formats: ['yaml', 'toml', 'json'],
  readConventions: readHugoConventions,
};

export default hugo;
