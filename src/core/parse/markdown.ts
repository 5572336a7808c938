/**
 * The markdown-it setup shared by the rules, the stats and the preview, for each kind of file: raw
 * HTML kept as tokens, source positions of images and inline HTML (positions.ts), and the syntax
 * authors write beyond CommonMark: GFM footnotes (markdown-it-footnote), GitHub alerts
 * (syntax/alerts.ts), Docusaurus admonitions (markdown-it-container); in ordinary Markdown files Hugo
 * shortcodes and Liquid, in `.mdx` files MDX's comments, expressions and ESM (syntax/).
 */
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import footnote from 'markdown-it-footnote';
import { fastNormalizeLink } from './normalizeLink';
import { sourcePositions } from './positions';
import { alerts } from './syntax/alerts';
import { liquid } from './syntax/liquid';
import { mdx } from './syntax/mdx';
import { hugoShortcodes } from './syntax/shortcodes';

import type { Token } from './token';
type MarkdownParser = ReturnType<typeof MarkdownIt>;

/** Which syntax a body is read with: `.mdx` files are MDX; everything else ordinary Markdown. */
export type BodyKind = 'md' | 'mdx';

/** Docusaurus admonition types (`:::note`, `:::tip[Title]`, `:::danger Title`). */
const ADMONITION_TYPES = ['note', 'tip', 'info', 'warning', 'danger', 'caution', 'important', 'success', 'secondary'];
const ADMONITION = new RegExp(`^\\s*(${ADMONITION_TYPES.join('|')})(?![\\w-])`, 'i');

/** The admonition's type and title, from the text after its `:::`. */
export function admonitionOf(info: string): { type: string; title?: string } {
  const match = ADMONITION.exec(info);
  const type = (match?.[1] ?? 'note').toLowerCase();
  const rest = info.slice(match ? match[0].length : 0).trim();
  const bracketed = /^\[(.*)\]$/.exec(rest);
  const title = bracketed ? bracketed[1].trim() : rest;
  return { type, title: title || undefined };
}

function createMarkdown(kind: BodyKind): MarkdownParser {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(sourcePositions);
  fastNormalizeLink(md);
  md.use(footnote);
  // GFM has no inline footnotes (`^[…]`); they would also number footnotes across the whole body.
  md.inline.ruler.disable('footnote_inline');
  md.use(container, 'admonition', { validate: (params: string) => ADMONITION.test(params) });
  md.use(alerts);
  if (kind === 'mdx') md.use(mdx);
  else md.use(hugoShortcodes).use(liquid);
  return md;
}

/** The kind of body for a file name (and, in the editor, its language id). */
export function bodyKindOf(filePath: string | undefined, languageId?: string): BodyKind {
  return languageId === 'mdx' || (!!filePath && /\.mdx$/i.test(filePath)) ? 'mdx' : 'md';
}

const parsers: Partial<Record<BodyKind, MarkdownParser>> = {};

/** The shared markdown-it instance for a kind of body (never changed after it is made). */
export function markdownParser(kind: BodyKind = 'md'): MarkdownParser {
  return (parsers[kind] ??= createMarkdown(kind));
}

/**
 * Block tokens of constructs that may go on past a blank line (so past a place where the body's
 * parse by segments cuts, see bodyParse.ts), besides fences and HTML blocks: admonitions, MDX
 * comments and expressions, Liquid blocks of paired tags (`{% comment %}`, `{% set x %}`, `{% raw %}`;
 * a `{% highlight %}` block is a fence).
 */
export function mayRunOn(token: Token): boolean {
  switch (token.type) {
    case 'container_admonition_open':
    case 'mdx_flow':
    case 'liquid_block':
      return true;
    case 'paragraph_open':
      return (token.meta as { hidden?: unknown } | null)?.hidden !== undefined;
    default:
      return false;
  }
}
