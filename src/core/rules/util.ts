/** Small helpers shared by rule files. */
import { frontmatterEntryRange, frontmatterNodeRange } from '../frontmatter/fields';
import { roleKeysLabel } from '../generators/roles';
import { formatPx, hasCjk, LATIN_CHARACTER_EM, textWidth } from '../text/arialWidths';
import type { RuleContext } from './rule';

/** The first line of the file: where findings about the whole document go. */
export function firstLineRange(context: RuleContext): [number, number] {
  const end = context.article.lines.lineEnd(0);
  return [0, end];
}

/** Names for a message: all of a few; the first three and how many more of a long list. */
export function namesOf(names: readonly string[], shown = 3): string {
  if (names.length <= shown + 1) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
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

/** A title's or description's size against its band: characters, or px when measured by width. */
export interface LengthMeasure {
  size: number;
  min: number;
  max: number;
  byWidth: boolean;
}

/**
 * A title or description against a band of `min`–`max` characters. Latin, Greek and Cyrillic text
 * (any text without Chinese, Japanese or Korean letters) is counted in characters. Text with them is
 * measured by its width in Arial at `fontPx`, as search results measure it, against the band's width:
 * the band's characters times the average width of an English character (a 2-character Chinese
 * title is short by width, not by a Latin count).
 */
export function measureLength(text: string, min: number, max: number, fontPx: number): LengthMeasure {
  const trimmed = text.trim();
  if (!hasCjk(trimmed)) return { size: characterCount(trimmed), min, max, byWidth: false };
  const perCharacter = LATIN_CHARACTER_EM * fontPx;
  return { size: textWidth(trimmed.replace(/\s+/g, ' '), fontPx), min: min * perCharacter, max: max * perCharacter, byWidth: true };
}

export function numberOption(context: RuleContext, name: string, fallback: number): number {
  const value = context.options[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * Shared by title-length and description-length: the role's value (its first key present) against
 * min/max. A missing value where the site's generator has no fallback (and the schema does not
 * already require it) is a warning of its own.
 */
export function checkLength(
  context: RuleContext,
  role: 'title' | 'description',
  label: string,
  reason: string,
  missing: string,
  fontPx: number,
): void {
  const { analysis } = context;
  const found = analysis.role(role);
  if (!found) {
    const profile = analysis.site.profile;
    if (profile.fallbacks[role]) return;
    const keys = profile.roles[role].map((path) => String(path[0]));
    // A key the schema requires is already a frontmatter-schema finding: one finding per defect.
    if (analysis.schemaCheck?.issues.some((issue) => issue.missing && keys.includes(issue.key))) return;
    const [start, end] = firstLineRange(context);
    context.report({ start, end, message: `${missing} (${roleKeysLabel(profile, role)}).` });
    return;
  }
  const key = String(found.path[0]);
  const value = found.value;
  if (!analysis.isValid(key) || typeof value !== 'string') return;
  const min = numberOption(context, 'min', 0);
  const max = numberOption(context, 'max', Infinity);
  const measure = measureLength(value, min, max, fontPx);
  if (measure.size >= measure.min && measure.size <= measure.max) return;
  const range = found.path.length === 1 ? frontmatterEntryRange(context.article, key) : frontmatterNodeRange(context.article, found.path);
  if (!range) return;
  const short = measure.size < measure.min;
  let message: string;
  if (measure.byWidth) {
    // The band in px, and in Chinese, Japanese or Korean characters (each about as wide as M in the widths' table).
    const cjk = (px: number) => (Number.isFinite(px) ? String(Math.round(px / textWidth('中', fontPx))) : '∞');
    const px = (width: number) => (Number.isFinite(width) ? formatPx(width) : 'no limit');
    const band = `aim for ${px(measure.min)} to ${px(measure.max)} (about ${cjk(measure.min)} to ${cjk(measure.max)} Chinese, Japanese or Korean characters)`;
    message = `${label} is ${formatPx(measure.size)} wide in Arial ${fontPx} px; ${band}${short ? ' so it says enough to be chosen.' : `: ${reason}.`}`;
  } else {
    message = short
      ? `${label} is ${measure.size} characters long; aim for ${min} to ${max} so it says enough to be chosen.`
      : `${label} is ${measure.size} characters long; aim for ${min} to ${max}: ${reason}.`;
  }
  context.report({ start: range[0], end: range[1], message });
}
