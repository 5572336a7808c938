/**
 * Every image of the body, with the exact range of `![…](…)`, `![…][ref]`, `<img …>`, (in `.mdx`)
 * `<Image …>` and `<Picture …>`, or a Hugo `{{< figure … >}}`: Markdown images (inline, reference, in
 * links, quotes, lists, tables, footnotes and callouts) from markdown-it's tokens, HTML images from
 * inline HTML (even across lines) and HTML blocks, figures from shortcode tokens. Nothing in code
 * spans, code blocks, HTML comments, MDX comments or Liquid is an image. Computed once per parse.
 */
import type { ParsedArticle } from '../parse/parse';
import type { Token } from '../parse/token';
import { blockMaps, sourceOffset } from '../parse/offsets';
import { contentRangeOf } from '../parse/positions';
import { inlineText } from './headings';
import { localImagePath } from './imagePaths';
import { jsxAttributes, jsxTagEnd } from '../parse/syntax/jsx';
import { shortcodeMetaOf } from '../parse/syntax/shortcodes';
import { CacheKey } from '../parse/cache';
import { inRanges, notMarkupRanges } from './hidden';

export interface ImageRef {
  /** `markdown`: `![alt](src)`; `html`: `<img>`; `component`: an `.mdx` `<Image>` or `<Picture>`; `shortcode`: a Hugo figure. */
  kind: 'markdown' | 'html' | 'component' | 'shortcode';
  /** The tag, component or shortcode name as written (`img`, `Picture`, `figure`); none for Markdown. */
  name?: string;
  /** Where an ` alt="…"` attribute or parameter can be inserted (after the name). */
  insertAt?: number;
  /** The source as written (undefined when an HTML tag has none, or it is an expression such as `{hero}`). */
  src: string | undefined;
  /** Alt text; undefined when an HTML tag has no alt attribute. */
  alt: string | undefined;
  /**
   * MDX: the alt is a JavaScript expression (`alt={caption}`, `alt` then holds it as written) or may
   * come from a spread (`{...image}`): the page has one, whose text is known only when it is built.
   */
  altExpression?: boolean;
  /** HTML only: alt="", aria-hidden="true" or role="presentation"/"none" mark deliberate decoration. */
  decorative: boolean;
  /** Range of the whole image in the article text. */
  start: number;
  end: number;
  /** Markdown only: range of the text between `![` and `]`. */
  labelStart?: number;
  labelEnd?: number;
}

/** Whether a file name is MDX (`<Image>` components are images there). */
export function isMdxPath(filePath: string | undefined): boolean {
  return !!filePath && /\.mdx$/i.test(filePath);
}

const IMAGES = new CacheKey<{ md?: ImageRef[]; mdx?: ImageRef[] }>('images');

export function imagesOf(article: ParsedArticle, mdx = false): ImageRef[] {
  const entry = article.cache.ensure(IMAGES, (): { md?: ImageRef[]; mdx?: ImageRef[] } => ({}));
  const key = mdx ? 'mdx' : 'md';
  let images = entry[key];
  if (!images) {
    images = collectImages(article, mdx);
    entry[key] = images;
  }
  return images;
}

