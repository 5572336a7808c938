import { defineRule } from './rule';
import { valuesCutByComment, type CutValue } from '../frontmatter/cutValues';
import { pathLabel } from '../generators/roles';
import type { SiteProfile } from '../generators/profile';

/** YAML syntax errors, an unterminated block, duplicate keys, a non-mapping, an unsupported language, a value a `#` cuts short. */
export default defineRule({
  id: 'frontmatter-syntax',
  defaultSeverity: 'error',
  fixable: 'quick-fix',
  description: 'The frontmatter is not a readable YAML mapping (syntax error, unterminated block, duplicate key, unsupported language), or a `#` cuts an unquoted value short.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'document',
  check(context) {
    const note = context.analysis.frontmatterNote;
    if (note) context.report({ ...note, severity: 'info' });
    for (const error of context.analysis.frontmatterErrors) {
      context.report({ start: error.start, end: Math.max(error.end, error.start), message: error.message });
    }
    if (!context.analysis.frontmatterOk) return;
    for (const cut of valuesCutByComment(context.article)) {
      if (!meantAsText(cut, context.analysis.site.profile)) continue;
      const written = context.article.text.slice(cut.start, cut.end);
      const quoted = JSON.stringify(written);
      const label = pathLabel(cut.path);
      const key = cut.path[cut.path.length - 1];
      const write = typeof key === 'string' ? `${key}: ${quoted}` : `- ${quoted}`;
      context.report({
        start: cut.start,
        end: cut.end,
        severity: 'warning',
        message: `" #" starts a comment, so ${label} is read as ${JSON.stringify(cut.value)}: to keep "#${cut.comment}", quote the value: write ${write}.`,
        fix: { title: `Quote ${label}: keep the text after " #"`, edits: [{ start: cut.start, end: cut.end, newText: quoted }], safe: false },
      });
    }
  },
});

/**
 * A comment right after its `#` (`#1`, `#hashtag`) is text the author meant to keep; so is any
 * comment after a title or a description, which are sentences. `draft: true # later` and
 * `layout: post # default` are comments.
 */
function meantAsText(cut: CutValue, profile: SiteProfile): boolean {
  if (cut.comment !== '' && !/^\s/.test(cut.comment)) return true;
  const same = (a: string | number, b: string | number) => (profile.caseInsensitiveKeys && typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b);
  return [...profile.roles.title, ...profile.roles.description].some((role) => role.length === cut.path.length && role.every((part, index) => same(part, cut.path[index])));
}
