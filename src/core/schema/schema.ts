/**
 * Which JSON Schema an article's frontmatter is checked against, loaded and compiled: the built-in
 * `schemas/article.schema.json`, a team's schema from the configuration, or Astro's generated
 * `.astro/collections/<name>.schema.json`. Schemas are compiled once (cached by path and content).
 * The check itself and its wording are in schemaCheck.ts.
 */
import type { ValidateFunction } from 'ajv';
import builtinSchemaJson from '../../../schemas/article.schema.json';
import { globMatcher } from '../text/globs';
import { join, pathBelow, relativePosix } from '../text/paths';
import { globPath, type ResolvedConfig } from '../config/config';
import type { FileSystemHost } from '../types';
import type { SiteProfile } from '../generators/profile';
import type { DocumentType, KeySchemas, SiteConventions } from '../generators/conventions';

export const BUILTIN_SCHEMA_SOURCE = 'built-in';


export interface CompiledSchema {
  /** 'built-in', or the schema file's absolute path. */
  source: string;
  /** The schema as JSON (for completion and hover in the editor). */
  json: Record<string, unknown>;
  validate: ValidateFunction;
  /** The top-level keys the schema names; undefined when it names none (any key is then fine). */
  knownKeys?: string[];
  keyPatterns: RegExp[];
  /** The resolved schema of each known top-level key (for hover and completion). */
  properties: Record<string, Record<string, unknown>>;
}

// ---------------------------------------------------------------------------------------------
// Compilation

/**
 * ajv and its plugins live in ./schemaCompiler, loaded on the first compilation: the extension's
 * bundle keeps them in a file of their own (dist/schema-compiler.js, see scripts/build.mjs), so that
 * activation does not load them; the first analysis does.
 */
type SchemaCompiler = typeof import('./schemaCompiler');
let compiler: SchemaCompiler | undefined;

function schemaCompiler(): SchemaCompiler {
  compiler ??= require('./schemaCompiler') as SchemaCompiler;
  return compiler;
}

/**
 * Compiles a schema (throws with ajv's message when it is not a valid JSON Schema). `trusted`: a
 * built-in schema as written (a unit test checks each against its meta-schema).
 */
function compileSchema(json: Record<string, unknown>, source: string, trusted = false): CompiledSchema {
  // Draft-04/06 schemas are read as draft-07 (ajv 8 has no draft-04 meta-schema; most keywords agree).
  const draft = typeof json.$schema === 'string' ? json.$schema : '';
  const compilable = /draft-0[46]/.test(draft) ? { ...json, $schema: 'http://json-schema.org/draft-07/schema#' } : json;
  const validate = schemaCompiler().compileValidator(compilable, trusted);
  const { knownKeys, keyPatterns, properties } = topLevelKeys(json);
  return { source, json, validate, knownKeys, keyPatterns, properties };
}

function resolveLocalRef(root: Record<string, unknown>, node: unknown, depth = 0): Record<string, unknown> | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const object = node as Record<string, unknown>;
  const ref = object.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#') || depth > 16) return object;
  let target: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    target = (target as Record<string, unknown> | undefined)?.[key];
  }
  return resolveLocalRef(root, target, depth + 1);
}

function topLevelKeys(root: Record<string, unknown>): Pick<CompiledSchema, 'knownKeys' | 'keyPatterns' | 'properties'> {
  const properties: Record<string, Record<string, unknown>> = {};
  const keyPatterns: RegExp[] = [];
  let named = false;
  const visit = (node: unknown, depth: number) => {
    const schema = resolveLocalRef(root, node);
    if (!schema || depth > 8) return;
    if (typeof schema.properties === 'object' && schema.properties !== null) {
      named = true;
      for (const [key, value] of Object.entries(schema.properties as Record<string, unknown>)) {
        properties[key] ??= resolveLocalRef(root, value) ?? {};
      }
    }
    if (typeof schema.patternProperties === 'object' && schema.patternProperties !== null) {
      named = true;
      for (const pattern of Object.keys(schema.patternProperties)) {
        try {
          keyPatterns.push(new RegExp(pattern, 'u'));
        } catch {
          // an invalid pattern names nothing
        }
      }
    }
    for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
      const members = schema[combinator];
      if (Array.isArray(members)) for (const member of members) visit(member, depth + 1);
    }
  };
  visit(root, 0);
  return { knownKeys: named ? Object.keys(properties) : undefined, keyPatterns, properties };
}