function collectImages(article: ParsedArticle, mdx: boolean): ImageRef[] {
  const images: ImageRef[] = [];
  const { tokens } = article;
  let maps: ([number, number] | undefined)[] | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === 'inline' && token.children) {
      const hasCandidate = token.children.some((child) => child.type === 'image' || child.type === 'html_inline' || child.type === 'shortcode');
      if (!hasCandidate) continue;
      maps ??= blockMaps(tokens);
      const map = maps[index];
      if (!map) continue;
      for (const child of token.children) {
        if (child.type === 'image') {
          const image = markdownImage(article, token, map, child);
          if (image) images.push(image);
        } else if (child.type === 'shortcode') {
          const meta = shortcodeMetaOf(child);
          const range = contentRangeOf(child);
          if (meta.name !== 'figure' || meta.closing || !range) continue;
          images.push({
            kind: 'shortcode',
            name: meta.name,
            src: meta.params.src === undefined ? undefined : decodeSrc(meta.params.src),
            alt: meta.params.alt,
            decorative: false,
            start: sourceOffset(article, token, map, range[0]),
            end: sourceOffset(article, token, map, range[1]),
            insertAt: sourceOffset(article, token, map, range[0] + meta.nameEnd),
          });
        } else if (child.type === 'html_inline') {
          const range = contentRangeOf(child);
          if (!range) continue;
          const base = range[0];
          for (const found of htmlImages(child.content, mdx)) {
            images.push({
              ...found.image,
              start: sourceOffset(article, token, map, base + found.start),
              end: sourceOffset(article, token, map, base + found.end),
              insertAt: sourceOffset(article, token, map, base + found.start + 1 + (found.image.name?.length ?? 3)),
            });
          }
        }
      }
    } else if (token.type === 'html_block' && token.map) {
      const map = token.map as [number, number];
      for (const found of htmlImages(token.content, mdx)) {
        const start = sourceOffset(article, token, map, found.start);
        // Within a hidden or code pair of template tags (`{% set x %}` … `{% endset %}`): no image.
        if (inRanges(notMarkupRanges(article), start)) continue;
        images.push({
          ...found.image,
          start,
          end: sourceOffset(article, token, map, found.end),
          insertAt: sourceOffset(article, token, map, found.start + 1 + (found.image.name?.length ?? 3)),
        });
      }
    }
  }
  return images;
}

