/**
 * Maps UTF-16 offsets to 1-based line/column positions and back. Lines end at "\n", "\r\n" or a lone
 * "\r" (as markdown-it and VS Code count them), so CRLF and LF texts give the same positions.
 */
import { lineAtOffset } from './syntax/scan';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units, as VS Code counts. */
  column: number;
}

export class LineIndex {
  /** Offset at which each line starts; lineStarts[0] === 0. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let at = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (at !== -1 || cr !== -1) {
      if (cr !== -1 && (at === -1 || cr < at - 1)) {
        // A lone CR (not followed by LF) ends a line too.
        starts.push(cr + 1);
        cr = text.indexOf('\r', cr + 1);
        continue;
      }
      starts.push(at + 1);
      if (cr !== -1 && cr < at) cr = text.indexOf('\r', at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line containing the offset (binary search). */
  lineOf(offset: number): number {
    return lineAtOffset(this.lineStarts, 0, this.lineStarts.length, offset);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line: line + 1, column: clamped - this.lineStarts[line] + 1 };
  }

  /** Offset of a 0-based line's first character. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset just past a 0-based line's content, before its "\r\n" or "\n". */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1] - 1; // the LF, or a lone CR
    return this.text.charCodeAt(next) === 10 && next > this.lineStart(line) && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  /** A 0-based line's text without its terminator. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  offsetAt(position: Position): number {
    const start = this.lineStart(position.line - 1);
    return Math.min(start + position.column - 1, this.lineEnd(position.line - 1));
  }
}
