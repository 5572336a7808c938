/**
 * Reading a generator's JavaScript configuration as text, never running it: the object literal that
 * follows a place, and the plain values of its own properties. A value that is not a plain literal
 * (a variable, a call, a template with `${…}`) is not read: the caller keeps its default.
 */

/** Where the code at `from` leaves a string, template or comment, or `from` itself when it starts none. */
function skipNonCode(text: string, from: number): number {
  const char = text[from];
  if (char === '"' || char === "'" || char === '`') {
    let at = from + 1;
    while (at < text.length && text[at] !== char) at += text[at] === '\\' ? 2 : 1;
    return at + 1;
  }
  if (char === '/' && text[from + 1] === '/') {
    const end = text.indexOf('\n', from);
    return end === -1 ? text.length : end;
  }
  if (char === '/' && text[from + 1] === '*') {
    const end = text.indexOf('*/', from + 2);
    return end === -1 ? text.length : end + 2;
  }
  return from;
}

/** The text of the bracketed block (`{…}`, `[…]`) that starts at `open`, brackets included; undefined when it does not close. */
export function blockAt(text: string, open: number): string | undefined {
  let depth = 0;
  for (let at = open; at < text.length; ) {
    const skipped = skipNonCode(text, at);
    if (skipped !== at) {
      at = skipped;
      continue;
    }
    const char = text[at];
    if (char === '{' || char === '[' || char === '(') depth++;
    else if (char === '}' || char === ']' || char === ')') {
      depth--;
      if (depth === 0) return text.slice(open, at + 1);
    }
    at++;
  }
  return undefined;
}

/**
 * The source of each property of an object literal's own level (`{ a: 1, b: { c: 2 } }` gives `a`
 * → `1` and `b` → `{ c: 2 }`), by name; shorthand and spread properties are left out.
 */
export function ownProperties(object: string): Map<string, string> {
  const properties = new Map<string, string>();
  let depth = 0;
  let start = 1;
  const take = (end: number) => {
    const entry = object.slice(start, end);
    const match = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[^]*?\*\/\s*)*(?:(["'])([^"']+)\1|([A-Za-z_$][\w$]*))\s*:([^]*)$/.exec(entry);
    if (match) properties.set(match[2] ?? match[3], match[4].trim());
  };
  for (let at = 0; at < object.length; ) {
    const skipped = skipNonCode(object, at);
    if (skipped !== at) {
      at = skipped;
      continue;
    }
    const char = object[at];
    if (char === '{' || char === '[' || char === '(') depth++;
    else if (char === '}' || char === ']' || char === ')') {
      depth--;
      if (depth === 0) take(at);
    } else if (char === ',' && depth === 1) {
      take(at);
      start = at + 1;
    }
    at++;
  }
  return properties;
}

/** A plain string literal's value (`'docs'`, `"docs"`, `` `docs` `` without `${`), else undefined. */
export function stringLiteral(source: string | undefined): string | undefined {
  const match = source === undefined ? null : /^(["'`])((?:(?!\1)[^\\]|\\.)*)\1$/.exec(source.trim());
  if (!match || (match[1] === '`' && match[2].includes('${'))) return undefined;
  return match[2].replace(/\\(.)/g, '$1');
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
