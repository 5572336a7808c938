/**
 * What a site profile is: how a generator's site is recognised, which frontmatter keys play which
 * role (title, description, dates, hero image and its alt text), the keys and types the generator
 * documents (its built-in schema), where `/x.png` images live, which files are articles and which
 * frontmatter formats it reads. One file per generator in this folder; `index.ts` lists them.
 */

import type { FileSystemHost } from '../types';
import type { ContentRule, SiteConventions } from './conventions';
import type { ArticleUrl, SiteSettings, UrlInput } from './urls';

/** A key path below the frontmatter's root: `['cover', 'image']`, `['images', 0]`. */
export type KeyPath = readonly (string | number)[];

/** Where the hero image comes from, and the alt text that pairs with it (none: the site has no alt for it). */
export interface HeroSource {
  image: KeyPath;
  /** The keys of its alt text, first present wins; the first is the one an edit adds. */
  alt?: readonly KeyPath[];
}

/** The top-level keys of the tool's own fields on a site (the same on every generator today). */
export interface SiteKeys {
  keywords: string;
  slug: string;
  readingTime: string;
}

export interface SiteRoles {
  title: readonly KeyPath[];
  description: readonly KeyPath[];
  published: readonly KeyPath[];
  updated: readonly KeyPath[];
  hero: readonly HeroSource[];
}

/** Frontmatter formats a generator reads. */
export type FrontmatterFormat = 'yaml' | 'toml' | 'json';

export interface SiteMarkers {
  /** File names (relative to a folder) whose presence marks the folder as this site's root. */
  files: readonly string[];
  /** Files that count only when the folder also holds this sub-folder (Hugo's `config.toml` beside `content/`). */
  filesWithFolder?: { files: readonly string[]; folder: string };
  /** `package.json` dependencies (or devDependencies) that mark the folder. */
  dependencies?: readonly string[];
}

export interface ArticleFiles {
  /** The configuration's `include` globs (or their default) decide, with any file that starts with frontmatter (the generic site). */
  byInclude?: boolean;
  /** Globs relative to the site's root that are never content (templates, data, the built site). */
  exclude?: readonly string[];
  /** In order, after the site's own (SiteConventions.contentRules): the first whose globs match decides. */
  rules: readonly ContentRule[];
  /** When no rule matches: a file that starts with frontmatter is a page (the generator renders it). */
  frontmatterPages?: string;
  /** What the frontmatter says, over the folder: an archive page is never an article, a post tagged `posts` is one. */
  byData?(data: Record<string, unknown>, kind: 'article' | 'page'): { kind: 'article' | 'page'; why: string } | undefined;
}

