/**
 * Reading a JavaScript or TypeScript configuration as text, never running it (Astro's content
 * configuration, Contentlayer's document types): strings and comments blanked so that braces in them
 * do not count, and the entries of an object literal.
 */

/** The text with strings' and comments' contents blanked (same length), so braces in them do not count. */
export function blankStringsAndComments(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - index);
      index = stop;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(index, stop).replace(/[^\n]/g, ' ');
      index = stop;
    } else if (char === '"' || char === "'" || char === '`') {
      let end = index + 1;
      while (end < text.length && text[end] !== char) end += text[end] === '\\' ? 2 : 1;
      out += char + ' '.repeat(Math.max(0, Math.min(end, text.length) - index - 1)) + (end < text.length ? char : '');
      index = end + 1;
    } else {
      out += char;
      index++;
    }
  }
  return out;
}

/** An entry's value: its text as written, and where it starts in the source. */
export interface ObjectEntry {
  text: string;
  start: number;
}

/**
 * The entries of the object literal whose `{` is at `open` in `blanked` (see blankStringsAndComments):
 * each top-level `key: value` with the value's text from `source`, and whether a spread (`...x`) or a
 * computed or shorthand entry was met (the object is then not known whole).
 */
export function objectEntries(source: string, blanked: string, open: number): { entries: Map<string, ObjectEntry>; whole: boolean; end: number } {
  const entries = new Map<string, ObjectEntry>();
  let whole = true;
  let depth = 0;
  let entryStart = open + 1;
  const flush = (end: number) => {
    const blank = blanked.slice(entryStart, end);
    if (!blank.trim()) return;
    const entry = /^\s*(?:([A-Za-z_$][\w$]*)|(["'])[^"']*\2)\s*:/.exec(blank);
    if (!entry) {
      whole = false;
      return;
    }
    // A quoted key: its text is in the source (blanked in `blanked`).
    const key = entry[1] ?? source.slice(entryStart, end).trim().slice(1).split(/["']/)[0];
    const written = source.slice(entryStart + entry[0].length, end);
    const start = entryStart + entry[0].length + (written.length - written.trimStart().length);
    entries.set(key, { text: written.trim(), start });
  };
  let index = open;
  for (; index < blanked.length; index++) {
    const char = blanked[index];
    if (char === '{' || char === '(' || char === '[') depth++;
    else if (char === '}' || char === ')' || char === ']') {
      depth--;
      if (depth === 0) {
        flush(index);
        break;
      }
    } else if (char === ',' && depth === 1) {
      flush(index);
      entryStart = index + 1;
    }
  }
  return { entries, whole, end: index };
}

/** The text of a string literal (`'x'`, `"x"`, a template without `${`), else undefined. */
export function stringLiteral(expression: string): string | undefined {
  const match = /^(["'`])([^"'`$\\\n]*)\1$/.exec(expression.trim());
  return match ? match[2] : undefined;
}
