/**
 * Scanners shared by the token rules of syntax/: where a `{…}` expression, a `{{< … >}}` shortcode or
 * a `{% … %}` tag ends. Each is one linear pass (no regex backtracking), whatever the input.
 */

/**
 * Offset just past the `}` that closes the `{` at `from` (JavaScript strings, template literals and
 * comments respected, nested braces counted), or -1 when nothing before `end` closes it.
 */
export function braceEnd(src: string, from: number, end: number): number {
  let depth = 0;
  let index = from;
  while (index < end) {
    const code = src.charCodeAt(index);
    if (code === 0x7b /* { */) depth++;
    else if (code === 0x7d /* } */) {
      depth--;
      if (depth === 0) return index + 1;
    } else if (code === 0x22 || code === 0x27 || code === 0x60 /* " ' ` */) {
      // A quote that does not close on its line is an apostrophe in prose: go on after it.
      const close = quoteEnd(src, index, end);
      index = close === -1 ? index + 1 : close;
      continue;
    } else if (code === 0x2f /* / */ && src.charCodeAt(index + 1) === 0x2a /* * */) {
      const close = src.indexOf('*/', index + 2);
      if (close === -1 || close + 2 > end) return -1;
      index = close + 2;
      continue;
    } else if (code === 0x2f && src.charCodeAt(index + 1) === 0x2f) {
      const newline = src.indexOf('\n', index + 2);
      if (newline === -1 || newline >= end) return -1;
      index = newline + 1;
      continue;
    }
    index++;
  }
  return -1;
}

/**
 * Offset just past the quote that closes the one at `from` on the same line (backslash escapes
 * respected), or -1. Template literals too end at their line here: a string that ran on past a blank
 * line would make a `{…}` end differ between the body parsed by segments and parsed whole.
 */
function quoteEnd(src: string, from: number, end: number): number {
  const quote = src.charCodeAt(from);
  for (let index = from + 1; index < end; index++) {
    const code = src.charCodeAt(index);
    if (code === 0x5c /* \ */) index++;
    else if (code === quote) return index + 1;
    else if (code === 0x0a) return -1;
  }
  return -1;
}

/**
 * Offset just past `close` (`>}}`, `%}}`, `%}`, `}}`) for a template tag whose body starts at `from`:
 * the first `close` outside `"…"` and `` `…` `` strings; when the quotes never balance, the first
 * `close` at all. -1 when there is none before `end`.
 */
export function templateEnd(src: string, from: number, end: number, close: string): number {
  let quote = 0;
  const first = close.charCodeAt(0);
  for (let index = from; index < end; index++) {
    const code = src.charCodeAt(index);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x60) quote = code;
    else if (code === first && src.startsWith(close, index) && index + close.length <= end) return index + close.length;
  }
  if (!quote) return -1;
  const plain = src.indexOf(close, from);
  return plain === -1 || plain + close.length > end ? -1 : plain + close.length;
}

/** Whether only spaces and tabs lie between `from` and `end`. */
export function blankBetween(src: string, from: number, end: number): boolean {
  for (let index = from; index < end; index++) {
    const code = src.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}
