/** Glob matching (picomatch, no dot files unless asked), each distinct list of globs compiled once. */
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

/** Whether a `/`-separated relative path matches any of the globs (`dot`: `*` and `**` match names starting with a dot too). */
export function globMatcher(globs: readonly string[], options: { dot?: boolean } = {}): (path: string) => boolean {
  const dot = options.dot === true;
  const key = `${dot ? 'dot' : ''}\0${globs.join('\0')}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = picomatch([...globs], { dot });
    // Lists come from configurations and profiles: a handful, unless configurations keep changing.
    if (matchers.size >= 256) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}
