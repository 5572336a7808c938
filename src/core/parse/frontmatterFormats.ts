/**
 * Frontmatter that is not YAML between `---` lines: `+++` TOML and a leading JSON object (Hugo), and
 * `---json` (Eleventy). Whether the site's generator reads the format is decided later, by the site
 * profile; here each is read into the same view (values, and a node tree with ranges).
 */
import type { Frontmatter } from './frontmatter';
import type { LineIndex } from './lines';
import { readJson } from './json';
import { readToml, type FormatReadResult } from './toml';
import { detached } from '../text/strings';

/** `+++` on the first line. */
const TOML_OPENING = /^\uFEFF?\+\+\+[^\S\r\n]*\r?(\n|$)/;
/** `{` alone on the first line, or followed by a quoted key (Hugo's JSON frontmatter). */
const JSON_OPENING = /^\uFEFF?\{[^\S\r\n]*(\r?\n|$|")/;

export function startsWithOtherFrontmatter(text: string): boolean {
  return TOML_OPENING.test(text) || JSON_OPENING.test(text);
}

function closingLine(text: string, lines: LineIndex, from: number, isClosing: (line: string) => boolean): number {
  for (let line = from; line < lines.lineCount; line++) {
    if (isClosing(text.slice(lines.lineStart(line), lines.lineEnd(line)))) return line;
  }
  return -1;
}

function apply(frontmatter: Frontmatter, result: FormatReadResult, kind: 'toml' | 'json'): Frontmatter {
  const base = frontmatter.contentStart;
  if (result.error) {
    frontmatter.errors.push({
      kind: result.error.duplicate ? 'duplicate-key' : kind,
      message: result.error.message,
      start: base + result.error.start,
      end: base + result.error.end,
    });
    return frontmatter;
  }
  frontmatter.doc = result.doc;
  frontmatter.data = result.data;
  return frontmatter;
}

function unterminated(frontmatter: Frontmatter, lines: LineIndex, closing: string): Frontmatter {
  frontmatter.errors.push({
    kind: 'unterminated',
    message: `The frontmatter block is not closed: add a line with ${closing} after the last key.`,
    start: 0,
    end: lines.lineEnd(0),
  });
  return frontmatter;
}

/** The `+++` TOML or leading JSON block, or undefined when the text starts with neither. */
export function readOtherFrontmatter(text: string, lines: LineIndex): Frontmatter | undefined {
  if (TOML_OPENING.test(text)) {
    const contentStart = lines.lineCount > 1 ? lines.lineStart(1) : text.length;
    const closing = closingLine(text, lines, 1, (line) => /^\+\+\+\s*$/.test(line));
    const terminated = closing !== -1;
    const contentEnd = terminated ? lines.lineStart(closing) : text.length;
    const end = terminated ? (closing + 1 < lines.lineCount ? lines.lineStart(closing + 1) : text.length) : text.length;
    const frontmatter: Frontmatter = { language: 'toml', format: 'toml', start: 0, end, contentStart, contentEnd, terminated, errors: [] };
    if (!terminated) return unterminated(frontmatter, lines, '+++');
    return apply(frontmatter, readToml(detached(text.slice(contentStart, contentEnd))), 'toml');
  }
  if (JSON_OPENING.test(text)) {
    // The object ends at a line that starts with `}` (Hugo writes the closing brace on its own line).
    const closing = closingLine(text, lines, 0, (line) => /^\}\s*$/.test(line));
    const terminated = closing !== -1;
    const contentEnd = terminated ? lines.lineEnd(closing) : text.length;
    const end = terminated ? (closing + 1 < lines.lineCount ? lines.lineStart(closing + 1) : text.length) : text.length;
    const frontmatter: Frontmatter = { language: 'json', format: 'json', start: 0, end, contentStart: 0, contentEnd, terminated, errors: [] };
    if (!terminated) return unterminated(frontmatter, lines, '}');
    return apply(frontmatter, readJson(detached(text.slice(0, contentEnd))), 'json');
  }
  return undefined;
}

/** `---json` … `---` (Eleventy). */
export function readJsonBlock(text: string, frontmatter: Frontmatter): Frontmatter {
  frontmatter.format = 'json';
  return apply(frontmatter, readJson(detached(text.slice(frontmatter.contentStart, frontmatter.contentEnd))), 'json');
}
