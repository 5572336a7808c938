/**
 * The FAQ section skeleton an article gets appended (the faq-missing rule's fix, the Insert FAQ
 * Section command, a new article) and the placeholder of one more question (the command on an
 * article that has a FAQ already). Pure text; the rule and the commands only call these.
 */
import { lineBreakOf } from '../text/edits';
import type { TextEdit } from '../types';
import { markdownParser, mayRunOn } from '../parse/markdown';
import { type ParsedArticle } from '../parse/parse';

/** The skeleton's heading text, as a FAQ heading of `faq.ts` reads it. */
const FAQ_SKELETON_HEADING = 'Frequently Asked Questions (FAQs)';

/** The skeleton's questions and placeholder answers, in order. */
const FAQ_SKELETON_QUESTIONS: readonly (readonly [question: string, answer: string])[] = [
  ['A question your readers ask?', 'Answer it in one or two sentences.'],
  ['Another question?', 'Answer it here.'],
  ['A third question?', 'Answer it here.'],
];

/** The placeholder of a question added to an existing FAQ (the skeleton's second question). */
const ADDED_QUESTION = FAQ_SKELETON_QUESTIONS[1];

/** The skeleton's lines: an H2, then each question as an H3 `Q<n>.` with its answer and a blank line. */
function skeletonLines(): string[] {
  const lines = [`## ${FAQ_SKELETON_HEADING}`, ''];
  FAQ_SKELETON_QUESTIONS.forEach(([question, answer], index) => lines.push(`### Q${index + 1}. ${question}`, answer, ''));
  return lines;
}

/**
 * The edit that appends the FAQ skeleton at the end of the article: one blank line before it, the
 * text's own line breaks, an unclosed code fence closed first. Undefined when there is no body to
 * append to (an unclosed frontmatter block swallows the whole file) or when the article ends where
 * no heading can follow (inside raw HTML that only its closing tag ends, such as `<pre>` or `<!--`).
 * It does not look whether the article has a FAQ section already: callers decide that.
 */
export function faqSkeletonEdit(article: ParsedArticle): TextEdit | undefined {
  if (article.frontmatter?.terminated === false) return undefined;
  const { text } = article;
  const nl = lineBreakOf(text);
  const lead = text.length === 0 ? '' : text.endsWith(`${nl}${nl}`) ? '' : text.endsWith(nl) ? nl : `${nl}${nl}`;
  const appended = appendable(article, lead + skeletonLines().join(nl), nl);
  return appended === undefined ? undefined : { start: text.length, end: text.length, newText: appended };
}

/**
 * The text to append so that the skeleton's heading is a heading: a body that ends inside an unclosed
 * code fence gets the fence closed first; one that ends inside raw HTML that only its closing tag
 * ends (`<pre>`, `<!--`, …), or inside a construct that runs on (see mayRunOn; also nested in the
 * last block, as an MDX expression left open in a list item), gets none. Only the last block is
 * parsed again, and only for these.
 */
function appendable(article: ParsedArticle, addition: string, nl: string): string | undefined {
  const { tokens } = article;
  let lastIndex = tokens.length - 1;
  while (lastIndex >= 0 && !(tokens[lastIndex].level === 0 && tokens[lastIndex].map)) lastIndex--;
  const last = tokens[lastIndex];
  // The last block, or a block inside it (an MDX expression left open in a list item), may run on.
  const mayRunOnTail = tokens.slice(lastIndex).some((token) => token.type === 'fence' || token.type === 'html_block' || mayRunOn(token));
  if (!last?.map || !mayRunOnTail) return addition;
  // markdown-it counts lines as VS Code does (a lone CR breaks a line too).
  const source = article.body.split(/\r\n?|\n/).slice(last.map[0]).join('\n');
  const startsHeading = (text: string) =>
    markdownParser(article.kind)
      .parse(text, {})
      .some((token, index, parsed) => token.type === 'heading_open' && token.level === 0 && parsed[index + 1]?.content === FAQ_SKELETON_HEADING);
  if (startsHeading(source + addition)) return addition;
  if (last.type !== 'fence') return undefined;
  const closed = `${/[\r\n]$/.test(article.text) ? '' : nl}${last.markup}${nl}${addition}`;
  return startsHeading(source + closed) ? closed : undefined;
}

/** The edit that adds question `n` (heading level `level`) at `offset` (the end of the FAQ section). */
export function insertFaqQuestion(text: string, offset: number, level: number, n: number): TextEdit {
  const lineBreak = lineBreakOf(text);
  const before = text.slice(0, offset);
  const lines = [`${'#'.repeat(level)} Q${n}. ${ADDED_QUESTION[0]}`, ADDED_QUESTION[1], ''];
  return { start: offset, end: offset, newText: separatorBefore(before, lineBreak) + lines.join(lineBreak) };
}

/** What must come before a new block so it starts after one blank line. */
function separatorBefore(before: string, lineBreak: string): string {
  if (before.trim() === '') return '';
  if (/\r?\n[ \t]*\r?\n$/.test(before)) return '';
  return /\r?\n$/.test(before) ? lineBreak : lineBreak + lineBreak;
}
