/**
 * The workspace figures: our CLI (dist/cli.js) against rumdl and markdownlint-cli2 over the same
 * generated tree of distinct articles, all as whole processes; and the editor's workspace value index
 * (the pure part).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aggregateValues, INDEXED_FIELDS, indexedValues, type IndexedValues } from '../src/core';
import { generateArticle, indexArticle } from './generate';
import { heapUsed, MB, now, summarize, type Summary } from './measure';

/** Bumped when the generator changes, so that an old tree is written again. */
const TREE_VERSION = 6;

/** Writes (once) a tree of `count` distinct seed-sized articles with their images under `root`. */
export function ensureTree(root: string, count: number): { root: string; files: number; bytes: number; reused: boolean } {
  const marker = path.join(root, '.complete.json');
  if (fs.existsSync(marker)) {
    const info = JSON.parse(fs.readFileSync(marker, 'utf8')) as { version: number; count: number; bytes: number };
    if (info.version === TREE_VERSION && info.count === count) return { root, files: count, bytes: info.bytes, reused: true };
  }
  fs.rmSync(root, { recursive: true, force: true });
  const images = path.join(root, 'public', 'images');
  fs.mkdirSync(images, { recursive: true });
  let bytes = 0;
  for (let seed = 1; seed <= count; seed++) {
    // Each article links to the next and the one before (relative files), so none is an orphan.
    const near = (other: number) => `../${String(Math.floor(other / 100)).padStart(2, '0')}/article-${other}.md`;
    const article = generateArticle({ seed: 1000 + seed, related: [near((seed % count) + 1), near(((seed + count - 2) % count) + 1)] });
    const folder = path.join(root, 'src', 'content', 'blog', String(Math.floor(seed / 100)).padStart(2, '0'));
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `article-${seed}.md`), article.text);
    bytes += Buffer.byteLength(article.text);
    for (const image of article.images) fs.writeFileSync(path.join(root, 'public', ...image.split('/').filter(Boolean)), 'RIFF');
  }
  fs.writeFileSync(marker, JSON.stringify({ version: TREE_VERSION, count, bytes }));
  return { root, files: count, bytes, reused: false };
}

export interface ProcessRun {
  command: string;
  times: Summary;
  exitCodes: number[];
}

export interface ProcessCommand {
  /** The program; node (this process's) when absent. */
  program?: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  /** How the command reads in the report. */
  label?: string;
}

/** The Markdown files below a folder, sorted. */
export function listMarkdown(folder: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listMarkdown(full));
    else if (/\.mdx?$/.test(entry.name)) files.push(full);
  }
  return files.sort();
}

/** The bytes of the files below a folder (0 when there is none). */
export function folderBytes(folder: string): number {
  let bytes = 0;
  try {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      bytes += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
    }
  } catch {
    return bytes;
  }
  return bytes;
}

/** Runs each command `runs` times, interleaved, as whole processes (output discarded). */
export function timeProcesses(commands: Record<string, ProcessCommand>, runs: number): Record<string, ProcessRun> {
  const names = Object.keys(commands);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const codes: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of names) {
      const { program = process.execPath, args, cwd, env = {} } = commands[name];
      const start = now();
      const result = spawnSync(program, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, NO_COLOR: '1', ...env } });
      samples[name].push(now() - start);
      codes[name].push(result.status ?? -1);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const { program, args, label } = commands[name];
      return [name, { command: label ?? `${program ? path.basename(program) : 'node'} ${args.join(' ')}`, times: summarize(samples[name]), exitCodes: codes[name] }];
    }),
  );
}

/**
 * Blocks (text between blank lines) that stand in more than one file of the tree, by how many files
 * hold them: the corpus promises none, so that no cache keyed by text can help across files. The FAQ
 * heading is the one block every article must share (the FAQ rules look for it).
 */
export function sharedBlocks(root: string): { blocks: number; shared: number; examples: string[] } {
  const counts = new Map<string, number>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) {
        const blocks = new Set(fs.readFileSync(full, 'utf8').split(/\n[ \t]*\n/).map((block) => block.trim()));
        for (const block of blocks) if (block && block !== FAQ_HEADING) counts.set(block, (counts.get(block) ?? 0) + 1);
      }
    }
  };
  walk(path.join(root, 'src'));
  const shared = [...counts].filter(([, count]) => count > 1);
  return { blocks: counts.size, shared: shared.length, examples: shared.slice(0, 3).map(([block]) => block.slice(0, 80)) };
}

const FAQ_HEADING = '## Frequently Asked Questions';

export interface IndexFigures {
  articles: number;
  /** Time of indexedValues over every article plus one aggregation per field (texts made outside the timing). */
  ms: number;
  /** Heap held by the index (the per-article entries and the aggregated values), after GC. */
  heapMB: number;
  distinctValues: Record<string, number>;
}

/** The pure part of the editor's workspace index (src/extension/workspaceIndex.ts) over `count` articles. */
export function measureIndex(count: number): IndexFigures {
  const before = heapUsed();
  const entries = new Map<string, { folder: string; values: IndexedValues }>();
  let ms = 0;
  for (let seed = 1; seed <= count; seed++) {
    const text = indexArticle(seed, count);
    const uri = `file:///workspace/src/content/blog/${String(Math.floor(seed / 100)).padStart(3, '0')}/article-${seed}.md`;
    const start = now();
    const values = indexedValues(text);
    if (values) entries.set(uri, { folder: 'file:///workspace', values });
    ms += now() - start;
  }
  const start = now();
  const aggregated = Object.fromEntries(INDEXED_FIELDS.map((field) => [field, aggregateValues([...entries.values()].map((entry) => entry.values), field)]));
  ms += now() - start;
  const after = heapUsed();
  const distinctValues = Object.fromEntries(Object.entries(aggregated).map(([field, list]) => [field, list.length]));
  if (entries.size !== count) throw new Error(`the index read ${entries.size} of ${count} articles`);
  return { articles: count, ms, heapMB: (after - before) / MB, distinctValues };
}
