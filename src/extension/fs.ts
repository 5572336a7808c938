/**
 * The engine's file system in the editor, over `vscode.workspace.fs`: image checks, configuration
 * and schema discovery see the saved files, as the CLI does (a configuration being edited counts
 * once it is saved; the watcher then re-checks the open articles).
 */
import * as vscode from 'vscode';
import type { DirectoryEntry, FileSystemHost } from '../core';
import type { FileStamp, StoreFileSystem } from './siteIndexStore';
import { isWorkspaceLocation, locationOfWindowsPath, virtualFolderOfPath, windowsPathOfLocation } from './workspacePaths';

const decoder = new TextDecoder('utf-8');

/** The engine's paths are Windows paths (the Node build on Windows; never in the browser). */
const windowsPaths = typeof process === 'object' && process.platform === 'win32';

/**
 * The URI of an engine path: a path of a virtual workspace folder (see ./workspacePaths) keeps that
 * folder's scheme and authority; any other is a file system path.
 */
export function pathToUri(path: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (windowsPaths) {
    const location = locationOfWindowsPath(path, folders);
    return location ? vscode.Uri.from({ scheme: location.scheme, authority: location.authority, path: location.path }) : vscode.Uri.file(path);
  }
  const folder = virtualFolderOfPath(path, folders);
  return folder ? folder.uri.with({ path, query: '', fragment: '' }) : vscode.Uri.file(path);
}

/**
 * The engine's path of a URI: the file system path of a `file:` URI, the URI's path in a virtual
 * workspace folder's scheme and authority (on Windows, that location as a UNC path); undefined for
 * anything else (an unsaved document, a diff's older side, an output channel).
 */
export function uriToPath(uri: vscode.Uri): string | undefined {
  if (uri.scheme === 'file') return uri.fsPath;
  if (!isWorkspaceLocation(uri, vscode.workspace.workspaceFolders ?? [])) return undefined;
  return windowsPaths ? windowsPathOfLocation(uri) : uri.path;
}

/** The engine's path of a URI known to be the workspace's (a folder, a file found or watched in it). */
export function workspacePath(uri: vscode.Uri): string {
  return uriToPath(uri) ?? uri.path;
}

export class WorkspaceFileSystem implements FileSystemHost, StoreFileSystem {
  /** `onLookUp`: told of every file whose text is read (the configuration watcher watches what a site's reading depends on). */
  constructor(private readonly onLookUp?: (path: string) => void) {}

  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(pathToUri(path));
      if (stat.type & vscode.FileType.Directory) return 'directory';
      if (stat.type & vscode.FileType.File) return 'file';
      return undefined;
    } catch {
      return undefined;
    }
  }

  /** A file's size and mtime (the stored site index compares them); undefined when it is no file. */
  async stamp(path: string): Promise<FileStamp | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(pathToUri(path));
      return stat.type & vscode.FileType.File ? { size: stat.size, mtime: stat.mtime } : undefined;
    } catch {
      return undefined;
    }
  }

  /** A file's bytes, not reported as looked up: the stored site index hashes articles, not configuration. */
  async readBytes(path: string): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(pathToUri(path));
    } catch {
      return undefined;
    }
  }

  async readDirectory(path: string): Promise<DirectoryEntry[] | undefined> {
    try {
      const entries: DirectoryEntry[] = [];
      // A symbolic link's type carries the kind of what it points to.
      for (const [name, type] of await vscode.workspace.fs.readDirectory(pathToUri(path))) {
        if (type & vscode.FileType.Directory) entries.push([name, 'directory']);
        else if (type & vscode.FileType.File) entries.push([name, 'file']);
      }
      return entries;
    } catch {
      return undefined;
    }
  }

  async readText(path: string): Promise<string | undefined> {
    let text: string;
    try {
      text = decoder.decode(await vscode.workspace.fs.readFile(pathToUri(path)));
    } catch {
      return undefined;
    }
    // Only files that exist: a site looks up many that do not (every name a configuration file may
    // have), and a watcher per missing file would swamp the file watcher; the globs cover those.
    this.onLookUp?.(path);
    return text;
  }
}
