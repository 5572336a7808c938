/**
 * Every image of the body, with the exact range of `![…](…)`, `![…][ref]`, `<img …>` or (in `.mdx`)
 * `<Image …>`: Markdown images (inline, reference, in links, quotes, lists and tables) from
 * markdown-it's tokens, HTML images from inline HTML (even across lines) and HTML blocks. Nothing in
 * code spans, code blocks or HTML comments is an image. Computed once per parse.
 */
import type { ParsedArticle, Token } from '../parse/parse';
import { blockMaps, contentRangeOf, sourceOffset } from '../parse/positions';
import { inlineText } from './headings';

export interface ImageRef {
  /** `markdown`: `![alt](src)`; `html`: `<img>`; `component`: an `.mdx` `<Image>`. */
  kind: 'markdown' | 'html' | 'component';
  /** The source as written (undefined when an HTML tag has none, or it is an expression such as `{hero}`). */
  src: string | undefined;
  /** Alt text; undefined when an HTML tag has no alt attribute. */
  alt: string | undefined;
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

export function imagesOf(article: ParsedArticle, mdx = false): ImageRef[] {
  const entry = (article.facts.images ??= {});
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
      const hasCandidate = token.children.some((child) => child.type === 'image' || child.type === 'html_inline');
      if (!hasCandidate) continue;
      maps ??= blockMaps(tokens);
      const map = maps[index];
      if (!map) continue;
      for (const child of token.children) {
        if (child.type === 'image') {
          const image = markdownImage(article, token, map, child);
          if (image) images.push(image);
        } else if (child.type === 'html_inline') {
          const range = contentRangeOf(child);
          if (!range) continue;
          const base = range[0];
          for (const found of htmlImages(child.content, mdx)) {
            images.push({
              ...found.image,
              start: sourceOffset(article, token, map, base + found.start),
              end: sourceOffset(article, token, map, base + found.end),
            });
          }
        }
      }
    } else if (token.type === 'html_block' && token.map) {
      const map = token.map as [number, number];
      for (const found of htmlImages(token.content, mdx)) {
        images.push({
          ...found.image,
          start: sourceOffset(article, token, map, found.start),
          end: sourceOffset(article, token, map, found.end),
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
    alt: alt.trim() === '' ? child.content : alt,
    decorative: false,
    start,
    end,
    labelStart,
    labelEnd: Math.max(labelStart, labelEnd),
  };
}

interface FoundTag {
  image: Omit<ImageRef, 'start' | 'end'>;
  /** Offsets in the scanned HTML. */
  start: number;
  end: number;
}

const TAG_START = /<(img|Image)(?=[\s/>])/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** `<img>` (any case) and, in MDX, `<Image>` tags in a piece of HTML, skipping comments. */
export function htmlImages(html: string, mdx: boolean): FoundTag[] {
  if (html.indexOf('<') === -1) return [];
  const found: FoundTag[] = [];
  const comments = commentRanges(html);
  TAG_START.lastIndex = 0;
  for (let match = TAG_START.exec(html); match; match = TAG_START.exec(html)) {
    const start = match.index;
    const name = match[1];
    const isImg = name.toLowerCase() === 'img';
    if (!isImg && !(mdx && name === 'Image')) continue;
    if (insideRanges(comments, start)) continue;
    const end = tagEnd(html, start + match[0].length);
    if (end === -1) continue;
    TAG_START.lastIndex = end;
    const attributes = parseAttributes(html.slice(start + match[0].length, end - 1));
    const alt = attributes.get('alt');
    const src = attributes.get('src');
    const decorative =
      alt === '' ||
      attributes.get('aria-hidden')?.toLowerCase() === 'true' ||
      ['presentation', 'none'].includes(attributes.get('role')?.toLowerCase() ?? '');
    found.push({
      image: {
        kind: isImg ? 'html' : 'component',
        src: src === undefined || src.startsWith('{') ? undefined : decodeSrc(decodeEntities(src)),
        alt: alt === undefined ? undefined : decodeEntities(alt),
        decorative,
      },
      start,
      end,
    });
  }
  return found;
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
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[name] ?? _);
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
  const name = (src ?? '').replace(/[?#].*$/, '').split('/').pop() ?? '';
  const stem = name.replace(/\.[A-Za-z0-9]+$/, '');
  const words = stem.replace(/[-_.+]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!words || words.startsWith('{')) return 'Describe this image';
  return words.charAt(0).toUpperCase() + words.slice(1);
}
