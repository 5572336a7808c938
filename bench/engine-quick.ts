/**
 * A quick measurement (not the full benchmark): analysis of the sample article against one
 * markdown-it parse of the same text, median of a few hundred runs after a warm-up.
 * Run: npx tsc -p . && node out/bench/engine-quick.js [article.md]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, defaultConfig, markdownParser, type FileSystemHost } from '../src/core';

const file = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'test', 'fixtures', 'examples', 'sample-article.md'));
const text = fs.readFileSync(file, 'utf8');
const config = defaultConfig(path.dirname(file));

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

async function median(runs: number, task: () => unknown): Promise<number> {
  for (let i = 0; i < 200; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await task();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main() {
  const runs = 500;
  const markdown = await median(runs, () => markdownParser().parse(text, {}));
  const pure = await median(runs, () => analyzeArticle(text, { config, isArticle: true }));
  const withFs = await median(runs, () => analyzeArticle(text, { config, fs: host, filePath: file }));
  const line = (name: string, ms: number) => `${name.padEnd(40)} ${ms.toFixed(3)} ms  (${(ms / markdown).toFixed(2)}×)`;
  console.log(`${path.basename(file)}: ${text.length} characters, median of ${runs} runs`);
  console.log(line('one markdown-it parse', markdown));
  console.log(line('analyzeArticle (no file system)', pure));
  console.log(line('analyzeArticle (node fs, cached stats)', withFs));
}

void main();
