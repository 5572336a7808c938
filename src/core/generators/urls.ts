/**
 * The URL at which each generator publishes an article (section 7 of the contract), keyed by site
 * profile name. Pure: the caller gives the path below the site's root, the frontmatter values, the
 * publish date and the site's own settings (Hugo `[permalinks]`, Jekyll `permalink`, Eleventy's
 * input folder), read once per site by readSiteSettings.
 */
import { parseDocument } from 'yaml';
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';

export interface SiteSettings {
  /** Hugo: `[permalinks]` (and `[permalinks.page]`) by section. */
  hugoPermalinks?: Record<string, string>;
  /** Jekyll: the site's `permalink` (a style name or a template), and the posts collection's own. */
  jekyllPermalink?: string;
  /** Eleventy: the input folder, relative to the site's root ('' for the root). */
  eleventyInput?: string;
}

export interface UrlInput {
  profile: string;
  /** The article's path below the site's root, with `/`. */
  relativePath: string;
  data: Record<string, unknown>;
  /** The publish date, `YYYY-MM-DD`, when known. */
  date?: string;
  /** The title (Hugo's `:title`). */
  title?: string;
  settings: SiteSettings;
}

export interface ArticleUrl {
  /** The route, starting with `/`; undefined when the article has no linkable URL (Eleventy `permalink: false` or a template). */
  url?: string;
  /** The frontmatter key that set the URL (`slug`, `url`, `permalink`), for the duplicate-url finding's range. */
  key?: string;
  /** Hugo's language from `x.fr.md`: duplicates are compared within one language. */
  language?: string;
  /** The collection, section or folder the URL belongs to, for messages. */
  group: string;
}

const MARKDOWN_EXTENSION = /\.(md|mdx|markdown|mkdown|mkdn|mkd)$/i;

function stringValue(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Lowercase, spaces and runs of unsafe characters to `-` (how generators make a path part of a title). */
export function urlize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._~-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

function withoutExtension(path: string): string {
  return path.replace(MARKDOWN_EXTENSION, '');
}

/** `a/b/` style: leading slash, one trailing slash, no doubled slashes. */
function folderUrl(parts: readonly string[]): string {
  const clean = parts.filter((part) => part !== '' && part !== '.');
  return clean.length ? `/${clean.join('/')}/` : '/';
}

function ensureLeadingSlash(url: string): string {
  return url.startsWith('/') ? url : `/${url}`;
}

export function articleUrl(input: UrlInput): ArticleUrl {
  switch (input.profile) {
    case 'astro':
      return astroUrl(input);
    case 'hugo':
      return hugoUrl(input);
    case 'jekyll':
      return jekyllUrl(input);
    case 'eleventy':
      return eleventyUrl(input);
    case 'docusaurus':
      return docusaurusUrl(input);
    case 'nextjs':
      return nextjsUrl(input);
    default:
      return genericUrl(input);
  }
}

function fileStem(relativePath: string): { folder: string[]; name: string } {
  const parts = relativePath.split('/');
  const name = withoutExtension(parts.pop() ?? '');
  return { folder: parts, name };
}

/** Astro: `/<collection>/<slug or id>/`, the id being the path below the collection without its extension. */
function astroUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  let below = parts;
  if (parts[0] === 'src' && parts[1] === 'content' && parts.length > 3) below = parts.slice(2);
  else if (parts.length > 1) below = parts.slice(parts.length - 2);
  const collection = below.length > 1 ? below[0] : '';
  const idParts = below.slice(1).map((part, index, all) => (index === all.length - 1 ? withoutExtension(part) : part));
  if (idParts.length > 1 && idParts[idParts.length - 1] === 'index') idParts.pop();
  const slug = stringValue(input.data, 'slug');
  const id = slug ?? idParts.map((part) => urlize(part)).join('/');
  return { url: folderUrl([collection, ...id.split('/')]), key: slug ? 'slug' : undefined, group: collection || '/' };
}

const HUGO_LANGUAGE = /^(.*)\.([a-z]{2}(?:-[a-z]{2,4})?)$/i;

