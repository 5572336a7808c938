/**
 * Keyword matching over the body's text as a reader sees it (not URLs, not image paths, not code):
 * case ignored, `-`, spaces and line breaks treated alike, whole words only ("tyre" does not match
 * "tyres"). The body text is built and normalized once per parse; each keyword is one indexOf scan.
 */
import type { ArticleState } from '../parse/articleState';
import type { ParsedArticle } from '../parse/parse';
import type { Token } from '../parse/token';
import { CacheKey } from '../parse/cache';

/** Separates blocks so that no keyword matches across a paragraph boundary. */
const BLOCK_BREAK = '\u0001';
const BLOCK_SEPARATOR = ` ${BLOCK_BREAK} `;

/** A keyword or text in matching form: lower case, every run of `-` and white space as one space. */
export function normalizeForMatching(text: string): string {
  // Same result as replace(/[\s-]+/g, ' '), without rewriting every single space (much faster on long text).
  return text.toLowerCase().replace(NON_SPACE_SEPARATORS, ' ').trim();
}

const NON_SPACE_SEPARATORS = /[\s-]{2,}|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-]/g;

/**
 * What keyword matching knows of one version of the body, kept with the body (ParsedArticle.bodyCache):
 * with a state, while only the frontmatter changes, all of this is reused.
 */
interface BodyText {
  /** Each block's text in matching form, in order. */
  blocks: readonly string[];
  /** The blocks joined by a break no keyword matches across, once asked for. */
  text?: string;
  /** Each block's offset in `text`, once a search of the joined text needs it. */
  starts?: number[];
  /** Which keywords this version uses, once a keyword is asked about (see phraseUsed). */
  keywords?: BodyKeywords;
}

const BODY_TEXT = new CacheKey<BodyText>('keywordBody');
/** Each block's text in matching form, by its inline children (or its HTML block token), across versions. */
const BLOCK_TEXTS = new CacheKey<WeakMap<object, string>>('keywordBlockTexts');
/** What keyword matching knows of the newest version of the body. */
const NEWEST_KEYWORDS = new CacheKey<BodyKeywords>('newestKeywords');

function bodyTextOf(article: ParsedArticle): BodyText {
  let body = article.bodyCache.get(BODY_TEXT);
  if (body === undefined) {
    // With a state, each block's text is kept by its inline children (or its token, for an HTML
    // block): while an author types, the unchanged segments of the body keep their tokens (see
    // bodyParse.ts), so only the changed blocks are read again.
    const blockTexts = article.state?.cache.ensure(BLOCK_TEXTS, () => new WeakMap());
    const blocks: string[] = [];
    for (const token of article.tokens) {
      let key: object;
      if (token.type === 'inline' && token.children) key = token.children;
      else if (token.type === 'html_block') key = token;
      else continue;
      let block = blockTexts?.get(key);
      if (block === undefined) {
        block = normalizeForMatching(token.type === 'inline' ? readerText(token.children!) : htmlText(token.content));
        blockTexts?.set(key, block);
      }
      blocks.push(block);
    }
    body = { blocks };
    article.bodyCache.set(BODY_TEXT, body);
  }
  return body;
}

function joinedText(body: BodyText): string {
  body.text ??= body.blocks.join(BLOCK_SEPARATOR);
  return body.text;
}

/** The body's reader-visible text in matching form, blocks joined by a break no keyword matches across. */
export function keywordText(article: ParsedArticle): string {
  return joinedText(bodyTextOf(article));
}

/**
 * A block's text as a reader sees it: plain text and link text; not URLs of autolinks, code spans or
 * images (each leaves a space). When `lineStarts` is given, the offset where each later source line
 * begins is pushed to it.
 */
export function readerText(children: readonly Token[], lineStarts?: number[]): string {
  let inAutolink = false;
  // Pieces joined once: a string built by `+=` is a chain of pieces that every later character
  // read walks through (the sentence scan ran three times slower on one).
  const parts: string[] = [];
  let length = 0;
  const add = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
        if (!inAutolink) add(child.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        add(' ');
        lineStarts?.push(length);
        break;
      case 'link_open':
        inAutolink = child.markup === 'autolink' || child.markup === 'linkify';
        break;
      case 'link_close':
        inAutolink = false;
        break;
      case 'code_inline':
      case 'image':
        add(' ');
        break;
      default:
        break;
    }
  }
  return parts.join('');
}

function htmlText(html: string): string {
  const withoutComments = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  return withoutComments.replace(/<[^<>]*>/g, ' ');
}

