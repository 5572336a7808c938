/** Small string helpers shared across the engine. */
/**
 * A copy of a string that does not keep the string it was cut from alive. V8 represents a slice
 * (`slice`, `substring`, regex captures, YAML scalars) of a long string as a view into it: a cache
 * or index that keeps slices of an article keeps the whole article text in memory, one per version
 * while an author types. Whatever outlives an analysis is stored detached.
 */
export function detached(text: string): string {
  // Flattening the concatenation copies the characters; the slice then points into that copy only.
  return ` ${text}`.slice(1);
}

/** The line of `text` that holds `offset`, without its line break (a message quotes it). */
export function lineAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', Math.max(offset - 1, 0)) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}

/** `Winter Tyres Guide` → `winter-tyres-guide`; accents dropped, anything else becomes a hyphen. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A flat copy of a string that holds none of the text it was cut from, for values kept long (the
 * site model's entries): unlike `detached`, the copy is not a slice of a longer string either.
 */
export function flatCopy<T extends string | undefined>(text: T): T {
  // Short strings are copied when sliced; a JSON round trip makes a flat copy of a longer one.
  if (text === undefined || text.length < 13) return text;
  return JSON.parse(JSON.stringify(text)) as T;
}