/** Hugo: the path below `content/` as folders; `slug`, `url`, `[permalinks]`; `x.fr.md` under `/fr/`. */
function hugoUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  const below = parts[0] === 'content' && parts.length > 1 ? parts.slice(1) : parts;
  let name = withoutExtension(below[below.length - 1]);
  let language: string | undefined;
  const lang = HUGO_LANGUAGE.exec(name);
  if (lang) {
    name = lang[1];
    language = lang[2].toLowerCase();
  }
  const folders = below.slice(0, -1);
  const isBundle = name === 'index' || name === '_index';
  const section = folders[0] ?? '';
  const prefix = language ? [language] : [];
  const group = section || '/';
  const explicit = stringValue(input.data, 'url');
  if (explicit) return { url: hugoPath([...prefix, ...explicit.split('/')]), key: 'url', language, group };
  const slug = stringValue(input.data, 'slug');
  const contentName = isBundle ? folders[folders.length - 1] ?? '' : name;
  const pattern = name === '_index' ? undefined : input.settings.hugoPermalinks?.[section];
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
    return { url: hugoPath([...prefix, ...replaced.split('/')], pattern.endsWith('/')), key: slug ? 'slug' : undefined, language, group };
  }
  const path = isBundle ? [...folders] : [...folders, name];
  if (slug && name !== '_index') path[path.length - 1] = slug;
  return { url: hugoPath([...prefix, ...path]), key: slug ? 'slug' : undefined, language, group };
}

function hugoPath(parts: readonly string[], trailingSlash = true): string {
  const url = folderUrl(parts.map((part) => part.toLowerCase()));
  return trailingSlash ? url : url.replace(/\/$/, '') || '/';
}

const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** Jekyll: the post's `permalink`, else the site's (a style or a template), else the `date` style. */
function jekyllUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  const postsAt = parts.lastIndexOf('_posts');
  const draftsAt = parts.indexOf('_drafts');
  // A draft is not published: nothing can link to it.
  if (draftsAt !== -1) return { group: '_drafts' };
  const own = stringValue(input.data, 'permalink');
  if (own) return { url: ensureLeadingSlash(own), key: 'permalink', group: '_posts' };
  if (postsAt === -1 && draftsAt === -1) {
    // A page: its path, `.html` for Markdown.
    const { folder, name } = fileStem(input.relativePath);
    return { url: name === 'index' ? folderUrl(folder) : `/${[...folder, `${name}.html`].join('/')}`, group: folder[0] ?? '/' };
  }
  const { name } = fileStem(input.relativePath);
  const dated = /^(\d{4})-(\d{2})-(\d{2})-(.*)$/.exec(name);
  const fileSlug = dated ? dated[4] : name;
  const date = (input.date ?? (dated ? `${dated[1]}-${dated[2]}-${dated[3]}` : '')).split('-');
  const folderCategories = parts.slice(0, Math.max(postsAt, draftsAt, 0));
  const categories = [...folderCategories, ...jekyllCategories(input.data)];
  const slug = stringValue(input.data, 'slug');
  const titlePart = slug ?? fileSlug;
  const setting = input.settings.jekyllPermalink ?? 'date';
  const template = JEKYLL_STYLES[setting] ?? setting;
  const url = template.replace(/:(\w+)/g, (whole, token: string) => {
    switch (token) {
      case 'categories':
        return categories.map((category) => urlize(category)).join('/');
      case 'year':
        return date[0] ?? '';
      case 'month':
        return date[1] ?? '';
      case 'day':
        return date[2] ?? '';
      case 'i_month':
        return date[1] ? String(Number(date[1])) : '';
      case 'i_day':
        return date[2] ? String(Number(date[2])) : '';
      case 'short_year':
        return date[0]?.slice(2) ?? '';
      case 'title':
        return titlePart;
      case 'slug':
        return urlize(titlePart);
      case 'output_ext':
        return '.html';
      default:
        return whole;
    }
  });
  return { url: ensureLeadingSlash(url.replace(/\/{2,}/g, '/')), key: slug ? 'slug' : undefined, group: '_posts' };
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

/** Docusaurus: `/blog/<slug>`, else `/blog/YYYY/MM/DD/<name>` for a dated path, else the path below `blog/`. */
function docusaurusUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  const below = parts[0] === 'blog' ? parts.slice(1) : parts;
  const slug = stringValue(input.data, 'slug');
  if (slug) return { url: `/blog/${slug.replace(/^\/+/, '')}`, key: 'slug', group: 'blog' };
  const path = below.join('/');
  const dated = /(?:^|\/)(\d{4})[-/](\d{2})[-/](\d{2})[-/]([^/]+?)(?:\/index)?(\.(?:md|mdx|markdown))?$/i.exec(path);
  if (dated) {
    const name = withoutExtension(dated[4]);
    return { url: `/blog/${dated[1]}/${dated[2]}/${dated[3]}/${name}`, group: 'blog' };
  }
  const { folder, name } = fileStem(path);
  const route = name === 'index' ? folder : [...folder, name];
  return { url: `/blog${route.length ? `/${route.join('/')}` : ''}`, group: 'blog' };
}

