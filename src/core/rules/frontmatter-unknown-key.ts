import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar } from 'yaml';
import { defineRule } from './rule';

/** Keys the schema does not name, with a did-you-mean when a known key is close. */
export default defineRule({
  id: 'frontmatter-unknown-key',
  defaultSeverity: 'info',
  description: 'A frontmatter key is not in the schema (a typo such as heroImgAlt gets a suggestion).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  check(context) {
    const schema = context.analysis.schemaCheck?.schema;
    const frontmatter = context.article.frontmatter!;
    const contents = frontmatter.doc?.contents;
    if (!schema?.knownKeys || !isMap(contents)) return;
    const known = schema.knownKeys;
    const present = new Set(contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')));
    for (const pair of contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      if (known.includes(key) || schema.keyPatterns.some((pattern) => pattern.test(key))) continue;
      const suggestion = suggest(key, known);
      const start = frontmatter.contentStart + pair.key.range[0];
      const end = frontmatter.contentStart + pair.key.range[1];
      const canRename = suggestion !== undefined && !present.has(suggestion) && context.article.text.slice(start, end) === key;
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
