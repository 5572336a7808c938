import { articleDescription } from '../facts/searchFields';
import { DESKTOP_DESCRIPTION } from '../text/arialWidths';
import { defineRule } from './rule';
import { reportTruncation } from './serpWidth';

/** A description wider than a desktop search result shows (920 px of Arial 14 px). */
export default defineRule({
  id: 'serp-description-truncated',
  defaultSeverity: 'info',
  articlesOnly: true,
  description: 'The description is wider than a desktop search result shows: `maxWidth` (920) px of Arial 14 px.',
  defaultOptions: { maxWidth: DESKTOP_DESCRIPTION.maxWidth },
  optionSpecs: {
    maxWidth: { type: 'number', minimum: 1, description: 'Widest description shown, in px of Arial 14 px.' },
  },
  needs: 'frontmatter',
  check(context) {
    const field = articleDescription(context.article, context.analysis.site.profile);
    if (!field?.key || !context.analysis.isValid(field.key)) return;
    reportTruncation(context, field, 'Description', DESKTOP_DESCRIPTION, 'description-length');
  },
});
