/**
 * The one parse of an article's text that every rule, the stats and the preview share: the
 * frontmatter block is found between its `---` lines (gray-matter, with engines that never evaluate
 * code, names a language other than YAML that is refused), the `yaml` Document keeps values,
 * ranges, comments and errors, and markdown-it turns the body into one token stream.
 */
import matter from 'gray-matter';
import { Document, parseDocument, isMap } from 'yaml';
import { mustParseWhole, type ArticleState } from './articleState';
import { countedParse, parseBodyInSlices } from './bodyParse';
import { parseWork } from './parseWork';
import type { Frontmatter } from './frontmatter';
import type { Token } from './token';
import { LineIndex } from './lines';
import { fastYamlMapping } from './yamlFast';
import { markdownParser, type BodyKind } from './markdown';
import { detached, lineAround } from '../text/strings';
import { readJsonBlock, readOtherFrontmatter, startsWithOtherFrontmatter } from './frontmatterFormats';
import { Cache } from './cache';


/** Aliases beyond this count make `toJS` throw, which stops "billion laughs" alias bombs. */
const MAX_ALIAS_COUNT = 100;

export interface ParsedArticle {
  /** The text with any leading BOM removed: every offset refers to it. */
  text: string;
  hadBom: boolean;
  frontmatter?: Frontmatter;
  /** The Markdown after the frontmatter. */
  body: string;
  bodyOffset: number;
  /** 0-based line of the text at which the body starts. */
  bodyLine: number;
  /**
   * markdown-it tokens of the body; their `map` lines are relative to bodyLine. With a state they are
   * shared with the document's other versions: never change them.
   */
  readonly tokens: readonly Token[];
  lines: LineIndex;
  /** The syntax the body was read with (`mdx` for `.mdx` files, see markdown.ts). */
  kind: BodyKind;
  /** What the layers above compute of this version (headings, images, FAQ), each when first asked for. */
  readonly cache: Cache;
  /** What they compute of the body text alone: the previous version's when the body is the same (with a state). */
  readonly bodyCache: Cache;
  /** The document's incremental state, when the caller keeps one (see articleState.ts). */
  readonly state?: ArticleState;
}

export interface ParseOptions {
  /** `mdx` for `.mdx` files (MDX comments, expressions and ESM); default `md`. */
  kind?: BodyKind;
}

class FrontmatterLanguageError extends Error {}

function refuseToEvaluate(language: string) {
  return () => {
    throw new FrontmatterLanguageError(
      `${language} frontmatter is not supported: it would run code, so it is never evaluated. Use YAML between --- lines.`,
    );
  };
}

/** gray-matter's engines, replaced so that nothing can ever be evaluated. */
const SAFE_ENGINES = {
  // YAML is parsed afterwards with `yaml`'s Document API; here only the split matters.
  yaml: { parse: () => ({}), stringify: () => '' },
  js: { parse: refuseToEvaluate('JavaScript'), stringify: () => '' },
  javascript: { parse: refuseToEvaluate('JavaScript'), stringify: () => '' },
  coffee: { parse: refuseToEvaluate('CoffeeScript'), stringify: () => '' },
  coffeescript: { parse: refuseToEvaluate('CoffeeScript'), stringify: () => '' },
  json: { parse: () => ({}), stringify: () => '' },
} as const;

const FRONTMATTER_OPTIONS = { engines: SAFE_ENGINES, language: 'yaml' };

/**
 * Parses an article. With the document's state, what an earlier version of the same document already
 * parsed is reused (its frontmatter block, the unchanged segments of its body); without one, nothing
 * is reused from any earlier call. `options.kind` says which syntax the body is read with (`mdx`
 * for `.mdx` files).
 */
export function parseArticle(input: string, state?: ArticleState, options: ParseOptions = {}): ParsedArticle {
  const kind = options.kind ?? 'md';
  const parts = splitArticle(input, state);
  const { body } = parts;
  let tokens: readonly Token[];
  let bodyCache: Cache;
  if (state) {
    const last = state.lastBody;
    if (last && last.body === body && last.kind === kind) {
      // Only the frontmatter changed: the body's tokens and facts hold (token lines are relative to the body).
      ({ tokens, cache: bodyCache } = last);
    } else {
      tokens = state.bodyParser(kind).parse(body);
      bodyCache = new Cache();
      state.lastBody = { body: detached(body), kind, tokens, cache: bodyCache };
    }
  } else {
    tokens = countedParse(markdownParser(kind), body);
    bodyCache = new Cache();
  }
  return { ...parts, tokens, cache: new Cache(), bodyCache, state, kind };
}

/**
 * parseArticle without a state, for a caller that gives the event loop turns while it works (a site
 * index in the background): a long body is parsed a few segments at a time, `breathe` awaited
 * between (see parseBodyInSlices); the tokens are those of one whole parse.
 */
export async function parseArticleInSlices(input: string, options: ParseOptions, breathe: () => Promise<void>): Promise<ParsedArticle> {
  const kind = options.kind ?? 'md';
  const parts = splitArticle(input, undefined);
  const tokens = await parseBodyInSlices(parts.body, markdownParser(kind), mustParseWhole(kind), breathe);
  return { ...parts, tokens, cache: new Cache(), bodyCache: new Cache(), state: undefined, kind };
}

