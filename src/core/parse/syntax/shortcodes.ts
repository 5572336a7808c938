/**
 * Hugo shortcodes, `{{< name params >}}` and `{{% name params %}}` (and their closing tags
 * `{{< /name >}}`), as inline `shortcode` tokens: Hugo replaces them before the Markdown is read, so
 * they are never text. `meta` holds the name and parameters; the figure shortcode is an image
 * (facts/images.ts) and the preview shows it as one.
 */
import type MarkdownIt from 'markdown-it';
import { recordContentRange } from '../positions';
import { templateEndIn } from './scan';

type MarkdownParser = ReturnType<typeof MarkdownIt>;
type StateInline = MarkdownIt.StateInline;

export interface ShortcodeMeta {
  name: string;
  closing: boolean;
  /** `<` for `{{< … >}}`, `%` for `{{% … %}}`. */
  delimiter: '<' | '%';
  /** Named parameters (`src="x.png"`), names lower-cased, values unquoted. */
  params: Record<string, string>;
  /** Positional parameters, unquoted. */
  positional: string[];
  /** Offset, in the shortcode's source, just past its name (where a parameter can be added). */
  nameEnd: number;
}

/** `name="value"`, name=`raw`, name='value', name=bare, or a positional "value" / bare word. */
const PARAM = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|'([^']*)'|([^\s"'`]+))|"((?:[^"\\]|\\.)*)"|`([^`]*)`|'([^']*)'|([^\s"'`=]+)/g;

function parseShortcode(source: string): ShortcodeMeta | undefined {
  const delimiter = source.charAt(2) as '<' | '%';
  let inner = 3;
  const innerEnd = source.length - 3;
  while (inner < innerEnd && /\s/.test(source.charAt(inner))) inner++;
  let closing = false;
  if (source.charAt(inner) === '/') {
    closing = true;
    inner++;
    while (inner < innerEnd && /\s/.test(source.charAt(inner))) inner++;
  }
  const name = /^[\w./-]+/.exec(source.slice(inner, innerEnd))?.[0];
  if (!name || name.startsWith('/*')) return undefined;
  const nameEnd = inner + name.length;
  const params: Record<string, string> = {};
  const positional: string[] = [];
  const rest = source.slice(nameEnd, innerEnd);
  PARAM.lastIndex = 0;
  for (let match = PARAM.exec(rest); match; match = PARAM.exec(rest)) {
    if (match[1] !== undefined) {
      const key = match[1].toLowerCase();
      const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? match[4] ?? match[5] ?? '');
      if (!(key in params)) params[key] = value;
    } else {
      positional.push(match[6] !== undefined ? match[6].replace(/\\(.)/g, '$1') : (match[7] ?? match[8] ?? match[9] ?? ''));
    }
  }
  return { name, closing, delimiter, params, positional, nameEnd };
}

function shortcodeRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const src = state.src;
  if (src.charCodeAt(start) !== 0x7b || src.charCodeAt(start + 1) !== 0x7b) return false;
  const kind = src.charCodeAt(start + 2);
  if (kind !== 0x3c /* < */ && kind !== 0x25 /* % */) return false;
  const close = kind === 0x3c ? '>}}' : '%}}';
  const end = templateEndIn(state, start + 3, state.posMax, close);
  if (end === -1) return false;
  const source = src.slice(start, end);
  const meta = parseShortcode(source);
  if (!meta) return false;
  if (!silent) {
    const token = state.push('shortcode', '', 0);
    token.content = source;
    token.meta = meta as unknown as Record<string, unknown>;
    recordContentRange(token, start, end);
  }
  state.pos = end;
  return true;
}

/** The markdown-it plugin (ordinary Markdown files; in MDX, `{` opens an expression instead). */
export function hugoShortcodes(md: MarkdownParser): void {
  md.inline.ruler.before('emphasis', 'shortcode', shortcodeRule);
}

/** The name and parameters of a `shortcode` token. */
export function shortcodeMetaOf(token: MarkdownIt.Token): ShortcodeMeta {
  return token.meta as unknown as ShortcodeMeta;
}
