/**
 * The frontmatter checked against a compiled schema: ajv's errors become one issue per top-level
 * key, in words an author understands; `additionalProperties: false` never produces an issue
 * (unknown keys are the rule frontmatter-unknown-key). Which schema applies is schema.ts.
 */
import type { ErrorObject } from 'ajv';
import { compareDates, parseDate } from '../facts/dates';
import { ARTICLE_ROLES } from '../generators/generic';
import { LENIENT_DATE_FORMAT, type SiteProfile } from '../generators/profile';
import { pathLabel, roleValue } from '../generators/roles';
import type { CompiledSchema } from './schema';
import { schemaFields } from './schemaFields';

/** The roles of the article format itself (pubDate, updatedDate, …), for callers that name no site. */
const ARTICLE_FORMAT = { roles: ARTICLE_ROLES } as SiteProfile;

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

const dateKeysBySchema = new WeakMap<CompiledSchema, Set<string>>();

/** The top-level keys whose values the schema takes as dates. */
function dateKeys(schema: CompiledSchema): Set<string> {
  let keys = dateKeysBySchema.get(schema);
  if (!keys) {
    keys = new Set(schemaFields(schema.json).filter((field) => field.types.includes('date')).map((field) => field.name.toLowerCase()));
    dateKeysBySchema.set(schema, keys);
  }
  return keys;
}

/** A mapping without its keys that have no value (nested mappings too; lists keep their items). */
function withoutEmptyValues(values: Record<string, unknown>, keep: (key: string) => boolean): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  let changed = false;
  for (const [key, value] of Object.entries(values)) {
    if (value === null && !keep(key)) {
      changed = true;
      continue;
    }
    const isMapping = typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
    const kept = isMapping ? withoutEmptyValues(value as Record<string, unknown>, () => false) : value;
    changed ||= kept !== value;
    result[key] = kept;
  }
  return changed ? result : values;
}

/**
 * The frontmatter as the site's generator reads it before any check: a key written with no value is
 * absent where the generator takes it so (on every key, or on every key but a date).
 */
function asGeneratorReads(input: Record<string, unknown>, schema: CompiledSchema, site: SiteProfile | undefined): Record<string, unknown> {
  if (!site?.emptyValues) return input;
  const dates = site.emptyValues === 'absent-except-dates' ? dateKeys(schema) : undefined;
  return withoutEmptyValues(input, (key) => dates?.has(key.toLowerCase()) ?? false);
}

/** Validates frontmatter data: one issue per key, in words an author understands. */
export function checkFrontmatter(written: Record<string, unknown>, schema: CompiledSchema, site?: SiteProfile): SchemaCheck {
  const input = asGeneratorReads(written, schema, site);
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
  // A value of another type than any allowed one (`url: 42` where text or false is allowed): say the types and the values.
  if (error.keyword === 'enum' || error.keyword === 'const') {
    const allowed = error.keyword === 'enum' ? ((params.allowedValues as unknown[]) ?? []) : [params.allowedValue];
    const types = siblings.filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath).flatMap((e) => String((e.params as { type: string }).type).split(','));
    if (types.length && allowed.every((item) => typeof item !== typeof value)) {
      const words = [...types.map((type) => TYPE_WORDS[type] ?? type), ...allowed.map((item) => String(item))];
      return `${name}: expected ${joinOr(words)}, found ${describeValue(value)}.`;
    }
  }
  switch (error.keyword) {
    case 'format': {
      const format = String(params.format);
      if (format === 'date' || format === 'date-time' || format === LENIENT_DATE_FORMAT) {
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