/** The text without its byte-order mark, its lines, its frontmatter and its body. */
function splitArticle(input: string, state: ArticleState | undefined): Pick<ParsedArticle, 'text' | 'hadBom' | 'frontmatter' | 'body' | 'bodyOffset' | 'bodyLine' | 'lines'> {
  const hadBom = input.charCodeAt(0) === 0xfeff;
  const text = hadBom ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const frontmatter = splitFrontmatter(text, lines, state);
  const bodyOffset = frontmatter ? frontmatter.end : 0;
  return { text, hadBom, frontmatter, body: text.slice(bodyOffset), bodyOffset, bodyLine: lines.lineOf(bodyOffset), lines };
}

/** True when the text opens with a frontmatter delimiter line (`---`, optionally a language). */
export function startsWithFrontmatter(text: string): boolean {
  // Written so that no two optional blank runs meet: linear even on "---" and a million spaces.
  return /^\uFEFF?---(?:[^\S\r\n]*[A-Za-z]+)?[^\S\r\n]*\r?(\n|$)/.test(text) || startsWithOtherFrontmatter(text);
}

function splitFrontmatter(text: string, lines: LineIndex, state: ArticleState | undefined): Frontmatter | undefined {
  if (!startsWithFrontmatter(text)) return undefined;
  // Hook: `+++` TOML and a leading JSON object (frontmatterFormats.ts).
  const other = readOtherFrontmatter(text, lines);
  if (other) return other;
  const openingLine = lines.lineText(0);
  const language = openingLine.slice(3).trim().toLowerCase() || 'yaml';
  const contentStart = lines.lineCount > 1 ? lines.lineStart(1) : text.length;

  // The block ends at the first later line that is exactly `---` (trailing blanks allowed).
  let closingLine = -1;
  for (let line = 1; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    if (text.startsWith('---', start) && text.slice(start + 3, lines.lineEnd(line)).trim() === '') {
      closingLine = line;
      break;
    }
  }
  const terminated = closingLine !== -1;
  const contentEnd = terminated ? lines.lineStart(closingLine) : text.length;
  const end = terminated
    ? closingLine + 1 < lines.lineCount
      ? lines.lineStart(closingLine + 1)
      : text.length
    : text.length;
  const frontmatter: Frontmatter = { language, start: 0, end, contentStart, contentEnd, terminated, errors: [] };
  if (!terminated || !state) return readFrontmatter(text, lines, frontmatter);
  // While an author types in the body, the frontmatter block is the same text: read it once.
  const block = text.slice(0, end);
  const recent = state.recentFrontmatter;
  const known = recent.find((entry) => entry.block === block);
  if (known) {
    if (known !== recent[0]) state.recentFrontmatter = [known, recent[0]];
    return known.frontmatter;
  }
  const read = readFrontmatter(text, lines, frontmatter);
  // Detached, like the YAML source (readFrontmatter): the state must not keep whole article texts alive.
  state.recentFrontmatter = [{ block: detached(block), frontmatter: read }, ...recent.slice(0, 1)];
  return read;
}

function readFrontmatter(text: string, lines: LineIndex, frontmatter: Frontmatter): Frontmatter {
  parseWork.frontmatterBlocks++;
  const { language, end, terminated, contentStart, contentEnd } = frontmatter;

  if (!terminated) {
    frontmatter.errors.push({
      kind: 'unterminated',
      message: 'The frontmatter block is not closed: add a line with --- after the last key.',
      start: 0,
      end: lines.lineEnd(0),
    });
    return frontmatter;
  }

  // Hook: `---json` (frontmatterFormats.ts).
  if (language === 'json') return readJsonBlock(text, frontmatter);

  if (language !== 'yaml' && language !== 'yml') {
    // gray-matter recognises the language and dispatches to an engine; ours never evaluate code, and
    // say why (JavaScript, CoffeeScript). YAML needs nothing of it: its engine here reads nothing.
    try {
      matter(text.slice(0, end), FRONTMATTER_OPTIONS);
    } catch (error) {
      const unsupported = !(error instanceof FrontmatterLanguageError);
      frontmatter.errors.push({
        kind: 'unsupported-language',
        message: unsupported
          ? `"${language}" frontmatter is not supported: use YAML between --- lines.`
          : (error as Error).message,
        start: 0,
        end: lines.lineEnd(0),
      });
      return frontmatter;
    }
    frontmatter.errors.push({
      kind: 'unsupported-language',
      message: `"${language}" frontmatter is not supported: use YAML between --- lines.`,
      start: 0,
      end: lines.lineEnd(0),
    });
    return frontmatter;
  }

  // A detached copy: the Document's values are slices of its source, and a cached Frontmatter
  // outlives the text it was read from.
  readYaml(detached(text.slice(contentStart, contentEnd)), frontmatter);
  return frontmatter;
}

function parseYamlDocument(source: string): Document.Parsed {
  return parseDocument(source, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
    // Not 'warn': `yaml` would write a process warning to stderr for keys like `? [a]: x`.
    logLevel: 'error',
  });
}

