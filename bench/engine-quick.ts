/**
 * A quick measurement (not the full benchmark): analysis of the sample article against one
 * markdown-it parse of the same text. The tasks run interleaved (so machine noise hits them alike),
 * a few hundred times after a warm-up; the medians are printed.
 * Run: npx tsc -p . && node out/bench/engine-quick.js [article.md]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, analyzeArticle, defaultConfig, markdownParser, type FileSystemHost } from '../src/core';

const file = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'test', 'fixtures', 'examples', 'sample-article.md'));
const text = fs.readFileSync(file, 'utf8');
const config = defaultConfig(allRules, path.dirname(file));

/** node fs with a stat cache, as the CLI's host has. */
const stats = new Map<string, Promise<'file' | 'directory' | undefined>>();
const host: FileSystemHost = {
  stat(target) {
    let result = stats.get(target);
    if (!result) {
      result = fs.promises.stat(target).then((s) => (s.isFile() ? 'file' : s.isDirectory() ? 'directory' : undefined), () => undefined);
      stats.set(target, result);
    }
    return result;
  },
  readText: (target) => fs.promises.readFile(target, 'utf8').catch(() => undefined),
};

let edit = 0;
const tasks: [string, () => unknown][] = [
  ['one markdown-it parse', () => markdownParser().parse(text, {})],
  ['analyzeArticle (no file system)', () => analyzeArticle(text, { config, isArticle: true })],
  ['analyzeArticle (node fs, cached stats)', () => analyzeArticle(text, { config, fs: host, filePath: file })],
  // A different frontmatter every run: no cached YAML, as when the author edits the frontmatter.
  ['analyzeArticle (frontmatter edited)', () => analyzeArticle(text.replace('\n---\n', `\n# edit ${edit++}\n---\n`), { config, isArticle: true })],
];

async function main() {
  const runs = 400;
  for (let i = 0; i < 200; i++) for (const [, task] of tasks) await task();
  const times: number[][] = tasks.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let t = 0; t < tasks.length; t++) {
      const start = process.hrtime.bigint();
      await tasks[t][1]();
      times[t].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const medians = times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
  console.log(`${path.basename(file)}: ${text.length} characters, median of ${runs} interleaved runs`);
  tasks.forEach(([name], index) => console.log(`${name.padEnd(40)} ${medians[index].toFixed(3)} ms  (${(medians[index] / medians[0]).toFixed(2)}×)`));
}

void main();
