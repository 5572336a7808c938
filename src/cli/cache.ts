/**
 * The result cache: a file whose bytes are unchanged since the last run is not checked again. Each
 * entry is keyed by the file's path and a hash of its bytes, and keeps what a check of it gave (its
 * own findings, stats and site entry). The site-wide findings are kept with the site model they
 * came from: a run whose entries are all unchanged takes them as they are; a run whose changed
 * entries only moved their places (an edit of prose: see movedOnly) moves those articles' findings
 * with them; any other change makes the model again from its stored lookups, updates those entries,
 * and checks again only the articles they affect.
 *
 * Everything else a check depends on is read through the engine's file system host, which records
 * each lookup and what it found: the configuration files, the site's marker and configuration
 * files, schemas, archetypes, templates, content configurations, folder listings, images, the
 * public files links reach. The cache keeps those lookups and trusts its entries only while every
 * one of them finds the same again (and the engine, its options and the working folder are the
 * same); otherwise the run starts afresh.
 *
 * On disk, per set of options: the entries (`<key>.json`), the entries changed since (a cumulative
 * journal, `<key>.journal.json`, so that a run that changed one file does not write them all
 * again), the site-wide findings (`<key>.site.json`, with the entries of the model snapshot that
 * changed since it was taken) and the site model's lookups (`<key>.model.json`, written again only
 * now and then). Each is written atomically (a temporary file, then a rename), so two runs at
 * once never leave a torn file; each says which entries it belongs to, so a mix of two runs' files is
 * never trusted; a file that cannot be read as this version's is ignored and rewritten.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArticleStats, PackedArticle, SiteModelSnapshot } from '../core';
import { displayPath, type LintOutcome, type LintTask } from './lint';
import { TOOL_VERSION } from './meta';
import { digestOf, NodeFileSystem, type Lookup } from './node-fs';
import type { Diagnostic } from './report';

export const CACHE_FOLDER = '.article-lint-cache';
/** Bump when the stored shape changes. */
const FORMAT = 2;
/** Up to this share of the entries changed, only the journal is written. */
const JOURNAL_SHARE = 0.125;
const JOURNAL_MINIMUM = 64;

type StoredOutcome =
  | { kind: 'report'; diagnostics: Diagnostic[]; stats: ArticleStats; profile: string; site?: PackedArticle; page?: PackedArticle; siteRoot?: string }
  | { kind: 'skipped' }
  | { kind: 'context'; site?: PackedArticle };

interface StoredFile {
  hash: string;
  /** The file's size, modification time and inode when it was hashed (see fileStamp), when old enough to trust. */
  stamp?: string;
  explicit: boolean;
  outcome: StoredOutcome;
}

interface StoredContext {
  hash: string;
  stamp?: string;
  site?: PackedArticle;
}

interface Header {
  format: number;
  engine: string;
  key: string;
}

/** The entries, as of one full write (`id`). */
interface EntriesFile extends Header {
  id: string;
  environment: Lookup[];
  files: Record<string, StoredFile>;
  contexts: Record<string, StoredContext>;
}

/** What changed since the entries file `base` was written (null: removed), and the lookups when they changed. */
interface JournalFile extends Header {
  base: string;
  environment?: Lookup[];
  files: Record<string, StoredFile | null>;
  contexts: Record<string, StoredContext | null>;
}

/**
 * The site-wide findings of a run (raw, by article path), with the site model they came from: a
 * snapshot (written now and then) and the entries that changed since it was taken, as they were in
 * it, so that it can be made again and brought up to date.
 */
interface SiteFile extends Header {
  id: string;
  /** A digest of the run's inputs (every task's file, bytes and site). */
  inputs: string;
  /** A digest of the lookups the entries were trusted with when these findings were made. */
  environment: string;
  findings: Record<string, readonly Diagnostic[]>;
  /** What each entry of the run's model came from. */
  entries: Record<string, string>;
  /** The model snapshot these findings build on, and what each of its entries came from. */
  model: string;
  modelEntries: Record<string, string>;
  /** The snapshot's entries that changed since it was taken, as they were in it. */
  replaced: Record<string, PackedArticle>;
}

/** A site model's lookups. */
interface ModelFile extends Header {
  id: string;
  snapshot: SiteModelSnapshot;
}

/** Up to this many entries changed since the model snapshot, only the site file is written. */
const REPLACED_MAXIMUM = 64;

