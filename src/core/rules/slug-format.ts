import { setFrontmatterScalar } from '../frontmatter/edits';
import { frontmatterEntryRange } from '../frontmatter/fields';
import { slugify } from '../text/strings';
import { defineRule } from './rule';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug that is not lowercase kebab-case ASCII. */
export default defineRule({
  id: 'slug-format',
  defaultSeverity: 'warning',
  description: 'The slug is not lowercase kebab-case ASCII (`winter-tyres-guide`).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  check(context) {
    const { analysis, article } = context;
    const key = analysis.key('slug');
    const slug = analysis.data[key];
    if (!analysis.isValid(key) || typeof slug !== 'string' || KEBAB_CASE.test(slug)) return;
    const range = frontmatterEntryRange(article, key);
    if (!range) return;
    const fixed = slugify(slug);
    const edit = fixed ? setFrontmatterScalar(article, key, fixed) : undefined;
    context.report({
      start: range[0],
      end: range[1],
      message: fixed
        ? `Slug "${slug}" is not lowercase kebab-case ASCII; use "${fixed}".`
        : `Slug "${slug}" is not lowercase kebab-case ASCII (letters a-z, digits and single hyphens).`,
      fix: edit ? { title: `Change slug to "${fixed}"`, edits: [edit], safe: true } : undefined,
    });
  },
});
