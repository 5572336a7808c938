/**
 * JSX tags as MDX reads them (`<Picture src={hero} formats={['avif', 'webp']} alt="…" />`): where an
 * opening tag ends and what its attributes are. An attribute's value is a string (`"…"`, `'…'`,
 * which may hold `>` or `}`), or an expression in braces (nested brackets and braces, strings,
 * template literals, comments and arrow functions such as `{() => x > 1}`); `{...props}` spreads
 * attributes; an attribute without a value is `true`. Tags may span lines. One linear pass each.
 */
import { braceEnd, indexBefore } from './scan';

/** An attribute's value: its text as written, and whether it is an expression rather than a string. */
export interface JsxValue {
  /** A string's text (`"a > b"` → `a > b`), a literal expression's value (`{"x"}` → `x`, `{true}` → `true`), else the expression as written. */
  text: string;
  /** A JavaScript expression whose value is known only when the page is built (`{caption}`). */
  expression: boolean;
}

export interface JsxAttributes {
  /** By name as written (JSX names are case-sensitive), the first of each. */
  values: Map<string, JsxValue>;
  /** The tag spreads an object into its attributes (`{...props}`): any attribute may come from it. */
  spread: boolean;
}

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x24;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e || code === 0x3a;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
}

interface Attribute {
  /** The name, or undefined for `{…}` without one (a spread or a comment). */
  name?: string;
  /** The value's source (`"…"`, `'…'` or `{…}`); undefined without `=`. */
  value?: string;
  end: number;
}

/** How a tag is read from a text (jsxTagEnd). */
export interface TagReading {
  /**
   * Where the `{…}` expression at an offset ends: braceEnd up to the tag's limit, or -1 (by default
   * a scan; a rule that tries a tag at every `<` asks an index of its text).
   */
  expressionEnd?: (from: number) => number;
  /** How far the tag may reach (MAX_TAG_LENGTH). */
  maxLength?: number;
  /** Whether the `>` at an offset is a container's marker (a blockquote's), which the tag's lines leave out: a space. */
  isMarker?: (offset: number) => boolean;
  /** The first `quote` at or after `from` and before `end`, or -1 (by default a search). */
  quoteAt?: (quote: string, from: number, end: number) => number;
}

interface Reader {
  expressionEnd: (from: number) => number;
  isMarker?: (offset: number) => boolean;
  quoteAt: (quote: string, from: number, end: number) => number;
}

/** A space between a tag's attributes (a container's marker is read as one). */
function isBlank(src: string, index: number, reader: Reader): boolean {
  const code = src.charCodeAt(index);
  return isSpace(code) || (code === 0x3e && reader.isMarker !== undefined && reader.isMarker(index));
}

/** The attribute at `from` (not a space) that ends by `end`, or undefined when none starts there. */
function attributeAt(src: string, from: number, end: number, reader: Reader): Attribute | undefined {
  const code = src.charCodeAt(from);
  if (code === 0x7b /* { */) {
    const close = reader.expressionEnd(from);
    return close === -1 || close > end ? undefined : { value: src.slice(from, close), end: close };
  }
  if (!isNameStart(code)) return undefined;
  let index = from + 1;
  while (index < end && isNameChar(src.charCodeAt(index))) index++;
  const name = src.slice(from, index);
  let after = index;
  while (after < end && isBlank(src, after, reader)) after++;
  if (src.charCodeAt(after) !== 0x3d /* = */) return { name, end: index };
  after++;
  while (after < end && isBlank(src, after, reader)) after++;
  const quote = src.charCodeAt(after);
  if (quote === 0x22 || quote === 0x27) {
    // JSX strings have no escapes and may span lines.
    const close = reader.quoteAt(String.fromCharCode(quote), after + 1, end);
    return close === -1 ? undefined : { name, value: src.slice(after, close + 1), end: close + 1 };
  }
  if (quote === 0x7b) {
    const close = reader.expressionEnd(after);
    return close === -1 || close > end ? undefined : { name, value: src.slice(after, close), end: close };
  }
  return undefined;
}

/**
 * How far a tag may reach: a `<` that opens no tag (a string left open) is looked past once for each
 * `<`, so a long text of them is read in linear time.
 */
const MAX_TAG_LENGTH = 8192;

/**
 * Offset just past the `>` that ends the JSX opening (or self-closing) tag whose `<` is at `from`,
 * or -1 when no tag of JSX's syntax ends before `limit` (or within MAX_TAG_LENGTH). Its expressions
 * are read up to `limit`, the same wherever the tag starts.
 */
export function jsxTagEnd(src: string, from: number, limit: number, reading: TagReading = {}): number {
  const end = Math.min(limit, from + (reading.maxLength ?? MAX_TAG_LENGTH));
  const reader: Reader = {
    expressionEnd: reading.expressionEnd ?? ((at) => braceEnd(src, at, limit)),
    isMarker: reading.isMarker,
    quoteAt: reading.quoteAt ?? ((quote, at, before) => indexBefore(src, quote, at, before)),
  };
  let index = from + 1;
  if (!isNameStart(src.charCodeAt(index))) return -1;
  while (index < end && isNameChar(src.charCodeAt(index))) index++;
  while (index < end) {
    const code = src.charCodeAt(index);
    if (isBlank(src, index, reader)) index++;
    else if (code === 0x3e /* > */) return index + 1;
    else if (code === 0x2f /* / */) return src.charCodeAt(index + 1) === 0x3e && index + 2 <= end ? index + 2 : -1;
    else {
      const attribute = attributeAt(src, index, end, reader);
      if (!attribute) return -1;
      index = attribute.end;
    }
  }
  return -1;
}

/** The value of a literal expression (`{"x"}`, `{'x'}`, `` {`x`} ``, `{true}`, `{2}`), or undefined. */
function literalValue(expression: string): string | undefined {
  const inner = expression.slice(1, -1).trim();
  const literal = /^(?:"([^"\\]*)"|'([^'\\]*)'|`([^`\\$]*)`|(true|false|-?\d+(?:\.\d+)?))$/.exec(inner);
  return literal ? (literal[1] ?? literal[2] ?? literal[3] ?? literal[4]) : undefined;
}

/** The attributes of a JSX opening tag's source (`<Name …>` or `<Name … />`). */
export function jsxAttributes(tag: string): JsxAttributes {
  const values = new Map<string, JsxValue>();
  let spread = false;
  let index = 1;
  while (index < tag.length && isNameChar(tag.charCodeAt(index))) index++;
  while (index < tag.length) {
    const code = tag.charCodeAt(index);
    if (isSpace(code) || code === 0x2f || code === 0x3e) {
      index++;
      continue;
    }
    const attribute = attributeAt(tag, index, tag.length, {
      expressionEnd: (at) => braceEnd(tag, at, tag.length),
      quoteAt: (quote, at, before) => indexBefore(tag, quote, at, before),
    });
    if (!attribute) break;
    index = attribute.end;
    const { name, value } = attribute;
    if (name === undefined) {
      if (value !== undefined && /^\{\s*\.\.\./.test(value)) spread = true;
      continue;
    }
    if (values.has(name)) continue;
    if (value === undefined) values.set(name, { text: 'true', expression: false });
    else if (value.startsWith('{')) {
      const literal = literalValue(value);
      values.set(name, literal === undefined ? { text: value, expression: true } : { text: literal, expression: false });
    } else values.set(name, { text: value.slice(1, -1), expression: false });
  }
  return { values, spread };
}
