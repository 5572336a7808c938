import { lineBreakOf } from '../edits';
import { defineRule } from '../rule';
import { firstLineRange } from './util';

/** No FAQ section ("Frequently Asked Questions", "FAQ" or "FAQs" heading). */
export default defineRule({
  id: 'faq-missing',
  defaultSeverity: 'warning',
  description: 'The article has no FAQ section (a "Frequently Asked Questions", "FAQ" or "FAQs" heading).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check(context) {
    // An unclosed frontmatter block swallows the whole file: there is no body to judge.
    if (context.analysis.faq || context.article.frontmatter?.terminated === false) return;
    const { text } = context.article;
    const nl = lineBreakOf(text);
    const lead = text.length === 0 ? '' : text.endsWith(`${nl}${nl}`) ? '' : text.endsWith(nl) ? nl : `${nl}${nl}`;
    const skeleton = [
      '## Frequently Asked Questions (FAQs)',
      '',
      '### Q1. A question your readers ask?',
      'Answer it in one or two sentences.',
      '',
      '### Q2. Another question?',
      'Answer it here.',
      '',
      '### Q3. A third question?',
      'Answer it here.',
      '',
    ].join(nl);
    const [start, end] = firstLineRange(context);
    context.report({
      start,
      end,
      message: 'No FAQ section: a "Frequently Asked Questions (FAQs)" heading with a few questions answers what readers search for.',
      fix: { title: 'Append a FAQ section skeleton', edits: [{ start: text.length, end: text.length, newText: lead + skeleton }], safe: false },
    });
  },
});
