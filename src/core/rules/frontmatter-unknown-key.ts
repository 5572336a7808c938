import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar } from 'yaml';
import { schemaFields, type FieldType } from '../schema/schemaFields';
import type { CompiledSchema } from '../schema/schema';
import { defineRule } from './rule';

/**
 * Keys the schema does not name, with a did-you-mean only for a known key that the article does
 * not already have and whose type fits the value (`categories: [a]` never becomes `category`).
 */
export default defineRule({
  id: 'frontmatter-unknown-key',
  defaultSeverity: 'info',
  fixable: 'quick-fix',
  description: 'A frontmatter key is not in the schema (a typo such as heroImgAlt gets a suggestion).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  check(context) {
    const schema = context.analysis.schemaCheck?.schema;
    const frontmatter = context.article.frontmatter!;
    if (!schema?.knownKeys) return;
    const ignoreCase = context.analysis.site.profile.caseInsensitiveKeys === true;
    const fold = (key: string) => (ignoreCase ? key.toLowerCase() : key);
    const known = new Set(schema.knownKeys.map(fold));
    const isKnown = (key: string) => known.has(fold(key)) || schema.keyPatterns.some((pattern) => pattern.test(key));
    // Most articles use known keys only: their values tell, without the YAML document's ranges.
    if (frontmatter.data && Object.keys(frontmatter.data).every(isKnown)) return;
    const contents = frontmatter.doc?.contents;
    if (!isMap(contents)) return;
    const present = new Set(contents.items.map((pair) => (isScalar(pair.key) ? fold(String(pair.key.value)) : '')));
    const data = context.analysis.data;
    for (const pair of contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      if (isKnown(key)) continue;
      const candidates = schema.knownKeys.filter((name) => !present.has(fold(name)) && typeFits(data[key], fieldTypes(schema).get(name)));
      const suggestion = suggest(key, candidates);
      const start = frontmatter.contentStart + pair.key.range[0];
      const end = frontmatter.contentStart + pair.key.range[1];
      const canRename = suggestion !== undefined && context.article.text.slice(start, end) === key;
      context.report({
        start,
        end,
        message: suggestion
          ? `Unknown key "${key}": did you mean ${suggestion}?`
          : `Unknown key "${key}": it is not in the schema, so the site may ignore it.`,
        fix: canRename ? { title: `Rename ${key} to ${suggestion}`, edits: [{ start, end, newText: suggestion! }], safe: false } : undefined,
      });
    }
  },
});

const typesBySchema = new WeakMap<CompiledSchema, Map<string, FieldType[]>>();

/** The value types each known key accepts (compiled schemas are cached, so this is computed once per schema). */
function fieldTypes(schema: CompiledSchema): Map<string, FieldType[]> {
  let types = typesBySchema.get(schema);
  if (!types) {
    types = new Map(schemaFields(schema.json).map((field) => [field.name, field.types]));
    typesBySchema.set(schema, types);
  }
  return types;
}

/** Whether a value could be written under a key of these types (no types known: it could). */
function typeFits(value: unknown, types: FieldType[] | undefined): boolean {
  if (!types || types.length === 0 || value === null || value === undefined) return true;
  if (Array.isArray(value)) return types.includes('array');
  if (typeof value === 'object') return types.includes('object');
  if (typeof value === 'string') return types.includes('string') || types.includes('date');
  if (typeof value === 'number') return types.includes('number');
  if (typeof value === 'boolean') return types.includes('boolean');
  return true;
}

/** The closest known key, when it is close enough to be a typo. */
function suggest(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = key.toLowerCase();
  const exact = known.find((candidate) => candidate.toLowerCase() === lower);
  if (exact) return exact;
  const lowered = known.map((candidate) => candidate.toLowerCase());
  const best = closest(lower, lowered);
  const limit = Math.max(2, Math.floor(key.length / 3));
  return distance(lower, best) <= limit ? known[lowered.indexOf(best)] : undefined;
}
