/**
 * Which workspace folder an engine path belongs to, when the workspace is virtual. The engine works
 * on path strings; a `file:` URI is its file system path, and any other URI (`vscode-vfs://github/…`
 * in github.dev, `vscode-remote://…` in the browser's extension host) is its URI path: going back to
 * a URI, such a path takes the scheme and authority of the folder it is in, or of the folder below it
 * when it is above one (the configuration is looked up upwards). On Windows, where the engine's paths
 * are Windows paths (its `path.resolve` would put the current drive before a URI path), a virtual
 * path is written as a UNC path instead, see windowsPathOfLocation. No vscode import: unit-tested alone.
 */

/** What is read of a folder's URI. */
export interface FolderLocation {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
}

function isAtOrBelow(path: string, folder: string): boolean {
  return path === folder || folder === '/' || path.startsWith(`${folder}/`);
}

/** The virtual (non-`file:`) folder a path belongs to: the deepest one holding it, else the first one below it; undefined when none. */
export function virtualFolderOfPath<T extends { readonly uri: FolderLocation }>(path: string, folders: readonly T[]): T | undefined {
  const virtual = folders.filter((folder) => folder.uri.scheme !== 'file');
  if (virtual.length === 0) return undefined;
  const holding = virtual
    .filter((folder) => isAtOrBelow(path, withoutTrailingSlash(folder.uri.path)))
    .sort((a, b) => b.uri.path.length - a.uri.path.length)[0];
  return holding ?? virtual.find((folder) => isAtOrBelow(withoutTrailingSlash(folder.uri.path), withoutTrailingSlash(path)));
}

/** Whether a URI of this scheme and authority is one of the workspace's own (a folder has the same): its path is then an engine path. */
export function isWorkspaceLocation(uri: FolderLocation, folders: readonly { readonly uri: FolderLocation }[]): boolean {
  return uri.scheme === 'file' || folders.some((folder) => folder.uri.scheme === uri.scheme && folder.uri.authority === uri.authority);
}

/**
 * A virtual location as a Windows engine path: a UNC path whose server is the scheme and whose share
 * is the authority (`vscode-vfs://github/owner/blog/a.md` → `\\vscode-vfs\github\owner\blog\a.md`).
 * Windows path functions keep it whole (resolve adds no drive, dirname stops at the share) and it
 * carries its scheme and authority back (locationOfWindowsPath).
 */
export function windowsPathOfLocation(location: FolderLocation): string {
  // A share name cannot be empty, and a lone % never comes out of encodeURIComponent.
  const share = location.authority === '' ? '%' : encodeURIComponent(location.authority);
  return `\\\\${encodeURIComponent(location.scheme)}\\${share}${location.path.replace(/\//g, '\\') || '\\'}`;
}

/**
 * The virtual location a Windows engine path stands for (see windowsPathOfLocation), when its scheme
 * and authority are a virtual workspace folder's; undefined for any other path (a drive path, a real
 * network share).
 */
export function locationOfWindowsPath(path: string, folders: readonly { readonly uri: FolderLocation }[]): FolderLocation | undefined {
  const match = /^\\\\([^\\]+)\\([^\\]+)(\\.*)?$/.exec(path.replace(/\//g, '\\'));
  if (!match) return undefined;
  let location: FolderLocation;
  try {
    location = {
      scheme: decodeURIComponent(match[1]),
      authority: match[2] === '%' ? '' : decodeURIComponent(match[2]),
      path: (match[3] ?? '\\').replace(/\\/g, '/'),
    };
  } catch {
    return undefined;
  }
  const ofFolder = folders.some((folder) => folder.uri.scheme !== 'file' && folder.uri.scheme === location.scheme && folder.uri.authority === location.authority);
  return ofFolder ? location : undefined;
}
