/**
 * The body's markdown-it parse by segments, reusing the two previous versions' segments while an
 * author types. Segments end at blank lines that close every open block; a construct that can run
 * past one (a fence, an HTML block, markdown.ts's `mayRunOn`) or a reference definition makes the
 * rest, or the whole body, one parse. The joined tokens equal one whole parse (a property test
 * checks it); they are shared between versions: read-only. parseBodyInSlices cuts a long body the
 * same way to parse it in pieces with turns of the event loop between.
 */
import type MarkdownIt from 'markdown-it';
import { parseWork } from './parseWork';
import { mayRunOn } from './markdown';
import type { Token } from './token';

type MarkdownParser = ReturnType<typeof MarkdownIt>;

interface Segment {
  tokens: Token[];
  /** The body line at which `tokens` have their maps (the segment's first line). */
  line: number;
  /** A fence or HTML block is still open at its end (never kept between versions). */
  open?: boolean;
}

interface Cut {
  start: number;
  end: number;
  /** First line of the piece (0-based, as markdown-it counts lines). */
  line: number;
  /** Lines the piece holds (each ended by a line break, except perhaps the body's last one). */
  lines: number;
}

/** A piece of this version's body, with the segment of an earlier version that has its text. */
interface Piece extends Cut {
  text: string;
  known: Segment | undefined;
}

/** Below this size a body is parsed whole: nothing worth reusing. */
const MIN_INCREMENTAL_LENGTH = 2048;

/** A line that may start a segment after a blank line: column 0, not blank, not a list item's marker. */
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t\r\n]|$)/;

export class BodyParser {
  private lastBody: string | undefined;
  private lastTokens: Token[] | undefined;
  private lastSegments: Map<string, Segment> | undefined;
  /**
   * The segments of the version before the last: an undo, or a character typed and deleted again,
   * brings back a segment the last version did not have. Most segments are the same objects in both.
   */
  private olderSegments: Map<string, Segment> | undefined;

  /**
   * `parseWhole`: bodies this kind of file must always parse in one go, where whether a construct
   * closes depends on text past a segment's end (an MDX expression at the start of a line).
   */
  constructor(
    private readonly parser: () => MarkdownParser,
    private readonly parseWhole: (body: string) => boolean = () => false,
  ) {}

  private markdown(text: string): Token[] {
    return countedParse(this.parser(), text);
  }

  parse(body: string): Token[] {
    if (body === this.lastBody && this.lastTokens) return this.lastTokens;
    const pieces = this.worthCutting(body);
    let tokens: Token[];
    if (pieces) {
      const segments = new Map<string, Segment>();
      tokens = this.parseSegments(body, pieces, segments);
      this.olderSegments = this.lastSegments;
      this.lastSegments = segments;
    } else {
      tokens = this.markdown(body);
      this.lastSegments = undefined;
      this.olderSegments = undefined;
    }
    this.lastBody = body;
    this.lastTokens = tokens;
    return tokens;
  }

