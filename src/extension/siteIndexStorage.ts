/**
 * Where the workspace site index is kept between sessions: one file in the extension's workspace
 * storage (its layout in ./siteIndexStore). Each workspace folder's entries are trusted only while
 * the files its reading depended on are as they were: the configuration watcher's files (its globs,
 * and the files it watches by path), stamped into a fingerprint with the settings that shape entries.
 */
import * as vscode from 'vscode';
import type { PackedArticle } from '../core';
import { CONFIG_GLOBS } from './configGlobs';
import { engine } from './engine';
import type { WorkspaceFileSystem } from './fs';
import type { Log } from './log';
import { siteUrlSetting } from './settings';
import { encodeSiteIndex, fingerprintOf, restoreSiteIndex, type FileRecord, type RestoreInput, type RestoreOutcome, type StorableModel, type StoredFolder } from './siteIndexStore';
import { uriToPath, workspacePath } from './fs';

export const SITE_INDEX_FILE = 'site-index.jsonl';

export interface SiteIndexStorageOptions {
  /** The extension's workspace storage (context.storageUri). */
  folder: vscode.Uri;
  extensionVersion: string;
  fs: WorkspaceFileSystem;
  log: Log;
  /** Files the configuration watcher watches by their own path (no glob names them). */
  filesWatchedByPath(): Iterable<string>;
}

export class SiteIndexStorage {
  readonly file: vscode.Uri;
  /** Each workspace folder's files matching the configuration globs, found again after a configuration change. */
  private readonly configFiles = new Map<string, Promise<string[]>>();

  constructor(private readonly options: SiteIndexStorageOptions) {
    this.file = vscode.Uri.joinPath(options.folder, SITE_INDEX_FILE);
  }

  /** A configuration, site file or setting changed: the folders' configuration files are looked for again. */
  configurationChanged(): void {
    this.configFiles.clear();
  }

  /**
   * Puts the stored entries of unchanged files into the model through `insert`; undefined when there
   * is no stored index or it cannot be used (logged: it is written anew once the site is read).
   */
  async load(restore: Pick<RestoreInput, 'insert' | 'cancelled' | 'restoring' | 'onModel' | 'remove'>): Promise<RestoreOutcome | undefined> {
    const { log } = this.options;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) log.warn(`The stored site index ${this.file.toString(true)} could not be read; the site is read again:`, error);
      return undefined;
    }
    const outcome = await restoreSiteIndex({
      bytes,
      extensionVersion: this.options.extensionVersion,
      isCurrent: (folder) => this.isCurrent(folder),
      fs: this.options.fs,
      ...restore,
    });
    if (outcome.ignored) {
      log.warn(`${outcome.ignored} (${this.file.toString(true)}): the site is read again and stored anew.`);
      return undefined;
    }
    const dropped = outcome.droppedFolders.length ? `; not used for ${outcome.droppedFolders.join(', ')} (configuration changed or folder removed)` : '';
    const bad = outcome.badLines ? `; ${outcome.badLines} damaged lines ignored` : '';
    log.info(`Site index: ${outcome.trusted.size} files taken from the stored index, ${outcome.changed} changed and ${outcome.deleted} deleted since${dropped}${bad}.`);
    return outcome;
  }

  /**
   * Writes the index: to a temporary file first, renamed over the stored one (a crash leaves the old
   * one whole). Returns false, writing nothing, when `abandoned` says so once the bytes are made.
   */
  async save(records: Iterable<[string, FileRecord]>, packedOf: (path: string) => PackedArticle | undefined, model: StorableModel | undefined, abandoned: () => boolean): Promise<boolean> {
    // Fingerprints first: a configuration change after them abandons this save (the caller's `abandoned`).
    const folders = await Promise.all(
      (vscode.workspace.workspaceFolders ?? []).filter((folder) => uriToPath(folder.uri) !== undefined).map((folder) => this.fingerprint(folder, this.watchedByPathIn(folder))),
    );
    const bytes = await encodeSiteIndex({ extensionVersion: this.options.extensionVersion, folders, records, packedOf, model });
    if (abandoned()) return false;
    await vscode.workspace.fs.createDirectory(this.options.folder);
    const temporary = vscode.Uri.joinPath(this.options.folder, `${SITE_INDEX_FILE}.${Date.now().toString(36)}.tmp`);
    try {
      await vscode.workspace.fs.writeFile(temporary, bytes);
      await vscode.workspace.fs.rename(temporary, this.file, { overwrite: true });
    } catch (error) {
      await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
      throw error;
    }
    return true;
  }

  private async isCurrent(stored: StoredFolder): Promise<boolean> {
    const folder = (vscode.workspace.workspaceFolders ?? []).find((candidate) => uriToPath(candidate.uri) !== undefined && workspacePath(candidate.uri) === stored.path);
    return folder !== undefined && (await this.fingerprint(folder, stored.files ?? [])).fingerprint === stored.fingerprint;
  }

  private watchedByPathIn(folder: vscode.WorkspaceFolder): string[] {
    const { isInside } = engine();
    return [...this.options.filesWatchedByPath()].filter((file) => isInside(file, workspacePath(folder.uri))).sort();
  }

  /** The folder's fingerprint: the stamps of its configuration files (and `extraFiles`), workspace trust, the siteUrl setting. */
  private async fingerprint(folder: vscode.WorkspaceFolder, extraFiles: readonly string[]): Promise<StoredFolder> {
    const files = [...new Set([...(await this.configFilesOf(folder)), ...extraFiles])].sort();
    const stamps = await Promise.all(files.map((file) => this.options.fs.stamp(file)));
    const parts = [
      `trusted ${vscode.workspace.isTrusted}`,
      `siteUrl ${siteUrlSetting(folder.uri) ?? ''}`,
      ...files.map((file, index) => `${file} ${stamps[index] ? `${stamps[index].size} ${stamps[index].mtime}` : 'absent'}`),
    ];
    return { path: workspacePath(folder.uri), fingerprint: fingerprintOf(parts), ...(extraFiles.length ? { files: [...extraFiles] } : {}) };
  }

  private configFilesOf(folder: vscode.WorkspaceFolder): Promise<string[]> {
    const key = folder.uri.toString();
    let found = this.configFiles.get(key);
    if (!found) {
      const globs = [...CONFIG_GLOBS, ...engine().siteWatchGlobs()];
      // node_modules holds package.json files by the thousand; no article there is read (see the site index's excludes).
      found = Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(folder, `{${globs.join(',')}}`), '**/node_modules/**')).then((uris) => uris.map((uri) => workspacePath(uri)));
      this.configFiles.set(key, found);
      found.catch(() => this.configFiles.delete(key));
    }
    return found;
  }
}
