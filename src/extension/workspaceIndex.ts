/**
 * The values already used across the workspace's articles for `category`, `author`, `tags` and
 * `keywords`, offered when an author fills in those fields. Built in the background: never at
 * activation, but on first need or once the editor has been idle for a while after activation; files
 * are read in small batches that yield to the event loop, so typing is never blocked. A
 * FileSystemWatcher keeps it current. Per article only those few values are kept.
 */
import * as vscode from 'vscode';
import type { FileSystemHost, IndexedField, IndexedValues, ResolvedConfig, SiteArticle, SiteDirectory, SiteFolderCache, SiteModel, UsedValue } from '../core';
import type { WorkspaceFileSystem } from './fs';
import { Debouncer } from './debounce';
import { Disposable } from './dispose';
import type { Log } from './log';
import { engine } from './engine';
import { MARKDOWN_GLOB } from './markdownFiles';
import { siteUrlSetting } from './settings';
import type { SiteIndexStorage } from './siteIndexStorage';
import { fileRecord, TimeSlicer, UNKNOWN_HASH, type FileRecord } from './siteIndexStore';
import { yieldToEventLoop } from './eventLoop';
import { pathToUri, uriToPath, workspacePath } from './fs';
import { ListedFileSystem } from './listedFileSystem';

/** What no workspace search of articles looks in: dependencies and dot-folders. */
export const EXCLUDE_GLOB = '{**/node_modules/**,**/.*/**}';
const MAX_FILES = 20_000;
const BATCH_SIZE = 20;
/** Larger files are not read: their frontmatter would be the first few KB anyway. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

interface Entry {
  /** The workspace folder the article belongs to ('' when none). */
  folder: string;
  values: IndexedValues;
}

export interface ValueQuery {
  /** Leave this article out (the one being edited: its own half-typed value is no suggestion). */
  except?: vscode.Uri;
  /** Only articles of this workspace folder (multi-root: each folder is its own site). */
  folder?: vscode.WorkspaceFolder;
}

const decoder = new TextDecoder('utf-8');

/** After activation, the index is built once the editor has been idle this long (ms). */
export const INDEX_IDLE_DELAY_MS = 4000;

export class WorkspaceValueIndex extends Disposable {
  private readonly entries = new Map<string, Entry>();
  private building: Promise<void> | undefined;
  private complete = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Files changed while or after building, read again in the next batch. */
  private readonly dirty = new Set<string>();
  /** Reads the dirty files 200 ms after the first of them changed (later changes join that batch). */
  private readonly flush = this._register(
    new Debouncer(() => {
      const uris = [...this.dirty].map((text) => vscode.Uri.parse(text));
      this.dirty.clear();
      void this.readInBatches(uris);
    }, () => 200),
  );

  constructor(private readonly log: Log) {
    super();
    this._register({
      dispose: () => {
        clearTimeout(this.idleTimer);
        this.entries.clear();
      },
    });
  }

