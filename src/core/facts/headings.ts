/** The body's headings, with their plain text and exact ranges (computed once per parse). */
import type { ParsedArticle } from '../parse/parse';
import type { Token } from '../parse/token';
import { CacheKey } from '../parse/cache';

export interface Heading {
  /** 1-6 */
  level: number;
  /** The heading's text as a reader sees it (markup removed). */
  text: string;
  /** Range of the heading in the article text: its markers and text, one line for ATX. */
  start: number;
  end: number;
  /** 0-based line in the article text of its first and last line (a setext heading has two). */
  line: number;
  endLine: number;
  /** Index of its heading_open token in article.tokens. */
  tokenIndex: number;
}

/** Plain text of an inline token: text, code and entities as a reader sees them, breaks as spaces. */
export function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  let text = '';
  for (const child of token.children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += child.content;
  }
  return text;
}

const HEADINGS = new CacheKey<Heading[]>('headings');

export function headingsOf(article: ParsedArticle): Heading[] {
  let headings = article.cache.get(HEADINGS);
  if (headings) return headings;
  headings = [];
  const { tokens, lines } = article;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type !== 'heading_open' || !token.map) continue;
    const level = Number(token.tag.slice(1));
    const line = article.bodyLine + token.map[0];
    const isSetext = token.markup === '=' || token.markup === '-';
    const endLine = article.bodyLine + token.map[1] - 1;
    const textLine = isSetext ? Math.max(line, endLine - 1) : line;
    const lineText = lines.lineText(line);
    const indent = lineText.length - lineText.trimStart().length;
    const start = lines.lineStart(line) + indent;
    const lastText = lines.lineText(textLine);
    const end = lines.lineStart(textLine) + lastText.trimEnd().length;
    headings.push({ level, text: inlineText(tokens[index + 1]).trim(), start, end: Math.max(end, start), line, endLine, tokenIndex: index });
  }
  return article.cache.set(HEADINGS, headings);
}
