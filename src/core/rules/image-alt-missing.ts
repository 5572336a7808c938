import type { ImageRef } from '../facts/images';
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

/**
 * An empty alt, with the cursor inside it for the author to describe the image: a text made from the
 * file name would say nothing (image-alt-quality's finding), and the author knows what it shows.
 */
function altFix(image: ImageRef): Fix | undefined {
  if (image.kind === 'markdown') {
    if (image.labelStart === undefined || image.labelEnd === undefined) return undefined;
    return { title: 'Add alt text', edits: [{ start: image.labelStart, end: image.labelEnd, newText: '', cursor: 0 }], safe: false };
  }
  const nameEnd = image.start + (image.kind === 'html' ? 4 : 6);
  return { title: 'Add alt=""', edits: [{ start: nameEnd, end: nameEnd, newText: ' alt=""', cursor: 6 }], safe: false };
}
