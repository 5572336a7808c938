/**
 * What a search result is made of, read from an article in one place: its title and description (by
 * the site profile's roles: a Hugo `summary`, a Next.js `excerpt`), URL slug, the URL's last part,
 * and the focus keyword. The search-result rules (docs/rules/serp-title-truncated.md and the others), the stats and the preview's
 * SEO panel read these functions only.
 */
import type { ParsedArticle } from '../parse/parse';
import type { Token } from '../parse/token';
import { GENERIC_SITE } from '../generators/registry';
import type { SiteProfile } from '../generators/profile';
import { roleValue, type RoleName } from '../generators/roles';
import { frontmatterEntryRange, frontmatterListItems, frontmatterNodeRange, type Range } from '../frontmatter/fields';
import { readerText } from './keywords';

export interface FieldValue {
  readonly value: string;
  /** Where the value is written (the frontmatter value, else its entry), for jumps. */
  readonly range?: Range;
  /** The whole `key: value` entry, where field findings go. */
  readonly entry?: Range;
  /** The top-level key it was read from. */
  readonly key?: string;
}

/**
 * A field's value, with its ranges found only when asked: values come from the frontmatter's data,
 * ranges need the YAML document, which an analysis without a finding to place never builds.
 */
class Field implements FieldValue {
  private located?: { range?: Range; entry?: Range };

  constructor(
    readonly value: string,
    readonly key: string | undefined,
    private readonly locate: () => { range?: Range; entry?: Range },
  ) {}

  get range(): Range | undefined {
    this.located ??= this.locate();
    return this.located.range;
  }

  get entry(): Range | undefined {
    this.located ??= this.locate();
    return this.located.entry;
  }
}

function stringField(article: ParsedArticle, key: string): FieldValue | undefined {
  const value = article.frontmatter?.data?.[key];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return new Field(value, key, () => {
    const entry = frontmatterEntryRange(article, key);
    return { range: frontmatterNodeRange(article, [key]) ?? entry, entry };
  });
}

/** The frontmatter keys of the fields that have no role in the site profiles. */
const SEARCH_FIELD_KEYS = { slug: 'slug', keywords: 'keywords' } as const;

/** A role's value when it is a non-empty string, with its range (the entry for a top-level key). */
function roleField(article: ParsedArticle, profile: SiteProfile, role: RoleName): FieldValue | undefined {
  const found = roleValue(profile, article.frontmatter?.data, role);
  if (!found || typeof found.value !== 'string' || found.value.trim() === '') return undefined;
  const path = found.path;
  return new Field(found.value, String(path[0]), () => {
    const node = frontmatterNodeRange(article, path);
    const entry = path.length === 1 ? frontmatterEntryRange(article, String(path[0])) : node;
    return { range: node ?? entry, entry };
  });
}

/** The title, by the site's title role (generic: `title`). */
export function articleTitle(article: ParsedArticle, profile: SiteProfile = GENERIC_SITE.profile): FieldValue | undefined {
  return roleField(article, profile, 'title');
}

/** The description, by the site's description role (generic: `description`). */
export function articleDescription(article: ParsedArticle, profile: SiteProfile = GENERIC_SITE.profile): FieldValue | undefined {
  return roleField(article, profile, 'description');
}

function articleSlug(article: ParsedArticle): FieldValue | undefined {
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
  if (slug) return new Field(slug.value.replace(/\/+$/, '').split('/').pop() ?? slug.value, slug.key, () => ({ range: slug.range, entry: slug.entry }));
  if (!filePath) return undefined;
  const parts = filePath.split(/[\\/]/).filter(Boolean);
  const name = parts.pop() ?? '';
  const stem = /^index\.[^.]*$/i.test(name) ? fileStem(`${parts.pop() ?? ''}.dir`) : fileStem(name);
  return stem ? new Field(stem, undefined, () => ({})) : undefined;
}

/** The focus keyword: the first item of `keywords`, with its item's range. */
export function focusKeyword(article: ParsedArticle): FieldValue | undefined {
  const keywords = article.frontmatter?.data?.[SEARCH_FIELD_KEYS.keywords];
  const first: unknown = Array.isArray(keywords) ? keywords[0] : undefined;
  if (typeof first !== 'string' || first.trim() === '') return undefined;
  return new Field(first, SEARCH_FIELD_KEYS.keywords, () => {
    const [item] = frontmatterListItems(article, SEARCH_FIELD_KEYS.keywords);
    const range: Range | undefined = item ? [item.start, item.end] : undefined;
    return { range, entry: range };
  });
}

/** Every keyword of the list that is a non-empty string, as written, with its item's range. */
export function keywordItems(article: ParsedArticle): FieldValue[] {
  return frontmatterListItems(article, SEARCH_FIELD_KEYS.keywords)
    .filter((item): item is { value: string; start: number; end: number } => typeof item.value === 'string' && item.value.trim() !== '')
    .map((item) => new Field(item.value, SEARCH_FIELD_KEYS.keywords, () => ({ range: [item.start, item.end], entry: [item.start, item.end] })));
}

/** A paragraph's text as a reader sees it (see readerText), with the offsets where its source lines begin. */
export function paragraphText(children: readonly Token[]): { text: string; lineStarts: number[] } {
  const lineStarts = [0];
  return { text: readerText(children, lineStarts), lineStarts };
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