  /** Builds the index after `delayMs` (the activation's idle time), unless something asked for it first. */
  scheduleBuild(delayMs = INDEX_IDLE_DELAY_MS): void {
    if (this.building || this.isDisposed) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.ensureStarted(), delayMs);
  }

  /** Starts building (once) and returns at once; `whenComplete` resolves when the first build is done. */
  ensureStarted(): void {
    if (this.building || this.isDisposed) return;
    clearTimeout(this.idleTimer);
    this.building = this.build().catch((error: unknown) => {
      this.log.error('Building the index of the values used across the workspace failed:', error);
      this.complete = true;
    });
  }

  /** True once every article found at the start has been read. */
  get isComplete(): boolean {
    return this.complete;
  }

  whenComplete(): Promise<void> {
    this.ensureStarted();
    return this.building ?? Promise.resolve();
  }

  /** Values of a field across the articles, most used first. */
  values(field: IndexedField, query: ValueQuery = {}): UsedValue[] {
    this.ensureStarted();
    const except = query.except?.toString();
    const folder = query.folder?.uri.toString();
    const selected: IndexedValues[] = [];
    for (const [uri, entry] of this.entries) {
      if (uri === except) continue;
      if (folder !== undefined && entry.folder !== folder) continue;
      selected.push(entry.values);
    }
    return engine().aggregateValues(selected, field);
  }

  /** Number of articles indexed (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private async build(): Promise<void> {
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB));
    this._register(watcher.onDidCreate((uri) => this.markDirty(uri)));
    this._register(watcher.onDidChange((uri) => this.markDirty(uri)));
    this._register(
      watcher.onDidDelete((uri) => {
        this.entries.delete(uri.toString());
        this.dirty.delete(uri.toString());
      }),
    );
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          const prefix = removed.uri.toString();
          for (const uri of [...this.entries.keys()]) if (this.entries.get(uri)?.folder === prefix) this.entries.delete(uri);
        }
        if (event.added.length > 0) void this.readAll(event.added);
      }),
    );
    await this.readAll(vscode.workspace.workspaceFolders ?? []);
    this.complete = true;
  }

  private async readAll(folders: readonly vscode.WorkspaceFolder[]): Promise<void> {
    for (const folder of folders) {
      if (this.isDisposed) return;
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKDOWN_GLOB), EXCLUDE_GLOB, MAX_FILES);
      await this.readInBatches(files);
    }
  }

  private async readInBatches(files: readonly vscode.Uri[]): Promise<void> {
    for (let index = 0; index < files.length && !this.isDisposed; index += BATCH_SIZE) {
      await Promise.all(files.slice(index, index + BATCH_SIZE).map((uri) => this.read(uri)));
      await yieldToEventLoop();
    }
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_FILE_BYTES || !(stat.type & vscode.FileType.File)) {
        this.entries.delete(key);
        return;
      }
      const values = engine().indexedValues(decoder.decode(await vscode.workspace.fs.readFile(uri)));
      if (!values || Object.keys(values).length === 0) {
        this.entries.delete(key);
        return;
      }
      const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
      this.entries.set(key, { folder, values });
    } catch {
      this.entries.delete(key);
    }
  }

  private markDirty(uri: vscode.Uri): void {
    if (this.isDisposed || isInExcludedFolder(uri)) return;
    this.dirty.add(uri.toString());
    if (!this.flush.isPending) this.flush.trigger();
  }
}

/** Inside node_modules or a dot-folder of its workspace folder (as the initial search excludes). */
function isInExcludedFolder(uri: vscode.Uri): boolean {
  return /(^|\/)(node_modules|\.[^/]+)\//.test(vscode.workspace.asRelativePath(uri, false));
}

export const SITE_MARKDOWN_GLOB = '**/*.{md,mdx,markdown}';
/** The site index reads the largest content repositories whole (the value index stops at MAX_FILES). */
export const SITE_MAX_FILES = 250_000;
/** From this many files, indexing shows its progress in the status bar. */
const SITE_PROGRESS_FROM = 2_000;
/**
 * Larger files are left out of the site model: an article is far smaller, and parsing a huge file
 * would hold up the extension host (a quick fix or a completion waiting behind it).
 */
export const SITE_MAX_FILE_BYTES = 512 * 1024;
/** A site-wide re-check waits this long after the last file event (a branch switch changes many files). */
const SITE_FLUSH_MS = 200;
/** The record of an entry not made from the saved file (an open document's): reopening reads the file again. */
const UNREAD_RECORD: FileRecord = { size: -1, mtime: -1, hash: UNKNOWN_HASH };

/** The stored index is written this long after the last change read from disk (writing it is seconds of background work at 100,000 articles). */
const SITE_SAVE_DELAY_MS = 30_000;

/**
 * The site model of the workspace (src/core/site/model.ts): every article's URL, title,
 * description, heading anchors and links. Built in the background like the value index; open
 * documents update their own entry from each analysis (their text, not the saved file), closed files
 * from disk through a watcher. Every change reports the articles whose site-wide findings it may
 * change (see SiteModel.set), so only those are checked again.
 *
 * With a storage (see ./siteIndexStorage), the index is kept between sessions: on start the stored
 * entries of unchanged files go into the model first, and only the other files are read.
 */