function readYaml(source: string, frontmatter: Frontmatter): void {
  const base = frontmatter.contentStart;
  frontmatter.format = 'yaml';
  // Most frontmatter is simple `key: value` lines: their values are read directly, and the YAML
  // document (ranges, comments) only when a finding, an edit or the preview asks for it.
  const simple = fastYamlMapping(source);
  if (simple) {
    frontmatter.data = simple;
    let lazy: Document.Parsed | undefined;
    Object.defineProperty(frontmatter, 'doc', {
      enumerable: true,
      configurable: true,
      get: () => (lazy ??= parseYamlDocument(source)),
      set: (doc: Document.Parsed | undefined) => {
        lazy = doc;
      },
    });
    return;
  }
  const doc = parseYamlDocument(source);
  frontmatter.doc = doc;
  const reportedLines = new Set<number>();
  for (const error of doc.errors) {
    let [start, end] = error.pos;
    if (error.code === 'DUPLICATE_KEY') [start, end] = duplicateKeyRange(doc, start, end);
    else [start, end] = syntaxErrorRange(doc, source, start, end);
    // One finding per defect: a syntax error often cascades into more errors on the same line.
    const line = lineNumberAt(source, start);
    if (error.code !== 'DUPLICATE_KEY' && reportedLines.has(line)) continue;
    reportedLines.add(line);
    frontmatter.errors.push({
      kind: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml',
      message:
        error.code === 'DUPLICATE_KEY'
          ? `Duplicate key "${source.slice(start, end).trim()}": each key may appear only once.`
          : `YAML syntax error: ${yamlMessage(error.code, error.message, source, start)}`,
      start: base + start,
      end: base + Math.max(end, start + 1),
    });
  }
  if (frontmatter.errors.length > 0) return;

  if (doc.contents !== null && !isMap(doc.contents)) {
    const range = doc.contents.range ?? [0, source.length, source.length];
    frontmatter.errors.push({
      kind: 'not-a-mapping',
      message: 'The frontmatter must be a list of `key: value` pairs.',
      start: base + range[0],
      end: base + range[1],
    });
    return;
  }
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
    frontmatter.data = value ?? {};
  } catch (error) {
    frontmatter.errors.push({
      kind: 'alias-limit',
      message: `The frontmatter could not be read: ${(error as Error).message}`,
      start: base,
      end: frontmatter.contentEnd,
    });
  }
}

/** The whole repeated key (the parser points at its first character only). */
function duplicateKeyRange(doc: Document.Parsed, start: number, end: number): [number, number] {
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const range = (pair.key as { range?: [number, number, number] } | null)?.range;
      if (range && range[0] === start) return [range[0], range[1]];
    }
  }
  return [start, end];
}

function lineNumberAt(source: string, offset: number): number {
  let line = 0;
  for (let at = source.indexOf('\n'); at !== -1 && at < offset; at = source.indexOf('\n', at + 1)) line++;
  return line;
}

/** An error at the very end (an unclosed quote or bracket) is shown on the last line that has text. */
function syntaxErrorRange(doc: Document.Parsed, source: string, start: number, end: number): [number, number] {
  const trimmedEnd = source.trimEnd().length;
  if (start < trimmedEnd) return [start, Math.min(Math.max(end, start + 1), source.length)];
  // The value that runs to the end (an unclosed quote or bracket): from where it opens to its line's end.
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const range = (pair.value as { range?: [number, number, number] } | null)?.range;
      if (range && range[0] < trimmedEnd && range[1] >= trimmedEnd) {
        let lineEnd = source.indexOf('\n', range[0]);
        if (lineEnd === -1) lineEnd = trimmedEnd;
        else if (source.charCodeAt(lineEnd - 1) === 13) lineEnd--;
        return [range[0], Math.max(lineEnd, range[0] + 1)];
      }
    }
  }
  const lineStart = source.lastIndexOf('\n', Math.max(trimmedEnd - 1, 0)) + 1;
  const indent = source.slice(lineStart, trimmedEnd).length - source.slice(lineStart, trimmedEnd).trimStart().length;
  return [Math.min(lineStart + indent, trimmedEnd), trimmedEnd];
}

/** The parser's message, or for the mistakes bloggers make most, what to write instead. */
function yamlMessage(code: string, message: string, source: string, offset: number): string {
  const line = lineAround(source, offset);
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    // `title: My post: a guide`: the second ": " starts a mapping inside the value.
    const pair = /^(\s*[^\s:#][^:#]*?):\s+(.*\S)\s*$/.exec(line);
    if (pair) return `a value that holds ": " must be quoted: write ${pair[1].trim()}: ${JSON.stringify(pair[2])}.`;
  }
  if (code === 'TAB_AS_INDENT') return 'indentation must be spaces, not tabs: replace the tab at the start of this line with spaces.';
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'MISSING_CHAR' && /closing "quote/.test(first)) return 'a "quoted" value is not closed: add the closing ".';
  if (code === 'MISSING_CHAR' && /closing 'quote/.test(first)) return "a 'quoted' value is not closed: add the closing '.";
  return first;
}