  /**
   * The body's pieces when a parse by segments pays: the same article a few keystrokes later (most
   * of its text in segments of the previous versions, or, after a whole parse, an unchanged start and
   * end), not another article.
   */
  private worthCutting(body: string): Piece[] | undefined {
    if (body.length < MIN_INCREMENTAL_LENGTH || body.includes(']:') || this.lastBody === undefined || this.parseWhole(body)) return undefined;
    if (this.lastSegments) {
      let knownLength = 0;
      const pieces = cutSegments(body).map((cut): Piece => {
        const text = body.slice(cut.start, cut.end);
        const known = this.knownSegment(text);
        if (known) knownLength += text.length;
        return { ...cut, text, known };
      });
      return knownLength >= body.length / 2 ? pieces : undefined;
    }
    const previous = this.lastBody;
    const limit = Math.min(previous.length, body.length);
    let prefix = 0;
    while (prefix < limit && previous.charCodeAt(prefix) === body.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (
      suffix < limit - prefix &&
      previous.charCodeAt(previous.length - 1 - suffix) === body.charCodeAt(body.length - 1 - suffix)
    ) {
      suffix++;
    }
    if (prefix + suffix < body.length / 2) return undefined;
    return cutSegments(body).map((cut) => ({ ...cut, text: body.slice(cut.start, cut.end), known: undefined }));
  }

  /** Forgets the previous versions (the benchmark's "from scratch" runs; tests). */
  clear(): void {
    this.lastBody = undefined;
    this.lastTokens = undefined;
    this.lastSegments = undefined;
    this.olderSegments = undefined;
  }

  /** The segment with this text in the last version, or else in the one before. */
  private knownSegment(text: string): Segment | undefined {
    return this.lastSegments?.get(text) ?? this.olderSegments?.get(text);
  }

  private parseSegments(body: string, pieces: readonly Piece[], next: Map<string, Segment>): Token[] {
    const tokens: Token[] = [];
    for (const cut of pieces) {
      const text = cut.text;
      const segment = cut.known ?? parseAlone(this.parser(), text, cut.lines);
      if (segment.open) {
        // A fence or HTML block left open runs on into what follows, perhaps to the end: the rest of
        // the body is parsed in one go from here (every piece before it is closed), and not kept.
        // Growing the piece one segment at a time would parse the same text again and again.
        const rest = cut.end === body.length ? segment : { tokens: this.markdown(body.slice(cut.start)), line: 0 };
        for (const token of shifted(rest, cut.line).tokens) tokens.push(token);
        break;
      }
      const placed = shifted(segment, cut.line);
      next.set(text, placed);
      for (const token of placed.tokens) tokens.push(token);
    }
    return tokens;
  }
}

/** One markdown-it parse, counted (see parseWork). */
export function countedParse(parser: MarkdownParser, text: string): Token[] {
  parseWork.bodyCharacters += text.length;
  return parser.parse(text, {});
}

/** The piece's tokens, marked open when a fence or HTML block in it is still open at its end. */
function parseAlone(parser: MarkdownParser, text: string, lines: number): Segment {
  const tokens = countedParse(parser, text);
  const open = tokens.some((token) => (token.type === 'fence' || token.type === 'html_block' || mayRunOn(token)) && token.map !== null && token.map[1] >= lines);
  return { tokens, line: 0, open };
}

/** From this length a body read with turns of the event loop between (see parseBodyInSlices) is parsed in pieces. */
export const SLICED_PARSE_FROM = 32 * 1024;
/** About this much of the body is parsed between two turns. */
const SLICE_LENGTH = 16 * 1024;

/**
 * The body's tokens, equal to one whole parse, made a group of segments at a time (about
 * SLICE_LENGTH characters, cut as BodyParser cuts) with `breathe` awaited between: a site index
 * reading a 300 KB changelog would otherwise hold the event loop for the whole parse (50 ms warm,
 * 240 ms cold). What BodyParser parses whole is parsed whole here too: a short body, one with a
 * reference definition, one `parseWhole` names; from a fence or HTML block left open, the rest.
 */
export async function parseBodyInSlices(
  body: string,
  parser: MarkdownParser,
  parseWhole: ((body: string) => boolean) | undefined,
  breathe: () => Promise<void>,
): Promise<Token[]> {
  if (body.length < SLICED_PARSE_FROM || body.includes(']:') || parseWhole?.(body)) return countedParse(parser, body);
  const cuts = cutSegments(body);
  const tokens: Token[] = [];
  for (let first = 0; first < cuts.length; ) {
    let last = first;
    while (last + 1 < cuts.length && cuts[last + 1].end - cuts[first].start <= SLICE_LENGTH) last++;
    const { start, line } = cuts[first];
    const end = cuts[last].end;
    const group = parseAlone(parser, body.slice(start, end), cuts[last].line + cuts[last].lines - line);
    // A fence or HTML block left open runs on: the rest of the body in one parse.
    const placed = group.open && end < body.length ? countedParse(parser, body.slice(start)) : group.tokens;
    // Fresh tokens, shared with nobody: their maps are moved in place.
    for (const token of placed) {
      if (line !== 0 && token.map) token.map = [token.map[0] + line, token.map[1] + line];
      tokens.push(token);
    }
    if (group.open) break;
    first = last + 1;
    if (first < cuts.length) await breathe();
  }
  return tokens;
}

/** The segment's tokens with maps for its place at `line`: the same tokens when it has not moved. */
function shifted(segment: Segment, line: number): Segment {
  const delta = line - segment.line;
  if (delta === 0) return segment;
  const tokens = segment.tokens.map((token) => {
    if (!token.map) return token;
    const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token);
    copy.map = [token.map[0] + delta, token.map[1] + delta];
    return copy;
  });
  return { tokens, line };
}

/**
 * The body cut at the starts of lines that follow a blank line and may start a segment (see the top
 * of this file). The pieces cover the body; line breaks are `\n`, `\r\n` or `\r`, as for markdown-it.
 */
function cutSegments(body: string): Cut[] {
  const cuts: Cut[] = [];
  // Without a carriage return, indexOf finds each line's end (faster than the regex on every line).
  const lineBreak = body.includes('\r') ? /\r\n?|\n/g : undefined;
  let pieceStart = 0;
  let pieceLine = 0;
  let line = 0;
  let lineStart = 0;
  let previousBlank = false;
  for (;;) {
    let lineEnd: number;
    let nextLineStart: number;
    if (lineBreak) {
      const match = lineBreak.exec(body);
      lineEnd = match ? match.index : body.length;
      nextLineStart = match ? match.index + match[0].length : -1;
    } else {
      const newline = body.indexOf('\n', lineStart);
      lineEnd = newline === -1 ? body.length : newline;
      nextLineStart = newline === -1 ? -1 : newline + 1;
    }
    const blank = isBlank(body, lineStart, lineEnd);
    if (previousBlank && !blank && lineStart > pieceStart && startsSegment(body, lineStart, lineEnd)) {
      cuts.push({ start: pieceStart, end: lineStart, line: pieceLine, lines: line - pieceLine });
      pieceStart = lineStart;
      pieceLine = line;
    }
    if (nextLineStart === -1) break;
    previousBlank = blank;
    lineStart = nextLineStart;
    line++;
  }
  // markdown-it sees no line after a final line break.
  const endsWithBreak = lineStart === body.length && line > 0;
  cuts.push({ start: pieceStart, end: body.length, line: pieceLine, lines: line - pieceLine + (endsWithBreak ? 0 : 1) });
  return cuts;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function startsSegment(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 32 || first === 9) return false;
  return !LIST_MARKER.test(text.slice(start, Math.min(end, start + 12)));
}
