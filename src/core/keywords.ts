/**
 * Keyword matching over the body's text as a reader sees it (not URLs, not image paths, not code):
 * case ignored, `-`, spaces and line breaks treated alike, whole words only ("tyre" does not match
 * "tyres"), never across two blocks. Which keywords a block contains is cached per block text, so
 * that while an author types only the changed block is searched again.
 */
import { BlockCache } from './blockCache';
import type { ParsedArticle, Token } from './parse';

/** Separates blocks so that no keyword matches across a paragraph boundary. */
const BLOCK_BREAK = '\u0001';

/** A keyword or text in matching form: lower case, every run of `-` and white space as one space. */
export function normalizeForMatching(text: string): string {
  // Same result as replace(/[\s-]+/g, ' '), without rewriting every single space (much faster on long text).
  return text.toLowerCase().replace(NON_SPACE_SEPARATORS, ' ').trim();
}

const NON_SPACE_SEPARATORS = /[\s-]{2,}|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-]/g;

const bodyTextCache = new WeakMap<ParsedArticle, string>();

/** The body's reader-visible text in matching form (blocks joined by a break no keyword matches across). */
export function keywordText(article: ParsedArticle): string {
  let text = bodyTextCache.get(article);
  if (text === undefined) {
    text = normalizeForMatching(visibleBlocks(article).join(` ${BLOCK_BREAK} `));
    bodyTextCache.set(article, text);
  }
  return text;
}

const blocksCache = new WeakMap<ParsedArticle, string[]>();

/** The reader-visible text of each block of the body (paragraph, heading, table cell, HTML block). */
function visibleBlocks(article: ParsedArticle): string[] {
  let blocks = blocksCache.get(article);
  if (!blocks) {
    blocks = visibleText(article.tokens);
    blocksCache.set(article, blocks);
  }
  return blocks;
}

function visibleText(tokens: readonly Token[]): string[] {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline' && token.children) {
      let inAutolink = false;
      let text = '';
      for (const child of token.children) {
        switch (child.type) {
          case 'text':
            if (!inAutolink) text += child.content;
            break;
          case 'softbreak':
          case 'hardbreak':
            text += ' ';
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
      parts.push(text);
    } else if (token.type === 'html_block') {
      const withoutComments = token.content.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
      parts.push(withoutComments.replace(/<[^<>]*>/g, ' '));
    }
  }
  return parts;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && char !== '' && /[\p{L}\p{N}_]/u.test(char);
}

/** Whether a keyword occurs in the text (both in matching form) as whole words. */
export function containsPhrase(text: string, phrase: string): boolean {
  if (!phrase) return false;
  const checkStart = isWordChar(phrase[0]);
  const checkEnd = isWordChar(phrase[phrase.length - 1]);
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    if (checkStart && isWordChar(text[at - 1])) continue;
    if (checkEnd && isWordChar(text[at + phrase.length])) continue;
    return true;
  }
  return false;
}

/** Per block text: its matching form, and which phrases of a keyword list it contains (by list). */
interface BlockMatches {
  normalized: string;
  found: Map<string, readonly string[]>;
}

/** Lists remembered per block: the article's keywords change rarely, and a few lists cover undo. */
const LISTS_PER_BLOCK = 4;
const blockMatches = new BlockCache<BlockMatches>();

/** Forgets every cached block match (the benchmark's "from scratch" runs; tests). */
export function clearKeywordMatchCache(): void {
  blockMatches.clear();
}

function matchesOf(block: string): BlockMatches {
  return { normalized: normalizeForMatching(block), found: new Map() };
}

const usedCache = new WeakMap<ParsedArticle, { phrases: readonly string[]; used: Set<string> }>();

/**
 * Which of `phrases` (in matching form) occur in the body: each block searched once per list, and the
 * last list's answer kept per parse (the stats and the keyword-unused rule ask about the same list).
 */
function phrasesUsed(article: ParsedArticle, phrases: readonly string[]): Set<string> {
  const last = usedCache.get(article);
  if (last && (last.phrases === phrases || sameList(last.phrases, phrases))) return last.used;
  const listKey = phrases.join(BLOCK_BREAK);
  const used = new Set<string>();
  for (const block of visibleBlocks(article)) {
    const matches = blockMatches.get(block, matchesOf);
    let found = matches.found.get(listKey);
    if (!found) {
      found = phrases.filter((phrase) => containsPhrase(matches.normalized, phrase));
      if (matches.found.size >= LISTS_PER_BLOCK) matches.found.delete(matches.found.keys().next().value!);
      matches.found.set(listKey, found);
    }
    for (const phrase of found) used.add(phrase);
  }
  usedCache.set(article, { phrases, used });
  return used;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((phrase, index) => phrase === b[index]);
}

/**
 * Whether a keyword in matching form occurs in the article's body. The frontmatter's keywords are
 * looked up together, once per parse.
 */
export function phraseUsed(article: ParsedArticle, normalized: string): boolean {
  const listed = distinctKeywords(article);
  if (listed.includes(normalized)) return phrasesUsed(article, listed).has(normalized);
  return visibleBlocks(article).some((block) => containsPhrase(blockMatches.get(block, matchesOf).normalized, normalized));
}

const distinctCache = new WeakMap<ParsedArticle, string[]>();

/** The frontmatter's keywords, distinct, in matching form and list order. */
function distinctKeywords(article: ParsedArticle): string[] {
  let distinct = distinctCache.get(article);
  if (!distinct) {
    const keywords = article.frontmatter?.data?.keywords;
    distinct = distinctPhrases(Array.isArray(keywords) ? keywords : []);
    distinctCache.set(article, distinct);
  }
  return distinct;
}

function distinctPhrases(keywords: readonly unknown[]): string[] {
  const distinct: string[] = [];
  const seen = new Set<string>();
  for (const keyword of keywords) {
    if (typeof keyword !== 'string') continue;
    const normalized = normalizeForMatching(keyword);
    if (!normalized || seen.has(normalized)) continue;
    seen.add(normalized);
    distinct.push(normalized);
  }
  return distinct;
}

/** Whether a frontmatter keyword occurs in the article's body. */
export function keywordUsed(article: ParsedArticle, keyword: string): boolean {
  return phraseUsed(article, normalizeForMatching(keyword));
}

export interface KeywordCoverage {
  /** Distinct keywords (matching form), in list order. */
  distinct: string[];
  used: string[];
}

/** Distinct keywords and which of them the body uses (for the stats and the preview). */
export function keywordCoverage(article: ParsedArticle, keywords: readonly unknown[]): KeywordCoverage {
  const distinct = keywords === article.frontmatter?.data?.keywords ? distinctKeywords(article) : distinctPhrases(keywords);
  const used = phrasesUsed(article, distinct);
  return { distinct, used: distinct.filter((keyword) => used.has(keyword)) };
}
