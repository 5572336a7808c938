/**
 * Astro's content configuration (`src/content.config.ts`, or the older `src/content/config.ts`)
 * when no generated `.astro/collections/*.schema.json` exists (they appear after `astro sync` and
 * are often not committed): the keys of each collection's `z.object({ … })` with their Zod types
 * and whether they are optional (also a schema held in a variable, a schema function, `.extend({ … })`
 * and `.merge(…)`), and the folders named as plain strings in `glob({ base })`.
 * A small scanner over the source (strings and comments skipped); what it cannot read, it leaves out.
 */
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';
import { cachedConventions, emptyConventions, type SiteConventions } from './conventions';
import { blankStringsAndComments, closingBracket, objectEntries } from './jsSource';

export const ASTRO_CONTENT_CONFIGS = [
  'src/content.config.ts', 'src/content.config.mts', 'src/content.config.js', 'src/content.config.mjs',
  'src/content/config.ts', 'src/content/config.mts', 'src/content/config.js', 'src/content/config.mjs',
];

interface ZodKey {
  schema: Record<string, unknown>;
  optional: boolean;
}

/** The JSON Schema of a Zod expression's first call (`z.string()…`, `z.coerce.date()`, `image()`, …). */
function zodSchema(expression: string, original: string): Record<string, unknown> {
  const call = /^(?:z\s*\.\s*(?:coerce\s*\.\s*)?(\w+)|(image|reference)\s*\()/.exec(expression);
  const name = call?.[1] ?? call?.[2];
  switch (name) {
    case 'string':
      return { type: 'string' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'array':
      return { type: 'array' };
    case 'object':
      return { type: 'object' };
    case 'image':
    case 'reference':
      return { type: 'string' };
    case 'enum': {
      // The values listed in z.enum([...]) itself, not those of a later .default('…').
      const list = /\[([^\]]*)\]/.exec(original)?.[1] ?? '';
      const values = [...new Set([...list.matchAll(/["']([^"'\n]*)["']/g)].map((match) => match[1]))];
      return values.length ? { enum: values } : {};
    }
    default:
      return {};
  }
}

/** The configuration's text, and the same with strings and comments blanked (see blankStringsAndComments). */
interface ConfigSource {
  source: string;
  blanked: string;
}

/** A span of the configuration, [start, end). */
interface Span {
  start: number;
  end: number;
}

/** Schemas built from schemas nest only so deep: deeper (or a cycle) is not read. */
const MAX_SCHEMA_DEPTH = 8;

/**
 * Where the expression starting at `start` ends: at a `,`, `;` or closing bracket of its own level,
 * or at a line break that neither follows an operator nor comes before a method call.
 */
function expressionEnd(blanked: string, start: number): number {
  let depth = 0;
  for (let index = start; index < blanked.length; index++) {
    const char = blanked[index];
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return index;
      depth--;
    } else if (depth === 0 && (char === ',' || char === ';')) return index;
    else if (depth === 0 && char === '\n') {
      const before = blanked.slice(start, index).trimEnd();
      if (/(=>|[.=?:&|+(,])$/.test(before) || /^\s*\??\./.test(blanked.slice(index + 1, index + 200))) continue;
      return index;
    }
  }
  return blanked.length;
}

/** The value a `const`/`let`/`var` declaration of `name` gives, as a span of the configuration. */
function definitionOf(file: ConfigSource, name: string): Span | undefined {
  const declaration = new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*(?::[^=\\n]+)?=(?!=)\\s*`).exec(file.blanked);
  if (!declaration) return undefined;
  const start = declaration.index + declaration[0].length;
  return { start, end: expressionEnd(file.blanked, start) };
}

/** A key's Zod expression: its type and whether it may be left out; a schema held in a variable is looked up. */
function zodKeyOf(file: ConfigSource, span: Span, depth: number): ZodKey {
  const expression = file.blanked.slice(span.start, span.end).trim();
  const optional = /\.\s*(optional|default|nullish)\s*\(/.test(expression);
  const variable = /^([A-Za-z_$][\w$]*)(?![\w$]|\s*\()/.exec(expression);
  if (variable && variable[1] !== 'z' && depth < MAX_SCHEMA_DEPTH) {
    const value = definitionOf(file, variable[1]);
    if (value) {
      const inner = zodKeyOf(file, value, depth + 1);
      return { schema: /\.\s*or\s*\(/.test(expression) ? {} : inner.schema, optional: optional || inner.optional };
    }
  }
  // `z.string().or(z.date())`: either.
  if (/\.\s*or\s*\(/.test(expression)) return { schema: {}, optional };
  return { schema: zodSchema(expression, file.source.slice(span.start, span.end)), optional };
}

/** The keys of the object literal whose `{` is at `open`: its entries, and what its spreads (`...base.shape`) hold. */
function objectShape(file: ConfigSource, open: number, depth: number): Map<string, ZodKey> | undefined {
  const { entries, spreads, end } = objectEntries(file.source, file.blanked, open);
  if (end >= file.blanked.length) return undefined;
  const keys = new Map<string, ZodKey>();
  for (const spread of spreads) {
    const span = { start: spread.start, end: spread.start + spread.text.length };
    const shape = schemaShape(file, span, depth + 1);
    if (!shape) return undefined;
    for (const [key, value] of shape) keys.set(key, value);
  }
  for (const [key, entry] of entries) keys.set(key, zodKeyOf(file, { start: entry.start, end: entry.start + entry.text.length }, depth));
  return keys;
}

/**
 * The top-level keys of a Zod object schema: `z.object({ … })`, a variable that holds one, a schema
 * function (`({ image }) => …`), and what `.extend({ … })`, `.merge(other)`, `.partial()`,
 * `.required()`, `.pick({ … })` and `.omit({ … })` make of it; `x.shape` is x's keys. Undefined
 * when the expression is none of these.
 */
function schemaShape(file: ConfigSource, span: Span, depth: number): Map<string, ZodKey> | undefined {
  if (depth > MAX_SCHEMA_DEPTH) return undefined;
  const { blanked } = file;
  const textFrom = (at: number) => blanked.slice(at, span.end);
  let at = span.start + (textFrom(span.start).length - textFrom(span.start).trimStart().length);
  const arrow = /^(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*=>\s*/.exec(textFrom(at));
  if (arrow) at += arrow[0].length;
  if (blanked[at] === '(') {
    const close = closingBracket(blanked, at);
    if (close < span.end && !/\S/.test(blanked.slice(close + 1, span.end))) return schemaShape(file, { start: at + 1, end: close }, depth + 1);
  }
  let keys: Map<string, ZodKey> | undefined;
  let rest: number;
  const object = /^z\s*\.\s*(?:object|strictObject|looseObject)\s*\(\s*\{/.exec(textFrom(at));
  if (object) {
    const open = at + object[0].length - 1;
    keys = objectShape(file, open, depth);
    const close = closingBracket(blanked, at + object[0].indexOf('('));
    if (!keys || close >= span.end) return undefined;
    rest = close + 1;
  } else {
    const variable = /^([A-Za-z_$][\w$]*)(?![\w$]|\s*\()/.exec(textFrom(at));
    if (!variable || variable[1] === 'z') return undefined;
    const value = definitionOf(file, variable[1]);
    const shape = value && schemaShape(file, value, depth + 1);
    if (!shape) return undefined;
    keys = new Map(shape);
    rest = at + variable[0].length;
  }
  for (;;) {
    const property = /^\s*\.\s*shape\b(?!\s*\()/.exec(textFrom(rest));
    if (property) {
      rest += property[0].length;
      continue;
    }
    const call = /^\s*\.\s*([A-Za-z_$][\w$]*)\s*\(/.exec(textFrom(rest));
    if (!call) break;
    const open = rest + call[0].length - 1;
    const close = closingBracket(blanked, open);
    if (close >= span.end) return undefined;
    const argument = { start: open + 1, end: close };
    const argumentText = blanked.slice(argument.start, argument.end).trim();
    const objectArgument = argumentText.startsWith('{') ? blanked.indexOf('{', argument.start) : -1;
    switch (call[1]) {
      case 'extend':
      case 'merge': {
        const more = objectArgument !== -1 ? objectShape(file, objectArgument, depth + 1) : schemaShape(file, argument, depth + 1);
        if (!more) return undefined;
        for (const [key, value] of more) keys.set(key, value);
        break;
      }
      case 'partial':
      case 'required':
        for (const [key, value] of keys) keys.set(key, { ...value, optional: call[1] === 'partial' });
        break;
      case 'pick':
      case 'omit': {
        if (objectArgument === -1) return undefined;
        const named = new Set(objectEntries(file.source, blanked, objectArgument).entries.keys());
        for (const key of [...keys.keys()]) if (named.has(key) !== (call[1] === 'pick')) keys.delete(key);
        break;
      }
      default:
        // `.strict()`, `.refine(…)`, `.transform(…)`, `.describe(…)`: the same keys.
        break;
    }
    rest = close + 1;
  }
  return keys;
}

/**
 * Each collection's keys (`defineCollection({ schema })`, in the order written); undefined for a
 * collection whose schema the scan cannot read, or that has none (any key is then its own).
 */
export function astroCollectionSchemas(source: string): (Map<string, ZodKey> | undefined)[] {
  const file = { source, blanked: blankStringsAndComments(source) };
  const collections: (Map<string, ZodKey> | undefined)[] = [];
  for (const call of file.blanked.matchAll(/\bdefineCollection\s*\(\s*\{/g)) {
    const open = call.index + call[0].length - 1;
    const { entries, end } = objectEntries(source, file.blanked, open);
    if (end >= file.blanked.length) {
      collections.push(undefined);
      continue;
    }
    const schema = entries.get('schema');
    // `defineCollection({ loader, schema })`: the variable named schema.
    const shorthand = !schema && /[{,]\s*schema\s*(?=[,}])/.test(file.blanked.slice(open, end + 1)) ? definitionOf(file, 'schema') : undefined;
    const span = schema ? { start: schema.start, end: schema.start + schema.text.length } : shorthand;
    collections.push(span && schemaShape(file, span, 0));
  }
  return collections;
}

/** The keys of every collection whose schema the scan reads (its top level only). */
export function astroSchemaKeys(source: string): Map<string, ZodKey>[] {
  return astroCollectionSchemas(source).filter((keys): keys is Map<string, ZodKey> => keys !== undefined);
}

/** Folders named as plain strings in `glob({ … base: "./src/data/posts" … })`. */
export function astroGlobBases(source: string): string[] {
  const bases: string[] = [];
  for (const match of source.matchAll(/\bglob\s*\(\s*\{[^}]*?\bbase\s*:\s*(["'])([^"'`$\n]+)\1/g)) {
    const base = match[2].replace(/^\.\//, '').replace(/\/+$/, '');
    if (base && !base.startsWith('..') && !bases.includes(base)) bases.push(base);
  }
  return bases;
}

