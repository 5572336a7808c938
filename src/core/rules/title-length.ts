import { DESKTOP_TITLE } from '../text/arialWidths';
import { defineRule } from './rule';
import { checkLength } from './util';

/** The title outside the conventional band (about 600 px of title fit in desktop results); Chinese, Japanese and Korean titles by width. */
export default defineRule({
  id: 'title-length',
  defaultSeverity: 'warning',
  articlesOnly: true,
  description: 'The title is shorter than `min` (20) or longer than `max` (70) characters (Chinese, Japanese or Korean text: the same band in width).',
  defaultOptions: { min: 20, max: 70 },
  optionSpecs: {
    min: { type: 'integer', minimum: 0, description: 'Fewest characters.' },
    max: { type: 'integer', minimum: 0, description: 'Most characters.' },
  },
  needs: 'frontmatter',
  check(context) {
    checkLength(context, 'title', 'Title', 'search results cut longer titles (about 600 px on desktop)', 'No title: search results and the browser tab need one', DESKTOP_TITLE.fontPx);
  },
});