export interface CacheSettings {
  /** The cache's folder. */
  folder: string;
  cwd: string;
  configFile?: string;
  reportUnusedDisables?: boolean;
}

/** The last run's site: its findings, what each entry of its model came from, and the model to make again and bring up to date. */
export interface PreviousSite {
  findings: Readonly<Record<string, readonly Diagnostic[]>>;
  entries: Readonly<Record<string, string>>;
  /** The last run's site entry of a path (undefined when it had none, or it is not stored). */
  packedOf(path: string): PackedArticle | undefined;
  /** The stored model: its lookups, what each of its entries came from, and the entry of a path as it was in it. */
  model(): { snapshot: SiteModelSnapshot; entries: Readonly<Record<string, string>>; packedOf(path: string): PackedArticle | undefined } | undefined;
}

/** What a run's site-wide step gives the cache to keep. */
export interface SiteResult {
  findings: Record<string, readonly Diagnostic[]>;
  /** What each entry of the model came from, in this run. */
  entries: Record<string, string>;
  /** The model, to be saved whole (absent when the run did not make it: the stored one stays). */
  snapshot?(): SiteModelSnapshot;
  /** Whether the findings build on the stored model (made again from it, or not needed): else it is not to be trusted. */
  fromStoredModel: boolean;
}

/** The engine's identity: its version and the code that runs (a rebuilt engine is another engine). */
let engineIdentity: string | undefined;
function engineFingerprint(): string {
  if (engineIdentity === undefined) {
    let code = '';
    try {
      code = digestOf(fs.readFileSync(__filename));
    } catch {
      code = 'unknown';
    }
    engineIdentity = `${TOOL_VERSION}+${code}`;
  }
  return engineIdentity;
}

export class ResultCache {
  /** Bytes' hashes (and stamps) of the files looked up this run, for store(). */
  private readonly hashes = new Map<string, { hash: string; stamp?: string }>();
  /** What this run's outcomes came from, by path: the file, its bytes, and how it was read. */
  private readonly inputs = new Map<string, string>();
  /** Whether every task so far had a stored outcome. */
  private everyTaskStored = true;
  /** Paths looked up this run: the others are pruned when their file is gone. */
  private readonly seen = new Set<string>();
  /** Entries changed since the entries file was written (this run's and the journal's). */
  private readonly journalFiles: Record<string, StoredFile | null>;
  private readonly journalContexts: Record<string, StoredContext | null>;
  /** The entries as they were before this run stored any. */
  private readonly before: { files: Record<string, StoredFile>; contexts: Record<string, StoredContext> };
  private environmentChanged = false;
  /** Whether the journal carries the lookups (they changed since the entries file was written). */
  private journalHasEnvironment: boolean;
  private entriesChanged = false;
  private siteResult: SiteResult | undefined;

  private constructor(
    private readonly settings: CacheSettings,
    private readonly base: string,
    private readonly header: Header,
    private readonly entries: EntriesFile,
    /** Whether the entries file on disk is this one (else it is written whole). */
    private readonly entriesOnDisk: boolean,
    journal: JournalFile | undefined,
    private readonly site: SiteFile | undefined,
  ) {
    this.journalFiles = journal?.files ?? {};
    this.journalContexts = journal?.contexts ?? {};
    this.journalHasEnvironment = journal?.environment !== undefined;
    this.before = { files: { ...entries.files }, contexts: { ...entries.contexts } };
  }

  /** The cache of these settings: what was stored, when it can still be trusted; else an empty one. */
  static open(settings: CacheSettings): ResultCache {
    const key = JSON.stringify({ cwd: settings.cwd, configFile: settings.configFile ?? null, reportUnusedDisables: Boolean(settings.reportUnusedDisables) });
    const base = path.join(settings.folder, digestOf(key).slice(0, 16));
    const header: Header = { format: FORMAT, engine: engineFingerprint(), key };
    const ours = <T extends Header>(data: T | undefined): T | undefined => (data && data.format === header.format && data.engine === header.engine && data.key === key ? data : undefined);
    const empty: EntriesFile = { ...header, id: newId(), environment: [], files: {}, contexts: {} };
    let entries = ours(readJson<EntriesFile>(`${base}.json`, isEntriesFile));
    const journal = entries && ours(readJson<JournalFile>(`${base}.journal.json`, isJournalFile));
    const current = journal?.base === entries?.id ? journal : undefined;
    if (entries && current) {
      entries = { ...entries, environment: current.environment ?? entries.environment, files: { ...entries.files }, contexts: { ...entries.contexts } };
      overlay(entries.files, current.files);
      overlay(entries.contexts, current.contexts);
    }
    const trusted = entries !== undefined && stillTrue(entries.environment);
    if (!trusted) return new ResultCache(settings, base, header, empty, false, undefined, undefined);
    const site = ours(readJson<SiteFile>(`${base}.site.json`, isSiteFile));
    return new ResultCache(settings, base, header, entries!, true, current, site);
  }