export class WorkspaceSiteIndex extends Disposable {
  private modelInstance: SiteModel | undefined;
  private readonly emitter = this._register(new vscode.EventEmitter<ReadonlySet<string>>());
  /** Paths whose entry comes from an open document: the watcher leaves them alone. */
  private readonly live = new Set<string>();
  private readonly configs = new Map<string, Promise<ResolvedConfig>>();
  /** What each folder's site marker files say, for this index's reads (cleared with the configurations). */
  private readonly siteFolders: SiteFolderCache = new Map();
  private building: Promise<void> | undefined;
  private complete = false;
  /** The model stands for the workspace: restored from the stored index, or built. */
  private ready = false;
  private readonly dirty = new Set<string>();
  /** Reads the dirty files SITE_FLUSH_MS after the first of them changed (later changes join that batch). */
  private readonly flush = this._register(
    new Debouncer(() => {
      const uris = [...this.dirty].map((text) => vscode.Uri.parse(text));
      this.dirty.clear();
      void this.readEach(uris);
    }, () => SITE_FLUSH_MS),
  );
  /** The stamp and hash of the saved file each entry of the model was read from (what the store keeps beside it). */
  private readonly records = new Map<string, FileRecord>();
  /** Records of files read whose entries are not in the model yet: a record joins the model with its entry. */
  private readonly pendingRecords = new Map<string, FileRecord>();
  /** Something read from disk since the index was last stored. */
  private unsaved = false;
  private saving: Promise<void> | undefined;
  /** Bumped by each configuration change: a store begun before one is not written. */
  private configurationGeneration = 0;
  private resetsRunning = 0;
  /** While the stored index is restored: what the configuration changes meanwhile affect (read again after). */
  private resetsWhileRestoring: ((path: string) => boolean)[] | undefined;
  private readonly saver = this._register(new Debouncer(() => void this.save(), () => SITE_SAVE_DELAY_MS));

  /** Fired with the paths whose site-wide findings may have changed (all of them once the first build ends). */
  readonly onDidChange = this.emitter.event;

  /**
   * `configuration`: a configuration, schema or setting changed: every file is read again.
   * `storage`: where the index is kept between sessions (none without a workspace storage).
   */
  constructor(
    private readonly fs: WorkspaceFileSystem,
    private readonly sites: () => SiteDirectory,
    private readonly log: Log,
    configuration?: vscode.Event<unknown>,
    private readonly storage?: SiteIndexStorage,
  ) {
    super();
    if (configuration) {
      this._register(
        configuration((change) => {
          this.configurationGeneration++;
          this.storage?.configurationChanged();
          this.reset(fileOf(change));
        }),
      );
    }
  }

  get model(): SiteModel {
    this.modelInstance ??= new (engine().SiteModel)();
    return this.modelInstance;
  }

  /** True once every file found at the start has been read (or taken from the stored index). */
  get isComplete(): boolean {
    return this.complete;
  }

  /** True once the model stands for the workspace: site-wide findings may be shown (from the stored index before the build completes). */
  get isReady(): boolean {
    return this.ready;
  }

  ensureStarted(): void {
    if (this.building || this.isDisposed) return;
    this.building = this.build().catch((error: unknown) => {
      this.log.error('Building the site model of the workspace failed:', error);
      this.complete = true;
      this.ready = true;
    });
  }

  whenComplete(): Promise<void> {
    this.ensureStarted();
    return this.building ?? Promise.resolve();
  }

  /** Resolves once the index is stored (at once when nothing is to be stored): for tests. */
  async whenStored(): Promise<void> {
    await this.whenComplete();
    await this.saving;
    if (this.unsaved) await this.save();
  }

  /** An open document's analysis: its entry replaces the one read from disk. */
  updateFromDocument(path: string, entry: SiteArticle | undefined): void {
    this.live.add(path);
    this.apply(path, entry);
  }

  /** The document closed: its saved file counts again. */
  documentClosed(path: string): void {
    if (!this.live.delete(path)) return;
    // Until the saved file is read again, the model holds the document's entry: not one to store.
    this.records.delete(path);
    this.markDirty(pathToUri(path));
  }

