/**
 * Turns the command line's paths and globs into the files to check. A file named on the command line
 * is always checked; files found in a folder or by a glob are candidates that are checked only when
 * they turn out to be articles (see lint.ts). node_modules and dot-folders are never searched.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
// `require`, not `import`: the bundle is CommonJS, and tinyglobby's (and fdir's) ESM build needs
// import.meta.url, which a CommonJS bundle does not have.
import tinyglobby = require('tinyglobby');
import { isMarkdownFile, MARKDOWN_GLOB_ANY_CASE } from '../core';

const { glob, isDynamicPattern } = tinyglobby;

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line (always checked), rather than found in a folder or by a glob. */
  explicit: boolean;
}

/** A path that cannot be read, or a glob that matches nothing: exit 2 with this one-line message. */
export class PathError extends Error {}

const IGNORE = ['**/node_modules/**'];

export interface Discovered {
  /** Sorted by path. */
  targets: Target[];
  /** The folders searched whole (every Markdown file in them is a target). */
  folders: string[];
}

export async function discoverTargets(patterns: readonly string[], cwd: string): Promise<Discovered> {
  const targets = new Map<string, boolean>();
  const folders: string[] = [];
  const add = (file: string, explicit: boolean) => targets.set(file, explicit || (targets.get(file) ?? false));

  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = path.resolve(cwd, pattern);
    const kind = await statKind(absolute);
    if (kind === 'file') {
      add(absolute, true);
    } else if (kind === 'directory') {
      folders.push(absolute);
      for (const file of await markdownFilesIn(absolute)) add(file, false);
    } else if (kind === 'other') {
      throw new PathError(`${pattern}: not a file or folder`);
    } else if (isDynamicPattern(pattern)) {
      const files = (await searchGlob(pattern, cwd)).filter((file) => isMarkdownFile(file));
      if (files.length === 0) throw new PathError(`no Markdown file matches "${pattern}"`);
      for (const file of files) add(file, false);
    } else {
      throw new PathError(`${pattern}: no such file or folder`);
    }
  }
  const sorted = [...targets].map(([file, explicit]) => ({ path: file, explicit })).sort((a, b) => compareStrings(a.path, b.path));
  return { targets: sorted, folders };
}

export async function statKind(file: string): Promise<'file' | 'directory' | 'other' | undefined> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new PathError(`${file}: cannot be read (${code ?? (error as Error).message})`);
  }
}

/** Every Markdown file in a folder and below (not in node_modules or dot-folders). */
export function markdownFilesIn(folder: string): Promise<string[]> {
  return searchGlob(MARKDOWN_GLOB_ANY_CASE, folder);
}

function searchGlob(pattern: string, cwd: string): Promise<string[]> {
  return glob(pattern.split(path.sep).join('/'), {
    cwd,
    absolute: true,
    dot: false,
    ignore: IGNORE,
    followSymbolicLinks: false,
    expandDirectories: false,
  }).then((files) => files.map((file) => path.normalize(file)));
}

/** Plain code-unit order, the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
