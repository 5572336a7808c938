/**
 * Path helpers for the engine. Paths given to and by the FileSystemHost are absolute with the
 * platform's separators; globs always see `/`.
 */
import * as path from 'node:path';

export const { dirname, join, resolve, isAbsolute, basename, extname } = path;
/** Paths with `/` whatever the platform (configuration values, paths below a site's root). */
export const posixPath = path.posix;

/** `to` relative to `from`, with `/` separators (for glob matching and messages). */
export function relativePosix(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/** `file` relative to `folder` with `/` separators when it is the folder or below it, else undefined. */
export function pathBelow(folder: string, file: string): string | undefined {
  const relative = path.relative(folder, file);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

/** Whether `file` is `folder` itself or somewhere below it. */
export function isInside(file: string, folder: string): boolean {
  return pathBelow(folder, file) !== undefined;
}

/** A path with `/` separators and no root (`C:\\x\\y` → `x/y`, `/x/y` → `x/y`). */
export function withoutRoot(filePath: string): string {
  const parsed = path.parse(filePath);
  return filePath.slice(parsed.root.length).split(path.sep).join('/');
}

/** The folder itself, then each folder above it up to the root. */
export function* foldersUpFrom(folder: string): Generator<string> {
  let current = path.resolve(folder);
  for (;;) {
    yield current;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
