/**
 * Bad input at scale (`npm run bench -- --only scale`, not in the default run: writing the tree and
 * checking it take minutes): the CLI over a tree of `count` files, nearly all distinct linked
 * articles (bench/generate.ts siteArticle), among them binary files with a `.md` name, broken
 * symbolic links, folders named like articles, and a few articles of several MB. The run must
 * finish, name every binary file on stderr, and stay within a memory bound (its peak resident set, as
 * /usr/bin/time reports it). The folder search does not follow symbolic links, so a broken one is
 * never read (counted apart), and a folder named like an article is searched as a folder.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { largeArticle, prng, siteArticle, siteArticlePath } from './generate';
import { now } from './measure';

const TREE_VERSION = 1;

export interface ScaleTree {
  root: string;
  files: number;
  binary: string[];
  brokenLinks: string[];
  folders: string[];
  huge: string[];
  reused: boolean;
}

/** Writes (once) the tree under `root`: paths in the lists are relative to it. */
export function ensureScaleTree(root: string, count: number): ScaleTree {
  const marker = path.join(root, '.complete.json');
  if (fs.existsSync(marker)) {
    const info = JSON.parse(fs.readFileSync(marker, 'utf8')) as ScaleTree & { version: number };
    if (info.version === TREE_VERSION && info.files === count) return { ...info, root, reused: true };
  }
  fs.rmSync(root, { recursive: true, force: true });
  const tree: ScaleTree = { root, files: count, binary: [], brokenLinks: [], folders: [], huge: [], reused: false };
  const random = prng(99);
  for (let seed = 1; seed <= count; seed++) {
    const relative = siteArticlePath(seed);
    const file = path.join(root, relative);
    if (seed === 1 || seed % 1000 === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    if (seed % 2000 === 7) {
      // Binary: bytes with NULs early on.
      const bytes = Buffer.alloc(4096);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      bytes[10] = 0;
      fs.writeFileSync(file, bytes);
      tree.binary.push(relative);
    } else if (seed % 10000 === 13) {
      fs.symlinkSync(path.join(root, 'missing', `gone-${seed}.md`), file);
      tree.brokenLinks.push(relative);
    } else if (seed % 10000 === 17) {
      fs.mkdirSync(file);
      fs.writeFileSync(path.join(file, 'note.txt'), 'a folder named like an article');
      tree.folders.push(relative);
    } else if (seed % 25000 === 19) {
      fs.writeFileSync(file, largeArticle(4 * 1024 * 1024, seed).text);
      tree.huge.push(relative);
    } else {
      fs.writeFileSync(file, siteArticle(seed, count));
    }
  }
  fs.writeFileSync(marker, JSON.stringify({ ...tree, version: TREE_VERSION }));
  return tree;
}

export interface ScaleFigures {
  files: number;
  binary: number;
  brokenLinks: number;
  folders: number;
  huge: number;
  treeReused: boolean;
  seconds: number;
  exitCode: number | null;
  signal: string | null;
  /** Peak resident set of the CLI process (MB), from /usr/bin/time -f %M. */
  peakRssMB: number | undefined;
  stderrLines: number;
  /** Binary files the stderr did not name. */
  unreported: string[];
  /** Broken symbolic links the stderr named (the CLI's folder search does not follow symbolic links, so it never reads them). */
  brokenLinksNamed: number;
  stdoutMB: number;
  loadAverage: number[];
}

export function measureScale(repo: string, work: string, count: number, loadAverage: () => number[]): ScaleFigures {
  const tree = ensureScaleTree(path.join(work, `scale-${count}`), count);
  const out = path.join(work, 'scale-stdout.txt');
  const err = path.join(work, 'scale-stderr.txt');
  const timing = path.join(work, 'scale-time.txt');
  const cli = path.join(repo, 'dist', 'cli.js');
  const hasTime = fs.existsSync('/usr/bin/time');
  const load = loadAverage();
  const stdout = fs.openSync(out, 'w');
  const stderr = fs.openSync(err, 'w');
  const start = now();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', timing, process.execPath, cli, 'posts'], { cwd: tree.root, stdio: ['ignore', stdout, stderr], env: { ...process.env, NO_COLOR: '1' } })
    : spawnSync(process.execPath, [cli, 'posts'], { cwd: tree.root, stdio: ['ignore', stdout, stderr], env: { ...process.env, NO_COLOR: '1' } });
  const seconds = (now() - start) / 1000;
  fs.closeSync(stdout);
  fs.closeSync(stderr);
  const errors = fs.readFileSync(err, 'utf8');
  const peakKB = hasTime ? Number(fs.readFileSync(timing, 'utf8').trim().split('\n').pop()) : Number.NaN;
  const unreported = tree.binary.filter((file) => !errors.includes(file));
  const brokenLinksNamed = tree.brokenLinks.filter((file) => errors.includes(file)).length;
  return {
    files: tree.files,
    binary: tree.binary.length,
    brokenLinks: tree.brokenLinks.length,
    folders: tree.folders.length,
    huge: tree.huge.length,
    treeReused: tree.reused,
    seconds,
    exitCode: result.status,
    signal: result.signal,
    peakRssMB: Number.isFinite(peakKB) ? peakKB / 1024 : undefined,
    stderrLines: errors.split('\n').filter(Boolean).length,
    unreported,
    brokenLinksNamed,
    stdoutMB: fs.statSync(out).size / (1024 * 1024),
    loadAverage: [load[0], loadAverage()[0]],
  };
}
