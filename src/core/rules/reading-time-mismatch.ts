import { readingTimeEdit } from '../fixes/readingTime';
import { publishDateKeys } from '../generators/roles';
import { frontmatterEntryRange } from '../frontmatter/fields';
import { defineRule } from './rule';
import { parseDeclaredReadingTime, readingStats } from '../facts/stats';
import { numberOption, plural } from './util';

/** The declared readingTime differs from the body's by more than `tolerance` minutes. */
export default defineRule({
  id: 'reading-time-mismatch',
  defaultSeverity: 'warning',
  fixable: 'fix',
  articlesOnly: true,
  description: 'The declared `readingTime` differs from the computed one by more than `tolerance` (1) minutes.',
  defaultOptions: { tolerance: 1 },
  optionSpecs: { tolerance: { type: 'number', minimum: 0, description: 'Minutes of difference allowed.' } },
  needs: 'frontmatter',
  check(context) {
    const { analysis, article } = context;
    const key = analysis.key('readingTime');
    if (!analysis.isValid(key)) return;
    const declared = parseDeclaredReadingTime(analysis.data[key]);
    if (declared === undefined) return;
    const { minutes, words } = readingStats(article);
    if (Math.abs(declared - minutes) <= numberOption(context, 'tolerance', 1)) return;
    const range = frontmatterEntryRange(article, key);
    if (!range) return;
    const edit = readingTimeEdit(article, publishDateKeys(analysis.site.profile), key);
    context.report({
      start: range[0],
      end: range[1],
      message: `readingTime says ${plural(declared, 'minute')}, but the body reads in about ${plural(minutes, 'minute')} (${words} words at 200 a minute).`,
      fix: edit ? { title: `Set readingTime to ${plural(minutes, 'minute')}`, edits: [edit], safe: true } : undefined,
    });
  },
});
