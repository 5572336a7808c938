/**
 * Liquid and Nunjucks paired tags whose body is not Markdown (`{% raw %}`, `{% comment %}`, …): which
 * tags they are, and where each one's end tag is. The token rules ask at every opening tag they meet
 * (the block rule at every line a paragraph runs on), so the answers come from an index of the
 * text's tags made once (PairedTags), not from a scan to the end each time.
 */
import { firstAtOrAfter } from './scan';

/**
 * What a reader sees of a paired tag's body: `hidden`, nothing (a comment; `set` and `capture` store
 * it in a variable); `literal`, its text as written; `code`, its text as a code block.
 */
export type PairedKind = 'hidden' | 'literal' | 'code';

const PAIRED_KINDS: ReadonlyMap<string, PairedKind> = new Map([
  ['comment', 'hidden'],
  ['set', 'hidden'],
  ['capture', 'hidden'],
  ['raw', 'literal'],
  ['verbatim', 'literal'],
  ['highlight', 'code'],
]);

/** The tag's name: `raw` in `{%- raw -%}`, `my-shortcode` in `{% my-shortcode x %}`. */
export function tagName(source: string): string {
  return /^\{%-?\s*(\w+(?:-\w+)*)/.exec(source)?.[1] ?? '';
}

/**
 * The kind of a paired tag, from its whole opening tag; undefined for any other tag. Nunjucks'
 * `{% set x = 1 %}` assigns in one tag; only `{% set x %}` … `{% endset %}` is a pair.
 */
export function pairedKind(name: string, source: string): PairedKind | undefined {
  const kind = PAIRED_KINDS.get(name);
  if (name === 'set' && source.includes('=')) return undefined;
  return kind;
}

/** The end tag of each literal tag: its text holds no tags, so the first one ends it. */
const LITERAL_ENDS: ReadonlyMap<string, RegExp> = new Map(
  [...PAIRED_KINDS].filter(([, kind]) => kind === 'literal').map(([name]) => [name, new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g')]),
);

/** The start of any tag, with its name. */
const ANY_TAG = /\{%-?\s*(\w+(?:-\w+)*)/g;

export interface TagRange {
  start: number;
  end: number;
}

/**
 * The tag that ends the paired tag `name` whose opening tag ends at `from`, before `end`. Tags of
 * the same name nest (as Liquid's and Nunjucks' block tags do), the text of a literal tag inside is
 * skipped. One scan of the tags ahead: the definition that PairedTags answers from its index.
 */
export function closingTagScan(src: string, name: string, from: number, end: number): TagRange | undefined {
  const literal = LITERAL_ENDS.get(name);
  if (literal) {
    literal.lastIndex = from;
    const match = literal.exec(src);
    return match && match.index + match[0].length <= end ? { start: match.index, end: match.index + match[0].length } : undefined;
  }
  const endName = `end${name}`;
  let depth = 1;
  const anyTag = new RegExp(ANY_TAG);
  anyTag.lastIndex = from;
  for (let match = anyTag.exec(src); match && match.index < end; match = anyTag.exec(src)) {
    const close = src.indexOf('%}', match.index + match[0].length);
    if (close === -1 || close + 2 > end) return undefined;
    const tag = match[1];
    const tagEnd = close + 2;
    if (tag === endName) {
      depth--;
      if (depth === 0) return { start: match.index, end: tagEnd };
    } else if (tag === name && pairedKind(name, src.slice(match.index, tagEnd))) depth++;
    else if (LITERAL_ENDS.has(tag)) {
      const inner = closingTagScan(src, tag, tagEnd, end);
      if (!inner) return undefined;
      anyTag.lastIndex = inner.end;
      continue;
    }
    anyTag.lastIndex = tagEnd;
  }
  return undefined;
}

/** A tag's part in the scan for one name: its end tag, an opening of the same name, or neither. */
const CLOSES = -1;
const OPENS = 1;
const NONE = -1;

/** Per paired name: for each tag of the index, what a scan for that name finds from there. */
interface ScanAnswers {
  role: Int8Array;
  /** The first tag from here (itself included) that opens or closes the name, or NONE. */
  firstOfName: Int32Array;
  /** For an opening tag: its end tag. For an end tag: the next end tag at its depth (pairs inside skipped). */
  after: Int32Array;
}

/**
 * closingTagScan's answers for one text, in logarithmic time. The tags are read once, in order, as a
 * scan reads them from the first: a scan from any opening tag's end reads the same tags from there
 * (a tag's `%}` is never inside another tag), so where it goes from each tag is known (the next tag,
 * or past a literal tag's text), and, per name, what it finds from each tag follows from the tags
 * after it, worked out backwards once.
 */
export class PairedTags {
  private readonly starts: number[] = [];
  /** Past each tag's `%}`, or -1 for a tag never closed (the last one read: no `%}` follows). */
  private readonly ends: number[] = [];
  private readonly names: string[] = [];
  /** Starts and ends of each literal tag's end tags, in order. */
  private readonly literalEnds = new Map<string, { starts: number[]; ends: number[] }>();
  /** The tag a scan reads after each one (past a literal tag's text), or NONE. */
  private next?: Int32Array;
  private readonly answers = new Map<string, ScanAnswers>();

  constructor(private readonly src: string) {
    const anyTag = new RegExp(ANY_TAG);
    for (let match = anyTag.exec(src); match; match = anyTag.exec(src)) {
      const close = src.indexOf('%}', match.index + match[0].length);
      this.starts.push(match.index);
      this.names.push(match[1]);
      this.ends.push(close === -1 ? -1 : close + 2);
      if (close === -1) break;
      anyTag.lastIndex = close + 2;
    }
    for (const [name, pattern] of LITERAL_ENDS) {
      const found = { starts: [] as number[], ends: [] as number[] };
      const endTag = new RegExp(pattern);
      for (let match = endTag.exec(src); match; match = endTag.exec(src)) {
        found.starts.push(match.index);
        found.ends.push(match.index + match[0].length);
      }
      this.literalEnds.set(name, found);
    }
  }

  /** closingTagScan(src, name, from, end), `from` just past a `%}`. */
  closingTag(name: string, from: number, end: number): TagRange | undefined {
    const literal = this.literalEnds.get(name);
    if (literal) {
      const index = firstAtOrAfter(literal.starts, from);
      return index < literal.starts.length && literal.ends[index] <= end ? { start: literal.starts[index], end: literal.ends[index] } : undefined;
    }
    const first = firstAtOrAfter(this.starts, from);
    // Inside a tag (never just past a `%}`): scanned as asked.
    if (first > 0 && (this.ends[first - 1] === -1 || this.ends[first - 1] > from)) return closingTagScan(this.src, name, from, end);
    const answers = this.answersFor(name);
    const found = closeFrom(answers, first, this.starts.length);
    return found === NONE || this.ends[found] > end ? undefined : { start: this.starts[found], end: this.ends[found] };
  }

  private scanOrder(): Int32Array {
    if (this.next) return this.next;
    const count = this.starts.length;
    const next = new Int32Array(count);
    for (let index = 0; index < count; index++) {
      const literal = this.literalEnds.get(this.names[index]);
      if (this.ends[index] === -1) next[index] = NONE;
      else if (literal) {
        const inner = firstAtOrAfter(literal.starts, this.ends[index]);
        next[index] = inner === literal.starts.length ? NONE : firstAtOrAfter(this.starts, literal.ends[inner]);
      } else next[index] = index + 1;
      if (next[index] === count) next[index] = NONE;
    }
    return (this.next = next);
  }

  private answersFor(name: string): ScanAnswers {
    const known = this.answers.get(name);
    if (known) return known;
    const next = this.scanOrder();
    const count = this.starts.length;
    const answers: ScanAnswers = { role: new Int8Array(count), firstOfName: new Int32Array(count), after: new Int32Array(count) };
    const endName = `end${name}`;
    for (let index = count - 1; index >= 0; index--) {
      const tag = this.names[index];
      const closed = this.ends[index] !== -1;
      const role = !closed ? 0 : tag === endName ? CLOSES : tag === name && pairedKind(name, this.src.slice(this.starts[index], this.ends[index])) ? OPENS : 0;
      answers.role[index] = role;
      if (role !== 0) {
        answers.firstOfName[index] = index;
        answers.after[index] = closeFrom(answers, index + 1, count);
      } else answers.firstOfName[index] = next[index] === NONE ? NONE : answers.firstOfName[next[index]];
    }
    this.answers.set(name, answers);
    return answers;
  }
}

/** The end tag that brings a scan at tag `from`, one pair deep, back to depth 0 (pairs inside skipped). */
function closeFrom(answers: ScanAnswers, from: number, count: number): number {
  if (from >= count) return NONE;
  const tag = answers.firstOfName[from];
  if (tag === NONE || answers.role[tag] === CLOSES) return tag;
  const close = answers.after[tag];
  return close === NONE ? NONE : answers.after[close];
}