  /** Whether anything is stored (a warm run: most outcomes will come from here). */
  get isWarm(): boolean {
    return Object.keys(this.entries.files).length > 0;
  }

  /**
   * The outcome stored for a task whose file has the same bytes, or undefined (then store() its
   * outcome). With --fix, a report with a fixable finding is checked again, to be fixed.
   */
  lookup(task: LintTask, fix: boolean): LintOutcome | undefined {
    const outcome = this.storedOutcome(task, fix);
    if (!outcome) this.everyTaskStored = false;
    return outcome;
  }

  private storedOutcome(task: LintTask, fix: boolean): LintOutcome | undefined {
    this.seen.add(task.path);
    const stored = task.context ? this.entries.contexts[contextKey(task)] ?? this.fileAsContext(task) : this.entries.files[task.path];
    const file = fileState(task.path, stored);
    if (file === undefined) return undefined;
    this.hashes.set(task.path, file);
    this.inputs.set(task.path, identity(task, file.hash));
    if (!stored || stored.hash !== file.hash) return undefined;
    if (task.context) return { kind: 'context', site: (stored as StoredContext).site };
    const { outcome, explicit } = stored as StoredFile;
    // An article is reported whether it was named or found; what else a file is depends on that.
    if (explicit !== task.explicit && !(outcome.kind === 'report' && outcome.site)) return undefined;
    if (outcome.kind !== 'report') return { ...outcome };
    if (fix && outcome.diagnostics.some((diagnostic) => diagnostic.fixable)) return undefined;
    return {
      kind: 'report',
      fixed: false,
      site: outcome.site,
      page: outcome.page,
      siteRoot: outcome.siteRoot,
      report: {
        file: displayPath(task.path, this.settings.cwd),
        absolutePath: task.path,
        diagnostics: outcome.diagnostics.map((diagnostic) => ({ ...diagnostic })),
        stats: outcome.stats,
        site: outcome.profile,
      },
    };
  }

  /** Keeps a task's outcome (before the site model and the site-wide findings take from it). */
  store(task: LintTask, outcome: LintOutcome): void {
    // A file --fix rewrote is stored under its new bytes.
    const file = outcome.kind === 'report' && outcome.fixed ? fileState(task.path, undefined) : this.hashes.get(task.path);
    if (file === undefined) return;
    if (outcome.kind === 'report' && outcome.fixed) this.inputs.set(task.path, identity(task, file.hash));
    const { hash, stamp } = file;
    if (task.context) {
      if (outcome.kind !== 'context') return;
      this.setContext(contextKey(task), { hash, ...(stamp ? { stamp } : {}), ...(outcome.site ? { site: outcome.site } : {}) });
      return;
    }
    let stored: StoredOutcome;
    if (outcome.kind === 'report') {
      const { report } = outcome;
      stored = { kind: 'report', diagnostics: [...report.diagnostics], stats: report.stats, profile: report.site ?? '', site: outcome.site, page: outcome.page, siteRoot: outcome.siteRoot };
    } else if (outcome.kind === 'skipped' || outcome.kind === 'context') {
      stored = outcome.kind === 'skipped' ? { kind: 'skipped' } : { kind: 'context', site: outcome.site };
    } else {
      this.setFile(task.path, null);
      return;
    }
    this.setFile(task.path, { hash, ...(stamp ? { stamp } : {}), explicit: task.explicit, outcome: stored });
  }

  /**
   * A file read for its site entry only, from a run that checked it: its entry is the same (a file
   * outside its site's folder is read with that site's root, so it has entries of its own).
   */
  private fileAsContext(task: LintTask): StoredContext | undefined {
    const stored = task.siteRoot === undefined ? this.entries.files[task.path] : undefined;
    if (!stored) return undefined;
    const site = sitePacked(stored.outcome);
    return { hash: stored.hash, ...(stored.stamp ? { stamp: stored.stamp } : {}), ...(site ? { site } : {}) };
  }

