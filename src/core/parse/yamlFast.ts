/**
 * The values of the frontmatter most articles have, read without building a YAML document: top-level
 * `key: value` lines whose values are plain, single- or double-quoted scalars on one line, one-line
 * flow lists of such scalars (`[a, "b"]`) and block lists of them (`- a`), with blank and comment
 * lines. Anything else (nested mappings, multi-line scalars, anchors, tags, tabs, a repeated key, …)
 * gives undefined, and the caller reads the block with the `yaml` package as before; so does a block
 * whose ranges are needed (findings, edits, the preview), lazily.
 *
 * Within that subset the values are those `yaml` gives with the YAML 1.2 core schema (a property test
 * compares the two on generated blocks, and that `yaml` reports no error wherever this reads one).
 */

/** A simple key: what authors write (letters, digits, `_`, `-`), nothing YAML could read otherwise. */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** A block list item at the start of its line or indented by spaces. */
const ITEM_LINE = /^( *)- +(.*)$|^( *)-$/;

/** The YAML 1.2 core schema's plain scalars (as `yaml` resolves them). */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Characters a plain scalar may not start with (YAML's indicators), and white space. */
const PLAIN_START_FORBIDDEN = new Set([...'-?:,[]{}#&*!|>\'"%@`', ' ', '\t']);

const UNUSUAL_CHARACTERS = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;

class NotInSubset extends Error {}

function bail(): never {
  throw new NotInSubset();
}

/** The values of a frontmatter block (the text between the delimiter lines), or undefined. */
export function fastYamlMapping(source: string): Record<string, unknown> | undefined {
  // Tabs, lone CRs, control characters and the characters some YAML versions break lines at: not in the subset.
  if (UNUSUAL_CHARACTERS.test(source)) return undefined;
  const lines = source.split(/\r?\n/);
  const data: Record<string, unknown> = {};
  try {
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      if (isBlankOrComment(line)) continue;
      const match = KEY_LINE.exec(line);
      if (!match) return undefined;
      const key = match[1];
      if (Object.prototype.hasOwnProperty.call(data, key) || key === '__proto__') return undefined;
      const rest = match[2] === undefined ? '' : stripComment(match[2]);
      if (rest !== '') {
        data[key] = rest.startsWith('[') ? flowList(rest) : blockScalar(rest);
        // A following indented line would continue the value (or be an error): not in the subset.
        if (index + 1 < lines.length && /^ +\S/.test(lines[index + 1])) {
          if (!isBlankOrComment(lines[index + 1])) return undefined;
        }
        continue;
      }
      // `key:` alone: a block list below it, or null.
      const items: unknown[] = [];
      let indent: string | undefined;
      let next = index + 1;
      for (; next < lines.length; next++) {
        const itemLine = lines[next];
        if (isBlankOrComment(itemLine)) continue;
        const item = ITEM_LINE.exec(itemLine);
        if (!item) break;
        const itemIndent = item[1] ?? item[3];
        if (indent === undefined) indent = itemIndent;
        else if (itemIndent !== indent) return undefined;
        const value = item[2] === undefined ? '' : stripComment(item[2]);
        if (value.startsWith('[') || value.startsWith('- ') || value === '-') return undefined;
        items.push(blockScalar(value));
      }
      // What stops the list must be a key at column 0 (or the end); an indented line is something else.
      if (next < lines.length && /^ /.test(lines[next])) return undefined;
      if (indent === undefined) {
        data[key] = null;
      } else {
        data[key] = items;
        index = next - 1;
      }
    }
  } catch (error) {
    if (error instanceof NotInSubset) return undefined;
    throw error;
  }
  return data;
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trimStart();
  if (trimmed === '') return line.length === 0 || /^ *$/.test(line);
  // A document marker or directive would end or change the block: not in the subset.
  if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) bail();
  return trimmed.startsWith('#');
}

/** The value text without a trailing comment (` #…`) and trailing spaces; quoted values keep their `#`. */
function stripComment(text: string): string {
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = quotedEnd(text);
    const after = text.slice(end);
    if (after.trim() !== '' && !/^ +#/.test(after)) bail();
    return text.slice(0, end);
  }
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close === -1) bail();
    const after = text.slice(close + 1);
    if (after.trim() !== '' && !/^ +#/.test(after)) bail();
    return text.slice(0, close + 1);
  }
  const comment = text.search(/ #/);
  return (comment === -1 ? text : text.slice(0, comment)).replace(/ +$/, '');
}

/** Where a quoted scalar at the start of `text` ends (after its closing quote). */
function quotedEnd(text: string): number {
  const quote = text[0];
  for (let at = 1; at < text.length; at++) {
    const char = text[at];
    if (quote === '"' && char === '\\') {
      at++;
      continue;
    }
    if (char === quote) {
      if (quote === "'" && text[at + 1] === "'") {
        at++;
        continue;
      }
      return at + 1;
    }
  }
  return bail();
}

/** A scalar value of a `key: value` line or a list item (block context). */
function blockScalar(text: string): unknown {
  if (text.startsWith('"')) return doubleQuoted(text);
  if (text.startsWith("'")) return singleQuoted(text);
  return plain(text, false);
}

function plain(text: string, inFlow: boolean): unknown {
  if (text === '') return null;
  if (PLAIN_START_FORBIDDEN.has(text[0])) bail();
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) bail();
  if (inFlow && /[,[\]{}:#]/.test(text)) bail();
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (OCT.test(text)) return parseInt(text.slice(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT_SPECIAL.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

function doubleQuoted(text: string): string {
  if (quotedEnd(text) !== text.length) bail();
  let value = '';
  for (let at = 1; at < text.length - 1; at++) {
    const char = text[at];
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escape = text[++at];
    switch (escape) {
      case '"':
      case '\\':
      case '/':
        value += escape;
        break;
      case 'n':
        value += '\n';
        break;
      case 't':
        value += '\t';
        break;
      case 'r':
        value += '\r';
        break;
      case 'u': {
        const hex = text.slice(at + 1, at + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) bail();
        value += String.fromCharCode(parseInt(hex, 16));
        at += 4;
        break;
      }
      default:
        return bail();
    }
  }
  return value;
}

function singleQuoted(text: string): string {
  if (quotedEnd(text) !== text.length) bail();
  return text.slice(1, -1).replace(/''/g, "'");
}

/** A one-line flow list of scalars: `[a, "b c", 'd']`. */
function flowList(text: string): unknown[] {
  if (!text.endsWith(']')) bail();
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return [];
  const items: unknown[] = [];
  let at = 0;
  while (at <= inner.length) {
    while (inner[at] === ' ') at++;
    let item: unknown;
    if (inner[at] === '"' || inner[at] === "'") {
      const end = quotedEnd(inner.slice(at)) + at;
      const quoted = inner.slice(at, end);
      item = inner[at] === '"' ? doubleQuoted(quoted) : singleQuoted(quoted);
      at = end;
      while (inner[at] === ' ') at++;
    } else {
      const comma = inner.indexOf(',', at);
      const end = comma === -1 ? inner.length : comma;
      const raw = inner.slice(at, end).replace(/ +$/, '');
      if (raw === '') bail();
      item = plain(raw, true);
      at = end;
    }
    items.push(item);
    if (at >= inner.length) break;
    if (inner[at] !== ',') bail();
    at++;
    // A trailing comma (`[a, b, ]`) ends the list in YAML; keep it out of the subset.
    if (inner.slice(at).trim() === '') bail();
  }
  return items;
}
