/**
 * What a site's own files say about its frontmatter, read once per content: keys described by Hugo
 * archetypes (the site's and its theme's), Jekyll's `defaults` in `_config.yml`, the keys the site's
 * templates read (Hugo layouts, Jekyll layouts and includes), Front Matter CMS content types
 * (`frontmatter.json`), Astro's content configuration (its collections' keys, types and
 * `glob({ base })` folders) and Contentlayer's document types. Unreadable or malformed files add nothing.
 */
import { parse as parseYaml } from 'yaml';
import { parseArticle } from '../parse/parse';
import { readToml } from '../parse/toml';
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';

/** What a content file is: an article (every rule), a page (no article rule), a list page (a page with no duplicate of its own), or nothing to check. */
export type ContentKind = 'article' | 'page' | 'list' | 'none';

/** Files (globs relative to the site's root) of one kind, and why, as `--print-config` and the status item say it. */
export interface ContentRule {
  globs: readonly string[];
  kind: ContentKind;
  why: string;
}

/** A JSON Schema per key. */
export type KeySchemas = Record<string, Record<string, unknown>>;

export interface SiteConventions {
  /** Keys the site's own files describe, with the type their values show. */
  keys: KeySchemas;
  /** Which files are articles and pages by the site's own configuration (Astro's collections, Hugo's main sections…), before the profile's own rules. */
  contentRules: ContentRule[];
  /** A schema the site's configuration defines (Astro's content config), used instead of the built-in one. */
  schema?: { json: Record<string, unknown>; source: string };
  /** The files the conventions come from (relative to the root). */
  sources: string[];
  /** The generator's plugins the site's configuration names (Jekyll's `plugins`). */
  plugins: string[];
  /** Keys the site's templates read, each with the first template that reads it (relative to the root, `/`-separated). */
  templateKeys: Record<string, string>;
  /** The document types of a content configuration (Contentlayer's `defineDocumentType`), in the order written. */
  documentTypes: DocumentType[];
  /** Folders (relative to the root) for `/x.png` and public files, when the site's configuration names them (Hugo's static mounts): instead of the profile's. */
  publicDirs?: string[];
  /** Folders (relative to the root) for assets, when the site's configuration names them (Hugo's assets mounts): instead of the profile's. */
  assetDirs?: string[];
}

/** A kind of content file the site's content configuration defines, and the schema of its frontmatter. */
export interface DocumentType {
  name: string;
  /** The glob of its files, relative to `contentDirPath`, as written. */
  filePathPattern: string;
  /** The content folder, relative to the site's root, as written (`data`, `./content`). */
  contentDirPath: string;
  /** The content folder's absolute path. */
  folder: string;
  /** The schema its fields make; undefined when they could not be read whole. */
  schema?: Record<string, unknown>;
  /** The configuration file it is defined in (absolute). */
  source: string;
}

export function emptyConventions(): SiteConventions {
  return { keys: {}, contentRules: [], sources: [], plugins: [], templateKeys: {}, documentTypes: [] };
}

/** A copy that can be added to without changing the original (which a cache may hold). */
export function copyConventions(conventions: SiteConventions): SiteConventions {
  return {
    ...conventions,
    keys: { ...conventions.keys },
    contentRules: [...conventions.contentRules],
    sources: [...conventions.sources],
    plugins: [...conventions.plugins],
    templateKeys: { ...conventions.templateKeys },
    documentTypes: [...conventions.documentTypes],
  };
}

/**
 * Adds the keys templates read (`readBy`: key → the template that reads it) as known keys of any
 * type; a key the site's other files already describe keeps that description.
 */
export function addTemplateKeys(conventions: SiteConventions, readBy: ReadonlyMap<string, string>): void {
  for (const [key, template] of readBy) {
    conventions.templateKeys[key] ??= template;
    conventions.keys[key] ??= { description: `Read by the site’s template ${template}.` };
  }
}

/** The schema a value suggests: its type (a template expression `{{ … }}` could be anything). */
function schemaOfValue(value: unknown): Record<string, unknown> {
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (typeof value === 'number') return { type: 'number' };
  if (Array.isArray(value)) return { type: 'array' };
  if (value && typeof value === 'object') return { type: 'object' };
  if (typeof value === 'string' && !value.includes('{{')) return { type: 'string' };
  return {};
}

