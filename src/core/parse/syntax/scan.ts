/**
 * Scanners shared by the token rules of syntax/: where a `{…}` expression, a `{{< … >}}` shortcode or
 * a `{% … %}` tag ends. Each is one linear pass (no regex backtracking), whatever the input. A rule
 * asks at every opening of a text (each `{` of a paragraph, each line a block starts on), and an
 * opening left open would be scanned to the end from each one: past a text's length of scanning,
 * the answers come from an index of the text made in one pass (ScanIndex).
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
      const close = indexBefore(src, '*/', index + 2, end - 1);
      if (close === -1) return -1;
      index = close + 2;
      continue;
    } else if (code === 0x2f && src.charCodeAt(index + 1) === 0x2f) {
      const newline = indexBefore(src, '\n', index + 2, end);
      if (newline === -1) return -1;
      index = newline + 1;
      continue;
    }
    index++;
  }
  return -1;
}

/** The first `needle` at or after `from` that starts before `before`, or -1 (looks no further). */
export function indexBefore(src: string, needle: string, from: number, before: number): number {
  if (from >= before) return -1;
  // indexOf is native; a window keeps it from running to the end of a long text every time.
  const found = src.slice(from, before + needle.length - 1).indexOf(needle);
  return found === -1 ? -1 : from + found;
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
  const plain = indexBefore(src, close, from, end - close.length + 1);
  return plain === -1 ? -1 : plain + close.length;
}

