/**
 * Word count and reading time: the `reading-time` package's count over the body's Markdown source
 * (reading.ts computes it the same way, block by block with a cache), less what readers never see
 * (hidden.ts: MDX comments and ESM, Liquid, shortcodes), at 200 words a minute.
 */
import type { ParsedArticle } from '../parse/parse';
import { visibleBody } from './hidden';
import { countWordsIncremental, WORDS_PER_MINUTE } from './reading';
import { CacheKey } from '../parse/cache';

export interface ReadingStats {
  words: number;
  /** reading-time's minutes, rounded up: what `readingTime` in the frontmatter should say. */
  minutes: number;
}

const READING = new CacheKey<ReadingStats>('reading');

/**
 * A fact of the body: with a state, an edit in the frontmatter or an unchanged article checked again
 * keeps the previous version's count.
 */
export function readingStats(article: ParsedArticle): ReadingStats {
  let stats = article.bodyCache.get(READING);
  if (!stats) {
    // What readers never see (MDX comments, Liquid, shortcodes: hidden.ts) is not words.
    const words = countWordsIncremental(visibleBody(article), article.state);
    stats = { words, minutes: Math.ceil(words / WORDS_PER_MINUTE) };
    article.bodyCache.set(READING, stats);
  }
  return stats;
}

/**
 * Reads a declared reading time: a number, or "N", "N min", "N mins", "N min read", "N minute(s)".
 * Returns undefined for anything else.
 */
export function parseDeclaredReadingTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || value.length > 100) return undefined;
  // No two adjacent optional runs of white space: linear on any input.
  const match = /^\s*(\d+(?:\.\d+)?)(?:\s*(?:mins?(?:\s+read)?|minutes?))?\s*$/i.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** Writes a minute count in the style of an existing value ("4 minutes", "4 min read", 4). */
export function formatReadingTime(minutes: number, like?: unknown): string | number {
  if (typeof like === 'number') return minutes;
  if (typeof like === 'string' && like.length <= 100) {
    const unit = /^\s*\d+(?:\.\d+)?\s*(.*)$/.exec(like)?.[1]?.trimEnd() ?? '';
    if (/^mins?(\s+read)?$/i.test(unit)) return `${minutes} ${unit}`;
    if (unit === '') return String(minutes);
  }
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
