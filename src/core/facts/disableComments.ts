/**
 * Comments that turn rules off where the author says so, as markdownlint's:
 * `<!-- article-lint-disable id … -->` up to `<!-- article-lint-enable id … -->`, `-disable-next-line`,
 * `-disable-line` and `-disable-file` (no id: every rule); in MDX, `{/* article-lint-disable … *\/}`.
 * Read from the parse's HTML and MDX tokens, so such a comment in code is only text.
 */
import { CacheKey } from '../parse/cache';
import { blockMaps, childSourceRange } from '../parse/offsets';
import type { ParsedArticle } from '../parse/parse';

/** Every kind, longest name first (so that a pattern made of them tries `disable-file` before `disable`). */
export const DISABLE_KINDS = ['disable-file', 'disable-next-line', 'disable-line', 'disable', 'enable'] as const;
export type DisableKind = (typeof DISABLE_KINDS)[number];
/** The start of a disable comment up to its kind: `<!-- article-lint-disable` or `/* article-lint-disable`. */
export const DIRECTIVE_START = `(?:<!--|\\/\\*)\\s*article-lint-(${DISABLE_KINDS.join('|')})(?![\\w-])`;

/** What a disable comment says: the site model keeps this much of each. */
export interface DisableDirective {
  kind: DisableKind;
  /** The rule ids it names; none: every rule. */
  ids: string[];
  /** 1-based lines of the comment's first and last line. */
  line: number;
  endLine: number;
}

export interface DisableComment extends DisableDirective {
  /** Offsets of the whole comment, and of each id, in the article text. */
  start: number;
  end: number;
  idRanges: [number, number][];
}

const MARKER = 'article-lint-';
const DIRECTIVE = new RegExp(`${DIRECTIVE_START}([\\s\\S]*?)(?:-->|\\*\\/)`, 'g');
const BLOCK_TYPES = new Set(['html_block', 'mdx_flow']);
const INLINE_TYPES = new Set(['html_inline', 'mdx_expression']);

const COMMENTS = new CacheKey<DisableComment[]>('disableComments');

/** The article's disable comments, in text order. */
export function disableComments(article: ParsedArticle): DisableComment[] {
  if (!article.body.includes(MARKER)) return [];
  return article.cache.ensure(COMMENTS, () => collect(article));
}

function collect(article: ParsedArticle): DisableComment[] {
  const { tokens, lines, bodyLine, text } = article;
  const comments: DisableComment[] = [];
  const read = (start: number, end: number) => {
    const source = text.slice(start, end);
    if (!source.includes(MARKER)) return;
    for (const match of source.matchAll(DIRECTIVE)) {
      const at = start + match.index;
      const idsAt = at + match[0].length - match[2].length - (match[0].endsWith('-->') ? 3 : 2);
      const ids: string[] = [];
      const idRanges: [number, number][] = [];
      for (const id of match[2].matchAll(/[^\s,]+/g)) {
        ids.push(id[0]);
        idRanges.push([idsAt + id.index, idsAt + id.index + id[0].length]);
      }
      const end = at + match[0].length;
      comments.push({ kind: match[1] as DisableKind, ids, line: lines.lineOf(at) + 1, endLine: lines.lineOf(end - 1) + 1, start: at, end, idRanges });
    }
  };
  let maps: ReturnType<typeof blockMaps> | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (BLOCK_TYPES.has(token.type) && token.map) {
      const endLine = bodyLine + token.map[1];
      read(lines.lineStart(bodyLine + token.map[0]), endLine < lines.lineCount ? lines.lineStart(endLine) : text.length);
      continue;
    }
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) {
      if (!INLINE_TYPES.has(child.type)) continue;
      maps ??= blockMaps(tokens);
      const map = maps[index];
      const range = map && childSourceRange(article, token, map, child);
      if (range) read(range[0], range[1]);
    }
  }
  return comments.sort((a, b) => a.start - b.start);
}

/** Whether the comments turn `ruleId` off on a 1-based line (a finding's first line). */
export function isDisabled(directives: readonly DisableDirective[], ruleId: string, line: number): boolean {
  return disablingDirective(directives, ruleId, line) !== undefined;
}

/** The comment that turns `ruleId` off on a 1-based line, if any. */
export function disablingDirective<D extends DisableDirective>(directives: readonly D[], ruleId: string, line: number): D | undefined {
  let all: D | undefined;
  let own: D | null | undefined;
  for (const directive of directives) {
    const covers = directive.ids.length === 0 || directive.ids.includes(ruleId);
    switch (directive.kind) {
      case 'disable-file':
        if (covers) return directive;
        break;
      case 'disable-line':
        if (covers && line >= directive.line && line <= directive.endLine) return directive;
        break;
      case 'disable-next-line':
        if (covers && line === directive.endLine + 1) return directive;
        break;
      default: {
        // From the comment's line on, until a later comment says otherwise (null: enabled by name).
        if (directive.line > line) break;
        const turnsOff = directive.kind === 'disable' ? directive : undefined;
        if (directive.ids.length === 0) {
          all = turnsOff;
          own = undefined;
        } else if (covers) own = turnsOff ?? null;
      }
    }
  }
  return own === null ? undefined : own ?? all;
}
