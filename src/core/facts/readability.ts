/**
 * Flesch reading ease of the body's prose: paragraphs (in lists, quotes and the FAQ's answers too),
 * as a reader sees them. Headings, tables, code, HTML, URLs and image paths are not prose.
 *
 * Sentences are found by Unicode's sentence rules (UAX #29, as ICU's `Intl.Segmenter` applies them;
 * see text/sentences.ts) within each paragraph (a paragraph always ends a sentence), with English title
 * abbreviations ("Dr. Smith") kept whole; syllables are counted by the `syllable` package. Words are
 * runs of letters (with inner apostrophes); numbers are not words here.
 *
 * Each paragraph's counts are kept by its inline tokens: while an author types, only the changed
 * paragraph is counted again (unchanged segments of the body keep their tokens, see bodyParse.ts).
 */
import { syllable } from 'syllable';
import type { ParsedArticle } from '../parse/parse';
import type { Token } from '../parse/token';
import { FNV_START, fnvStep, forEachScannedWord, icuSentenceStarts, latinLower, scanSentenceStarts } from '../text/sentences';
import { paragraphText } from './searchFields';
import { CacheKey } from '../parse/cache';

export interface SentenceInfo {
  /** 0-based line of the article text where the sentence starts. */
  line: number;
  words: number;
  /** The sentence's first words, for messages and the preview. */
  preview: string;
}

export interface Readability {
  /** Flesch reading ease, rounded to one decimal: 206.835 − 1.015 × words/sentences − 84.6 × syllables/words. */
  score: number;
  words: number;
  sentences: number;
  syllables: number;
  /** The longest sentences (by words), longest first, at most three. */
  longest: SentenceInfo[];
}

interface BlockSentence {
  /** Lines after the block's first line. */
  lineDelta: number;
  words: number;
  /** The sentence as written in the paragraph's text (its preview is made only if it is among the longest). */
  text: string;
}

interface BlockCounts {
  words: number;
  syllables: number;
  sentences: BlockSentence[];
}

