/**
 * Frontmatter validation against a JSON Schema: the built-in `schemas/article.schema.json`, a team's
 * schema from the configuration, or Astro's generated `.astro/collections/<name>.schema.json`.
 * Schemas are compiled once (cached by path and content). ajv's errors become one issue per
 * top-level key, in words an author understands; `additionalProperties: false` never produces an
 * issue (unknown keys are the rule frontmatter-unknown-key).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import builtinSchemaJson from '../../../schemas/article.schema.json';
import { compareDates, parseDate } from '../facts/dates';
import { join, relativePosix } from '../text/paths';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/config';
import { globPath } from '../config/config';
import type { FileSystemHost } from '../types';
import type { SiteProfile } from '../site/profile';
import { ARTICLE_ROLES } from '../site/generic';
import { pathLabel, roleValue } from '../site/roles';

export const BUILTIN_SCHEMA_SOURCE = 'built-in';

/** The roles of the article format itself (pubDate, updatedDate, …), for callers that name no site. */
const ARTICLE_FORMAT = { roles: ARTICLE_ROLES } as SiteProfile;

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

export interface SchemaIssue {
  /** The top-level key ('' for a defect of the whole frontmatter). */
  key: string;
  /** Path to the offending value below the key (`['keywords', 2]`). */
  path: (string | number)[];
  message: string;
  /** A required key that is missing: the finding goes on line 1. */
  missing: boolean;
  keyword: string;
}

export interface SchemaCheck {
  schema: CompiledSchema;
  /** One issue per key, in key order. */
  issues: SchemaIssue[];
  /** Keys whose value breaks the schema (field rules skip them). */
  invalidKeys: Set<string>;
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compiler ??= require('./schemaCompiler') as SchemaCompiler;
  return compiler;
}

/** Compiles a schema (throws with ajv's message when it is not a valid JSON Schema). */
export function compileSchema(json: Record<string, unknown>, source: string): CompiledSchema {
  // Draft-04/06 schemas are read as draft-07 (ajv 8 has no draft-04 meta-schema; most keywords agree).
  const draft = typeof json.$schema === 'string' ? json.$schema : '';
  const compilable = /draft-0[46]/.test(draft) ? { ...json, $schema: 'http://json-schema.org/draft-07/schema#' } : json;
  const validate = schemaCompiler().compileValidator(compilable);
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
  builtin ??= compileSchema(builtinSchemaJson as Record<string, unknown>, BUILTIN_SCHEMA_SOURCE);
  return builtin;
}

const profileSchemas = new Map<string, CompiledSchema>();

/** A site profile's built-in schema, compiled once ('built-in' for the article format itself). */
export function profileSchema(profile: SiteProfile | undefined): CompiledSchema {
  if (!profile || profile.schema === builtinSchemaJson) return builtinSchema();
  let compiled = profileSchemas.get(profile.name);
  if (!compiled) {
    compiled = compileSchema(profile.schema, `${BUILTIN_SCHEMA_SOURCE}:${profile.name}`);
    profileSchemas.set(profile.name, compiled);
  }
  return compiled;
}

/** Whether a schema source names one of the built-in schemas (the article format's or a site profile's). */
export function isBuiltinSchemaSource(source: string | undefined): boolean {
  return source === BUILTIN_SCHEMA_SOURCE || !!source?.startsWith(`${BUILTIN_SCHEMA_SOURCE}:`);
}

const compiledFiles = new Map<string, { text: string; compiled?: CompiledSchema; error?: string }>();

