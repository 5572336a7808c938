/**
 * The result cache: a file whose bytes are unchanged since the last run is not checked again. Each
 * entry is keyed by the file's path and a hash of its bytes, and keeps what a check of it gave (its
 * own findings, stats and site entry); site-wide findings are computed from the entries every run.
 *
 * Everything else a check depends on is read through the engine's file system host, which records
 * each lookup and what it found: the configuration files, the site's marker and configuration
 * files, schemas, archetypes, templates, content configurations, folder listings, images. The cache
 * keeps those lookups and trusts its entries only while every one of them finds the same again (and
 * the engine, its options and the working folder are the same); otherwise the run starts afresh.
 *
 * One JSON file per set of options, written atomically (a temporary file, then a rename), so two
 * runs at once never leave a torn file; a file that cannot be read as this version's cache is
 * ignored and rewritten.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArticleStats, PackedArticle } from '../core';
import { displayPath, type LintOutcome, type LintTask } from './lint';
import { digestOf, NodeFileSystem, type Lookup } from './node-fs';
import type { Diagnostic } from './report';
import { TOOL_VERSION } from './meta';

export const CACHE_FOLDER = '.article-lint-cache';
/** Bump when the stored shape changes. */
const FORMAT = 1;

type StoredOutcome =
  | { kind: 'report'; diagnostics: Diagnostic[]; stats: ArticleStats; profile: string; site?: PackedArticle; page?: PackedArticle; siteRoot?: string }
  | { kind: 'skipped' }
  | { kind: 'context'; site?: PackedArticle };

interface StoredFile {
  hash: string;
  explicit: boolean;
  outcome: StoredOutcome;
}

interface StoredContext {
  hash: string;
  site?: PackedArticle;
}

interface CacheFile {
  format: number;
  engine: string;
  key: string;
  environment: Lookup[];
  files: Record<string, StoredFile>;
  contexts: Record<string, StoredContext>;
}

export interface CacheSettings {
  /** The cache's folder. */
  folder: string;
  cwd: string;
  configFile?: string;
  reportUnusedDisables?: boolean;
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
  /** Bytes' hashes of the files looked up this run, for store(). */
  private readonly hashes = new Map<string, string>();
  /** Paths looked up this run: the others are pruned when their file is gone. */
  private readonly seen = new Set<string>();
  private changed = false;

  private constructor(
    private readonly settings: CacheSettings,
    private readonly file: string,
    private readonly key: string,
    private readonly data: CacheFile,
  ) {}

  /** The cache of these settings: what was stored, when it can still be trusted; else an empty one. */
  static async open(settings: CacheSettings): Promise<ResultCache> {
    const key = JSON.stringify({ cwd: settings.cwd, configFile: settings.configFile ?? null, reportUnusedDisables: Boolean(settings.reportUnusedDisables) });
    const file = path.join(settings.folder, `${digestOf(key).slice(0, 16)}.json`);
    const empty: CacheFile = { format: FORMAT, engine: engineFingerprint(), key, environment: [], files: {}, contexts: {} };
    const stored = readCacheFile(file);
    const trusted = stored && stored.format === FORMAT && stored.engine === empty.engine && stored.key === key && stillTrue(stored.environment);
    const cache = new ResultCache(settings, file, key, trusted ? stored : empty);
    // A stale or unreadable file is replaced even when this run checks nothing new.
    cache.changed = !trusted;
    return cache;
  }

  /**
   * The outcome stored for a task whose file has the same bytes, or undefined (then store() its
   * outcome). With --fix, a report with a fixable finding is checked again, to be fixed.
   */
  lookup(task: LintTask, fix: boolean): LintOutcome | undefined {
    this.seen.add(task.path);
    const hash = hashOfFile(task.path);
    if (hash === undefined) return undefined;
    this.hashes.set(task.path, hash);
    if (task.context) {
      const stored = this.data.contexts[contextKey(task)];
      return stored?.hash === hash ? { kind: 'context', site: stored.site } : undefined;
    }
    const stored = this.data.files[task.path];
    if (!stored || stored.hash !== hash || stored.explicit !== task.explicit) return undefined;
    const outcome = stored.outcome;
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
    const hash = outcome.kind === 'report' && outcome.fixed ? hashOfFile(task.path) : this.hashes.get(task.path);
    if (hash === undefined) return;
    if (task.context) {
      if (outcome.kind !== 'context') return;
      this.data.contexts[contextKey(task)] = { hash, ...(outcome.site ? { site: outcome.site } : {}) };
      this.changed = true;
      return;
    }
    let stored: StoredOutcome;
    if (outcome.kind === 'report') {
      const { report } = outcome;
      stored = { kind: 'report', diagnostics: [...report.diagnostics], stats: report.stats, profile: report.site ?? '', site: outcome.site, page: outcome.page, siteRoot: outcome.siteRoot };
    } else if (outcome.kind === 'skipped' || outcome.kind === 'context') {
      stored = outcome.kind === 'skipped' ? { kind: 'skipped' } : { kind: 'context', site: outcome.site };
    } else {
      delete this.data.files[task.path];
      this.changed = true;
      return;
    }
    this.data.files[task.path] = { hash, explicit: task.explicit, outcome: stored };
    this.changed = true;
  }

  /** What the checks of this run looked up: kept, to be looked up again before the next run trusts the entries. */
  addLookups(lookups: readonly Lookup[]): void {
    if (lookups.length === 0) return;
    const known = new Map(this.data.environment);
    for (const [key, digest] of lookups) {
      if (known.get(key) === digest) continue;
      known.set(key, digest);
      this.changed = true;
    }
    this.data.environment = [...known];
  }

  /**
   * Writes the cache when something changed, dropping the entries of files that are gone. Returns a
   * message when it cannot be written (a read-only folder): the run's results stand without it.
   */
  save(): string | undefined {
    for (const stored of [this.data.files, this.data.contexts]) {
      for (const key of Object.keys(stored)) {
        const file = key.split('\0')[0];
        if (this.seen.has(file) ? !this.hashes.has(file) : !fs.existsSync(file)) {
          delete stored[key];
          this.changed = true;
        }
      }
    }
    if (!this.changed) return undefined;
    const folder = this.settings.folder;
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(folder, { recursive: true });
      // The cache is never committed: everything in its folder is ignored.
      const ignore = path.join(folder, '.gitignore');
      if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n');
      fs.writeFileSync(temporary, JSON.stringify({ ...this.data, key: this.key }));
      fs.renameSync(temporary, this.file);
      this.changed = false;
      return undefined;
    } catch (error) {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing was written.
      }
      const code = (error as NodeJS.ErrnoException)?.code;
      const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : code ?? String((error as Error)?.message ?? error);
      return `cannot write the cache in ${displayPath(folder, this.settings.cwd)} (${why}); this run's results are complete, the next run checks every file again`;
    }
  }
}

function readCacheFile(file: string): CacheFile | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    const wellFormed = data !== null && typeof data === 'object' && Array.isArray(data.environment) && typeof data.files === 'object' && data.files !== null && typeof data.contexts === 'object' && data.contexts !== null;
    return wellFormed ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether every recorded lookup finds what it found then. */
function stillTrue(environment: readonly Lookup[]): boolean {
  const host = new NodeFileSystem();
  for (const entry of environment) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || host.digestNow(entry[0]) !== entry[1]) return false;
  }
  return true;
}

function hashOfFile(file: string): string | undefined {
  try {
    return digestOf(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

function contextKey(task: LintTask): string {
  return `${task.path}\0${task.siteRoot ?? ''}`;
}

