import { DESKTOP_DESCRIPTION } from '../text/arialWidths';
import { defineRule } from './rule';
import { checkLength } from './util';

/** The meta description outside the conventional band of a search snippet; Chinese, Japanese and Korean descriptions by width. */
export default defineRule({
  id: 'description-length',
  defaultSeverity: 'warning',
  articlesOnly: true,
  description: 'The description is shorter than `min` (70) or longer than `max` (160) characters (Chinese, Japanese or Korean text: the same band in width).',
  defaultOptions: { min: 70, max: 160 },
  optionSpecs: {
    min: { type: 'integer', minimum: 0, description: 'Fewest characters.' },
    max: { type: 'integer', minimum: 0, description: 'Most characters.' },
  },
  needs: 'frontmatter',
  check(context) {
    checkLength(context, 'description', 'Description', 'search snippets cut longer descriptions', 'No description: search engines will write their own snippet', DESKTOP_DESCRIPTION.fontPx);
  },
});
