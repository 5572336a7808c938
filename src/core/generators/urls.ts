/**
 * What every profile's URL rules share: the input (the path below the site's root, the frontmatter
 * values, the publish date, the site's own settings read once per site), the result, and the path
 * helpers. Each profile's `articleUrl` says how its generator publishes an article.
 */
import { MARKDOWN_FILE } from '../text/markdownFiles';
import type { HugoConfig } from './hugoConfig';

/** What Hugo's URLs depend on, from the site configuration (see hugoConfig.ts). */
export type HugoUrlSettings = Pick<
  HugoConfig,
  'contentMounts' | 'languages' | 'defaultContentLanguage' | 'defaultContentLanguageInSubdir' | 'disablePathToLower' | 'taxonomies' | 'disableKinds' | 'menuEntries'
>;

export interface SiteSettings {
  /** Hugo: `[permalinks]` (and `[permalinks.page]`) by section. */
  hugoPermalinks?: Record<string, string>;
  /** Jekyll: the site's `permalink` (a style name or a template), and the posts collection's own. */
  jekyllPermalink?: string;
  /** Eleventy: the input folder, relative to the site's root ('' for the root). */
  eleventyInput?: string;
  /** Hugo: content mounts, languages, case, taxonomies and menus. */
  hugo?: HugoUrlSettings;
  /** The site's address from the generator's configuration (Hugo `baseURL`), when `siteUrl` is not configured. */
  siteUrl?: string;
  /**
   * Routes the generator makes beyond the pages' own (the home page, feeds, pagination, taxonomy
   * lists), as globs of route keys (`*` is one segment): links to them resolve.
   */
  routes?: string[];
  /** The site's link render hook resolves destinations: one that is not path-like is its own, a relative path is also looked up from the site's root. */
  linkRenderHook?: boolean;
  /** Definition-list terms get anchors (Hugo's autoDefinitionTermID). */
  definitionTermAnchors?: boolean;
}

export interface UrlInput {
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
  /**
   * Other routes the page makes exist: its section's list page, its taxonomy terms' pages. Links to
   * them resolve (to no page in particular); they are never duplicates.
   */
  impliedRoutes?: string[];
  /** The site's navigation (a menu) links to the page: never an orphan. */
  inNavigation?: boolean;
  /** Folders (relative to the site's root) where the generator's `ref` paths resolve, the page's own language first. */
  refDirs?: string[];
}

export function stringValue(data: Record<string, unknown>, key: string): string | undefined {
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

export function withoutExtension(path: string): string {
  return path.replace(MARKDOWN_FILE, '');
}

/** `a/b/` style: leading slash, one trailing slash, no doubled slashes. */
export function folderUrl(parts: readonly string[]): string {
  const clean = parts.filter((part) => part !== '' && part !== '.');
  return clean.length ? `/${clean.join('/')}/` : '/';
}

export function ensureLeadingSlash(url: string): string {
  return url.startsWith('/') ? url : `/${url}`;
}

export function fileStem(relativePath: string): { folder: string[]; name: string } {
  const parts = relativePath.split('/');
  const name = withoutExtension(parts.pop() ?? '');
  return { folder: parts, name };
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

