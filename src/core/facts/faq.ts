/**
 * The FAQ section: the first heading (any level) whose whole text is "Frequently Asked Questions",
 * "FAQ" or "FAQs" (any case, optionally followed by a bracketed alias); its questions are the
 * headings one level deeper until the next heading of the same or a higher level; an answer is the
 * content between a question and the next heading of any level. Also its schema.org FAQPage JSON-LD.
 */
import { headingsOf, inlineText, type Heading } from './headings';
import type { ParsedArticle } from '../parse/parse';
import type { Token } from '../parse/token';
import { CacheKey } from '../parse/cache';

export interface FaqQuestion {
  heading: Heading;
  /** The question as a reader reads it, without a "Q1." prefix. */
  question: string;
  /** The answer as plain text ('' when there is none). */
  answer: string;
  hasAnswer: boolean;
  /** Range of the answer's content in the article text, when there is one. */
  answerStart?: number;
  answerEnd?: number;
}

export interface FaqSection {
  heading: Heading;
  questions: FaqQuestion[];
}

const FAQ_HEADING = /^(?:frequently asked questions|faqs?)(?:\s*[([{][^()[\]{}]*[)\]}])?$/i;
const QUESTION_PREFIX = /^q(?:uestion)?\s*\d+\s*[.:)-]\s*/i;

function isFaqHeadingText(text: string): boolean {
  return FAQ_HEADING.test(text.trim());
}

/** The FAQ section, or undefined when the article has none. */
/** null: the article has no FAQ section. */
const FAQ = new CacheKey<FaqSection | null>('faq');

export function faqOf(article: ParsedArticle): FaqSection | undefined {
  const known = article.cache.get(FAQ);
  if (known !== undefined) return known ?? undefined;
  const section = extractFaq(article);
  article.cache.set(FAQ, section ?? null);
  return section;
}

function extractFaq(article: ParsedArticle): FaqSection | undefined {
  const headings = headingsOf(article);
  const at = headings.findIndex((heading) => isFaqHeadingText(heading.text));
  if (at === -1) return undefined;
  const faq = headings[at];
  const questions: FaqQuestion[] = [];
  for (let index = at + 1; index < headings.length; index++) {
    const heading = headings[index];
    if (heading.level <= faq.level) break;
    if (heading.level !== faq.level + 1) continue;
    const next = headings[index + 1];
    const answer = answerBetween(article, heading.tokenIndex + 3, next ? next.tokenIndex : article.tokens.length);
    questions.push({ heading, question: heading.text.replace(QUESTION_PREFIX, '').trim() || heading.text, ...answer });
  }
  return { heading: faq, questions };
}

function answerBetween(article: ParsedArticle, from: number, to: number): Omit<FaqQuestion, 'heading' | 'question'> {
  const { tokens } = article;
  const parts: string[] = [];
  let first: Token | undefined;
  let last: Token | undefined;
  for (let index = from; index < to; index++) {
    const token = tokens[index];
    let text: string | undefined;
    if (token.type === 'inline') {
      const plain = inlineText(token).trim();
      const hasImage = token.children?.some((child) => child.type === 'image') ?? false;
      if (plain || hasImage) text = plain;
    } else if (token.type === 'fence' || token.type === 'code_block') {
      text = token.content.trimEnd();
    } else if (token.type === 'html_block') {
      const stripped = token.content.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
      if (stripped) text = stripped.replace(/<[^<>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    }
    if (text === undefined) continue;
    if (text) parts.push(text);
    const block = blockOf(tokens, index);
    first ??= block;
    last = block;
  }
  if (!first || !last) return { answer: '', hasAnswer: false };
  const startLine = article.bodyLine + (first.map?.[0] ?? 0);
  const endLine = article.bodyLine + Math.max((last.map?.[1] ?? 1) - 1, last.map?.[0] ?? 0);
  return {
    answer: parts.join('\n'),
    hasAnswer: true,
    answerStart: article.lines.lineStart(startLine),
    answerEnd: article.lines.lineEnd(endLine),
  };
}

/** The token with a line map that holds a content token (an inline token's paragraph, a cell's row…). */
function blockOf(tokens: readonly Token[], index: number): Token {
  for (let at = index; at >= 0; at--) if (tokens[at].map) return tokens[at];
  return tokens[index];
}

/** schema.org FAQPage JSON-LD for the article's FAQ, or undefined when it has no answered question. */
export function faqJsonLd(article: ParsedArticle): Record<string, unknown> | undefined {
  const faq = faqOf(article);
  const answered = faq?.questions.filter((question) => question.hasAnswer && question.answer) ?? [];
  if (answered.length === 0) return undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: answered.map((question) => ({
      '@type': 'Question',
      name: question.question,
      acceptedAnswer: { '@type': 'Answer', text: question.answer },
    })),
  };
}
