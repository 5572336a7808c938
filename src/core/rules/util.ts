/** Small helpers shared by rule files. */
import { frontmatterEntryRange, frontmatterNodeRange } from '../frontmatter/fields';
import { roleKeysLabel } from '../generators/roles';
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
  const length = characterCount(value.trim());
  if (length >= min && length <= max) return;
  const range = found.path.length === 1 ? frontmatterEntryRange(context.article, key) : frontmatterNodeRange(context.article, found.path);
  if (!range) return;
  const message =
    length < min
      ? `${label} is ${length} characters long; aim for ${min} to ${max} so it says enough to be chosen.`
      : `${label} is ${length} characters long; aim for ${min} to ${max}: ${reason}.`;
  context.report({ start: range[0], end: range[1], message });
}