/** The content configuration as site conventions: a schema of every collection's keys, and the glob folders. */
export async function readAstroConventions(root: string, fs: FileSystemHost): Promise<SiteConventions> {
  const files = ASTRO_CONTENT_CONFIGS.map((file) => join(root, ...file.split('/')));
  return cachedConventions(`astro:${root}`, files, fs, async () => {
    const conventions = emptyConventions();
    for (const [index, file] of files.entries()) {
      const text = await fs.readText(file);
      if (text === undefined) continue;
      conventions.sources.push(ASTRO_CONTENT_CONFIGS[index]);
      const bases = astroGlobBases(text);
      if (bases.length) conventions.contentRules.push({ globs: bases.map((base) => `${base}/**`), kind: 'article', why: `an entry of a content collection (glob loader in ${ASTRO_CONTENT_CONFIGS[index]})` });
      const all = astroCollectionSchemas(text);
      const collections = all.filter((keys): keys is Map<string, ZodKey> => keys !== undefined);
      if (collections.length === 0) break;
      // A collection whose schema is not read takes any key: the schema then names no unknown key and requires none.
      const open = collections.length < all.length;
      const properties: Record<string, Record<string, unknown>> = {};
      for (const keys of collections) {
        for (const [key, { schema }] of keys) {
          const known = properties[key];
          properties[key] = !known || JSON.stringify(known) === JSON.stringify(schema) ? schema : {};
        }
      }
      // Required: in every collection, never optional.
      const required = open ? [] : Object.keys(properties).filter((key) => collections.every((keys) => keys.has(key) && !keys.get(key)!.optional));
      conventions.schema = {
        source: file,
        json: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          properties,
          required,
          // Any key: a pattern every name matches (the unknown-key rule reads patterns, not additionalProperties).
          ...(open ? { patternProperties: { '': {} } } : { additionalProperties: false }),
        },
      };
      break;
    }
    return conventions;
  });
}