/** The language a frontmatter declares (`lang`, `language`, `locale`), if any. */
export function declaredLanguage(data: Record<string, unknown> | undefined): string | undefined {
  for (const key of ['lang', 'language', 'locale']) {
    const value = data?.[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** English, or no declared language: `en`, `en-GB`, `en_US`, `English`. */
export function isEnglish(language: string | undefined): boolean {
  return language === undefined || /^en(?:[-_].*)?$/i.test(language) || /^english\b/i.test(language);
}

/** null: no prose to score. */
const READABILITY = new CacheKey<Readability | null>('readability');
/** Each paragraph's counts, by its inline children: with a state, unchanged paragraphs are not counted again. */
const BLOCK_COUNTS = new CacheKey<WeakMap<object, BlockCounts>>('readabilityBlocks');

/**
 * The body's reading ease, or undefined when the article declares a language other than English or
 * has no prose. Computed once per body.
 */
export function readabilityOf(article: ParsedArticle): Readability | undefined {
  if (!isEnglish(declaredLanguage(article.frontmatter?.data))) return undefined;
  // A fact of the body: with a state, a frontmatter edit keeps the previous version's.
  let result = article.bodyCache.get(READABILITY);
  if (result === undefined) {
    result = computeReadability(article);
    article.bodyCache.set(READABILITY, result);
  }
  return result ?? undefined;
}

function computeReadability(article: ParsedArticle): Readability | null {
  const { tokens } = article;
  const blockCounts = article.state?.cache.ensure(BLOCK_COUNTS, () => new WeakMap());
  let words = 0;
  let syllables = 0;
  let sentenceCount = 0;
  const longest: SentenceInfo[] = [];
  let inTable = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === 'table_open') inTable++;
    else if (token.type === 'table_close') inTable--;
    if (token.type !== 'inline' || !token.children || inTable > 0) continue;
    if (tokens[index - 1]?.type !== 'paragraph_open') continue;
    const map = token.map ?? tokens[index - 1].map;
    if (!map) continue;
    // With a state, a paragraph's counts are kept by its inline children: while an author types,
    // the unchanged segments keep their tokens, so only the edited paragraph is counted again.
    let counts = blockCounts?.get(token.children);
    if (!counts) {
      counts = countBlock(token.children);
      blockCounts?.set(token.children, counts);
    }
    words += counts.words;
    syllables += counts.syllables;
    for (const sentence of counts.sentences) {
      sentenceCount++;
      if (longest.length === 3 && longest[2].words >= sentence.words) continue;
      keepLongest(longest, { line: article.bodyLine + map[0] + sentence.lineDelta, words: sentence.words, preview: sentence.text });
    }
  }
  if (words === 0 || sentenceCount === 0) return null;
  const score = 206.835 - 1.015 * (words / sentenceCount) - 84.6 * (syllables / words);
  for (const sentence of longest) sentence.preview = previewOf(sentence.preview);
  return { score: Math.round(score * 10) / 10, words, sentences: sentenceCount, syllables, longest };
}

function keepLongest(longest: SentenceInfo[], sentence: SentenceInfo): void {
  if (longest.length === 3 && longest[2].words >= sentence.words) return;
  let at = longest.length;
  while (at > 0 && longest[at - 1].words < sentence.words) at--;
  longest.splice(at, 0, sentence);
  if (longest.length > 3) longest.pop();
}

/** English title abbreviations after which Unicode's rules end a sentence, but a reader does not. */
const TITLE_ABBREVIATIONS: readonly string[] = ['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'St', 'Sr', 'Jr', 'Mt', 'Fig', 'No', 'vs', 'approx', 'etc', 'cf'];

/** Whether `text[start, end)` ends with a title abbreviation and its period ("… Dr. "). */
function endsWithTitleAbbreviation(text: string, start: number, end: number): boolean {
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end === start || text.charCodeAt(end - 1) !== 0x2e) return false;
  // The word before the period: after the last space (or the sentence's start); the longest is 6 letters.
  let wordStart = end - 1;
  while (wordStart > start && wordStart > end - 8 && text[wordStart - 1] !== ' ' && text[wordStart - 1] !== '\u00a0') wordStart--;
  if (wordStart > start && text[wordStart - 1] !== ' ' && text[wordStart - 1] !== '\u00a0') return false;
  // Compared in place, with no string made for the word.
  for (const abbreviation of TITLE_ABBREVIATIONS) {
    if (abbreviation.length === end - 1 - wordStart && text.startsWith(abbreviation, wordStart)) return true;
  }
  return false;
}

/** A paragraph's sentences as offsets: `[start, end, start, end, …]`. */
function sentenceRanges(text: string, starts: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let index = 0; index < starts.length; index++) {
    const end = index + 1 < starts.length ? starts[index + 1] : text.length;
    const last = ranges.length - 2;
    if (last >= 0 && endsWithTitleAbbreviation(text, ranges[last], ranges[last + 1])) ranges[last + 1] = end;
    else ranges.push(starts[index], end);
  }
  return ranges;
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu;

/**
 * Syllables per word (lower case), shared by every article: a bounded dictionary, not text state.
 * Looked up by a word's place in its paragraph, so a word seen before costs no new string (an
 * article has thousands of words; a string for each was a tenth of the CLI's allocations).
 */
class SyllableMemo {
  private static readonly SIZE = 1 << 17;
  /** Words kept before the table starts again (at most half full, so probes stay short). */
  private static readonly LIMIT = 50_000;
  /** Made on the first lookup (an editor session may never score a paragraph). */
  private words: (string | undefined)[] = [];
  private readonly counts = new Uint8Array(SyllableMemo.SIZE);
  private size = 0;

  /**
   * Syllables of the word `text[start, end)`: in lower case already, or (`latin`) any case of
   * Latin-1 letters and apostrophes, lower-cased character by character; `hash` is the lower-cased
   * word's (see wordHash; the scan makes it as it finds the word).
   */
  count(text: string, start: number, end: number, latin: boolean, hash: number): number {
    const mask = SyllableMemo.SIZE - 1;
    if (this.words.length === 0) this.words = new Array<string | undefined>(SyllableMemo.SIZE).fill(undefined);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const word = this.words[slot];
      if (word === undefined) {
        const key = text.slice(start, end);
        return this.add(slot, latin ? key.toLowerCase() : key);
      }
      if (word.length === end - start && sameWord(word, text, start, latin)) return this.counts[slot];
    }
  }

  private add(slot: number, word: string): number {
    if (this.size >= SyllableMemo.LIMIT) {
      this.clear();
      return this.count(word, 0, word.length, false, wordHash(word));
    }
    // Every word is at least one syllable (the package says 0 for a few non-English spellings).
    const count = Math.max(1, syllable(word));
    // A "word" of hundreds of syllables (a run of letters with no space) is counted, not kept.
    if (count > 255) return count;
    this.words[slot] = word;
    this.counts[slot] = count;
    this.size++;
    return count;
  }

  clear(): void {
    this.words = [];
    this.size = 0;
  }
}

