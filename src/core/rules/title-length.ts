import { frontmatterEntryRange, frontmatterNodeRange } from '../facts/fields';
import { roleKeysLabel } from '../site/roles';
import { defineRule, type RuleContext } from './rule';
import { characterCount, firstLineRange, numberOption } from './util';

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
    checkLength(context, 'title', 'Title', 'search results cut longer titles (about 600 px on desktop)', 'No title: search results and the browser tab need one');
  },
});

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