  private setFile(key: string, stored: StoredFile | null): void {
    this.set(this.entries.files, this.journalFiles, key, stored);
  }

  private setContext(key: string, stored: StoredContext | null): void {
    this.set(this.entries.contexts, this.journalContexts, key, stored);
  }

  /** An entry stored (or removed: null), and noted in the journal of changes since the entries file. */
  private set<T>(entries: Record<string, T>, journal: Record<string, T | null>, key: string, stored: T | null): void {
    if (stored) entries[key] = stored;
    else if (!(key in entries)) return;
    else delete entries[key];
    journal[key] = stored;
    this.entriesChanged = true;
  }

  /** What a path's entry in this run's site model came from (its file, bytes and how it was read). */
  identityOf(path: string): string | undefined {
    return this.inputs.get(path);
  }

  /**
   * The site-wide findings of the last run, when this run has the same inputs: every task's outcome
   * stored, the same files with the same bytes (and every lookup unchanged, or nothing was stored).
   */
  storedSiteFindings(reportPaths: readonly string[]): Record<string, readonly Diagnostic[]> | undefined {
    const site = this.site;
    if (!this.everyTaskStored || !site || site.inputs !== this.inputsDigest() || site.environment !== this.environmentDigest()) return undefined;
    // The same entries; but the last run may not have reported on every article this one does.
    return reportPaths.every((file) => Object.prototype.hasOwnProperty.call(site.findings, file)) ? site.findings : undefined;
  }

  /** The last run's site, to be updated rather than made again. */
  previousSite(): PreviousSite | undefined {
    const site = this.site;
    // Findings made while the files around the entries were otherwise (a run at the same time as a change) are not reused.
    if (!site || site.environment !== this.environmentDigest()) return undefined;
    return {
      findings: site.findings,
      entries: site.entries,
      packedOf: (file) => this.storedPacked(file, site.entries[file]),
      model: () => {
        const model = this.storedModel();
        if (!model) return undefined;
        // Each entry as it was in the snapshot: replaced since, or the stored one if it is the same.
        return { snapshot: model.snapshot, entries: site.modelEntries, packedOf: (file) => site.replaced[file] ?? this.storedPacked(file, site.modelEntries[file]) };
      },
    };
  }

  private modelFile: ModelFile | null | undefined;

  /** The model snapshot the site file builds on. */
  private storedModel(): ModelFile | undefined {
    if (this.modelFile === undefined) {
      const model = readJson<ModelFile>(`${this.base}.model.json`, isModelFile);
      const header = this.header;
      this.modelFile = model && this.site && model.format === header.format && model.engine === header.engine && model.key === header.key && model.id === this.site.model ? model : null;
    }
    return this.modelFile ?? undefined;
  }

  /** The site entry stored (before this run) for a path, when it came from what `made` says. */
  private storedPacked(file: string, made: string | undefined): PackedArticle | undefined {
    if (made === undefined) return undefined;
    const [hash, root] = made.split('\0');
    const context = this.before.contexts[`${file}\0${root}`];
    if (context?.hash === hash) return context.site;
    const stored = root === '' ? this.before.files[file] : undefined;
    return stored?.hash === hash ? sitePacked(stored.outcome) : undefined;
  }

  /** Keeps this run's site-wide findings and model (written by save()). */
  storeSite(result: SiteResult): void {
    this.siteResult = result;
  }

  private inputsDigest(): string {
    return digestOf([...this.inputs].map(([file, made]) => `${file}\0${made}`).sort().join('\n'));
  }

  private environmentDigest(): string {
    const environment = this.entries.environment;
    if (this.digested?.environment !== environment) this.digested = { environment, digest: digestOf(JSON.stringify(environment)) };
    return this.digested.digest;
  }

  private digested: { environment: Lookup[]; digest: string } | undefined;

  /** What the checks of this run looked up: kept, to be looked up again before the next run trusts the entries. */
  addLookups(lookups: readonly Lookup[]): void {
    if (lookups.length === 0) return;
    let known: Map<string, string> | undefined;
    for (const [key, digest] of lookups) {
      known ??= new Map(this.entries.environment);
      if (known.get(key) === digest) continue;
      known.set(key, digest);
      this.environmentChanged = true;
    }
    if (known && this.environmentChanged) this.entries.environment = [...known];
  }

