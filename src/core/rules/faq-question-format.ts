import { defineRule } from './rule';

/** A FAQ question heading that does not end with `?`. */
export default defineRule({
  id: 'faq-question-format',
  defaultSeverity: 'info',
  articlesOnly: true,
  description: 'A FAQ question heading does not end with "?".',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check(context) {
    for (const question of context.analysis.faq?.questions ?? []) {
      const text = question.heading.text.trim();
      if (text.endsWith('?') || text.endsWith('\uFF1F')) continue;
      context.report({
        start: question.heading.start,
        end: question.heading.end,
        message: `"${text}" is a FAQ question but does not end with "?".`,
      });
    }
  },
});
