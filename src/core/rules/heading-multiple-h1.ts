import { defineRule } from './rule';

/** Each H1 of the body after the first (the frontmatter title is not a heading of the body). */
export default defineRule({
  id: 'heading-multiple-h1',
  defaultSeverity: 'warning',
  description: 'The body has more than one H1 heading (each one after the first is reported).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check(context) {
    let first: string | undefined;
    for (const heading of context.analysis.headings) {
      if (heading.level !== 1) continue;
      if (first === undefined) {
        first = heading.text;
        continue;
      }
      context.report({
        start: heading.start,
        end: heading.end,
        message: `A second H1 ("${heading.text}"): an article has one title, "${first}"; make this an H2.`,
      });
    }
  },
});
