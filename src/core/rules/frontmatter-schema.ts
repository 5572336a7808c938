import { frontmatterEntryRange, frontmatterNodeRange } from '../frontmatter/fields';
import { defineRule } from './rule';
import { firstLineRange } from './util';

/** A value that breaks the schema: one finding per key, however many schema keywords it breaks. */
export default defineRule({
  id: 'frontmatter-schema',
  defaultSeverity: 'error',
  description: 'A frontmatter value breaks the schema (missing required key, wrong type, unparseable date, value not allowed).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  check(context) {
    const { analysis, article } = context;
    if (analysis.schemaProblem) {
      const [start, end] = firstLineRange(context);
      context.report({ start, end, message: `${analysis.schemaProblem} The built-in schema was used instead.` });
    }
    for (const issue of analysis.schemaCheck?.issues ?? []) {
      let range: [number, number] | undefined;
      if (!issue.missing && issue.key) {
        range = (issue.path.length ? frontmatterNodeRange(article, issue.path) : undefined) ?? frontmatterEntryRange(article, issue.key);
      }
      const [start, end] = range ?? firstLineRange(context);
      context.report({ start, end, message: issue.message });
    }
  },
});