function decodeSrc(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

function markdownImage(article: ParsedArticle, inline: Token, map: [number, number], child: Token): ImageRef | undefined {
  const range = contentRangeOf(child);
  if (!range) return undefined;
  const start = sourceOffset(article, inline, map, range[0]);
  const end = sourceOffset(article, inline, map, range[1]);
  // The label: from after `![` to its closing `]` (the raw label is child.content).
  const labelStart = start + 2;
  const labelEnd = sourceOffset(article, inline, map, range[0] + 2 + child.content.length);
  const src = String(child.attrGet('src') ?? '');
  const alt = inlineText(child);
  return {
    kind: 'markdown',
    src: decodeSrc(src),
    // An alt of markup only (`![<b></b>](x)`) is its source; one of blanks and blank entities is blank.
    alt: alt.trim() === '' && !BLANK_LABEL.test(child.content) ? child.content : alt,
    decorative: false,
    start,
    end,
    labelStart,
    labelEnd: Math.max(labelStart, labelEnd),
  };
}

/** A label of white space and white-space entities only (`&nbsp;`, `&#160;`, `&#xA0;`). */
const BLANK_LABEL = /^(?:\s|&nbsp;|&#0*160;|&#x0*a0;)*$/i;

interface FoundTag {
  image: Omit<ImageRef, 'start' | 'end'>;
  /** Offsets in the scanned HTML. */
  start: number;
  end: number;
}

const TAG_START = /<(img|Image|Picture)(?=[\s/>])/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** `<img>` (any case) and, in MDX, `<Image>` and `<Picture>` tags in a piece of HTML, skipping comments. */
function htmlImages(html: string, mdx: boolean): FoundTag[] {
  if (html.indexOf('<') === -1) return [];
  const found: FoundTag[] = [];
  const comments = commentRanges(html);
  TAG_START.lastIndex = 0;
  for (let match = TAG_START.exec(html); match; match = TAG_START.exec(html)) {
    const start = match.index;
    const name = match[1];
    const isImg = name.toLowerCase() === 'img';
    if (!isImg && !(mdx && (name === 'Image' || name === 'Picture'))) continue;
    if (insideRanges(comments, start)) continue;
    // In MDX a tag JSX cannot read (`<img src=x>`, which MDX refuses) is still read as HTML.
    const image = (mdx ? jsxImage(html, start, name, isImg) : undefined) ?? htmlImage(html, start, match[0].length, name, isImg, mdx);
    if (!image) continue;
    TAG_START.lastIndex = image.end;
    found.push(image);
  }
  return found;
}

function htmlImage(html: string, start: number, openLength: number, name: string, isImg: boolean, mdx: boolean): FoundTag | undefined {
  const end = tagEnd(html, start + openLength);
  if (end === -1) return undefined;
  const attributes = parseAttributes(html.slice(start + openLength, end - 1));
  const alt = attributes.get('alt');
  const src = attributes.get('src');
  const decorative =
    alt === '' ||
    attributes.get('aria-hidden')?.toLowerCase() === 'true' ||
    ['presentation', 'none'].includes(attributes.get('role')?.toLowerCase() ?? '');
  return {
    image: {
      kind: isImg ? 'html' : 'component',
      name,
      // In MDX, src={…} is an expression; elsewhere a `{{ … }}` prefix is a template (imagePaths.ts).
      src: src === undefined || (mdx && src.startsWith('{')) ? undefined : decodeSrc(decodeEntities(src)),
      alt: alt === undefined ? undefined : decodeEntities(alt),
      decorative,
    },
    start,
    end,
  };
}

/**
 * An MDX image tag, read with JSX's syntax: any attribute form, over lines. An expression gives no
 * `src` to check; an `alt` expression, or a spread where there is no `alt`, gives an alt whose text
 * is unknown (altExpression), which is not missing.
 */
function jsxImage(html: string, start: number, name: string, isImg: boolean): FoundTag | undefined {
  const end = jsxTagEnd(html, start, html.length);
  if (end === -1) return undefined;
  const { values, spread } = jsxAttributes(html.slice(start, end));
  const alt = values.get('alt');
  const src = values.get('src');
  const text = (key: string) => {
    const value = values.get(key);
    return value && !value.expression ? value.text.toLowerCase() : undefined;
  };
  const decorative = (alt !== undefined && !alt.expression && alt.text === '') || text('aria-hidden') === 'true' || ['presentation', 'none'].includes(text('role') ?? '');
  return {
    image: {
      kind: isImg ? 'html' : 'component',
      name,
      src: src === undefined || src.expression ? undefined : decodeSrc(decodeEntities(src.text)),
      alt: alt === undefined ? undefined : alt.expression ? alt.text : decodeEntities(alt.text),
      altExpression: alt ? alt.expression || undefined : spread || undefined,
      decorative,
    },
    start,
    end,
  };
}

/** Offset just past the `>` that closes a tag (quotes respected), or -1. Linear. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  let braces = 0;
  for (let index = from; index < html.length; index++) {
    const code = html.charCodeAt(index);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 123) braces++;
    else if (code === 125) braces = Math.max(0, braces - 1);
    else if (code === 62 && braces === 0) return index + 1;
    else if (code === 60 && braces === 0) return -1;
  }
  return -1;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
    const name = match[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&(amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#x[\da-f]{1,6});/gi, (entity, name: string) => {
    const named = ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[name.toLowerCase()];
    if (named !== undefined) return named;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
  });
}

function commentRanges(html: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let open = html.indexOf('<!--'); open !== -1; open = html.indexOf('<!--', open + 4)) {
    const close = html.indexOf('-->', open + 4);
    const end = close === -1 ? html.length : close + 3;
    ranges.push([open, end]);
    if (close === -1) break;
    open = end - 4;
  }
  return ranges;
}

function insideRanges(ranges: [number, number][], offset: number): boolean {
  for (const [start, end] of ranges) if (offset >= start && offset < end) return true;
  return false;
}

/** An alt text from the image's file name: `/img/winter-tyres_01.png` → "Winter tyres 01". */
export function altFromFileName(src: string | undefined): string {
  // A path behind a template expression (`{{ "/x.png" | relative_url }}`): the plain path it stands for.
  const path = src?.trimStart().startsWith('{{') ? (localImagePath(src) ?? '') : (src ?? '');
  const name = path.replace(/[?#].*$/, '').split('/').pop() ?? '';
  const stem = name.replace(/\.[A-Za-z0-9]+$/, '');
  const words = stem.replace(/[-_.+]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!words || words.startsWith('{')) return 'Describe this image';
  return words.charAt(0).toUpperCase() + words.slice(1);
}
