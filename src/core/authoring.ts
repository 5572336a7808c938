/**
 * Text the authoring commands write: a slug from a title, a new article, a FAQ section or one more
 * question. Pure (no editor, no file system), so the CLI, tests and the editor agree.
 */
import { lineBreakOf } from './edits';
import { slugify } from './rules/slug-format';

/**
 * The slug for a title: the slug-format rule's slugify, after reading `&` as "and", dropping
 * apostrophes and thousands separators, and spelling out letters that do not decompose
 * (`Don't` → `dont`, `2,000 m` → `2000-m`, `Straße` → `strasse`).
 */
export function slugFromTitle(title: string): string {
  const prepared = title
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/[łŁ]/g, 'l');
  return slugify(prepared).slice(0, 80).replace(/-+$/, '');
}

export const FAQ_HEADING = 'Frequently Asked Questions (FAQs)';

export interface NewArticleOptions {
  title: string;
  slug: string;
  /** `YYYY-MM-DD`. */
  date: string;
  lineBreak?: '\n' | '\r\n';
}

/** A new article: the frontmatter of the format with the given title, slug and date, an H1 and a FAQ skeleton. */
export function newArticleText({ title, slug, date, lineBreak = '\n' }: NewArticleOptions): string {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    'description: ""',
    `slug: ${JSON.stringify(slug)}`,
    'keywords: []',
    `pubDate: ${date}`,
    'readingTime: "1 minute"',
    '---',
    '',
    `# ${title}`,
    '',
    '## Introduction',
    '',
    '',
    ...faqSectionLines(2),
  ].join(lineBreak);
}

/** The placeholder questions of a new FAQ section (the same skeleton as the faq-missing fix). */
const PLACEHOLDER_QUESTIONS: ReadonlyArray<[string, string]> = [
  ['A question your readers ask?', 'Answer it in one or two sentences.'],
  ['Another question?', 'Answer it here.'],
  ['A third question?', 'Answer it here.'],
];

/** A FAQ section with `count` question/answer placeholders, ending with a line break. */
function faqSectionLines(level: number, count = 3): string[] {
  const lines = [`${'#'.repeat(level)} ${FAQ_HEADING}`, ''];
  for (let n = 1; n <= count; n++) lines.push(...faqQuestionLines(level + 1, n));
  return lines;
}

function faqQuestionLines(level: number, n: number): string[] {
  const [question, answer] = PLACEHOLDER_QUESTIONS[n - 1] ?? PLACEHOLDER_QUESTIONS[1];
  return [`${'#'.repeat(level)} Q${n}. ${question}`, answer, ''];
}

/**
 * The edit that appends a FAQ section at the end of a text: separated by one blank line from what
 * comes before, in the text's own line breaks.
 */
export function appendFaqSection(text: string, level = 2, count = 3): { start: number; end: number; newText: string } {
  const lineBreak = lineBreakOf(text);
  const section = faqSectionLines(level, count).join(lineBreak);
  return { start: text.length, end: text.length, newText: separatorBefore(text, lineBreak) + section };
}

/** The edit that adds question `n` (heading level `level`) at `offset` (the end of the FAQ section). */
export function insertFaqQuestion(text: string, offset: number, level: number, n: number): { start: number; end: number; newText: string } {
  const lineBreak = lineBreakOf(text);
  const before = text.slice(0, offset);
  return { start: offset, end: offset, newText: separatorBefore(before, lineBreak) + faqQuestionLines(level, n).join(lineBreak) };
}

/** What must come before a new block so it starts after one blank line. */
function separatorBefore(before: string, lineBreak: string): string {
  if (before.trim() === '') return '';
  if (/\r?\n[ \t]*\r?\n$/.test(before)) return '';
  return /\r?\n$/.test(before) ? lineBreak : lineBreak + lineBreak;
}

/** `![alt](src)`, with the characters that would end the alt or the destination escaped. */
export function markdownImage(alt: string, src: string): string {
  const safeAlt = alt.replace(/([\\[\]])/g, '\\$1').replace(/\r?\n/g, ' ');
  const safeSrc = /[\s()<>]/.test(src) ? `<${src.replace(/[<>]/g, encodeURIComponent)}>` : src;
  return `![${safeAlt}](${safeSrc})`;
}

/** A bolded keyword, as the format writes keywords in the body. */
export function boldKeyword(keyword: string): string {
  return `**${keyword.replace(/\*/g, '\\*')}**`;
}
