import { closest, distance } from 'fastest-levenshtein';
import { disableComments } from '../facts/disableComments';
import { defineRule } from './rule';

/** A disable comment that names a rule that does not exist (a typo turns nothing off). */
export default defineRule({
  id: 'disable-unknown-rule',
  defaultSeverity: 'info',
  description: 'An `article-lint-disable` comment names a rule that does not exist, so it turns nothing off.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check(context) {
    const known = context.analysis.ruleIds;
    if (known.length === 0) return;
    for (const comment of disableComments(context.article)) {
      comment.ids.forEach((id, index) => {
        if (known.includes(id)) return;
        const suggestion = closest(id, [...known]);
        const hint = distance(id, suggestion) <= Math.max(2, Math.floor(id.length / 4)) ? ` Did you mean "${suggestion}"?` : '';
        const [start, end] = comment.idRanges[index];
        context.report({ start, end, message: `"${id}" is not a rule: this comment turns nothing off for it.${hint}` });
      });
    }
  },
});