  /**
   * Writes what changed, dropping the entries of files that are gone. Returns a message when it
   * cannot be written (a read-only folder): the run's results stand without it.
   */
  save(): string | undefined {
    for (const key of Object.keys(this.entries.files)) if (this.isGone(key)) this.setFile(key, null);
    for (const key of Object.keys(this.entries.contexts)) if (this.isGone(key.split('\0')[0])) this.setContext(key, null);
    const writes: [string, () => string][] = [];
    if (this.entriesChanged || this.environmentChanged || !this.entriesOnDisk) {
      const changed = Object.keys(this.journalFiles).length + Object.keys(this.journalContexts).length;
      const total = Object.keys(this.entries.files).length + Object.keys(this.entries.contexts).length;
      if (this.entriesOnDisk && changed <= Math.max(JOURNAL_MINIMUM, total * JOURNAL_SHARE)) {
        const journal: JournalFile = {
          ...this.header,
          base: this.entries.id,
          ...(this.environmentChanged || this.journalHasEnvironment ? { environment: this.entries.environment } : {}),
          files: this.journalFiles,
          contexts: this.journalContexts,
        };
        writes.push([`${this.base}.journal.json`, () => JSON.stringify(journal)]);
      } else {
        const entries: EntriesFile = { ...this.entries, ...this.header, id: newId() };
        writes.push([`${this.base}.json`, () => JSON.stringify(entries)]);
      }
    }
    const result = this.siteResult;
    if (result) {
      // The stored snapshot with what changed since, while that is little (or no new one was made); else a new snapshot.
      const previous = result.fromStoredModel ? this.site?.model : undefined;
      const replaced = previous ? this.replacedSince(result.entries) : undefined;
      const keep = replaced !== undefined && (Object.keys(replaced).length <= REPLACED_MAXIMUM || !result.snapshot);
      const snapshot = result.snapshot;
      const modelId = keep ? previous! : newId();
      if (!keep && snapshot) {
        // The model first: a site file is trusted with the model of its own id only.
        writes.push([`${this.base}.model.json`, () => JSON.stringify({ ...this.header, id: modelId, snapshot: snapshot() } satisfies ModelFile)]);
      }
      if (keep || snapshot) {
        const site: SiteFile = {
          ...this.header,
          id: newId(),
          inputs: this.inputsDigest(),
          environment: this.environmentDigest(),
          findings: result.findings,
          entries: result.entries,
          model: modelId,
          modelEntries: keep ? this.site!.modelEntries : result.entries,
          replaced: keep ? replaced! : {},
        };
        writes.push([`${this.base}.site.json`, () => JSON.stringify(site)]);
      }
    }
    if (writes.length === 0) return undefined;
    const folder = this.settings.folder;
    try {
      fs.mkdirSync(folder, { recursive: true });
      // The cache is never committed: everything in its folder is ignored.
      const ignore = path.join(folder, '.gitignore');
      if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n');
      for (const [file, text] of writes) writeAtomically(file, text());
      // A whole entries file starts a new journal.
      if (writes.some(([file]) => file === `${this.base}.json`)) fs.rmSync(`${this.base}.journal.json`, { force: true });
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : code ?? String((error as Error)?.message ?? error);
      return `cannot write the cache in ${displayPath(folder, this.settings.cwd)} (${why}); this run's results are complete, the next run checks every file again`;
    }
  }

  /**
   * The snapshot's entries that are no longer what it was made from, as they were in it; undefined
   * when one of them cannot be found (then a new snapshot is written).
   */
  private replacedSince(current: Readonly<Record<string, string>>): Record<string, PackedArticle> | undefined {
    const site = this.site!;
    const replaced: Record<string, PackedArticle> = {};
    for (const [file, made] of Object.entries(site.modelEntries)) {
      if (current[file] === made) continue;
      const packed = site.replaced[file] ?? this.storedPacked(file, made);
      if (!packed) return undefined;
      replaced[file] = packed;
    }
    return replaced;
  }

