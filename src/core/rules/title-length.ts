import { frontmatterEntryRange } from '../facts/fields';
import { defineRule, type RuleContext } from './rule';
import { characterCount, numberOption } from './util';

/** The title outside the conventional band (about 600 px of title fit in desktop results). */
export default defineRule({
  id: 'title-length',
  defaultSeverity: 'warning',
  description: 'The title is shorter than `min` (20) or longer than `max` (70) characters.',
  defaultOptions: { min: 20, max: 70 },
  optionSpecs: {
    min: { type: 'integer', minimum: 0, description: 'Fewest characters.' },
    max: { type: 'integer', minimum: 0, description: 'Most characters.' },
  },
  needs: 'frontmatter',
  check(context) {
    checkLength(context, 'title', 'Title', 'search results cut longer titles (about 600 px on desktop)');
  },
});

/** Shared by title-length and description-length: a string field's length against min/max. */
export function checkLength(
  context: RuleContext,
  key: string,
  label: string,
  reason: string,
): void {
  const { analysis } = context;
  const value = analysis.data[key];
  if (!analysis.isValid(key) || typeof value !== 'string') return;
  const min = numberOption(context, 'min', 0);
  const max = numberOption(context, 'max', Infinity);
  const length = characterCount(value.trim());
  if (length >= min && length <= max) return;
  const range = frontmatterEntryRange(context.article, key);
  if (!range) return;
  const message =
    length < min
      ? `${label} is ${length} characters long; aim for ${min} to ${max} so it says enough to be chosen.`
      : `${label} is ${length} characters long; aim for ${min} to ${max}: ${reason}.`;
  context.report({ start: range[0], end: range[1], message });
}
