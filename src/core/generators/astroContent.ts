/**
 * Astro's content configuration (`src/content.config.ts`, or the older `src/content/config.ts`)
 * when no generated `.astro/collections/*.schema.json` exists (they appear after `astro sync` and
 * are often not committed): the keys of each collection's `z.object({ … })` with their Zod types
 * and whether they are optional, and the folders named as plain strings in `glob({ base })`.
 * A small scanner over the source (strings and comments skipped); what it cannot read, it leaves out.
 */
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';
import { cachedConventions, emptyConventions, type SiteConventions } from './conventions';
import { blankStringsAndComments } from './jsSource';

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

/** The keys of every `z.object({ … })` that is a collection's schema (its top level only). */
export function astroSchemaKeys(source: string): Map<string, ZodKey>[] {
  const text = blankStringsAndComments(source);
  const collections: Map<string, ZodKey>[] = [];
  const schemaAt = /\bschema\s*:\s*(?:\(\s*\{[^}]*\}\s*\)\s*=>\s*)?z\s*\.\s*object\s*\(\s*\{/g;
  for (let found = schemaAt.exec(text); found; found = schemaAt.exec(text)) {
    const keys = new Map<string, ZodKey>();
    let depth = 1;
    let index = found.index + found[0].length;
    let entryStart = index;
    const flush = (end: number) => {
      const entry = /^\s*([A-Za-z_$][\w$]*)\s*:\s*([\s\S]*)$/.exec(text.slice(entryStart, end));
      if (entry) {
        const expression = entry[2].trim();
        const written = source.slice(entryStart, end);
        keys.set(entry[1], {
          schema: zodSchema(expression, written),
          optional: /\.\s*(optional|default|nullish)\s*\(/.test(expression),
        });
      }
    };
    for (; index < text.length && depth > 0; index++) {
      const char = text[index];
      if (char === '{' || char === '(' || char === '[') depth++;
      else if (char === '}' || char === ')' || char === ']') {
        depth--;
        if (depth === 0) flush(index);
      } else if (char === ',' && depth === 1) {
        flush(index);
        entryStart = index + 1;
      }
    }
    if (keys.size) collections.push(keys);
  }
  return collections;
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
      const collections = astroSchemaKeys(text);
      if (collections.length === 0) break;
      const properties: Record<string, Record<string, unknown>> = {};
      for (const keys of collections) {
        for (const [key, { schema }] of keys) {
          const known = properties[key];
          properties[key] = !known || JSON.stringify(known) === JSON.stringify(schema) ? schema : {};
        }
      }
      // Required: in every collection, never optional.
      const required = Object.keys(properties).filter((key) => collections.every((keys) => keys.has(key) && !keys.get(key)!.optional));
      conventions.schema = {
        source: file,
        json: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties, required, additionalProperties: false },
      };
      break;
    }
    return conventions;
  });
}
