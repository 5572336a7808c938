/** What the page header shows, read from the frontmatter: values only, never a reason to fail. */
import { isMap, isScalar } from 'yaml';
import type { ParsedArticle } from '../parse/parse';
import { parseDeclaredReadingTime, readingStats } from '../facts/stats';
import genericSite from '../generators/generic';
import { LENIENT_DATE_FORMAT, type SiteProfile } from '../generators/profile';
import { parseLenientDate } from '../facts/dates';
import { heroValue, roleValue, type RoleName } from '../generators/roles';

export interface ArticleMeta {
  title?: string;
  description?: string;
  slug?: string;
  author?: string;
  category?: string;
  /** The date as written, and as shown ("March 3, 2026"); formatted is absent when it is not a date. */
  pubDate?: { raw: string; formatted?: string; iso?: string };
  updatedDate?: { raw: string; formatted?: string; iso?: string };
  heroImage?: string;
  heroImageAlt?: string;
  /** The top-level keys the title, description, dates and hero were read from (for scroll sync). */
  keys: Partial<Record<RoleName | 'hero', string>>;
  keywords: string[];
  tags: string[];
  /** Minutes shown: the declared readingTime when it reads as one, else the computed value. */
  readingMinutes: number;
  computedReadingMinutes: number;
  words: number;
  draft: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthIndex(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return -1;
  return MONTHS.findIndex((month) => month.toLowerCase().startsWith(lower) || (lower === 'sept' && month === 'September'));
}

function validDate(year: number, month: number, day: number): { year: number; month: number; day: number } | undefined {
  if (month < 0 || month > 11 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return day <= days ? { year, month, day } : undefined;
}

/** Calendar dates in the forms the article format accepts: ISO 8601 and English month names. */
export function parseCalendarDate(value: unknown): { year: number; month: number; day: number } | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { year: value.getUTCFullYear(), month: value.getUTCMonth(), day: value.getUTCDate() };
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (match) return validDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  match = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (match) return validDate(Number(match[3]), monthIndex(match[1]), Number(match[2]));
  match = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(text);
  if (match) return validDate(Number(match[3]), monthIndex(match[2]), Number(match[1]));
  return undefined;
}

/** A date as the site reads it: the article format's forms, or what Ruby's Time.parse reads where the site's schema says so (Jekyll). */
function siteDate(value: unknown, lenient: boolean): { year: number; month: number; day: number } | undefined {
  const date = parseCalendarDate(value);
  if (date || !lenient) return date;
  const read = parseLenientDate(value);
  return read ? { year: read.year, month: read.month - 1, day: read.day } : undefined;
}

function dateField(value: unknown, lenient = false): ArticleMeta['pubDate'] {
  if (value === undefined || value === null || value === '') return undefined;
  const raw = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const date = siteDate(value, lenient);
  if (!date) return { raw };
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    raw,
    formatted: `${MONTHS[date.month]} ${date.day}, ${date.year}`,
    iso: `${date.year}-${pad(date.month + 1)}-${pad(date.day)}`,
  };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter((item): item is string => item !== undefined);
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter(Boolean);
  return [];
}

/** The header's values, read by the site's roles (the article format's own keys when no site is given). */
export function readMeta(article: ParsedArticle, site: SiteProfile = genericSite): ArticleMeta {
  const data = article.frontmatter?.data ?? {};
  const stats = readingStats(article);
  const declared = parseDeclaredReadingTime(data.readingTime);
  const keys: ArticleMeta['keys'] = {};
  const role = (name: RoleName) => {
    const found = roleValue(site, data, name);
    if (found) keys[name] = String(found.path[0]);
    return found?.value;
  };
  const properties = (site.schema.properties ?? {}) as Record<string, { format?: unknown } | undefined>;
  const lenient = (name: RoleName) => keys[name] !== undefined && properties[keys[name]!]?.format === LENIENT_DATE_FORMAT;
  const hero = heroValue(site, data);
  if (hero) keys.hero = String(hero.path[0]);
  const author = data.author;
  return {
    title: text(role('title')),
    description: text(role('description')),
    slug: text(data.slug),
    // An author may be a name, or an object with a name (the Next.js blog starter, Docusaurus).
    author: text(author) ?? (typeof author === 'object' && author !== null ? text((author as Record<string, unknown>).name) : undefined),
    category: text(data.category),
    pubDate: dateField(role('published'), lenient('published')),
    updatedDate: dateField(role('updated'), lenient('updated')),
    heroImage: hero ? text(hero.value) : undefined,
    heroImageAlt: typeof hero?.alt?.value === 'string' ? hero.alt.value : undefined,
    keys,
    keywords: [...new Set(list(data.keywords))],
    tags: list(data.tags),
    readingMinutes: declared !== undefined ? Math.max(1, Math.round(declared)) : Math.max(1, stats.minutes),
    computedReadingMinutes: stats.minutes,
    words: stats.words,
    draft: data.draft === true,
  };
}

/** 0-based line of a top-level frontmatter key, for scroll sync; the block's first line when absent. */
export function frontmatterKeyLine(article: ParsedArticle, key: string): number {
  const frontmatter = article.frontmatter;
  const contents = frontmatter?.doc?.contents;
  if (frontmatter && isMap(contents)) {
    for (const pair of contents.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        return article.lines.lineOf(frontmatter.contentStart + pair.key.range[0]);
      }
    }
  }
  return 0;
}
