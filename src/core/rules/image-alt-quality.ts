import { altProblem } from '../facts/altQuality';
import { articleTitle } from '../facts/searchFields';
import { frontmatterEntryRange, frontmatterNodeRange } from '../frontmatter/fields';
import { pathLabel } from '../generators/roles';
import { defineRule } from './rule';
import { numberOption } from './util';

/** Alt text that says nothing: a file name, a placeholder, "image of…", too long, or the title again. */
export default defineRule({
  id: 'image-alt-quality',
  defaultSeverity: 'info',
  description:
    'Alt text that says nothing: the file name or its words, a placeholder ("image", "photo", "todo"), a leading "image of", more than `maxLength` (125) characters, or the title repeated.',
  defaultOptions: { maxLength: 125 },
  optionSpecs: {
    maxLength: { type: 'integer', minimum: 1, description: 'Longest alt text, in characters.' },
  },
  needs: 'body',
  check(context) {
    const { analysis, article } = context;
    const maxLength = numberOption(context, 'maxLength', 125);
    const title = analysis.frontmatterOk ? articleTitle(article, analysis.site.profile)?.value : undefined;
    // The hero image's alt, in the frontmatter, by the site's roles.
    const hero = analysis.frontmatterOk ? analysis.hero : undefined;
    if (hero?.alt && typeof hero.alt.value === 'string' && typeof hero.value === 'string') {
      const verdict = altProblem(hero.alt.value, hero.value, title, maxLength);
      const altPath = hero.alt.path;
      const range = verdict && (altPath.length === 1 ? frontmatterEntryRange(article, String(altPath[0])) : frontmatterNodeRange(article, altPath));
      if (verdict && range) {
        context.report({ start: range[0], end: range[1], message: `Weak ${pathLabel(hero.alt.path)}: ${verdict.reason}; ${verdict.advice}.` });
      }
    }
    for (const image of analysis.images) {
      // An alt expression's text is known only when the page is built.
      if (image.alt === undefined || image.decorative || image.altExpression) continue;
      const verdict = altProblem(image.alt, image.src, title, maxLength);
      if (!verdict) continue;
      context.report({ start: image.start, end: image.end, message: `Weak alt text: ${verdict.reason}; ${verdict.advice}.` });
    }
  },
});