let builtin: CompiledSchema | undefined;

/** The built-in schema, compiled once. */
export function builtinSchema(): CompiledSchema {
  builtin ??= compileSchema(builtinSchemaJson as Record<string, unknown>, BUILTIN_SCHEMA_SOURCE, true);
  return builtin;
}

const profileSchemas = new Map<string, CompiledSchema>();

/**
 * A site profile's built-in schema, compiled once ('built-in' for the article format itself), with
 * the keys the site's own files describe (archetypes, defaults) added where the profile names none.
 */
/** The profile's schema for pages at this path below the site's root (Docusaurus docs), if it has one. */
function pageSchemaOf(profile: SiteProfile | undefined, relativePath: string): NonNullable<SiteProfile['pageSchemas']>[number] | undefined {
  return profile?.pageSchemas?.find((candidate) => globMatcher(candidate.globs)(relativePath));
}

function profileSchema(profile: SiteProfile | undefined, siteKeys?: KeySchemas, relativePath?: string): CompiledSchema {
  const page = relativePath === undefined ? undefined : pageSchemaOf(profile, relativePath);
  const ownSchema = page?.schema ?? profile?.schema;
  const properties = (ownSchema?.properties ?? {}) as Record<string, unknown>;
  // Where keys match without regard to case, a site's `showtoc` is the profile's `ShowToc`, not a key of its own.
  const fold = (key: string) => (profile?.caseInsensitiveKeys ? key.toLowerCase() : key);
  const named = new Set(Object.keys(properties).map(fold));
  const added = Object.entries(siteKeys ?? {}).filter(([key]) => !named.has(fold(key)) && key !== '$schema');
  if ((!ownSchema || ownSchema === builtinSchemaJson) && added.length === 0) return builtinSchema();
  const base = ownSchema ?? (builtinSchemaJson as Record<string, unknown>);
  const name = page ? `${profile!.name}:${page.name}` : profile?.name ?? 'generic';
  const cacheKey = `${name}\0${JSON.stringify(added)}`;
  let compiled = profileSchemas.get(cacheKey);
  if (!compiled) {
    const json = added.length ? { ...base, properties: { ...properties, ...Object.fromEntries(added) } } : base;
    compiled = compileSchema(json, base === builtinSchemaJson ? BUILTIN_SCHEMA_SOURCE : `${BUILTIN_SCHEMA_SOURCE}:${name}`, added.length === 0);
    if (profileSchemas.size > 32) profileSchemas.clear();
    profileSchemas.set(cacheKey, compiled);
  }
  return compiled;
}

const siteConfigSchemas = new Map<string, CompiledSchema>();

/** A schema the site's configuration defines (Astro's content config), compiled once per content. */
function siteConfigSchema(schema: { json: Record<string, unknown>; source: string }): CompiledSchema {
  const key = `${schema.source}\0${JSON.stringify(schema.json)}`;
  let compiled = siteConfigSchemas.get(key);
  if (!compiled) {
    compiled = compileSchema(schema.json, schema.source);
    if (siteConfigSchemas.size > 32) siteConfigSchemas.clear();
    siteConfigSchemas.set(key, compiled);
  }
  return compiled;
}

/** Whether a schema source names one of the built-in schemas (the article format's or a site profile's). */
export function isBuiltinSchemaSource(source: string | undefined): boolean {
  return source === BUILTIN_SCHEMA_SOURCE || !!source?.startsWith(`${BUILTIN_SCHEMA_SOURCE}:`);
}

const compiledFiles = new Map<string, { text: string; compiled?: CompiledSchema; error?: string }>();

/** A schema file, compiled once per content. Returns an error text when it cannot be used. */
async function loadSchemaFile(path: string, fs: FileSystemHost): Promise<{ schema?: CompiledSchema; error?: string }> {
  const text = await fs.readText(path);
  if (text === undefined) return { error: `The schema ${path} cannot be read.` };
  const cached = compiledFiles.get(path);
  if (cached && cached.text === text) return { schema: cached.compiled, error: cached.error };
  let entry: { text: string; compiled?: CompiledSchema; error?: string };
  try {
    const json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('it is not a JSON object');
    entry = { text, compiled: compileSchema(json as Record<string, unknown>, path) };
  } catch (error) {
    entry = { text, error: `The schema ${path} cannot be used: ${(error as Error).message}` };
  }
  if (compiledFiles.size > 50) compiledFiles.clear();
  compiledFiles.set(path, entry);
  return { schema: entry.compiled, error: entry.error };
}

