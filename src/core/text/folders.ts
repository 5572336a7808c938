/**
 * Walking a folder through the host's listing, bounded: a site's template folders are read to learn
 * which keys they use, and a theme or a vendored folder must not make that a walk of the whole disk.
 * Also the first of some candidate paths that is there, asked for all at once.
 */
import type { FileSystemHost } from '../types';
import { join } from './paths';

export interface WalkLimits {
  /** How many folders deep below the start the walk goes (0: the start folder's own files only). */
  maxDepth: number;
  /** The most files listed; the walk stops there. */
  maxFiles: number;
  /** Folders (paths relative to the start, with `/`) the walk does not enter, beside dependencies and hidden ones. */
  skipFolder?(relativePath: string): boolean;
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
          if (!skippedFolder(name) && !limits.skipFolder?.(path)) next.push(path);
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

/** How much of a file is read first for its frontmatter: most pages' frontmatter fits. */
const FILE_START_BYTES = 4096;

/** The start of a file (its first few KB), or all of it when the host cannot read less. */
export function readFileStart(fs: FileSystemHost, path: string): Promise<string | undefined> {
  return fs.readStart ? fs.readStart(path, FILE_START_BYTES) : fs.readText(path);
}

/**
 * A file's frontmatter block: the fence it starts with (`---`, or `+++` where the caller allows
 * it) and the text between that line and the next such line. Read from the file's start (the whole
 * file only when the block runs past it): pages other than Markdown (HTML, templates) are read so,
 * for their permalink, never their whole text. Undefined when the file starts with no fence, has no
 * closing one, or cannot be read.
 */
export async function leadingFrontmatter(fs: FileSystemHost, path: string, fences: readonly string[] = ['---']): Promise<{ fence: string; text: string } | undefined> {
  const text = await readFileStart(fs, path);
  if (text === undefined) return undefined;
  const found = frontmatterBlock(text, fences);
  // No closing line in the start read: the block may run past it.
  if (found !== null || !fs.readStart) return found ?? undefined;
  const whole = await fs.readText(path);
  return whole === undefined ? undefined : (frontmatterBlock(whole, fences) ?? undefined);
}

/** The block between the opening fence line and the next one; undefined when the text starts with no fence, null when it has no closing line. */
function frontmatterBlock(text: string, fences: readonly string[]): { fence: string; text: string } | undefined | null {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const fence = fences.find((candidate) => body.startsWith(candidate) && /^[ \t]*\r?\n/.test(body.slice(candidate.length)));
  if (fence === undefined) return undefined;
  const rest = body.slice(body.indexOf('\n') + 1);
  const line = new RegExp(`(?:^|\\r?\\n)${fence.replace(/[+]/g, '\\+')}[ \\t]*(?:\\r?\\n|$)`).exec(rest);
  return line ? { fence, text: rest.slice(0, line.index) } : null;
}

/**
 * The first of `candidates` that is a `kind`, all asked for at once: in the editor each stat is a
 * round trip to the workbench, and one after another a walk up to the root is a dozen of them.
 */
export async function firstOfKind(fs: FileSystemHost, candidates: readonly string[], kind: 'file' | 'directory'): Promise<string | undefined> {
  const kinds = await Promise.all(candidates.map((candidate) => fs.stat(candidate)));
  const found = kinds.indexOf(kind);
  return found === -1 ? undefined : candidates[found];
}
