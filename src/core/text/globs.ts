/** Glob matching (picomatch, no dot files), each distinct list of globs compiled once. */
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

/** Whether a `/`-separated relative path matches any of the globs. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = picomatch([...globs], { dot: false });
    // Lists come from configurations and profiles: a handful, unless configurations keep changing.
    if (matchers.size >= 256) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}
