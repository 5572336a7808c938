import { lineBreakOf } from '../text/edits';
import { defineRule } from './rule';

/** A FAQ question with no answer before the next heading. */
export default defineRule({
  id: 'faq-answer-missing',
  defaultSeverity: 'warning',
  fixable: 'quick-fix',
  articlesOnly: true,
  description: 'A FAQ question has no answer before the next heading.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check(context) {
    const faq = context.analysis.faq;
    if (!faq) return;
    const { lines, text } = context.article;
    const nl = lineBreakOf(text);
    for (const question of faq.questions) {
      if (question.hasAnswer) continue;
      const lastLine = question.heading.endLine;
      const lineEnd = lines.lineEnd(lastLine);
      const atEnd = lastLine + 1 >= lines.lineCount;
      const placeholder = 'TODO: answer this question.';
      // After the heading's line: the answer, then the line break the heading had (or none at the end).
      // A line that follows at once (`---`, `===`, a table) would join the answer's paragraph or make
      // it a heading: a blank line ends the paragraph first.
      const nextIsBlank = !atEnd && lines.lineText(lastLine + 1).trim() === '';
      const edit = atEnd
        ? { start: text.length, end: text.length, newText: `${lineEnd === text.length ? nl : ''}${placeholder}${nl}` }
        : { start: lines.lineStart(lastLine + 1), end: lines.lineStart(lastLine + 1), newText: `${placeholder}${nl}${nextIsBlank ? '' : nl}` };
      context.report({
        start: question.heading.start,
        end: question.heading.end,
        message: `"${question.heading.text}" has no answer: write it right below the question.`,
        fix: { title: 'Add a placeholder answer', edits: [edit], safe: false },
      });
    }
  },
});
