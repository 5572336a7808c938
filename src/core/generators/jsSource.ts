/**
 * Reading a JavaScript or TypeScript configuration as text, never running it (Astro's content
 * configuration and `site`, Contentlayer's document types, Docusaurus's plugins, Eleventy's folders):
 * strings and comments blanked so that braces in them do not count, the entries of an object
 * literal, and plain string literals. A value that is not a plain literal (a variable, a call, a
 * template with `${…}`) is not read: the caller keeps its default.
 */

/** A `/` after one of these (or at the start) begins a regular expression literal, not a division. */
const BEFORE_REGEX = /(?:^|[(,=:[!&|?{};+\-*%<>~^]|\b(?:return|typeof|case|do|else|in|of|void|yield|await))\s*$/;

/**
 * The text with strings', template literals', regular expressions' and comments' contents blanked
 * (same length), so that braces and quotes in them do not count. A template literal's `${…}` stays
 * code, nested templates too.
 */
export function blankStringsAndComments(text: string): string {
  let out = '';
  let index = 0;
  let braces = 0;
  // The brace depth at which each open `${` of a template literal was met.
  const substitutions: number[] = [];
  const blankUntil = (stop: number) => {
    out += text.slice(index, stop).replace(/[^\n]/g, ' ');
    index = stop;
  };
  while (index < text.length) {
    const char = text[index];
    if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      blankUntil(end === -1 ? text.length : end);
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      blankUntil(end === -1 ? text.length : end + 2);
    } else if (char === '"' || char === "'") {
      let end = index + 1;
      while (end < text.length && text[end] !== char && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      out += char;
      index++;
      blankUntil(Math.min(end, text.length));
      if (index < text.length && text[index] === char) {
        out += char;
        index++;
      }
    } else if (char === '`' || (char === '}' && substitutions.length > 0 && substitutions[substitutions.length - 1] === braces)) {
      // A template literal's text: from its start (or the `}` closing a substitution) to its end or the next `${`.
      if (char === '}') substitutions.pop();
      let end = index + 1;
      while (end < text.length && text[end] !== '`' && !(text[end] === '$' && text[end + 1] === '{')) end += text[end] === '\\' ? 2 : 1;
      out += char;
      index++;
      blankUntil(Math.min(end, text.length));
      if (index >= text.length) break;
      if (text[index] === '`') {
        out += '`';
        index++;
      } else {
        out += '${';
        index += 2;
        substitutions.push(braces);
      }
    } else if (char === '/' && BEFORE_REGEX.test(out.slice(Math.max(0, out.length - 16)))) {
      // A regular expression literal: up to its closing `/` (not one inside a character class) on the same line.
      let end = index + 1;
      let inClass = false;
      while (end < text.length && text[end] !== '\n' && (inClass || text[end] !== '/')) {
        if (text[end] === '[') inClass = true;
        else if (text[end] === ']') inClass = false;
        end += text[end] === '\\' ? 2 : 1;
      }
      if (end >= text.length || text[end] !== '/') {
        out += char;
        index++;
        continue;
      }
      out += char;
      index++;
      blankUntil(end);
      out += '/';
      index++;
    } else {
      if (char === '{') braces++;
      else if (char === '}') braces--;
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
 * each top-level `key: value` with the value's text from `source`, the spreads (`...x`, the text
 * after the dots), and whether a spread or a computed or shorthand entry was met (the object is then
 * not known whole). `end` is the closing brace's index, the text's length when it is not closed.
 */
export function objectEntries(source: string, blanked: string, open: number): { entries: Map<string, ObjectEntry>; spreads: ObjectEntry[]; whole: boolean; end: number } {
  const entries = new Map<string, ObjectEntry>();
  const spreads: ObjectEntry[] = [];
  let whole = true;
  let depth = 0;
  let entryStart = open + 1;
  const flush = (end: number) => {
    const blank = blanked.slice(entryStart, end);
    if (!blank.trim()) return;
    const entry = /^\s*(?:([A-Za-z_$][\w$]*)|(["'])[^"']*\2)\s*:/.exec(blank);
    if (!entry) {
      whole = false;
      const spread = /^\s*\.\.\.\s*/.exec(blank);
      if (spread) spreads.push({ text: source.slice(entryStart + spread[0].length, end).trim(), start: entryStart + spread[0].length });
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
  return { entries, spreads, whole, end: index };
}

/** A plain string literal's value (`'docs'`, `"docs"`, `` `docs` `` without `${`), else undefined. */
export function stringLiteral(source: string | undefined): string | undefined {
  const match = source === undefined ? null : /^(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1$/.exec(source.trim());
  if (!match || (match[1] === '`' && match[2].includes('${'))) return undefined;
  return match[2].replace(/\\(.)/g, '$1');
}

/** The index in `blanked` (see blankStringsAndComments) of the bracket that closes the one at `open` (the text's length when none does). */
export function closingBracket(blanked: string, open: number): number {
  let depth = 0;
  for (let index = open; index < blanked.length; index++) {
    const char = blanked[index];
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return blanked.length;
}

/** The text of the bracketed block (`{…}`, `[…]`) that starts at `open`, brackets included; undefined when it does not close. */
export function blockAt(text: string, open: number): string | undefined {
  const close = closingBracket(blankStringsAndComments(text), open);
  return close < text.length ? text.slice(open, close + 1) : undefined;
}

/**
 * The source of each property of an object literal's own level (`{ a: 1, b: { c: 2 } }` gives `a`
 * → `1` and `b` → `{ c: 2 }`), by name; shorthand and spread properties are left out.
 */
export function ownProperties(object: string): Map<string, string> {
  const { entries } = objectEntries(object, blankStringsAndComments(object), object.indexOf('{'));
  return new Map([...entries].map(([key, entry]) => [key, entry.text]));
}

/** The object literal a property holds, when it holds one (`docs: { … }`, also `docs: ({ … })`). */
export function objectLiteral(source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  const trimmed = source.trim().replace(/^\(\s*([^]*?)\s*\)$/, '$1').replace(/\s+(?:as|satisfies)\s+[\w.<>[\]]+$/, '');
  return trimmed.startsWith('{') ? blockAt(trimmed, 0) : undefined;
}

/** The object literal that follows the first match of `pattern` at or after `from`, and where it starts. */
export function objectAfter(text: string, pattern: RegExp, from = 0): { object: string; at: number } | undefined {
  const search = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  search.lastIndex = from;
  const match = search.exec(text);
  if (!match) return undefined;
  const open = text.indexOf('{', match.index + match[0].length);
  if (open === -1) return undefined;
  const object = blockAt(text, open);
  return object === undefined ? undefined : { object, at: open };
}
