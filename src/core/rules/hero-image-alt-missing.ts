import { setFrontmatterScalar } from '../frontmatter/edits';
import type { TextEdit } from '../types';
import { frontmatterEntryRange, frontmatterNodeRange } from '../frontmatter/fields';
import { isBuiltinSchemaSource } from '../schema/schema';
import { pathLabel } from '../generators/roles';
import { defineRule } from './rule';

/**
 * The hero image (by role) set and the alt text that pairs with it missing or blank. Never asks for
 * a key the site cannot accept: no finding where the hero has no alt key beside it (Hugo's `images`,
 * a Jekyll `image` string, sites with no hero alt at all), or where the active schema (a team's or
 * Astro's) lists its keys and names none of the alt's.
 */
export default defineRule({
  id: 'hero-image-alt-missing',
  defaultSeverity: 'warning',
  fixable: 'quick-fix',
  description: 'The hero image is set but its alt text (heroImageAlt, cover.alt, image.alt, … by site) is missing or blank.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  check(context) {
    const { analysis, article } = context;
    const hero = analysis.hero;
    if (!hero || !analysis.isValid(String(hero.path[0])) || typeof hero.value !== 'string') return;
    const altPaths = hero.source.alt ?? [];
    if (altPaths.length === 0) return;
    const schema = analysis.schemaCheck?.schema;
    if (schema && !isBuiltinSchemaSource(schema.source) && schema.knownKeys && !altPaths.some((path) => schema.knownKeys!.includes(String(path[0])))) return;
    const alt = hero.alt;
    if (alt && (analysis.schemaCheck?.invalidKeys.has(String(alt.path[0])) || typeof alt.value !== 'string')) return;
    if (alt && (alt.value as string).trim() !== '') return;
    const heroLabel = pathLabel(hero.path);
    const altLabel = pathLabel(alt?.path ?? altPaths[0]);
    const target = alt?.path ?? hero.path;
    const range = target.length === 1 ? frontmatterEntryRange(article, String(target[0])) : frontmatterNodeRange(article, target);
    if (!range) return;
    // The fix adds a top-level alt key after a top-level hero key, empty, with the cursor inside for the
    // author to write (a text made from the file name would say nothing); nested ones are written by hand.
    const altKey = altPaths[0];
    const edit =
      altKey.length === 1 && hero.path.length === 1 ? withCursorInEmptyQuotes(setFrontmatterScalar(article, String(altKey[0]), '', [String(hero.path[0])])) : undefined;
    context.report({
      start: range[0],
      end: range[1],
      message: alt
        ? `${altLabel} is blank: describe what the hero image shows, for screen readers and social cards.`
        : `${heroLabel} has no ${altLabel}: describe what the image shows, for screen readers and social cards.`,
      fix: edit ? { title: `${alt ? 'Write' : 'Add'} ${pathLabel(altKey)}`, edits: [edit], safe: false } : undefined,
    });
  },
});

/** The edit with the cursor between the quotes of the empty value it writes (`""` or `''`). */
function withCursorInEmptyQuotes(edit: TextEdit | undefined): TextEdit | undefined {
  if (!edit) return undefined;
  const at = Math.max(edit.newText.lastIndexOf('""'), edit.newText.lastIndexOf("''"));
  return at === -1 ? edit : { ...edit, cursor: at + 1 };
}
