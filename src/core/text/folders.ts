/**
 * Walking a folder through the host's listing, bounded: a site's template folders are read to learn
 * which keys they use, and a theme or a vendored folder must not make that a walk of the whole disk.
 */
import type { FileSystemHost } from '../types';
import { join } from './paths';

export interface WalkLimits {
  /** How many folders deep below the start the walk goes (0: the start folder's own files only). */
  maxDepth: number;
  /** The most files listed; the walk stops there. */
  maxFiles: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxDepth: 8, maxFiles: 2000 };

/** Folders never walked: dependencies and hidden folders (`.git`, `.cache`). */
function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

const byName = (a: readonly [string, unknown], b: readonly [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The files below a folder, as paths relative to it with `/`, breadth first and in name order;
 * an absent folder has none. Undefined when the host cannot list folders: the caller then does what
 * it did without a listing.
 */
export async function filesBelow(fs: FileSystemHost, folder: string, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<string[] | undefined> {
  if (!fs.readDirectory) return undefined;
  const files: string[] = [];
  let level: string[] = [''];
  for (let depth = 0; depth <= limits.maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const relative of level) {
      const entries = await fs.readDirectory(relative ? join(folder, ...relative.split('/')) : folder);
      for (const [name, kind] of [...(entries ?? [])].sort(byName)) {
        const path = relative ? `${relative}/${name}` : name;
        if (kind === 'directory') {
          if (!skippedFolder(name)) next.push(path);
          continue;
        }
        files.push(path);
        if (files.length >= limits.maxFiles) return files;
      }
    }
    level = next;
  }
  return files;
}