/** A schema file, compiled once per content. Returns an error text when it cannot be used. */
export async function loadSchemaFile(path: string, fs: FileSystemHost): Promise<{ schema?: CompiledSchema; error?: string }> {
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
export function astroSchemaPath(filePath: string): string | undefined {
  const normalized = filePath.split('\\').join('/');
  const marker = '/src/content/';
  const at = normalized.lastIndexOf(marker);
  if (at === -1) return undefined;
  const rest = normalized.slice(at + marker.length).split('/');
  if (rest.length < 2 || !rest[0]) return undefined;
  return join(filePath.slice(0, at), '.astro', 'collections', `${rest[0]}.schema.json`);
}

const schemaGlobMatchers = new WeakMap<object, ((path: string) => boolean)[]>();

/** The schema file the configuration assigns to the article, if any. */
export function configuredSchemaPath(filePath: string | undefined, config: ResolvedConfig | undefined): string | undefined {
  const setting = config?.schema;
  if (!setting) return undefined;
  if ('path' in setting) return setting.path;
  if (!filePath) return undefined;
  let matchers = schemaGlobMatchers.get(setting);
  if (!matchers) {
    matchers = setting.globs.map((entry) => picomatch(entry.glob, { dot: false }));
    schemaGlobMatchers.set(setting, matchers);
  }
  const path = globPath(config!, filePath);
  const index = matchers.findIndex((matches) => matches(path));
  return index === -1 ? undefined : setting.globs[index].path;
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
): Promise<{ schema: CompiledSchema; problem?: string }> {
  const builtinSchema = () => profileSchema(site);
  if (!fs || !loadWorkspaceSchemas) return { schema: builtinSchema() };
  const configured = configuredSchemaPath(filePath, config);
  if (configured) {
    const loaded = await loadSchemaFile(configured, fs);
    if (loaded.schema) return { schema: loaded.schema };
    const shown = config?.baseDir ? relativePosix(config.baseDir, configured) : configured;
    return { schema: builtinSchema(), problem: (loaded.error ?? '').replace(configured, shown) };
  }
  const astro = filePath ? astroSchemaPath(filePath) : undefined;
  if (astro && (await fs.stat(astro)) === 'file') {
    const loaded = await loadSchemaFile(astro, fs);
    if (loaded.schema) return { schema: loaded.schema };
    return { schema: builtinSchema(), problem: loaded.error };
  }
  return { schema: builtinSchema() };
}

// ---------------------------------------------------------------------------------------------
// Validation and messages

/** Validates frontmatter data: one issue per key, in words an author understands. */
export function checkFrontmatter(input: Record<string, unknown>, schema: CompiledSchema, site?: SiteProfile): SchemaCheck {
  // Hugo reads keys without regard to case: validate `publishdate` as the schema's `publishDate`.
  const renamed = new Map<string, string>();
  let data = input;
  if (site?.caseInsensitiveKeys && schema.knownKeys) {
    data = {};
    const known = Object.fromEntries(schema.knownKeys.map((key) => [key, true]));
    for (const [key, value] of Object.entries(input)) {
      const canonical = known[key] ? key : schema.knownKeys.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
      if (canonical && canonical !== key && !(canonical in input)) renamed.set(canonical, key);
      data[canonical && !(canonical in input) ? canonical : key] = value;
    }
  }
  const asWritten = (key: string) => renamed.get(key) ?? key;
  schema.validate(data);
  const errors = schema.validate.errors ?? [];
  const byKey = new Map<string, ErrorObject[]>();
  const custom = new Map<string, { message: string; path: (string | number)[] }>();
  const missing = new Map<string, string | undefined>();
  for (const error of errors) {
    if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') continue;
    const path = instancePath(error.instancePath);
    if (error.keyword === 'errorMessage') {
      const originals = (error.params as { errors?: ErrorObject[] }).errors ?? [];
      const relevant = originals.filter((e) => e.keyword !== 'additionalProperties' && e.keyword !== 'unevaluatedProperties');
      if (relevant.length === 0) continue;
      if (path.length === 0) {
        const required = relevant.find((e) => e.keyword === 'required');
        if (required) {
          missing.set(String((required.params as { missingProperty: string }).missingProperty), error.message);
          continue;
        }
      }
      const key = path.length ? String(path[0]) : '';
      if (!custom.has(key)) custom.set(key, { message: error.message ?? 'is not valid', path });
      continue;
    }
    if (path.length === 0 && error.keyword === 'required') {
      const property = String((error.params as { missingProperty: string }).missingProperty);
      if (!missing.has(property)) missing.set(property, undefined);
      continue;
    }
    const key = path.length ? String(path[0]) : '';
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(error);
  }

  const issues: SchemaIssue[] = [];
  const invalidKeys = new Set<string>();
  const push = (issue: SchemaIssue) => {
    if (renamed.size && issue.key) {
      const key = asWritten(issue.key);
      issue = { ...issue, key, path: issue.path.length ? [key, ...issue.path.slice(1)] : issue.path };
    }
    issues.push(issue);
  };
  for (const [key, message] of missing) {
    push({ key, path: [], message: message ? `${key}: ${message}` : `${key} is required but missing.`, missing: true, keyword: 'required' });
    invalidKeys.add(asWritten(key));
  }
  const keys = new Set([...Object.keys(data), ...byKey.keys(), ...custom.keys()]);
  for (const key of keys) {
    const customMessage = custom.get(key);
    const list = byKey.get(key);
    if (customMessage) {
      push({ key, path: customMessage.path, message: key ? `${key}: ${customMessage.message}` : customMessage.message, missing: false, keyword: 'errorMessage' });
    } else if (list && list.length) {
      const chosen = chooseError(list);
      const path = instancePath(chosen.instancePath);
      push({ key, path, message: describeError(chosen, list, path, data), missing: false, keyword: chosen.keyword });
    } else continue;
    if (key) invalidKeys.add(asWritten(key));
  }

  // The updated date may not be before the publish date (dates compared as calendar dates), by role.
  const roles = site ?? ARTICLE_FORMAT;
  const published = roleValue(roles, input, 'published');
  const updated = roleValue(roles, input, 'updated');
  if (published && updated && !invalidKeys.has(String(updated.path[0])) && !invalidKeys.has(String(published.path[0]))) {
    const publishedDate = parseDate(published.value);
    const updatedDate = parseDate(updated.value);
    if (publishedDate && updatedDate && compareDates(updatedDate, publishedDate) < 0) {
      const key = String(updated.path[0]);
      issues.push({
        key,
        path: updated.path,
        message: `${pathLabel(updated.path)}: ${quote(updated.value)} is before ${pathLabel(published.path)} ${quote(published.value)}.`,
        missing: false,
        keyword: 'updatedDate',
      });
      invalidKeys.add(key);
    }
  }
  return { schema, issues, invalidKeys };
}

function instancePath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(key) ? Number(key) : key;
    });
}