  /** A path this run looked at but could not read, or one it did not look at whose file is gone. */
  private isGone(file: string): boolean {
    return this.seen.has(file) ? !this.hashes.has(file) : !fs.existsSync(file);
  }
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function newId(): string {
  return randomBytes(9).toString('base64url');
}

/** What a task's site entry comes from: its file's bytes, and the site it was read for (when outside its folder). */
function identity(task: LintTask, hash: string): string {
  return `${hash}\0${task.siteRoot ?? ''}`;
}

/** The site entry an outcome holds: an article's, or a page's (a link target). */
function sitePacked(outcome: StoredOutcome): PackedArticle | undefined {
  return outcome.kind === 'report' ? outcome.site ?? outcome.page : outcome.kind === 'context' ? outcome.site : undefined;
}

function overlay<T>(target: Record<string, T>, changes: Record<string, T | null>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete target[key];
    else target[key] = value;
  }
}

function readJson<T>(file: string, wellFormed: (data: unknown) => boolean): T | undefined {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return wellFormed(data) ? (data as T) : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEntriesFile = (data: unknown) => isObject(data) && typeof data.id === 'string' && Array.isArray(data.environment) && isObject(data.files) && isObject(data.contexts);
const isJournalFile = (data: unknown) => isObject(data) && typeof data.base === 'string' && (data.environment === undefined || Array.isArray(data.environment)) && isObject(data.files) && isObject(data.contexts);
const isSiteFile = (data: unknown) =>
  isObject(data) && typeof data.id === 'string' && typeof data.inputs === 'string' && typeof data.environment === 'string' && isObject(data.findings) && isObject(data.entries) && typeof data.model === 'string' && isObject(data.modelEntries) && isObject(data.replaced);
const isModelFile = (data: unknown) => isObject(data) && typeof data.id === 'string' && isObject(data.snapshot);

/** Whether every recorded lookup finds what it found then. */
function stillTrue(environment: readonly Lookup[]): boolean {
  const host = new NodeFileSystem();
  const listings = new Map<string, Map<string, fs.Dirent> | undefined>();
  for (const entry of environment) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return false;
    const [key, digest] = entry;
    const kind = CASE_SENSITIVE && key.startsWith('stat:') ? kindFromListing(key.slice(5), listings) : undefined;
    if ((kind ?? host.digestNow(key)) !== digest) return false;
  }
  return true;
}

/** Whether names differ by case alone (a listing then answers a stat exactly). */
const CASE_SENSITIVE = process.platform === 'linux';

/**
 * A stat answered from its folder's listing, read once for all the paths in it (thousands of image
 * paths sit in a few folders); undefined when the listing cannot answer (a link: stat it).
 */
function kindFromListing(file: string, listings: Map<string, Map<string, fs.Dirent> | undefined>): string | undefined {
  const folder = path.dirname(file);
  const name = path.basename(file);
  if (folder === file || name === '' || name === '.' || name === '..') return undefined;
  let listing = listings.get(folder);
  if (!listings.has(folder)) {
    try {
      listing = new Map(fs.readdirSync(folder, { withFileTypes: true }).map((entry) => [entry.name, entry]));
    } catch {
      listing = undefined;
    }
    listings.set(folder, listing);
  }
  if (!listing) return undefined;
  const entry = listing.get(name);
  if (!entry) return '-';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return undefined;
}

/** A file's size, modification time and inode: equal to the stored stamp, the file has its stored bytes. */
function fileStamp(stat: fs.BigIntStats): string {
  return `${stat.size}:${stat.mtimeNs}:${stat.ino}`;
}

/** A file written this recently may change again within the same clock tick: its stamp is not kept. */
const FRESH_NS = 2_000_000_000n;

/**
 * The hash of a file's bytes: the stored one when its stamp is unchanged, else read and hashed (with
 * the stamp taken before the read, so a write during it changes the stamp the next run sees).
 */
function fileState(file: string, stored: { hash: string; stamp?: string } | undefined): { hash: string; stamp?: string } | undefined {
  try {
    const stat = fs.statSync(file, { bigint: true });
    const stamp = fileStamp(stat);
    if (stored?.stamp === stamp) return stored;
    const hash = digestOf(fs.readFileSync(file));
    const fresh = BigInt(Date.now()) * 1_000_000n - stat.mtimeNs < FRESH_NS;
    return fresh ? { hash } : { hash, stamp };
  } catch {
    return undefined;
  }
}

function contextKey(task: LintTask): string {
  return `${task.path}\0${task.siteRoot ?? ''}`;
}
