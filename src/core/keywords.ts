/**
 * Keyword matching over the body's text as a reader sees it (not URLs, not image paths, not code):
 * case ignored, `-`, spaces and line breaks treated alike, whole words only ("tyre" does not match
 * "tyres"). The body text is built and normalized once per parse; each keyword is one indexOf scan.
 */
import type { ParsedArticle, Token } from './parse';

/** Separates blocks so that no keyword matches across a paragraph boundary. */
const BLOCK_BREAK = '\u0001';

/** A keyword or text in matching form: lower case, every run of `-` and white space as one space. */
export function normalizeForMatching(text: string): string {
  // Same result as replace(/[\s-]+/g, ' '), without rewriting every single space (much faster on long text).
  return text.toLowerCase().replace(NON_SPACE_SEPARATORS, ' ').trim();
}

const NON_SPACE_SEPARATORS = /[\s-]{2,}|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-]/g;

/** By token stream: while only the frontmatter changes, the body's tokens (and this text) are reused. */
const bodyTextCache = new WeakMap<readonly Token[], string>();

/**
 * Each block's text in matching form, by its inline children (or its token, for an HTML block): while
 * an author types, the unchanged segments of the body keep their tokens (see bodyParse.ts), so only
 * the changed blocks are read again.
 */
const blockTextCache = new WeakMap<object, string>();

/** The body's reader-visible text in matching form, blocks joined by a break no keyword matches across. */
export function keywordText(article: ParsedArticle): string {
  let text = bodyTextCache.get(article.tokens);
  if (text === undefined) {
    text = visibleText(article.tokens);
    bodyTextCache.set(article.tokens, text);
  }
  return text;
}

function visibleText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    let key: object;
    if (token.type === 'inline' && token.children) key = token.children;
    else if (token.type === 'html_block') key = token;
    else continue;
    let part = blockTextCache.get(key);
    if (part === undefined) {
      part = normalizeForMatching(token.type === 'inline' ? inlineText(token.children!) : htmlText(token.content));
      blockTextCache.set(key, part);
    }
    parts.push(part);
  }
  return parts.join(` ${BLOCK_BREAK} `);
}

function inlineText(children: readonly Token[]): string {
  let inAutolink = false;
  let text = '';
  for (const child of children) {
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
  return text;
}

function htmlText(html: string): string {
  const withoutComments = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  return withoutComments.replace(/<[^<>]*>/g, ' ');
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

const phraseCache = new WeakMap<readonly Token[], Map<string, boolean>>();

/**
 * Whether a keyword in matching form occurs in the article's body, looked up once per body (the
 * stats and the keyword-unused rule ask about the same keywords, and frontmatter edits reuse the body).
 */
export function phraseUsed(article: ParsedArticle, normalized: string): boolean {
  let known = phraseCache.get(article.tokens);
  if (!known) {
    known = new Map();
    phraseCache.set(article.tokens, known);
  }
  let used = known.get(normalized);
  if (used === undefined) {
    used = containsPhrase(keywordText(article), normalized);
    known.set(normalized, used);
  }
  return used;
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
