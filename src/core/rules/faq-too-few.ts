import { defineRule } from './rule';
import { numberOption, plural } from './util';

/** Fewer than `minQuestions` questions in the FAQ section. */
export default defineRule({
  id: 'faq-too-few',
  defaultSeverity: 'info',
  articlesOnly: true,
  description: 'The FAQ section has fewer than `minQuestions` (3) questions.',
  defaultOptions: { minQuestions: 3 },
  optionSpecs: { minQuestions: { type: 'integer', minimum: 0, description: 'Fewest questions in the FAQ section.' } },
  needs: 'body',
  check(context) {
    const faq = context.analysis.faq;
    if (!faq) return;
    const min = numberOption(context, 'minQuestions', 3);
    if (faq.questions.length >= min) return;
    const level = '#'.repeat(Math.min(faq.heading.level + 1, 6));
    context.report({
      start: faq.heading.start,
      end: faq.heading.end,
      message: `The FAQ has ${plural(faq.questions.length, 'question')}; add at least ${min} (each a ${level} heading under it).`,
    });
  },
});
