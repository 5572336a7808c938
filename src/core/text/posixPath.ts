/**
 * The subset of Node's `path` the engine and the extension use, with `/` separators only: the web
 * build (scripts/build.mjs, through scripts/esbuild-plugins.mjs) puts it in place of `node:path`, so
 * the bundle for the browser's extension host needs nothing of Node. There, every path is a URI's
 * path (`/owner/repo/post.md`), always `/`, and there is no working folder: `resolve` starts from
 * `/`. test/unit/text/posixPath.test.ts compares each function with Node's `path.posix`.
 */

export const sep = '/';
export const delimiter = ':';

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** `.` and `..` segments resolved, repeated separators made one; `..` above the root of an absolute path is dropped. */
function normalizeSegments(path: string, absolute: boolean): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  return out.join('/');
}

export function normalize(path: string): string {
  if (path === '') return '.';
  const absolute = isAbsolute(path);
  const trailing = path.endsWith('/');
  let normalized = normalizeSegments(path, absolute);
  if (normalized === '' && !absolute) normalized = '.';
  if (normalized !== '' && trailing) normalized += '/';
  return absolute ? `/${normalized}` : normalized;
}

export function join(...paths: string[]): string {
  const joined = paths.filter((part) => part !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export function resolve(...paths: string[]): string {
  let resolved = '';
  for (let index = paths.length - 1; index >= 0 && !resolved.startsWith('/'); index--) {
    const part = paths[index];
    if (part === '') continue;
    resolved = resolved === '' ? part : `${part}/${resolved}`;
  }
  // No working folder in the browser: a relative path is taken from the root.
  const normalized = normalizeSegments(resolved, true);
  return `/${normalized}`;
}

export function relative(from: string, to: string): string {
  const fromParts = resolve(from).split('/').filter(Boolean);
  const toParts = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

export function dirname(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  // The last separator before the last name (trailing separators skipped); only that one is cut off.
  let end = -1;
  let inTrailingSeparators = true;
  for (let index = path.length - 1; index >= 1; index--) {
    if (path[index] !== '/') inTrailingSeparators = false;
    else if (!inTrailingSeparators) {
      end = index;
      break;
    }
  }
  if (end === -1) return rooted ? '/' : '.';
  if (rooted && end === 1) return '//';
  return path.slice(0, end);
}

export function basename(path: string, suffix?: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  const base = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
  return suffix !== undefined && suffix !== base && base.endsWith(suffix) ? base.slice(0, base.length - suffix.length) : base;
}

export function extname(path: string): string {
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  // A leading dot names a hidden file, not an extension; so does `..`.
  return dot <= 0 || base === '..' ? '' : base.slice(dot);
}

export interface ParsedPath {
  root: string;
  dir: string;
  base: string;
  ext: string;
  name: string;
}

export function parse(path: string): ParsedPath {
  const root = path.startsWith('/') ? '/' : '';
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  const baseStart = path.lastIndexOf('/', end - 1) + 1;
  const base = path.slice(baseStart, end);
  const ext = extname(base);
  const dir = baseStart > 1 ? path.slice(0, baseStart - 1) : root;
  return { root, dir, base, ext, name: base.slice(0, base.length - ext.length) };
}

export function format(parsed: Partial<ParsedPath>): string {
  const dir = parsed.dir || parsed.root || '';
  const base = parsed.base || `${parsed.name ?? ''}${parsed.ext ?? ''}`;
  if (!dir) return base;
  return dir === parsed.root ? `${dir}${base}` : `${dir}/${base}`;
}

export function toNamespacedPath(path: string): string {
  return path;
}

/** `path.posix` and `path.win32` as Node's module has them (in the browser, both are this module). */
export const posix = { sep, delimiter, isAbsolute, normalize, join, resolve, relative, dirname, basename, extname, parse, format, toNamespacedPath };
export const win32 = posix;
export default posix;
