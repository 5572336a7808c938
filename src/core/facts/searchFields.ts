/**
 * What a search result is made of, read from an article in one place: its title, description,
 * URL slug, the URL's last part, and the focus keyword. The rules of section 8 of the article format
 * and the preview's SEO panel read these functions only, so that reading each by the site's role
 * (a Hugo `summary`, a Jekyll file name) needs a change here and nowhere else.
 */
import type { ParsedArticle, Token } from '../parse/parse';
import { frontmatterEntryRange, frontmatterListItems, frontmatterNodeRange, type Range } from './fields';

export interface FieldValue {
  value: string;
  /** Where the value is written (the frontmatter value, else its entry), for jumps. */
  range?: Range;
  /** The whole `key: value` entry, where field findings go. */
  entry?: Range;
}

function stringField(article: ParsedArticle, key: string): FieldValue | undefined {
  const value = article.frontmatter?.data?.[key];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const entry = frontmatterEntryRange(article, key);
  return { value, range: frontmatterNodeRange(article, [key]) ?? entry, entry };
}

/** The frontmatter key of each field, until site profiles say it by role. */
export const SEARCH_FIELD_KEYS = { title: 'title', description: 'description', slug: 'slug', keywords: 'keywords' } as const;

export function articleTitle(article: ParsedArticle): FieldValue | undefined {
  return stringField(article, SEARCH_FIELD_KEYS.title);
}

export function articleDescription(article: ParsedArticle): FieldValue | undefined {
  return stringField(article, SEARCH_FIELD_KEYS.description);
}

export function articleSlug(article: ParsedArticle): FieldValue | undefined {
  return stringField(article, SEARCH_FIELD_KEYS.slug);
}

/** The file name without its folder, extension, or a `YYYY-MM-DD-` date prefix. */
function fileStem(name: string): string {
  return name.replace(/\.[^.]*$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
}

/**
 * The last part of the article's URL: the slug, else the file name without a `YYYY-MM-DD-` prefix;
 * for an `index` file, its folder's name (a page bundle, or a dated folder).
 */
export function urlLastPart(article: ParsedArticle, filePath: string | undefined): FieldValue | undefined {
  const slug = articleSlug(article);
  if (slug) return { value: slug.value.replace(/\/+$/, '').split('/').pop() ?? slug.value, range: slug.range };
  if (!filePath) return undefined;
  const parts = filePath.split(/[\\/]/).filter(Boolean);
  const name = parts.pop() ?? '';
  const stem = /^index\.[^.]*$/i.test(name) ? fileStem(`${parts.pop() ?? ''}.dir`) : fileStem(name);
  return stem ? { value: stem } : undefined;
}

/** The focus keyword: the first item of `keywords`, with its item's range. */
export function focusKeyword(article: ParsedArticle): FieldValue | undefined {
  const [first] = frontmatterListItems(article, SEARCH_FIELD_KEYS.keywords);
  if (!first || typeof first.value !== 'string' || first.value.trim() === '') return undefined;
  return { value: first.value, range: [first.start, first.end] };
}

/** Every keyword of the list that is a non-empty string, as written, with its item's range. */
export function keywordItems(article: ParsedArticle): FieldValue[] {
  return frontmatterListItems(article, SEARCH_FIELD_KEYS.keywords)
    .filter((item): item is { value: string; start: number; end: number } => typeof item.value === 'string' && item.value.trim() !== '')
    .map((item) => ({ value: item.value, range: [item.start, item.end] }));
}

/**
 * A paragraph's text as a reader sees it: plain text and link text; not URLs of autolinks, code
 * spans or images (each leaves a space). `lineStarts` are the offsets where each source line begins.
 */
export function paragraphText(children: readonly Token[]): { text: string; lineStarts: number[] } {
  let text = '';
  const lineStarts = [0];
  let inAutolink = false;
  for (const child of children) {
    switch (child.type) {
      case 'text':
        if (!inAutolink) text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        lineStarts.push(text.length);
        break;
      case 'link_open':
        inAutolink = child.markup === 'autolink' || child.markup === 'linkify';
        break;
      case 'link_close':
        inAutolink = false;
        break;
      case 'code_inline':
      case 'image':
        text += ' ';
        break;
      default:
        break;
    }
  }
  return { text, lineStarts };
}

export interface Paragraph {
  text: string;
  /** 0-based lines of the article text. */
  line: number;
  endLine: number;
  /** Offsets of the paragraph's first and last line. */
  start: number;
  end: number;
}

/** The body's first paragraph that has words (one holding only an image does not count). */
export function firstParagraph(article: ParsedArticle): Paragraph | undefined {
  const { tokens } = article;
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type !== 'inline' || tokens[index - 1].type !== 'paragraph_open' || !token.children) continue;
    const { text } = paragraphText(token.children);
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const map = token.map ?? tokens[index - 1].map;
    if (!map) continue;
    const line = article.bodyLine + map[0];
    const endLine = Math.max(line, article.bodyLine + map[1] - 1);
    const first = article.lines.lineText(line);
    const start = article.lines.lineStart(line) + (first.length - first.trimStart().length);
    return { text, line, endLine, start, end: article.lines.lineEnd(endLine) };
  }
  return undefined;
}
