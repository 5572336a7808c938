/** The workspace folders the client names (paths of their `file:` URIs), deepest first. */
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';
import { isInside } from '../core';
import { pathOfUri } from './uris';

export class WorkspaceFolders {
  private paths: string[] = [];

  set(folders: readonly Pick<WorkspaceFolder, 'uri'>[]): void {
    this.paths = [...new Set(folders.map((folder) => pathOfUri(folder.uri)).filter((path): path is string => path !== undefined))].sort(
      (a, b) => b.length - a.length,
    );
  }

  add(folder: Pick<WorkspaceFolder, 'uri'>): void {
    const path = pathOfUri(folder.uri);
    if (path !== undefined && !this.paths.includes(path)) this.set([...this.paths.map((known) => ({ uri: pathToFileURL(known).href })), folder]);
  }

  remove(folder: Pick<WorkspaceFolder, 'uri'>): void {
    const path = pathOfUri(folder.uri);
    this.paths = this.paths.filter((known) => known !== path);
  }

  all(): readonly string[] {
    return this.paths;
  }

  /** The innermost workspace folder holding a path. */
  folderOf(path: string): string | undefined {
    return this.paths.find((folder) => isInside(path, folder));
  }

  /** A path as shown to the author: relative to its workspace folder. */
  displayPath(path: string): string {
    const folder = this.folderOf(path);
    return folder ? relative(folder, path).split(sep).join('/') : path;
  }
}
