/**
 * The site model over the client's workspace folders: built in the background a slice at a time
 * (the engine's indexInSlices, so a request never waits long behind it), with progress reported on
 * large sites, kept current by the client's file events, and by each open document's analysis in
 * place of its saved file. Beside each entry, the few frontmatter values completion suggests.
 */
import { dirname, join } from 'node:path';
import {
  aggregateValues,
  filesBelow,
  indexedValues,
  indexInSlices,
  isInside,
  isMarkdownFile,
  readSiteArticle,
  SiteModel,
  type IndexedField,
  type IndexedValues,
  type ResolvedConfig,
  type SiteArticle,
  type UsedValue,
} from '../core';
import type { ServerAnalyzer } from './analysis';
import type { NodeFileSystem } from './nodeFileSystem';
import type { WorkspaceFolders } from './workspaceFolders';

/** The most files read from one workspace folder (the largest content repositories fit). */
const MAX_FILES = 250_000;
/** Larger files are left out: an article is far smaller, and parsing a huge file would hold up every request. */
const MAX_FILE_BYTES = 512 * 1024;
/** From this many files, indexing reports its progress. */
export const PROGRESS_FROM = 2_000;

export interface IndexProgress {
  report(done: number, total: number): void;
  done(): void;
}

export interface SiteIndexHooks {
  /** A progress report for a build of `total` files (none: not shown). */
  progress?(total: number): Promise<IndexProgress | undefined>;
  /** The paths whose site-wide findings may have changed. */
  changed?(paths: ReadonlySet<string>): void;
  log?(message: string): void;
}

export class ServerSiteIndex {
  private modelInstance = new SiteModel();
  private readonly values = new Map<string, IndexedValues>();
  /** Paths whose entry comes from an open document: file events leave them alone. */
  private readonly live = new Set<string>();
  private building: Promise<void> | undefined;
  private complete = false;
  /** Bumped by each new build: an older build stops. */
  private generation = 0;

  constructor(
    private readonly fs: NodeFileSystem,
    private readonly analyzer: ServerAnalyzer,
    private readonly folders: WorkspaceFolders,
    private readonly hooks: SiteIndexHooks = {},
  ) {}

  get model(): SiteModel {
    return this.modelInstance;
  }

  get isComplete(): boolean {
    return this.complete;
  }

  /** Starts the build (once; again after `rebuild`). */
  ensureStarted(): void {
    this.building ??= this.build(this.generation);
  }

  whenComplete(): Promise<void> {
    this.ensureStarted();
    return this.building!;
  }

  /** The folders or the configuration changed: the model is made again (open documents' entries kept). */
  rebuild(): void {
    this.generation++;
    const kept = [...this.live].map((path) => [path, this.modelInstance.get(path)] as const);
    this.modelInstance = new SiteModel();
    this.values.clear();
    for (const [path, entry] of kept) if (entry) this.modelInstance.set(entry);
    this.complete = false;
    this.building = this.build(this.generation);
  }

  private async build(generation: number): Promise<void> {
    try {
      const files: string[] = [];
      for (const folder of this.folders.all()) {
        const found = (await filesBelow(this.fs, folder, { maxDepth: 64, maxFiles: MAX_FILES })) ?? [];
        for (const relative of found) if (isMarkdownFile(relative)) files.push(join(folder, ...relative.split('/')));
      }
      const unique = [...new Set(files)].filter((path) => !this.live.has(path));
      const progress = unique.length >= PROGRESS_FROM ? await this.hooks.progress?.(unique.length).catch(() => undefined) : undefined;
      const configs = new Map<string, Promise<ResolvedConfig>>();
      await indexInSlices(unique, {
        read: async (path) => ((await this.fs.size(path)) ?? Infinity) > MAX_FILE_BYTES ? undefined : this.fs.readText(path),
        entry: (path, text, breathe) => this.entryOf(path, text, configs, breathe),
        apply: (path, entry) => this.put(path, entry),
        cancelled: () => generation !== this.generation,
        progress: (done, total) => progress?.report(done, total),
      });
      progress?.done();
    } catch (error) {
      this.hooks.log?.(`Indexing the workspace failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
    if (generation !== this.generation) return;
    this.complete = true;
    this.hooks.changed?.(new Set(this.modelInstance.paths()));
  }

  private async entryOf(path: string, text: string, configs?: Map<string, Promise<ResolvedConfig>>, breathe?: () => Promise<void>): Promise<SiteArticle | undefined> {
    const folder = dirname(path);
    let config = configs?.get(folder);
    if (!config) {
      config = this.analyzer.configFor(path);
      configs?.set(folder, config);
    }
    const values = indexedValues(text);
    if (values && Object.keys(values).length > 0) this.values.set(path, values);
    else this.values.delete(path);
    return readSiteArticle({ text, filePath: path, config: await config, fs: this.fs, sites: this.analyzer.sites, siteFolders: this.analyzer.siteFolders, breathe });
  }

  private put(path: string, entry: SiteArticle | undefined): Set<string> {
    if (entry) return this.modelInstance.set(entry);
    this.values.delete(path);
    return this.modelInstance.has(path) ? this.modelInstance.delete(path) : new Set();
  }

  /** An open document's analysis: its entry replaces the one read from disk. */
  updateFromDocument(path: string, entry: SiteArticle | undefined, text: string): void {
    this.live.add(path);
    const values = indexedValues(text);
    const affected = this.put(path, entry);
    if (values && Object.keys(values).length > 0) this.values.set(path, values);
    // The document itself is being checked already.
    affected.delete(path);
    if (affected.size > 0) this.hooks.changed?.(affected);
  }

  /**
   * The document closed: its saved file counts again. A file outside every workspace folder was in
   * the model only while open (indexing never reads it): it leaves, as a fresh start would have it.
   */
  documentClosed(path: string): void {
    if (!this.live.delete(path)) return;
    if (this.folders.all().some((folder) => isInside(path, folder))) {
      void this.fileChanged(path);
      return;
    }
    this.values.delete(path);
    const affected = this.put(path, undefined);
    if (affected.size > 0) this.hooks.changed?.(affected);
  }

  /** A file was created or changed on disk (an open document's own entry stays). */
  async fileChanged(path: string): Promise<void> {
    if (this.live.has(path) || !isMarkdownFile(path) || !this.folders.all().some((folder) => isInside(path, folder))) return;
    const size = await this.fs.size(path);
    const text = size !== undefined && size <= MAX_FILE_BYTES ? await this.fs.readText(path) : undefined;
    if (this.live.has(path)) return;
    const entry = text === undefined ? undefined : await this.entryOf(path, text).catch(() => undefined);
    const affected = this.put(path, entry);
    if (affected.size > 0) this.hooks.changed?.(affected);
  }

  fileDeleted(path: string): void {
    if (this.live.has(path)) return;
    const affected = this.put(path, undefined);
    if (affected.size > 0) this.hooks.changed?.(affected);
  }

  /** The values the other articles of the same workspace folder use for a field, most used first. */
  usedValues(field: IndexedField, except: string | undefined): UsedValue[] {
    const folder = except && this.folders.folderOf(except);
    const selected: IndexedValues[] = [];
    for (const [path, values] of this.values) {
      if (path === except) continue;
      if (folder && !isInside(path, folder)) continue;
      selected.push(values);
    }
    return aggregateValues(selected, field);
  }
}
