/**
 * Text the authoring commands write: a slug from a title, a new article, a FAQ section or one more
 * question. Pure (no editor, no file system), so the CLI, tests and the editor agree.
 */
import { applyEdits } from '../text/edits';
import type { TextEdit } from '../types';
import { faqOf } from '../facts/faq';
import { faqSkeletonEdit } from '../fixes/faqSkeleton';
import { parseArticle, type ParsedArticle } from '../parse/parse';
import { slugify } from '../text/strings';


/**
 * The slug for a title: slugify (as the slug-format rule's fix), after reading `&` as "and", dropping
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

export interface NewArticleOptions {
  title: string;
  slug: string;
  /** `YYYY-MM-DD`. */
  date: string;
  lineBreak?: '\n' | '\r\n';
}

/** A new article: the frontmatter of the format with the given title, slug and date, an H1 and a FAQ skeleton. */
export function newArticleText({ title, slug, date, lineBreak = '\n' }: NewArticleOptions): string {
  const head = [
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
    '', // the line to start writing on
    '',
  ].join(lineBreak);
  const faq = faqSectionEdit(parseArticle(head));
  return faq ? applyEdits(head, [faq]) : head;
}

/**
 * The edit that appends a FAQ section skeleton (the one the faq-missing rule's fix appends: one blank
 * line before it, the text's line breaks, an unclosed code fence closed first), whether or not that
 * rule is enabled. Undefined when the article already has a FAQ section, has no body (an unclosed
 * frontmatter block), or ends where no heading can follow (inside raw HTML such as an unclosed `<pre>`).
 */
export function faqSectionEdit(article: ParsedArticle): TextEdit | undefined {
  return faqOf(article) ? undefined : faqSkeletonEdit(article);
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