  /**
   * A configuration changed: every file is read again; when the change is one file's (a site's
   * configuration, a layout), only the files it can affect: those below its folder and those of the
   * sites it lies in (a workspace may hold many sites, and reading them all is seconds).
   */
  reset(changed?: vscode.Uri): void {
    this.configs.clear();
    this.siteFolders.clear();
    if (!this.building) return;
    const affects = changed && uriToPath(changed) !== undefined ? this.affectedBy(workspacePath(changed)) : undefined;
    if (this.resetsWhileRestoring) {
      this.resetsWhileRestoring.push(affects ?? (() => true));
      return;
    }
    this.resetsRunning++;
    void this.readAll(vscode.workspace.workspaceFolders ?? [], affects)
      .then(() => this.fireAll())
      .finally(() => this.resetsRunning--);
  }

  /** Whether a file's entry may change with `changed`: it lies below its folder, or in a site whose root holds it. */
  private affectedBy(changed: string): (path: string) => boolean {
    const { isInside } = engine();
    const folders = new Set([changed.replace(/[\\/][^\\/]*$/, '')]);
    for (const root of this.model.roots()) if (isInside(changed, root)) folders.add(root);
    return (path) => [...folders].some((folder) => isInside(path, folder));
  }

  private apply(path: string, entry: SiteArticle | undefined): void {
    const affected = entry ? this.model.set(entry) : this.model.delete(path);
    if (entry) affected.add(path);
    if (this.ready && affected.size > 0) this.emitter.fire(affected);
  }

  /** A saved file's entry, with the record of the read it came from; an open document keeps its own entry. */
  private applyFromDisk(path: string, entry: SiteArticle | undefined): void {
    const record = this.pendingRecords.get(path);
    this.pendingRecords.delete(path);
    if (this.live.has(path)) {
      if (record) this.records.set(path, record);
      return;
    }
    if (record) this.records.set(path, record);
    else this.records.delete(path);
    this.apply(path, entry);
    this.changedOnDisk();
  }

  private changedOnDisk(): void {
    this.unsaved = true;
    if (this.complete && this.storage) this.saver.trigger();
  }

  private fireAll(): void {
    if (!this.isDisposed) this.emitter.fire(new Set(this.model.paths()));
  }

