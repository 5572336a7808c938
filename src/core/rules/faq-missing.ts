import { faqSkeletonEdit } from '../fixes/faqSkeleton';
import { defineRule } from './rule';
import { firstLineRange } from './util';

/** No FAQ section ("Frequently Asked Questions", "FAQ" or "FAQs" heading). */
export default defineRule({
  id: 'faq-missing',
  defaultSeverity: 'warning',
  fixable: 'quick-fix',
  articlesOnly: true,
  description: 'The article has no FAQ section (a "Frequently Asked Questions", "FAQ" or "FAQs" heading).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check(context) {
    // An unclosed frontmatter block swallows the whole file: there is no body to judge.
    if (context.analysis.faq || context.article.frontmatter?.terminated === false) return;
    const [start, end] = firstLineRange(context);
    const edit = faqSkeletonEdit(context.article);
    context.report({
      start,
      end,
      message: 'No FAQ section: a "Frequently Asked Questions (FAQs)" heading with a few questions answers what readers search for.',
      fix: edit ? { title: 'Append a FAQ section skeleton', edits: [edit], safe: false } : undefined,
    });
  },
});
