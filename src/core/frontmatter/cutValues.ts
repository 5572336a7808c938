/**
 * Unquoted YAML values that a `#` cuts short: in `title: Learn C #1 tricks` the ` #` starts a
 * comment, so the title is "Learn C". Valid YAML, so the parser says nothing; the rules decide
 * which of these an author meant as text.
 */
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { ParsedArticle } from '../parse/parse';

export interface CutValue {
  /** The key path of the value (list items by index). */
  path: (string | number)[];
  /** The value as read: the text before the comment. */
  value: string;
  /** The comment's text after its `#`, as written (a leading space kept). */
  comment: string;
  /** Offsets in the article: from the value's start to the comment's end (one line). */
  start: number;
  end: number;
}

/** The plain string values of a YAML block followed by a comment on their own line. */
export function valuesCutByComment(article: ParsedArticle): CutValue[] {
  const frontmatter = article.frontmatter;
  if (!frontmatter || frontmatter.format !== 'yaml' || frontmatter.data === undefined || frontmatter.errors.length > 0) return [];
  const source = article.text.slice(frontmatter.contentStart, frontmatter.contentEnd);
  // Most blocks have no comment after a value: no YAML document is built for them.
  if (!/[ \t]#/.test(source)) return [];
  const doc = frontmatter.doc;
  if (!doc) return [];
  const cut: CutValue[] = [];
  const visit = (node: Node | null | undefined, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key === 'string' || typeof key === 'number') visit(pair.value as Node | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item as Node | null, [...path, index]));
    } else if (isScalar(node)) {
      const found = cutScalar(node, source);
      if (found) cut.push({ path, value: found.value, comment: found.comment, start: frontmatter.contentStart + found.start, end: frontmatter.contentStart + found.end });
    }
  };
  visit(doc.contents as Node | null, []);
  return cut;
}

function cutScalar(node: Scalar, source: string): { value: string; comment: string; start: number; end: number } | undefined {
  if (node.type !== Scalar.PLAIN || typeof node.value !== 'string' || node.comment === undefined || !node.range) return undefined;
  const [start, valueEnd] = node.range;
  const lineEnd = lineEndAt(source, valueEnd);
  const hash = source.indexOf('#', valueEnd);
  // The comment must be on the value's own line, and the value on one line.
  if (hash === -1 || hash >= lineEnd || source.slice(start, valueEnd).includes('\n')) return undefined;
  let end = lineEnd;
  while (end > hash && /\s/.test(source[end - 1])) end--;
  return { value: node.value, comment: source.slice(hash + 1, end), start, end };
}

function lineEndAt(source: string, offset: number): number {
  const lineEnd = source.indexOf('\n', offset);
  return lineEnd === -1 ? source.length : source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
}
