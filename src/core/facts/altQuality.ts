/**
 * Alt text that says nothing to someone who cannot see the image: the image's file name or its
 * words, a camera's file name, a placeholder word, a leading "image of", text too long to listen to,
 * or the article's title repeated. Shared by the rule `image-alt-quality` and the preview's SEO panel.
 */

export type AltProblem = 'file-name' | 'placeholder' | 'image-of' | 'too-long' | 'title';

export interface AltVerdict {
  problem: AltProblem;
  /** What is wrong with this alt, as a clause after "it" ("it is a file name"): the panel shows it alone. */
  reason: string;
  /** What to write instead, for messages. */
  advice: string;
}

const DESCRIBE = 'describe what the image shows';

/** Lower case, separators (`-`, `_`, `.`, spaces) as one space, no surrounding quotes or punctuation. */
function plain(text: string): string {
  const words = text.toLowerCase().replace(SEPARATORS, ' ');
  let start = 0;
  let end = words.length;
  while (start < end && EDGE.has(words[start])) start++;
  while (end > start && (EDGE.has(words[end - 1]) || TRAILING.has(words[end - 1]))) end--;
  return words.slice(start, end);
}

const SEPARATORS = /[-_.+\s]+/g;
const EDGE = new Set([' ', '"', "'", '“', '”', '‘', '’', '(', ')', '[', ']']);
const TRAILING = new Set([':', ';', ',', '!', '?']);

const IMAGE_EXTENSION = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|tiff?|heic)$/i;

/** The file name of an image source, without query, hash or folder. */
function fileNameOf(src: string | undefined): string {
  return (src ?? '').replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
}

const PLACEHOLDERS = new Set(['image', 'img', 'picture', 'pic', 'photo', 'photograph', 'screenshot', 'screen shot', 'graphic', 'figure', 'alt', 'alt text', 'alt tag', 'todo', 'tbd', 'placeholder', 'description', 'hero', 'hero image', 'banner', 'thumbnail', 'untitled']);

/** Camera and phone file names: IMG_2034, DSC0042, PXL_20260101_…, Screenshot 2026-01-05. */
const CAMERA_NAME = /^(?:img|dsc[fn]?|dcim|pxl|mvimg|gopr|p|screenshot|screen shot|photo|image)[\s_-]?\d[\d\s_-]*(?:\.\w+)?$/i;

const LEADING_IMAGE_OF = /^(?:an?\s+|the\s+)?(?:image|picture|photo|photograph|pic|screenshot|graphic)\s+(?:of|showing)\b/i;

/**
 * What is wrong with an alt text, or undefined when it may describe the image. Blank alt is another
 * rule's (image-alt-missing); `maxLength` counts characters.
 */
export function altProblem(alt: string, src: string | undefined, title: string | undefined, maxLength: number): AltVerdict | undefined {
  const trimmed = alt.trim();
  if (trimmed === '') return undefined;
  const words = plain(trimmed.replace(IMAGE_EXTENSION, ''));
  const fileName = fileNameOf(src);
  const stem = plain(fileName.replace(/\.[A-Za-z0-9]+$/, ''));
  if (IMAGE_EXTENSION.test(trimmed) && !/\s/.test(trimmed)) return { problem: 'file-name', reason: `it is a file name ("${trimmed}")`, advice: DESCRIBE };
  if (stem !== '' && words === stem) return { problem: 'file-name', reason: `it only repeats the file name ("${fileName}")`, advice: DESCRIBE };
  if (CAMERA_NAME.test(trimmed)) return { problem: 'file-name', reason: `it is a camera's file name ("${trimmed}")`, advice: DESCRIBE };
  if (PLACEHOLDERS.has(words.replace(/\s*\d+$/, ''))) return { problem: 'placeholder', reason: `it is a placeholder ("${trimmed}"), not a description`, advice: DESCRIBE };
  if (LEADING_IMAGE_OF.test(trimmed)) {
    return { problem: 'image-of', reason: `it starts with "${LEADING_IMAGE_OF.exec(trimmed)![0]}", which screen readers already say`, advice: 'start with what the image shows' };
  }
  const length = [...trimmed].length;
  if (length > maxLength) return { problem: 'too-long', reason: `it is ${length} characters long (more than ${maxLength})`, advice: 'keep it short, and put the detail in the text or a caption' };
  if (title && plain(title) !== '' && plain(title) === plain(trimmed)) return { problem: 'title', reason: "it repeats the article's title", advice: 'say what this image shows' };
  return undefined;
}