/** The Next.js blog starter: `/posts/<file name>`. */
function nextjsUrl(input: UrlInput): ArticleUrl {
  const { name } = fileStem(input.relativePath);
  return { url: `/posts/${name}`, group: 'posts' };
}

/** Generic: `/<slug or file name>/`. */
function genericUrl(input: UrlInput): ArticleUrl {
  const slug = stringValue(input.data, 'slug');
  const { folder, name } = fileStem(input.relativePath);
  const last = name === 'index' ? folder[folder.length - 1] ?? '' : name;
  return { url: folderUrl([slug ?? last]), key: slug ? 'slug' : undefined, group: '/' };
}

/**
 * A route in the form links are compared: decoded, `index.html` and `.html` dropped, no trailing
 * slash (`/blog/x/` = `/blog/x` = `/blog/x/index.html` = `/blog/x.html`).
 */
export function routeKey(route: string): string {
  let key = route;
  try {
    key = decodeURI(key);
  } catch {
    // keep it as written
  }
  key = key.replace(/\/index\.html?$/i, '/').replace(/\.html?$/i, '');
  key = key.replace(/\/{2,}/g, '/');
  if (key.length > 1) key = key.replace(/\/+$/, '');
  return key.startsWith('/') ? key : `/${key}`;
}

/** The site's own settings that URLs depend on, read from its configuration files (missing or unreadable: none). */
export async function readSiteSettings(profile: string, root: string | undefined, fs: FileSystemHost | undefined): Promise<SiteSettings> {
  if (!root || !fs) return {};
  try {
    if (profile === 'hugo') {
      for (const name of ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json', 'config/_default/hugo.toml', 'config/_default/config.toml', 'config/_default/permalinks.toml']) {
        const text = await fs.readText(join(root, ...name.split('/')));
        if (text === undefined) continue;
        const permalinks = name.endsWith('.toml') ? tomlPermalinks(text, name.endsWith('permalinks.toml')) : yamlMapping(text, 'permalinks');
        if (permalinks) return { hugoPermalinks: permalinks };
      }
      return {};
    }
    if (profile === 'jekyll') {
      for (const name of ['_config.yml', '_config.yaml']) {
        const text = await fs.readText(join(root, name));
        if (text === undefined) continue;
        const data = parseDocument(text).toJS() as Record<string, unknown> | null;
        const posts = (data?.collections as Record<string, Record<string, unknown>> | undefined)?.posts;
        const permalink = typeof posts?.permalink === 'string' ? posts.permalink : typeof data?.permalink === 'string' ? data.permalink : undefined;
        return permalink ? { jekyllPermalink: permalink } : {};
      }
      return {};
    }
    if (profile === 'eleventy') {
      for (const name of ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js']) {
        const text = await fs.readText(join(root, name));
        if (text === undefined) continue;
        const match = /\binput\s*:\s*["'`]([^"'`]+)["'`]/.exec(text);
        return match ? { eleventyInput: match[1] } : {};
      }
    }
  } catch {
    // A configuration that cannot be read gives the defaults.
  }
  return {};
}

/** `[permalinks]` (or `[permalinks.page]`) of a Hugo TOML configuration: its `section = "pattern"` lines. */
function tomlPermalinks(text: string, wholeFile: boolean): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  let inside = wholeFile;
  let found = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inside = /^\[\s*permalinks(\.page)?\s*\]$/.test(line);
      found ||= inside;
      continue;
    }
    if (!inside) continue;
    const match = /^["']?([\w-]+)["']?\s*=\s*["']([^"']*)["']/.exec(line);
    if (match) result[match[1]] = match[2];
  }
  return found || (wholeFile && Object.keys(result).length) ? result : undefined;
}

function yamlMapping(text: string, key: string): Record<string, string> | undefined {
  const data = parseDocument(text).toJS() as Record<string, unknown> | null;
  const value = data?.[key];
  if (!value || typeof value !== 'object') return undefined;
  const result: Record<string, string> = {};
  for (const [name, pattern] of Object.entries(value as Record<string, unknown>)) {
    if (typeof pattern === 'string') result[name] = pattern;
    else if (name === 'page' && pattern && typeof pattern === 'object') {
      for (const [section, inner] of Object.entries(pattern as Record<string, unknown>)) if (typeof inner === 'string') result[section] = inner;
    }
  }
  return result;
}