/** Adds the keys of a frontmatter-like object (the first description of a key wins). */
export function addKeys(conventions: SiteConventions, values: unknown, source: string, description: string): void {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return;
  let added = false;
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    if (conventions.keys[key]) continue;
    conventions.keys[key] = { ...schemaOfValue(value), description: `${description} (${source}).` };
    added = true;
  }
  if (added && !conventions.sources.includes(source)) conventions.sources.push(source);
}

/** The top-level keys of a Markdown file's frontmatter (by parse, else line by line: archetypes hold template code). */
export function frontmatterKeysOf(text: string): Record<string, unknown> {
  const article = parseArticle(text);
  const data = article.frontmatter?.data;
  if (data) return data;
  const keys: Record<string, unknown> = {};
  const block = article.frontmatter ? text.slice(article.frontmatter.contentStart, article.frontmatter.contentEnd) : '';
  for (const line of block.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w-]*)\s*[:=]/.exec(line);
    if (match) keys[match[1]] = undefined;
  }
  return keys;
}

/** A configuration file read as TOML, YAML or JSON by its extension; undefined when it is not readable. */
export function readConfigValues(text: string, file: string): Record<string, unknown> | undefined {
  try {
    if (file.endsWith('.toml')) return readToml(text).data;
    if (file.endsWith('.json')) return JSON.parse(text) as Record<string, unknown>;
    const value = parseYaml(text, { logLevel: 'silent' }) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const FRONT_MATTER_CMS_TYPES: Record<string, Record<string, unknown>> = {
  string: { type: 'string' },
  slug: { type: 'string' },
  image: {},
  file: {},
  datetime: {},
  boolean: { type: 'boolean' },
  number: { type: 'number' },
  tags: { type: 'array' },
  categories: { type: 'array' },
  list: {},
  choice: {},
  draft: {},
  fields: { type: 'object' },
  block: {},
};

/** Front Matter CMS's configuration, at the site's root (read on every site). */
export const FRONT_MATTER_CMS_FILE = 'frontmatter.json';

/** Front Matter CMS (`frontmatter.json` at the site's root): the fields of every content type. */
export async function readFrontMatterCms(root: string, fs: FileSystemHost, conventions: SiteConventions): Promise<void> {
  const text = await fs.readText(join(root, FRONT_MATTER_CMS_FILE));
  if (text === undefined) return;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return;
  }
  const types = ((json as Record<string, unknown>)?.['frontMatter.taxonomy.contentTypes'] ?? []) as unknown;
  if (!Array.isArray(types)) return;
  const values: Record<string, unknown> = {};
  for (const type of types) {
    const fields = (type as { fields?: unknown })?.fields;
    if (!Array.isArray(fields)) continue;
    for (const field of fields as { name?: unknown; type?: unknown; title?: unknown }[]) {
      if (typeof field?.name !== 'string' || conventions.keys[field.name]) continue;
      const schema = FRONT_MATTER_CMS_TYPES[String(field.type)] ?? {};
      conventions.keys[field.name] = { ...schema, description: `${typeof field.title === 'string' ? field.title : field.name} (frontmatter.json).` };
      values[field.name] = true;
    }
  }
  if (Object.keys(values).length && !conventions.sources.includes('frontmatter.json')) conventions.sources.push('frontmatter.json');
}

const conventionsCache = new Map<string, Promise<SiteConventions>>();

/**
 * The conventions of a site, cached by the contents of the files they come from: `read` lists the files it
 * looks at (`key`), so a changed archetype or configuration reads the site again.
 */
export async function cachedConventions(key: string, files: readonly string[], fs: FileSystemHost, read: () => Promise<SiteConventions>): Promise<SiteConventions> {
  const texts = await Promise.all(files.map((file) => fs.readText(file)));
  const cacheKey = `${key}\0${texts.map((text) => (text === undefined ? '\u0001' : `${text.length}:${text}`)).join('\0')}`;
  let conventions = conventionsCache.get(cacheKey);
  if (!conventions) {
    conventions = read();
    if (conventionsCache.size > 32) conventionsCache.clear();
    conventionsCache.set(cacheKey, conventions);
  }
  return conventions;
}