/** A letter, digit or `_`: what a keyword may not continue into ("tyre" is not in "tyres"). */
function isWordChar(char: string | undefined): boolean {
  if (char === undefined || char === '') return false;
  // ASCII without the regex: most neighbours of a match are spaces, letters or punctuation.
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
  return WORD_CHAR.test(char);
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Whether a keyword occurs in the text (both in matching form) as whole words. */
export function containsPhrase(text: string, phrase: string): boolean {
  return phraseIndex(text, phrase) !== -1;
}

/** Where a keyword next occurs in the text (both in matching form) as whole words, from `from` on, or -1. */
export function phraseIndex(text: string, phrase: string, from = 0): number {
  if (!phrase) return -1;
  const checkStart = isWordChar(phrase[0]);
  const checkEnd = isWordChar(phrase[phrase.length - 1]);
  for (let at = text.indexOf(phrase, from); at !== -1; at = text.indexOf(phrase, at + 1)) {
    if (checkStart && isWordChar(text[at - 1])) continue;
    if (checkEnd && isWordChar(text[at + phrase.length])) continue;
    return at;
  }
  return -1;
}

/**
 * Which keywords one version of the body uses. `found` maps a keyword to a block text that contains
 * it, or to null when no block does. `previous` is the version of the same document (its state's)
 * asked about before this one (only the newest version keeps it): while an author types, one block changes, so a keyword found in a block
 * that is still there is still used, and a keyword no block used need only be looked for in the new
 * blocks. Each block is matched alone, which is the same as matching the joined text: no keyword
 * spans the break between blocks.
 */
interface BodyKeywords {
  blocks: readonly string[];
  /** The version's blocks as a set, made when a later version first looks back at this one. */
  blockSet?: ReadonlySet<string>;
  found: Map<string, string | null>;
  previous: BodyKeywords | undefined;
  /** The blocks the previous version did not have, once a keyword it did not use is asked about. */
  newBlocks?: string[];
}

function keywordsOf(body: BodyText, state: ArticleState | undefined): BodyKeywords {
  if (body.keywords === undefined) {
    const newest = state?.cache.get(NEWEST_KEYWORDS);
    // Only the newest version looks back, so versions never chain up in memory.
    if (newest) newest.previous = undefined;
    body.keywords = { blocks: body.blocks, found: new Map(), previous: newest };
    state?.cache.set(NEWEST_KEYWORDS, body.keywords);
  }
  return body.keywords;
}

function blockSetOf(keywords: BodyKeywords): ReadonlySet<string> {
  keywords.blockSet ??= new Set(keywords.blocks);
  return keywords.blockSet;
}

/** A block of `blocks` that contains the phrase, or null: for the few blocks new in a version. */
function blockWithPhrase(blocks: Iterable<string>, phrase: string): string | null {
  for (const block of blocks) if (containsPhrase(block, phrase)) return block;
  return null;
}

/** The block that contains the phrase, or null: one search of the joined text (faster than one a block). */
function findInBody(body: BodyText, phrase: string): string | null {
  const at = phraseIndex(joinedText(body), phrase);
  if (at === -1) return null;
  if (!body.starts) {
    // Where each block starts in the joined text.
    const starts: number[] = [];
    let offset = 0;
    for (const block of body.blocks) {
      starts.push(offset);
      offset += block.length + BLOCK_SEPARATOR.length;
    }
    body.starts = starts;
  }
  // The last block starting at or before the match.
  let low = 0;
  let high = body.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (body.starts[middle] <= at) low = middle;
    else high = middle - 1;
  }
  return body.blocks[low];
}

/**
 * Whether a keyword in matching form occurs in the article's body, looked up once per body (the
 * stats and the keyword-unused rule ask about the same keywords, and frontmatter edits reuse the body).
 */
export function phraseUsed(article: ParsedArticle, normalized: string): boolean {
  // A keyword with the block break in it could only match across blocks: match the joined text.
  if (normalized.includes(BLOCK_BREAK)) return containsPhrase(keywordText(article), normalized);
  const body = bodyTextOf(article);
  const state = keywordsOf(body, article.state);
  let witness = state.found.get(normalized);
  if (witness === undefined) {
    const before = state.previous?.found.get(normalized);
    if (typeof before === 'string' && blockSetOf(state).has(before)) witness = before;
    else if (before === null) {
      // No block of the previous version had it: only blocks new in this version can.
      const previousBlocks = blockSetOf(state.previous!);
      state.newBlocks ??= body.blocks.filter((block) => !previousBlocks.has(block));
      witness = blockWithPhrase(state.newBlocks, normalized);
    } else witness = findInBody(body, normalized);
    state.found.set(normalized, witness);
  }
  return witness !== null;
}

export interface KeywordCoverage {
  /** Distinct keywords (matching form), in list order. */
  distinct: string[];
  used: string[];
}

/** Distinct keywords and which of them the body uses (for the stats and the preview). */
export function keywordCoverage(article: ParsedArticle, keywords: readonly unknown[]): KeywordCoverage {
  const distinct: string[] = [];
  const seen = new Set<string>();
  for (const keyword of keywords) {
    if (typeof keyword !== 'string') continue;
    const normalized = normalizeForMatching(keyword);
    if (!normalized || seen.has(normalized)) continue;
    seen.add(normalized);
    distinct.push(normalized);
  }
  return { distinct, used: distinct.filter((keyword) => phraseUsed(article, keyword)) };
}