/** Astro's generated schema for an article in `src/content/<collection>/`, when there is such a folder. */
function astroSchemaPath(filePath: string): string | undefined {
  const normalized = filePath.split('\\').join('/');
  const marker = '/src/content/';
  const at = normalized.lastIndexOf(marker);
  if (at === -1) return undefined;
  const rest = normalized.slice(at + marker.length).split('/');
  if (rest.length < 2 || !rest[0]) return undefined;
  return join(filePath.slice(0, at), '.astro', 'collections', `${rest[0]}.schema.json`);
}

/** The schema file the configuration assigns to the article, if any. */
function configuredSchemaPath(filePath: string | undefined, config: ResolvedConfig | undefined): string | undefined {
  const setting = config?.schema;
  if (!setting) return undefined;
  if ('path' in setting) return setting.path;
  if (!filePath) return undefined;
  // Globs are relative to the folder of the file that set them.
  const path = globPath(config!.schemaBaseDir ? { ...config!, baseDir: config!.schemaBaseDir } : config!, filePath);
  return setting.globs.find((entry) => globMatcher([entry.glob])(path))?.path;
}

/**
 * The schema an article is checked against: the configured one, else Astro's generated one for
 * `src/content/<name>/`, else the built-in schema. `problem` says why a configured or generated
 * schema could not be used (the built-in one is used then).
 */
export async function schemaForArticle(
  filePath: string | undefined,
  config: ResolvedConfig | undefined,
  fs: FileSystemHost | undefined,
  loadWorkspaceSchemas = true,
  site?: SiteProfile,
  conventions?: SiteConventions,
  /** The file's path below its site's root: a page of its own kind (Docusaurus docs) has its own schema. */
  relativePath?: string,
): Promise<{ schema: CompiledSchema; problem?: string }> {
  const builtinSchema = () => profileSchema(site, conventions?.keys, relativePath);
  if (!fs || !loadWorkspaceSchemas) return { schema: builtinSchema() };
  const configured = configuredSchemaPath(filePath, config);
  if (configured) {
    const loaded = await loadSchemaFile(configured, fs);
    if (loaded.schema) return { schema: loaded.schema };
    const shown = config?.baseDir ? relativePosix(config.baseDir, configured) : configured;
    return { schema: builtinSchema(), problem: (loaded.error ?? '').replace(configured, shown) };
  }
  // A page with a schema of its own (Astro's src/pages/) is no entry of a collection.
  if (relativePath !== undefined && pageSchemaOf(site, relativePath)) return { schema: builtinSchema() };
  const astro = filePath ? astroSchemaPath(filePath) : undefined;
  if (astro && (await fs.stat(astro)) === 'file') {
    const loaded = await loadSchemaFile(astro, fs);
    if (loaded.schema) return { schema: loaded.schema };
    return { schema: builtinSchema(), problem: loaded.error };
  }
  if (conventions?.schema) {
    try {
      return { schema: siteConfigSchema(conventions.schema) };
    } catch (error) {
      return { schema: builtinSchema(), problem: `The collections of ${conventions.schema.source} could not be read as a schema (${(error as Error).message}).` };
    }
  }
  const documentType = filePath ? documentTypeOf(filePath, conventions) : undefined;
  if (documentType?.schema) {
    try {
      return { schema: siteConfigSchema({ json: documentType.schema, source: documentType.source }) };
    } catch (error) {
      return { schema: builtinSchema(), problem: `The fields of ${documentType.name} in ${documentType.source} could not be read as a schema (${(error as Error).message}).` };
    }
  }
  return { schema: builtinSchema() };
}

/** The document type of the site's content configuration whose files include this one (the first that matches). */
export function documentTypeOf(filePath: string, conventions: SiteConventions | undefined): DocumentType | undefined {
  for (const type of conventions?.documentTypes ?? []) {
    const below = pathBelow(type.folder, filePath);
    if (below !== undefined && globMatcher([type.filePathPattern])(below)) return type;
  }
  return undefined;
}
