import { defineRule } from './rule';
import { firstLineRange } from './util';

/** An article (by `include`) with no frontmatter block at all. */
export default defineRule({
  id: 'frontmatter-missing',
  defaultSeverity: 'warning',
  description: 'An article (matched by `include`) has no frontmatter block.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'document',
  check(context) {
    if (context.article.frontmatter || !context.analysis.isArticle) return;
    const [start, end] = firstLineRange(context);
    context.report({
      start,
      end,
      message: 'This article has no frontmatter: start the file with a --- block holding at least title, description and pubDate.',
    });
  },
});
