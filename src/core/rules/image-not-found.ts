import { frontmatterNodeRange } from '../frontmatter/fields';
import { relativePosix, dirname } from '../text/paths';
import { defineRule } from './rule';

/** A local image (hero, Markdown or `<img src>`) that resolves to no file. */
export default defineRule({
  id: 'image-not-found',
  defaultSeverity: 'warning',
  description: 'A local image (the hero image, a Markdown image or <img src>) resolves to no file.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  async check(context) {
    const { analysis, article } = context;
    const resolver = analysis.imageResolver;
    if (!resolver) return;
    const describe = (path: string | undefined) =>
      path && analysis.filePath ? relativePosix(dirname(analysis.filePath), path) : path ?? '';
    const hero = analysis.frontmatterOk ? analysis.hero : undefined;
    const relativeUnchecked = analysis.site.profile.relativeHeroUnchecked && hero && !/^\s*(\/|\{\{)/.test(hero.value as string);
    if (hero && analysis.isValid(String(hero.path[0])) && typeof hero.value === 'string' && !relativeUnchecked) {
      const result = await resolver.resolve(hero.value);
      // The range (from the YAML document) only for a finding.
      const range = result.status === 'missing' ? frontmatterNodeRange(article, hero.path) : undefined;
      if (range) {
        context.report({ start: range[0], end: range[1], message: `The hero image "${hero.value}" is not found (looked for ${describe(result.path)}).` });
      }
    }
    const results = await Promise.all(context.analysis.images.map((image) => resolver.resolve(image.src)));
    context.analysis.images.forEach((image, index) => {
      const result = results[index];
      if (result.status !== 'missing') return;
      context.report({ start: image.start, end: image.end, message: `The image "${image.src}" is not found (looked for ${describe(result.path)}).` });
    });
  },
});
