import { defineRule } from './rule';
import { checkLength } from './util';

/** The meta description outside the conventional band of a search snippet. */
export default defineRule({
  id: 'description-length',
  defaultSeverity: 'warning',
  articlesOnly: true,
  description: 'The description is shorter than `min` (70) or longer than `max` (160) characters.',
  defaultOptions: { min: 70, max: 160 },
  optionSpecs: {
    min: { type: 'integer', minimum: 0, description: 'Fewest characters.' },
    max: { type: 'integer', minimum: 0, description: 'Most characters.' },
  },
  needs: 'frontmatter',
  check(context) {
    checkLength(context, 'description', 'Description', 'search snippets cut longer descriptions', 'No description: search engines will write their own snippet');
  },
});
