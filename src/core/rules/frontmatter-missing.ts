import { pathLabel } from '../generators/roles';
import { defineRule } from './rule';
import { firstLineRange } from './util';

/** An article (by `include`) with no frontmatter block at all. */
export default defineRule({
  id: 'frontmatter-missing',
  defaultSeverity: 'warning',
  articlesOnly: true,
  description: 'An article (matched by `include`) has no frontmatter block.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'document',
  check(context) {
    if (context.article.frontmatter || !context.analysis.isContent) return;
    const [start, end] = firstLineRange(context);
    // The site's own keys: `date` on Hugo and Jekyll, `pubDate` in the article format.
    const { roles } = context.analysis.site.profile;
    const keys = [roles.title[0], roles.description[0], roles.published[0]].filter((path) => path !== undefined).map(pathLabel);
    context.report({
      start,
      end,
      message: `This article has no frontmatter: start the file with a --- block holding at least ${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}.`,
    });
  },
});