  private async build(): Promise<void> {
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(SITE_MARKDOWN_GLOB));
    this._register(watcher.onDidCreate((uri) => this.markDirty(uri)));
    this._register(watcher.onDidChange((uri) => this.markDirty(uri)));
    this._register(
      watcher.onDidDelete((uri) => {
        if (this.live.has(workspacePath(uri))) return;
        this.records.delete(workspacePath(uri));
        this.apply(workspacePath(uri), undefined);
        this.changedOnDisk();
      }),
    );
    const folders = vscode.workspace.workspaceFolders ?? [];
    // The search for the articles runs beside the restore.
    const found = this.findArticles(folders);
    const restored = await this.restore();
    let files = await found;
    if (restored) files = await this.withoutRestored(files, restored);
    await this.indexFiles(files);
    this.complete = true;
    this.ready = true;
    this.fireAll();
    if (this.unsaved) void this.save();
  }

  /**
   * The stored entries of unchanged files into the model, then every article's site-wide findings
   * shown; returns the files restored (undefined when there was no stored index to use).
   */
  private async restore(): Promise<ReadonlyMap<string, unknown> | undefined> {
    if (!this.storage) return undefined;
    this.resetsWhileRestoring = [];
    try {
      const outcome = await this.storage.load({
        // An open document's entry is its own, not the saved file's.
        insert: (packed) => {
          if (!this.live.has(packed.path)) this.model.insertPacked(packed);
        },
        cancelled: () => this.isDisposed,
        restoring: (names) => engine().SiteModel.restoring(names),
        onModel: (model) => this.adoptRestored(model),
        remove: (path) => {
          if (!this.live.has(path)) this.apply(path, undefined);
        },
      });
      if (!outcome) {
        this.unsaved = true;
        return undefined;
      }
      for (const [path, record] of outcome.trusted) this.records.set(path, record);
      if (outcome.changed || outcome.deleted || outcome.touched || outcome.badLines || outcome.droppedFolders.length) this.unsaved = true;
      this.ready = true;
      this.fireAll();
      const resets = this.resetsWhileRestoring;
      if (resets.length === 0) return outcome.trusted;
      // A configuration changed meanwhile: the files it affects are read again like changed ones.
      return new Map([...outcome.trusted].filter(([path]) => !resets.some((affects) => affects(path))));
    } finally {
      this.resetsWhileRestoring = undefined;
    }
  }

  /**
   * The model made again from the stored index becomes the index's, with the open documents' own
   * entries in it, and its findings are shown; the files that changed since leave it as they are found.
   */
  private adoptRestored(restored: SiteModel): void {
    for (const path of this.live) {
      const entry = this.model.get(path);
      if (entry) restored.set(entry);
      else restored.delete(path);
    }
    this.modelInstance = restored;
    this.ready = true;
    this.fireAll();
  }

  /** The files found, less those restored; a restored file not found any more (deleted, or now excluded) leaves the model. */
  private async withoutRestored(files: readonly vscode.Uri[], restored: ReadonlyMap<string, unknown>): Promise<vscode.Uri[]> {
    const slicer = new TimeSlicer();
    const left: vscode.Uri[] = [];
    const present = new Set<string>();
    for (const uri of files) {
      const path = workspacePath(uri);
      present.add(path);
      if (!restored.has(path)) left.push(uri);
      await slicer.breathe();
    }
    for (const path of restored.keys()) {
      if (!present.has(path) && !this.live.has(path)) {
        this.records.delete(path);
        this.apply(path, undefined);
        this.unsaved = true;
      }
      await slicer.breathe();
    }
    return left;
  }

  /** Writes the stored index (when something changed since), unless a configuration change is still being read. */
  private async save(): Promise<void> {
    if (!this.storage || this.isDisposed || !this.complete || !this.unsaved) return;
    if (this.saving || this.resetsRunning > 0) {
      this.saver.trigger();
      return;
    }
    this.saver.cancel();
    this.unsaved = false;
    const generation = this.configurationGeneration;
    const storage = this.storage;
    const model = this.model;
    const version = model.version;
    this.saving = storage
      .save(this.storedRecords(), (path) => model.packedOf(path), model, () => generation !== this.configurationGeneration || model !== this.model || model.version !== version || this.isDisposed)
      .then((written) => {
        // A configuration changed while writing: entries and fingerprints may not match; stored again later.
        if (!written) this.changedOnDisk();
      })
      .catch((error: unknown) => {
        this.unsaved = true;
        this.log.warn(`Storing the site index in ${storage.file.toString(true)} failed:`, error);
      })
      .finally(() => {
        this.saving = undefined;
      });
    await this.saving;
  }

  /**
   * The records to store, with the model's entries (which the stored lookups are made of): an open
   * document's entry is its own, not its saved file's, so its record says to read the file again.
   */
  private *storedRecords(): Generator<[string, FileRecord]> {
    for (const item of this.records) if (!this.live.has(item[0])) yield item;
    for (const path of this.model.paths()) if (this.live.has(path) || !this.records.has(path)) yield [path, UNREAD_RECORD];
  }

  /** Reads the articles of the folders again (all, or those `only` names). */
  private async readAll(folders: readonly vscode.WorkspaceFolder[], only?: (path: string) => boolean): Promise<void> {
    const found = await this.findArticles(folders);
    await this.indexFiles(only ? found.filter((uri) => only(workspacePath(uri))) : found);
  }

  private async findArticles(folders: readonly vscode.WorkspaceFolder[]): Promise<vscode.Uri[]> {
    const files: vscode.Uri[] = [];
    for (const folder of folders) {
      if (this.isDisposed) break;
      files.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SITE_MARKDOWN_GLOB), EXCLUDE_GLOB, SITE_MAX_FILES)));
    }
    return files;
  }

  /**
   * Reads the files into the model in the background: reads a batch at a time,
   * entries one by one, and the event loop given back every few milliseconds (see indexInSlices), so
   * that the extension host is never blocked for long; a large site shows its progress in the status bar.
   */
  private async indexFiles(files: readonly vscode.Uri[]): Promise<void> {
    // Each folder listed once for the whole build: most of what finding a site asks for is absent.
    const listed = new ListedFileSystem(this.fs);
    const run = (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      let reported = 0;
      return engine().indexInSlices(files, {
        read: (uri) => this.readText(uri),
        entry: (uri, text, breathe) => this.entryOf(uri, text, listed, breathe),
        apply: (uri, entry) => {
          if (uriToPath(uri) !== undefined) this.applyFromDisk(workspacePath(uri), entry);
        },
        cancelled: () => this.isDisposed,
        progress:
          progress &&
          ((done, total) => {
            const increment = ((done - reported) / total) * 100;
            reported = done;
            progress.report({ message: `${done.toLocaleString('en')} of ${total.toLocaleString('en')} articles`, increment });
          }),
      });
    };
    if (files.length < SITE_PROGRESS_FROM) await run();
    else await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Indexing the site' }, (progress) => run(progress));
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const path = workspacePath(uri);
    if (uriToPath(uri) === undefined || this.live.has(path)) return;
    const text = await this.readText(uri);
    let entry: SiteArticle | undefined;
    try {
      entry = text === undefined ? undefined : await this.entryOf(uri, text);
    } catch {
      entry = undefined;
    }
    this.applyFromDisk(path, entry);
  }

  /** The file's text (its stamp and hash kept for its entry); undefined when it is not a file, too large or cannot be read. */
  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const path = workspacePath(uri);
    this.pendingRecords.delete(path);
    if (uriToPath(uri) === undefined) return undefined;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (!(stat.type & vscode.FileType.File)) return undefined;
      if (stat.size > SITE_MAX_FILE_BYTES) {
        this.pendingRecords.set(path, fileRecord(stat, undefined, Date.now()));
        return undefined;
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      this.pendingRecords.set(path, fileRecord(stat, bytes, Date.now()));
      return decoder.decode(bytes);
    } catch {
      return undefined;
    }
  }

  /** `fs`: a whole build's ListedFileSystem, else the workspace's; `breathe`: the build's slicing. */
  private async entryOf(uri: vscode.Uri, text: string, fs: FileSystemHost = this.fs, breathe?: () => Promise<void>): Promise<SiteArticle | undefined> {
    const config = await this.configFor(uri, fs);
    return engine().readSiteArticle({ text, filePath: workspacePath(uri), config, fs, sites: this.sites(), siteUrl: siteUrlSetting(uri), siteFolders: this.siteFolders, breathe });
  }

  private configFor(uri: vscode.Uri, fs: FileSystemHost): Promise<ResolvedConfig> {
    const path = workspacePath(uri);
    const folder = path.slice(0, path.length - (uri.path.split('/').pop() ?? '').length);
    let config = this.configs.get(folder);
    if (!config) {
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
      const defaultBaseDir = workspaceFolder && uriToPath(workspaceFolder.uri);
      config = engine()
        .loadConfig({ rules: engine().allRules, fs, forPath: workspacePath(uri), defaultBaseDir })
        .then((loaded) => loaded.config);
      this.configs.set(folder, config);
    }
    return config;
  }

  private markDirty(uri: vscode.Uri): void {
    if (isInExcludedFolder(uri) || uriToPath(uri) === undefined) return;
    this.dirty.add(uri.toString());
    if (!this.flush.isPending) this.flush.trigger();
  }

  /** Files changed on disk, read one at a time with the event loop let in after each (no long stretch blocks the host). */
  private async readEach(uris: readonly vscode.Uri[]): Promise<void> {
    for (const uri of uris) {
      if (this.isDisposed) return;
      await this.read(uri);
      await yieldToEventLoop();
    }
  }
}

/** The file a configuration change is about, when it is one file's. */
function fileOf(change: unknown): vscode.Uri | undefined {
  const file = change as { kind?: string; uri?: vscode.Uri } | undefined;
  return file?.kind === 'file' && file.uri instanceof vscode.Uri ? file.uri : undefined;
}
