import { articleTitle } from '../facts/searchFields';
import { DESKTOP_TITLE } from '../text/arialWidths';
import { defineRule } from './rule';
import { reportTruncation } from './serpWidth';

/** A title wider than a desktop search result shows (600 px of Arial 20 px). */
export default defineRule({
  id: 'serp-title-truncated',
  defaultSeverity: 'info',
  articlesOnly: true,
  description: 'The title is wider than a desktop search result shows: `maxWidth` (600) px of Arial 20 px.',
  defaultOptions: { maxWidth: DESKTOP_TITLE.maxWidth },
  optionSpecs: {
    maxWidth: { type: 'number', minimum: 1, description: 'Widest title shown, in px of Arial 20 px.' },
  },
  needs: 'frontmatter',
  check(context) {
    const field = articleTitle(context.article, context.analysis.site.profile);
    if (!field?.key || !context.analysis.isValid(field.key)) return;
    reportTruncation(context, field, 'Title', DESKTOP_TITLE, 'title-length');
  },
});
