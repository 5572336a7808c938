/**
 * The quick fixes "Disable <rule> for this line" and "… for this file": one edit that writes a
 * disable comment (facts/disableComments.ts) where it changes nothing a reader sees.
 */
import { DIRECTIVE_START, disableComments } from '../facts/disableComments';
import type { ParsedArticle } from '../parse/parse';
import { lineBreakOf } from '../text/edits';
import type { TextEdit } from '../types';

export type DisableScope = 'line' | 'file';

function comment(article: ParsedArticle, kind: string, ruleId: string): string {
  return article.kind === 'mdx' ? `{/* article-lint-${kind} ${ruleId} */}` : `<!-- article-lint-${kind} ${ruleId} -->`;
}

/**
 * The edit that turns `ruleId` off on a 1-based line, or in the whole file. A line of the frontmatter
 * can only be disabled with the file. For a line: a `disable-next-line` comment of its own above a
 * block's first line (after a blank line), else `disable-line` at the end of the line, so that no
 * paragraph or list is split.
 */
export function disableRuleEdit(article: ParsedArticle, ruleId: string, line: number, scope: DisableScope): TextEdit | undefined {
  const { lines, text } = article;
  const lineBreak = lineBreakOf(text);
  if (scope === 'file') {
    const existing = disableComments(article).find((found) => found.kind === 'disable-file' && found.ids.length > 0);
    if (existing) {
      if (existing.ids.includes(ruleId)) return undefined;
      // After its last id, before the closing `-->` or `*/`.
      const close = existing.end - (text.startsWith('-->', existing.end - 3) ? 3 : 2);
      const at = existing.start + text.slice(existing.start, close).trimEnd().length;
      return { start: at, end: at, newText: ` ${ruleId}` };
    }
    const at = article.bodyOffset;
    const atLineStart = at === 0 || text[at - 1] === '\n';
    return { start: at, end: at, newText: `${atLineStart ? '' : lineBreak}${comment(article, 'disable-file', ruleId)}${lineBreak}` };
  }
  const index = line - 1;
  if (index < article.bodyLine || index >= lines.lineCount) return undefined;
  const lineText = lines.lineText(index);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const startsBlock = index === article.bodyLine || lines.lineText(index - 1).trim() === '';
  if (startsBlock && indent.length < 4 && lineText.trim() !== '') {
    const at = lines.lineStart(index);
    return { start: at, end: at, newText: `${indent}${comment(article, 'disable-next-line', ruleId)}${lineBreak}` };
  }
  const at = lines.lineStart(index) + lineText.length;
  return { start: at, end: at, newText: ` ${comment(article, 'disable-line', ruleId)}` };
}

/** Where a rule id is being typed in a disable comment (open or closed): completion offers the rule ids there. */
export interface RuleIdSite {
  /** The id typed so far, replaced by the completion. */
  start: number;
  end: number;
  prefix: string;
  /** The ids the comment already names. */
  present: string[];
}

const OPEN_COMMENT = new RegExp(`${DIRECTIVE_START}((?:[\\s,]+[\\w-]*)*)$`);

export function ruleIdSiteAt(article: ParsedArticle, offset: number): RuleIdSite | undefined {
  const { lines, text } = article;
  const line = lines.lineOf(offset);
  if (line < article.bodyLine) return undefined;
  const before = text.slice(lines.lineStart(line), offset);
  const match = OPEN_COMMENT.exec(before);
  if (!match || !/^[\s,]/.test(match[2])) return undefined;
  const prefix = /[\w-]*$/.exec(match[2])![0];
  let end = offset;
  while (end < text.length && /[\w-]/.test(text[end])) end++;
  return { start: offset - prefix.length, end, prefix, present: match[2].split(/[\s,]+/).filter((id) => id && id !== prefix) };
}

/** The rule id of a disable comment under the cursor, for its hover. */
export function ruleIdAt(article: ParsedArticle, offset: number): { id: string; start: number; end: number } | undefined {
  for (const comment of disableComments(article)) {
    if (offset < comment.start || offset > comment.end) continue;
    const index = comment.idRanges.findIndex(([start, end]) => offset >= start && offset <= end);
    if (index !== -1) return { id: comment.ids[index], start: comment.idRanges[index][0], end: comment.idRanges[index][1] };
  }
  return undefined;
}
