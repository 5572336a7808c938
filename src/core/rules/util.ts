/** Small helpers shared by rule files. */
import { frontmatterEntryRange } from '../facts/fields';
import type { RuleContext } from './rule';

/** The first line of the file: where findings about the whole document go. */
export function firstLineRange(context: RuleContext): [number, number] {
  const end = context.article.lines.lineEnd(0);
  return [0, end];
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/** Length in characters as a reader counts them (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function numberOption(context: RuleContext, name: string, fallback: number): number {
  const value = context.options[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * A string field's length (trimmed, in characters as a reader counts them) against the rule's `min`
 * and `max` options, reported on the field's entry: title-length and description-length.
 * `label` starts the message; `reason` says why longer is worse.
 */
export function checkLength(context: RuleContext, key: string, label: string, reason: string): void {
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