const COMPOSITE = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', 'not', '$ref']);

function rank(error: ErrorObject): number {
  if (error.keyword === 'format') return 0;
  if (error.keyword === 'enum' || error.keyword === 'const') return 1;
  if (error.keyword === 'type') return 3;
  if (COMPOSITE.has(error.keyword)) return 4;
  return 2;
}

/** The error an author should read first: the deepest, then by kind (a date format before a type). */
function chooseError(errors: ErrorObject[]): ErrorObject {
  let best = errors[0];
  for (const error of errors) {
    const depth = error.instancePath.split('/').length;
    const bestDepth = best.instancePath.split('/').length;
    if (depth > bestDepth || (depth === bestDepth && rank(error) < rank(best))) best = error;
  }
  return best;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const part of path) value = (value as Record<string | number, unknown> | undefined)?.[part];
  return value;
}

function label(path: (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const short = text.length > 48 ? `${text.slice(0, 45)}…` : text;
  return `'${short}'`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  null: 'nothing',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'no value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${quote(value)}`;
  if (typeof value === 'boolean') return String(value);
  return `the number ${String(value)}`;
}

function joinOr(words: string[]): string {
  const unique = [...new Set(words)];
  return unique.length <= 1 ? unique[0] ?? '' : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

function describeError(error: ErrorObject, siblings: ErrorObject[], path: (string | number)[], data: unknown): string {
  const name = label(path);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'format': {
      const format = String(params.format);
      if (format === 'date' || format === 'date-time') {
        return `${name}: ${quote(value)} is not a date; write it as 2026-03-03 or Mar 3 2026.`;
      }
      return `${name}: ${quote(value)} is not a valid ${format}.`;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      return `${name}: ${quote(value)} is not one of ${allowed.map((v) => String(v)).join(', ')}.`;
    }
    case 'const':
      return `${name}: must be ${quote(params.allowedValue)}.`;
    case 'type': {
      const expected = siblings
        .filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath)
        .flatMap((e) => String((e.params as { type: string }).type).split(','))
        .map((type) => TYPE_WORDS[type] ?? type);
      if (value === null || value === undefined) return `${name} has no value; expected ${joinOr(expected)}.`;
      return `${name}: expected ${joinOr(expected)}, found ${describeValue(value)}.`;
    }
    case 'pattern':
      if (typeof value === 'string' && value.trim() === '') return `${name} must not be empty.`;
      if (path[0] === 'readingTime' && path.length === 1) {
        return `${name}: ${quote(value)} is not a reading time; write 5, "5 min", "5 min read" or "5 minutes".`;
      }
      return `${name}: ${quote(value)} does not match the expected form (${String(params.pattern)}).`;
    case 'minLength':
      if (typeof value === 'string' && value.length === 0) return `${name} must not be empty.`;
      return `${name}: must be at least ${String(params.limit)} characters long.`;
    case 'maxLength':
      return `${name}: must be at most ${String(params.limit)} characters long.`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `${name}: ${String(value)} ${error.message ?? 'is out of range'}.`;
    case 'minItems':
      return `${name}: needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.`;
    case 'maxItems':
      return `${name}: allows at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.`;
    case 'uniqueItems':
      return `${name}: items ${String(params.j)} and ${String(params.i)} are the same.`;
    case 'required':
      return `${name}: ${String(params.missingProperty)} is required but missing.`;
    default:
      return `${name || 'The frontmatter'}: ${error.message ?? 'is not valid'}.`;
  }
}
