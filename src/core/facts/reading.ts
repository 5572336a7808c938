/**
 * Word counting exactly as the `reading-time` package (1.5) counts, without its per-character
 * closures, and cached per block of text: while an author types, only the changed block is counted
 * again. The sum over blocks equals reading-time's count for the whole text (a property test checks
 * it against the package), so `words / 200` is reading-time's `minutes`.
 */
import type { ArticleState } from '../parse/articleState';
import { CacheKey } from '../parse/cache';
import { parseWork } from '../parse/parseWork';
import { detached } from '../text/strings';
import { BlockCache } from './blockCache';

export const WORDS_PER_MINUTE = 200;

/** Word counts by block of Markdown source, kept across a document's versions. */
const BLOCK_WORDS = new CacheKey<BlockCache<number>>('blockWords');
/** The length and the two ends of the last text whose words were counted. */
const LAST_COUNTED = new CacheKey<{ length: number; head: string; tail: string }>('lastCounted');

function isBound(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x309f) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7a3)
    // reading-time also lists 0x20000-0x2ebe0, which a single UTF-16 code unit never reaches.
  );
}

function isPunctuation(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

/** reading-time's word count of `text`, computed the same way. */
export function countWords(text: string): number {
  const length = text.length;
  let start = 0;
  let end = length - 1;
  while (start < length && isBound(text.charCodeAt(start))) start++;
  while (end >= 0 && isBound(text.charCodeAt(end))) end--;
  // Past the end, the package sees a "\n" (at `length`); the loops below never look further.
  let words = 0;
  // Each character's code is read once: `next` becomes the following iteration's `code`.
  let code = start <= end ? text.charCodeAt(start) : 10;
  for (let i = start; i <= end; i++) {
    let next = i + 1 < length ? text.charCodeAt(i + 1) : 10;
    // The common case first, with plain comparisons: below U+3040 nothing is CJK.
    if (code < 0x3040) {
      if (code !== 32 && code !== 10 && code !== 13 && code !== 9) {
        if (next === 32 || next === 10 || next === 13 || next === 9 || (next >= 0x3040 && isCjk(next))) words++;
      }
    } else if (isCjk(code)) {
      words++;
      while (i <= end && (isPunctuation(next) || isBound(next))) {
        i++;
        next = i + 1 < length ? text.charCodeAt(i + 1) : 10;
      }
    } else if (next === 32 || next === 10 || next === 13 || next === 9 || (next >= 0x3040 && isCjk(next))) {
      words++;
    }
    code = next;
  }
  return words;
}

const EDGE_LENGTH = 256;
/** How much longer or shorter an edited text may be (a paste, a deleted section). */
const EDIT_LENGTH_CHANGE = 4096;

/**
 * Whether the text looks like an edit of the last one counted: about as long, with the same start
 * or the same end. Only a guess, and either answer gives the same count: it decides whether blocks
 * are worth caching.
 */
function looksLikeAnEdit(text: string, state: ArticleState): boolean {
  const head = text.slice(0, EDGE_LENGTH);
  const tail = text.slice(-EDGE_LENGTH);
  const last = state.cache.get(LAST_COUNTED);
  const edit = last !== undefined && Math.abs(last.length - text.length) <= EDIT_LENGTH_CHANGE && (last.head === head || last.tail === tail);
  state.cache.set(LAST_COUNTED, { length: text.length, head: detached(head), tail: detached(tail) });
  return edit;
}

/** Whether splitting after `before` could change the count: a CJK character "eats" punctuation that follows it. */
function splitIsUnsafe(text: string, blockStart: number, split: number): boolean {
  let index = split;
  while (index < text.length && isBound(text.charCodeAt(index))) index++;
  if (index >= text.length || !isPunctuation(text.charCodeAt(index))) return false;
  let back = split - 1;
  while (back >= blockStart) {
    const code = text.charCodeAt(back);
    if (!isBound(code) && !isPunctuation(code)) return isCjk(code);
    back--;
  }
  return false;
}

/**
 * reading-time's word count. While a document's text is edited (with its state), block by block
 * (blocks end at blank lines) with the state's cache, so that only the changed blocks are counted
 * again. A text seen for the first time (an article opened, each file of the CLI) is counted in one
 * pass: filling the cache would cost twice that, for blocks that may never come again.
 */
export function countWordsIncremental(text: string, state: ArticleState | undefined): number {
  if (!state || !looksLikeAnEdit(text, state)) {
    parseWork.wordCountCharacters += text.length;
    return countWords(text);
  }
  const blockWords = state.cache.ensure(BLOCK_WORDS, () => new BlockCache<number>());
  const cachedCount = (block: string) =>
    blockWords.get(block, (fresh) => {
      parseWork.wordCountCharacters += fresh.length;
      return countWords(fresh);
    });
  blockWords.fit(text.length);
  let words = 0;
  let blockStart = 0;
  const pattern = /\n[ \t\r]*\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const split = match.index + match[0].length;
    if (splitIsUnsafe(text, blockStart, split)) continue;
    words += cachedCount(text.slice(blockStart, split));
    blockStart = split;
  }
  if (blockStart < text.length) words += cachedCount(text.slice(blockStart));
  return words;
}