const syllableMemo = new SyllableMemo();

/** The hash SyllableMemo files a lower-case word under (the one forEachScannedWord makes). */
function wordHash(word: string): number {
  let hash = FNV_START;
  for (let index = 0; index < word.length; index++) hash = fnvStep(hash, word.charCodeAt(index));
  return hash;
}

/** Whether `word` (lower case) is `text` from `start` on, lower-cased as latinLower when `latin`. */
function sameWord(word: string, text: string, start: number, latin: boolean): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = text.charCodeAt(start + index);
    if (word.charCodeAt(index) !== (latin ? latinLower(code) : code)) return false;
  }
  return true;
}

/** Forgets the syllable counts of words seen so far (tests). */
export function clearSyllableMemo(): void {
  syllableMemo.clear();
}

function countBlock(children: readonly Token[]): BlockCounts {
  const { text, lineStarts } = paragraphText(children);
  const counts: BlockCounts = { words: 0, syllables: 0, sentences: [] };
  const scanned = scanSentenceStarts(text);
  const ranges = sentenceRanges(text, scanned ?? icuSentenceStarts(text));
  let words = 0;
  const countWord = (start: number, end: number, hash: number) => {
    words++;
    // Text the scan accepted is Latin-1 (and a few marks): looked up as it stands, lower-cased on the fly.
    counts.syllables += syllableMemo.count(text, start, end, true, hash);
  };
  for (let index = 0; index < ranges.length; index += 2) {
    const start = ranges[index];
    const end = ranges[index + 1];
    words = 0;
    if (scanned) forEachScannedWord(text, start, end, countWord);
    else {
      const sentence = text.slice(start, end);
      for (const match of sentence.matchAll(WORD)) {
        words++;
        const word = match[0].toLowerCase();
        counts.syllables += syllableMemo.count(word, 0, word.length, false, wordHash(word));
      }
    }
    if (words === 0) continue;
    counts.words += words;
    let offset = start;
    while (offset < end && /\s/.test(text[offset])) offset++;
    let lineDelta = 0;
    while (lineDelta + 1 < lineStarts.length && lineStarts[lineDelta + 1] <= offset) lineDelta++;
    counts.sentences.push({ lineDelta, words, text: text.slice(start, end) });
  }
  return counts;
}

function previewOf(sentence: string): string {
  const text = sentence.replace(/\s+/g, ' ').trim();
  if (text.length <= 60) return text;
  const cut = text.slice(0, 59);
  const space = cut.lastIndexOf(' ');
  return `${space > 30 ? cut.slice(0, space) : cut}…`;
}

/** The usual reading of a Flesch score. */
export function readingEaseLabel(score: number): string {
  if (score >= 90) return 'very easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly easy';
  if (score >= 60) return 'plain English';
  if (score >= 50) return 'fairly difficult';
  if (score >= 30) return 'difficult';
  return 'very difficult';
}