export interface SiteProfile {
  /** The value of `"site"` in `.article-lint.json`. */
  name: string;
  /** How people write the generator's name. */
  label: string;
  /** How messages name the site and one of its pages, when not "a <label> site" and "a <label> page". */
  wording?: { site: string; page: string };
  markers: SiteMarkers;
  /**
   * The files beside the markers that its readers read (configuration, layouts, archetypes, content
   * configuration), as globs relative to the site's root: a change to one reads the site again. The
   * editor watches them at any depth (a site in a sub-folder, a theme's own `layouts/`).
   */
  siteFiles?: readonly string[];
  roles: SiteRoles;
  /** The keys of the keyword list, the slug and the declared reading time. */
  keys: SiteKeys;
  /** Where a missing title or description comes from, when the generator makes one (no warning then). */
  fallbacks: { title?: string; description?: string };
  /** Dates taken from the file's path when the frontmatter has none. */
  pathDate?: 'jekyll-post' | 'any';
  /** Where the generator keeps the old URLs of a page that moved, and the plugin that needs, if any (Hugo `aliases`, Jekyll `redirect_from`). */
  redirects?: { key: string; plugin?: string };
  /** Hugo matches keys without regard to case. */
  caseInsensitiveKeys?: boolean;
  /** The slug is a URL path (Docusaurus: `slug: /`, `slug: /guide/intro`): each of its parts is checked as a slug. */
  slugIsPath?: boolean;
  /**
   * How the generator reads a key written with no value (`description:`, YAML null): as absent on
   * every key, or on every key but a date (which it parses, and fails on an empty one). Undefined: an
   * empty value is checked as the schema says (Astro's and Docusaurus's validation reject it).
   */
  emptyValues?: 'absent' | 'absent-except-dates';
  /** Hugo resolves links, `ref` and `relref` without regard to case: routes compare so. */
  caseInsensitiveLinks?: boolean;
  /**
   * The heading ids depend on more than GitHub's scheme (kramdown's own, or a slugify function in
   * the site's code, as Eleventy's plugins take): a `#fragment` also matches a heading whose text
   * has the same letters and digits.
   */
  looseHeadingIds?: boolean;
  /** The built-in JSON Schema of the frontmatter: the generator's documented keys and types. */
  schema: Record<string, unknown>;
  /** Pages whose generator reads other keys than its articles' (Docusaurus docs, Astro pages): globs relative to the site's root, the first match wins. */
  pageSchemas?: readonly { globs: readonly string[]; name: string; schema: Record<string, unknown> }[];
  /** Folders (relative to the site root, '' for the root itself) where `/x.png` is looked for. */
  publicDirs: readonly string[];
  /** Folders (relative to the site root) where a bare relative name not beside the article is looked for (Hugo's `assets/`). */
  assetDirs?: readonly string[];
  /** Files of a page bundle that serve as its hero when no key names one (Hugo: `*cover*`, `*feature*`, `*thumbnail*`). */
  bundleHeroNames?: readonly string[];
  articles: ArticleFiles;
  /** Markdown file extensions, dot included. */
  extensions: readonly string[];
  formats: readonly FrontmatterFormat[];
  /** Eleventy: `---js` is acknowledged (an info) rather than a syntax error. */
  jsFrontmatterNote?: boolean;
  /** A relative hero image is not checked (jekyll-seo-tag resolves it against the page's URL). */
  relativeHeroUnchecked?: boolean;
  /** What the site's own files say about its frontmatter (archetypes, defaults, content configuration). */
  readConventions?(root: string, fs: FileSystemHost): Promise<SiteConventions>;
  /** The URL at which the generator publishes an article (or a page: see isPage). */
  articleUrl(input: UrlInput): ArticleUrl;
  /**
   * Whether a Markdown file that is not an article is a page the generator publishes (Jekyll's pages
   * and collection documents, Docusaurus docs): a link target in the site model, with no findings of its own there.
   */
  isPage?(relativePath: string, settings: SiteSettings, hasFrontmatter: boolean): boolean;
  /** The site's own settings that its URLs depend on (Hugo's `[permalinks]`…), read once per site. */
  readUrlSettings?(root: string, fs: FileSystemHost): Promise<SiteSettings>;
  /**
   * Source files other than Markdown (templates, HTML pages) that the generator publishes at a route
   * by default, relative to the site's source folder (see SiteSettings.sourceDirs, else the root):
   * a link to the route resolves when one of them exists.
   */
  routeSources?(route: string): string[];
  /**
   * The pages the generator publishes from files other than Markdown (Jekyll's HTML pages and feeds
   * with frontmatter, Eleventy's templates with a literal permalink, Hugo's HTML content files):
   * their routes and the routes they redirect from, and the files routeSources would find that are
   * published elsewhere or not at all. Read once per site with a bounded walk of its folders, each
   * file only as far as its frontmatter.
   */
  readPageRoutes?(root: string, settings: SiteSettings, fs: FileSystemHost): Promise<PageRoutes>;
  /** Data the generator gives a file from its folders (Eleventy's directory data files): see UrlInput.inherited. */
  readFolderData?(root: string, relativePath: string, settings: SiteSettings, fs: FileSystemHost): Promise<Record<string, unknown>>;
}

/** What a site's pages other than Markdown say about its routes (see SiteProfile.readPageRoutes). */
export interface PageRoutes {
  /** The routes they are published at, and those they redirect from. */
  routes: string[];
  /** Files (relative to the site's root) at a route of routeSources that the generator publishes elsewhere (their own permalink) or not at all. */
  elsewhere: string[];
}

/** The schema format of a date as Ruby's `Time.parse` reads it (Jekyll): a date first, then a time, a zone or stray words it knows. */
export const LENIENT_DATE_FORMAT = 'ruby-date';

/** Shorthands for the fields of the profiles' schemas. */
export const field = {
  string: (description: string, extra: Record<string, unknown> = {}) => ({ type: 'string', description, ...extra }),
  boolean: (description: string) => ({ type: 'boolean', description }),
  number: (description: string) => ({ type: 'number', description }),
  integer: (description: string) => ({ type: 'integer', description }),
  stringList: (description: string) => ({ type: 'array', items: { type: 'string' }, description }),
  /** A string or a list of strings (Eleventy `tags`, Jekyll `categories`). */
  stringOrList: (description: string) => ({
    anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description,
  }),
  date: (description: string, extra: readonly Record<string, unknown>[] = [], format = 'date') =>
    extra.length ? { anyOf: [{ type: 'string', format }, ...extra], description } : { type: 'string', format, description },
  object: (description: string, properties?: Record<string, unknown>) =>
    properties ? { type: 'object', properties, description } : { type: 'object', description },
  any: (description: string) => ({ description }),
};

/** A JSON Schema object with the given properties, nothing required, unknown keys named by the unknown-key rule. */
export function objectSchema(title: string, properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    type: 'object',
    required,
    properties,
    additionalProperties: false,
  };
}
