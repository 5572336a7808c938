import { setFrontmatterScalar, type TextEdit } from '../edit/edits';
import { frontmatterEntryRange } from '../facts/fields';
import { defineRule } from './rule';

/** `heroImage` set and `heroImageAlt` missing or blank. */
export default defineRule({
  id: 'hero-image-alt-missing',
  defaultSeverity: 'warning',
  description: '`heroImage` is set but `heroImageAlt` is missing or blank.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  check(context) {
    const { analysis, article } = context;
    const hero = analysis.data.heroImage;
    if (!analysis.isValid('heroImage') || typeof hero !== 'string' || hero.trim() === '') return;
    const alt = analysis.data.heroImageAlt;
    const present = alt !== undefined && alt !== null;
    if (present && (analysis.schemaCheck?.invalidKeys.has('heroImageAlt') || typeof alt !== 'string')) return;
    if (present && alt.trim() !== '') return;
    const range = frontmatterEntryRange(article, present ? 'heroImageAlt' : 'heroImage');
    if (!range) return;
    // An empty value with the cursor inside: a text made from the file name would say nothing.
    const edit = withCursorInEmptyQuotes(setFrontmatterScalar(article, 'heroImageAlt', '', ['heroImage']));
    context.report({
      start: range[0],
      end: range[1],
      message: present
        ? 'heroImageAlt is blank: describe what the hero image shows, for screen readers and social cards.'
        : 'heroImage has no heroImageAlt: describe what the image shows, for screen readers and social cards.',
      fix: edit ? { title: present ? 'Write heroImageAlt' : 'Add heroImageAlt', edits: [edit], safe: false } : undefined,
    });
  },
});

/** The edit with the cursor between the quotes of the empty value it writes (`""` or `''`). */
function withCursorInEmptyQuotes(edit: TextEdit | undefined): TextEdit | undefined {
  if (!edit) return undefined;
  const at = Math.max(edit.newText.lastIndexOf('""'), edit.newText.lastIndexOf("''"));
  return at === -1 ? edit : { ...edit, cursor: at + 1 };
}
