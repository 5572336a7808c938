/**
 * What the status bar and `readingTime` must say for a file, computed straight from the
 * `reading-time` package (not through src/core), as docs/rules/reading-time-mismatch.md defines it: the raw
 * Markdown after the frontmatter block, minutes rounded up.
 */
import readingTime from 'reading-time';

const FRONTMATTER_BLOCK = /^\uFEFF?---[^\n]*\n[\s\S]*?\n---[^\S\n]*(?:\n|$)/;

export function expectedReading(fileText: string): { words: number; minutes: number; statusText: string } {
  const body = fileText.replace(FRONTMATTER_BLOCK, '');
  const { words, minutes: exactMinutes } = readingTime(body);
  const minutes = Math.ceil(exactMinutes);
  return { words, minutes, statusText: `${words.toLocaleString('en-US')} ${words === 1 ? 'word' : 'words'} · ${minutes} min read` };
}
