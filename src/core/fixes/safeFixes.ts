/** Choosing fixes to apply together ("fix all"): pure, shared by the editor and the CLI. */
import type { Finding, TextEdit } from '../types';

/**
 * The edits of every safe fix, without overlaps: fixes are taken in text order and one that
 * overlaps (or inserts at the same point as) a fix already taken is left for a later pass.
 */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const taken: Array<[number, number]> = [];
  const fixes = findings
    .filter((finding) => finding.fix?.safe && finding.fix.edits.length > 0)
    .map((finding) => ({
      edits: finding.fix!.edits,
      start: Math.min(...finding.fix!.edits.map((edit) => edit.start)),
      end: Math.max(...finding.fix!.edits.map((edit) => edit.end)),
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const fix of fixes) {
    if (taken.some(([start, end]) => (fix.start < end && start < fix.end) || (fix.start === start && fix.end === end))) continue;
    taken.push([fix.start, fix.end]);
    chosen.push(...fix.edits);
  }
  return chosen;
}
