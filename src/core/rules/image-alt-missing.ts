import { altFromFileName, type ImageRef } from '../facts/images';
import { defineRule } from './rule';
import type { Fix } from '../types';

/** Markdown images with an empty or blank alt; `<img>` (and MDX `<Image>`) without an alt attribute. */
export default defineRule({
  id: 'image-alt-missing',
  defaultSeverity: 'warning',
  description: 'A Markdown image has an empty or blank alt text, or an HTML <img> has no alt attribute.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check(context) {
    for (const image of context.analysis.images) {
      if (image.kind === 'markdown') {
        if ((image.alt ?? '').trim() !== '') continue;
        context.report({
          start: image.start,
          end: image.end,
          message: 'This image has no alt text: describe what it shows, for screen readers and image search.',
          fix: altFix(image),
        });
      } else {
        if (image.alt !== undefined || image.decorative) continue;
        const tag = image.kind === 'html' ? '<img>' : '<Image>';
        context.report({
          start: image.start,
          end: image.end,
          message: `This ${tag} has no alt attribute: describe what it shows, or write alt="" if it is decoration.`,
          fix: altFix(image),
        });
      }
    }
  },
});

function altFix(image: ImageRef): Fix | undefined {
  const alt = altFromFileName(image.src);
  if (image.kind === 'markdown') {
    if (image.labelStart === undefined || image.labelEnd === undefined) return undefined;
    const text = alt.replace(/([\\[\]])/g, '\\$1');
    return { title: `Add alt text "${alt}"`, edits: [{ start: image.labelStart, end: image.labelEnd, newText: text }], safe: false };
  }
  const nameEnd = image.start + (image.kind === 'html' ? 4 : 6);
  const value = alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return { title: `Add alt="${alt}"`, edits: [{ start: nameEnd, end: nameEnd, newText: ` alt="${value}"` }], safe: false };
}
