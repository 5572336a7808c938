/** Small helpers shared by rule files. */
import type { RuleContext } from './rule';

/** The first line of the file: where findings about the whole document go. */
export function firstLineRange(context: RuleContext): [number, number] {
  const end = context.article.lines.lineEnd(0);
  return [0, end];
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/** Length in characters as a reader counts them (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function numberOption(context: RuleContext, name: string, fallback: number): number {
  const value = context.options[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
