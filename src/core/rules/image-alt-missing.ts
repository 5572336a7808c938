import type { ImageRef } from '../facts/images';
import { defineRule } from './rule';
import type { Fix } from '../types';

/**
 * Markdown images with an empty or blank alt; `<img>` (and MDX `<Image>`, `<Picture>`) without an
 * alt attribute or with a blank one; Hugo figure shortcodes without a non-blank `alt`. Blank: white
 * space and white-space entities (`&nbsp;`) only; `alt=""` on a tag is deliberate decoration. In MDX,
 * an alt expression (`alt={caption}`) is an alt, and so may a spread (`{...image}`) be: neither is
 * reported, since what it holds is known only when the page is built.
 */
export default defineRule({
  id: 'image-alt-missing',
  defaultSeverity: 'warning',
  fixable: 'quick-fix',
  description: 'A Markdown image has an empty or blank alt text, or an HTML <img> has no alt attribute.',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'body',
  check(context) {
    for (const image of context.analysis.images) {
      const blank = (image.alt ?? '').trim() === '';
      if (image.kind === 'markdown') {
        if (!blank) continue;
        context.report({
          start: image.start,
          end: image.end,
          message: 'This image has no alt text: describe what it shows, for screen readers and image search.',
          fix: altFix(image),
        });
      } else if (image.kind === 'shortcode') {
        if (!blank) continue;
        context.report({
          start: image.start,
          end: image.end,
          message:
            image.alt === undefined
              ? `This ${image.name} shortcode has no alt parameter: add alt="…" describing what the image shows.`
              : `This ${image.name} shortcode's alt is blank: describe what the image shows.`,
          fix: image.alt === undefined ? altFix(image) : undefined,
        });
      } else {
        if (image.decorative || image.altExpression || !blank) continue;
        const tag = `<${image.name ?? (image.kind === 'html' ? 'img' : 'Image')}>`;
        context.report({
          start: image.start,
          end: image.end,
          message:
            image.alt === undefined
              ? `This ${tag} has no alt attribute: describe what it shows, or write alt="" if it is decoration.`
              : `This ${tag} has a blank alt attribute: describe what it shows, or write alt="" if it is decoration.`,
          fix: image.alt === undefined ? altFix(image) : undefined,
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
  if (image.insertAt === undefined) return undefined;
  return { title: 'Add alt=""', edits: [{ start: image.insertAt, end: image.insertAt, newText: ' alt=""', cursor: 6 }], safe: false };
}