/** Whether only spaces and tabs lie between `from` and `end`. */
export function blankBetween(src: string, from: number, end: number): boolean {
  for (let index = from; index < end; index++) {
    const code = src.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

/**
 * braceEnd(src, q, end) for every `{` at q ≥ low, from one pass over the text backwards. A scan moves
 * from place to place the same way whatever `{` it started at (only its depth differs): so each
 * place's first brace ahead (`firstBrace`), and each brace's answer (`after`: a `{`'s closing `}`;
 * a `}`'s next `}` at its depth, balanced groups skipped), follow from places further on.
 */
export class BraceEnds {
  private readonly firstBrace: Int32Array;
  private readonly after: Int32Array;

  constructor(
    private readonly src: string,
    readonly low: number,
    private readonly end: number,
  ) {
    const size = end - low;
    this.firstBrace = new Int32Array(size);
    this.after = new Int32Array(size);
    // Rolling answers for the places at x + 1 and x + 2: where a string opened by each quote ends
    // (quoteEnd read from there), the first `*/` and the first line end.
    const QUOTES = [0x22, 0x27, 0x60];
    const stringEnd1 = [-1, -1, -1];
    const stringEnd2 = [-1, -1, -1];
    let commentClose1 = -1;
    let commentClose2 = -1;
    let newline1 = -1;
    let newline2 = -1;
    for (let x = end - 1; x >= low; x--) {
      const code = src.charCodeAt(x);
      const nextCode = src.charCodeAt(x + 1);
      let brace = false;
      let to = x + 1;
      if (code === 0x7b || code === 0x7d) brace = true;
      else if (code === 0x22 || code === 0x27 || code === 0x60) {
        const close = stringEnd1[QUOTES.indexOf(code)];
        to = close === -1 ? x + 1 : close;
      } else if (code === 0x2f && nextCode === 0x2a) to = commentClose2 === -1 ? -1 : commentClose2 + 2;
      else if (code === 0x2f && nextCode === 0x2f) to = newline2 === -1 ? -1 : newline2 + 1;
      const i = x - low;
      if (brace) {
        this.firstBrace[i] = x;
        this.after[i] = this.closeFrom(x + 1);
      } else this.firstBrace[i] = to === -1 || to >= end ? -1 : this.firstBrace[to - low];
      // The rolling answers for x itself.
      for (let q = 0; q < 3; q++) {
        const fromHere = code === 0x5c ? stringEnd2[q] : code === QUOTES[q] ? x + 1 : code === 0x0a ? -1 : stringEnd1[q];
        stringEnd2[q] = stringEnd1[q];
        stringEnd1[q] = fromHere;
      }
      commentClose2 = commentClose1;
      if (code === 0x2a && nextCode === 0x2f && x + 2 <= end) commentClose1 = x;
      newline2 = newline1;
      if (code === 0x0a) newline1 = x;
    }
  }

  /** The `}` that ends depth 1 of a scan at `from` (balanced groups skipped), or -1. */
  private closeFrom(from: number): number {
    if (from >= this.end) return -1;
    const brace = this.firstBrace[from - this.low];
    if (brace === -1 || this.src.charCodeAt(brace) === 0x7d) return brace;
    const close = this.after[brace - this.low];
    return close === -1 ? -1 : this.after[close - this.low];
  }

  /** braceEnd(src, from, end), `from` at a `{` at or after low. */
  at(from: number): number {
    const close = this.after[from - this.low];
    return close === -1 ? -1 : close + 1;
  }
}

/**
 * templateEnd(src, from, end, close) for every `from` ≥ low, from one pass over the text backwards:
 * what a scan finds from each place depends only on whether it is in a string there, and of which
 * quote.
 */
export class TemplateEnds {
  private readonly ends: Int32Array;

  constructor(src: string, readonly low: number, end: number, close: string) {
    this.ends = new Int32Array(end - low + 1);
    const first = close.charCodeAt(0);
    const NOT_FOUND = -1;
    const IN_STRING = -2;
    // What a scan finds from x + 1 out of strings, in a "…" string, in a `…` string; the first close.
    let outside = NOT_FOUND;
    let inDouble = IN_STRING;
    let inBacktick = IN_STRING;
    let plain = -1;
    this.ends[end - low] = -1;
    for (let x = end - 1; x >= low; x--) {
      const code = src.charCodeAt(x);
      const closes = code === first && x + close.length <= end && src.startsWith(close, x);
      if (closes) plain = x + close.length;
      const nextOutside = code === 0x22 ? inDouble : code === 0x60 ? inBacktick : closes ? x + close.length : outside;
      inDouble = code === 0x22 ? outside : inDouble;
      inBacktick = code === 0x60 ? outside : inBacktick;
      outside = nextOutside;
      this.ends[x - low] = outside >= 0 ? outside : outside === IN_STRING ? plain : -1;
    }
  }

  at(from: number): number {
    return this.ends[from - this.low];
  }
}

/** Characters scanned in all before a short text is worth an index (allocating one costs as much). */
const SCANS_BEFORE_INDEX = 1024;

/**
 * One scanner over one text up to one end, asked at many places (a token rule tries each `{` of a
 * paragraph, a block rule each line): scans while they cost less than twice the text's length in
 * all, then answers from an index made in one pass (the same answers). Ordinary text is never
 * indexed; text that would make the rule quadratic (a paragraph of unclosed `{`) is, once.
 */
export class ScanIndex {
  private work = 0;
  private low = Number.POSITIVE_INFINITY;
  private index?: { low: number; at(from: number): number };

  constructor(
    private readonly end: number,
    private readonly scan: (from: number) => number,
    private readonly makeIndex: (low: number) => { low: number; at(from: number): number },
  ) {}

  at(from: number): number {
    if (this.index && from >= this.index.low && from < this.end) return this.index.at(from);
    const result = this.scan(from);
    this.low = Math.min(this.low, from);
    this.work += (result === -1 ? this.end : result) - from;
    if (this.work > 2 * (this.end - this.low) + SCANS_BEFORE_INDEX) {
      this.index = this.makeIndex(this.low);
      this.work = 0;
    }
    return result;
  }
}

/**
 * What the token rules work out once about one markdown-it state's text (it never changes): by state,
 * so it goes with the parse, and never outlives it.
 */
const stateMemos = new WeakMap<object, Map<string, unknown>>();

export function memoOfState<T>(state: object, key: string, make: () => T): T {
  let memos = stateMemos.get(state);
  if (!memos) stateMemos.set(state, (memos = new Map()));
  let memo = memos.get(key) as T | undefined;
  if (memo === undefined) memos.set(key, (memo = make()));
  return memo;
}

/** braceEnd(state.src, from, end), asked of one index per state and end. */
export function braceEndIn(state: { src: string }, from: number, end: number): number {
  const src = state.src;
  return memoOfState(
    state,
    `brace ${end}`,
    () => new ScanIndex(end, (at) => braceEnd(src, at, end), (low) => new BraceEnds(src, low, end)),
  ).at(from);
}

/** templateEnd(state.src, from, end, close), asked of one index per state, end and close. */
export function templateEndIn(state: { src: string }, from: number, end: number, close: string): number {
  const src = state.src;
  return memoOfState(
    state,
    `template ${close} ${end}`,
    () => new ScanIndex(end, (at) => templateEnd(src, at, end, close), (low) => new TemplateEnds(src, low, end, close)),
  ).at(from);
}

/** Whether only spaces and tabs lie between `from` and `end`, remembered by `from` for the state. */
export function blankBetweenIn(state: { src: string }, from: number, end: number): boolean {
  const firstNonBlank = memoOfState(state, 'first non-blank', () => new Map<number, number>());
  let at = firstNonBlank.get(from);
  if (at === undefined) {
    const src = state.src;
    at = from;
    while (at < src.length && (src.charCodeAt(at) === 0x20 || src.charCodeAt(at) === 0x09)) at++;
    firstNonBlank.set(from, at);
  }
  return at >= end;
}

/** The index of the first value at or after `value` in ascending `values` (their length if none). */
export function firstAtOrAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last index in [first, last) whose value (ascending: bMarks, a line's starts) is at or before `offset`. */
export function lineAtOffset(bMarks: readonly number[], first: number, last: number, offset: number): number {
  let low = first;
  let high = last - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (bMarks[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
