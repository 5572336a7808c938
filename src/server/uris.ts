import { fileURLToPath } from 'node:url';

/** The path of a `file:` URI; undefined for any other (an untitled buffer, a remote file). */
export function pathOfUri(uri: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
