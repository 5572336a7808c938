/**
 * The site-wide rules for the CLI: each article's entry (sent back by the workers) goes into the
 * site model as soon as it arrives, so a run over 100,000 files never holds them all unpacked; once
 * every file is checked, each article gets its site-wide findings, added to its report. Messages
 * name other articles by their path as the report shows it.
 *
 * A run over some of a site's files reads the site's other articles too (for the model only, never
 * reported): a link to an article the run was not given is not broken, a link from one counts
 * against an orphan, and a title another article already has is a duplicate, as in the editor. A
 * site is a generator's (found by its marker files) or a configuration file's folder; a bare folder
 * of Markdown files is only the paths given.
 */
import { checkSiteArticle, isInside, movedOnly, SiteModel, unpack, type PackedArticle } from '../core';
import type { PreviousSite, SiteResult } from './cache';
import { compareStrings, markdownFilesIn } from './discover';
import { displayPath, toDiagnostic, type LintOutcome } from './lint';
import { Engine } from './engine';
import type { Lookup } from './node-fs';
import { compareDiagnostics, type Diagnostic, type FileReport } from './report';

export class SiteFindings {
  private site = new SiteModel();
  /**
   * Entries held back from the model until addTo (see deferModel): when the site-wide findings
   * come from the result cache, no model is built at all.
   */
  private pending: PackedArticle[] | undefined;
  /** Each report's article path in the model. */
  private readonly paths = new Map<LintOutcome, string>();
  /**
   * The Markdown files of each site folder of the articles checked, where a generator or a
   * configuration file defines one (see Analysis.siteRoot), searched as soon as the first of its
   * articles comes back: the search runs while the workers check the rest.
   */
  private readonly siteFiles = new Map<string, Promise<string[]>>();
  /** The Markdown files of each site's content folders outside its own folder (Docusaurus `path: '../docs'`), by site. */
  private readonly outsideFiles = new Map<string, Promise<string[]>>();

  /**
   * `searchedFolders`: the folders the run checks whole; a site inside one has no file left to read.
   * `outsideFolders`: a site's content folders outside its own folder.
   */
  constructor(
    private readonly searchedFolders: readonly string[] = [],
    private readonly outsideFolders?: (root: string) => Promise<string[]>,
  ) {}

  /** Holds the entries taken from now on until addTo builds the model. */
  deferModel(): void {
    this.pending ??= [];
  }

  private insert(packed: PackedArticle): void {
    if (this.pending) this.pending.push(packed);
    else this.site.insertPacked(packed);
  }

  /** The paths of the articles that get site-wide findings. */
  reportPaths(): string[] {
    return [...this.paths.values()];
  }

  /** Adds site-wide findings found earlier (by article path, as addTo returns them) instead of computing them. */
  addStored(findings: Readonly<Record<string, readonly Diagnostic[]>>): void {
    for (const [outcome, path] of this.paths) {
      if (outcome.kind === 'report') this.report(outcome.report, findings[path] ?? []);
    }
  }

  /** Adds an article's site-wide findings to its report. */
  private report(report: FileReport, found: readonly Diagnostic[]): void {
    // A run over a single article reports no orphan (nothing else was read to link to it).
    const reported = this.paths.size === 1 ? found.filter((diagnostic) => diagnostic.ruleId !== 'article-orphan') : found;
    if (reported.length === 0) return;
    report.diagnostics = [...report.diagnostics, ...reported.map((diagnostic) => ({ ...diagnostic }))].sort(compareDiagnostics);
  }

  /** Takes an outcome's site entry (a checked article's or a context file's) into the model; the outcome lets it go. */
  readonly take = (outcome: LintOutcome): void => {
    if (outcome.kind === 'report' && outcome.page) {
      // A page given by name: a link target, with no site-wide findings of its own.
      this.insert(outcome.page);
      outcome.page = undefined;
    }
    if ((outcome.kind !== 'report' && outcome.kind !== 'context') || !outcome.site) return;
    this.insert(outcome.site);
    if (outcome.kind === 'report') {
      this.paths.set(outcome, outcome.site.path);
      const root = outcome.siteRoot;
      if (root !== undefined && !this.siteFiles.has(root)) {
        const searched = this.searchedFolders.some((folder) => isInside(root, folder));
        this.siteFiles.set(root, searched ? Promise.resolve([]) : settled(markdownFilesIn(root)));
        if (this.outsideFolders) {
          const folders = this.outsideFolders(root);
          this.outsideFiles.set(root, settled(folders.then(async (list) => (await Promise.all(list.map((folder) => settled(markdownFilesIn(folder))))).flat())));
        }
      }
    }
    outcome.site = undefined;
  };

  /**
   * The Markdown files of the checked articles' sites that the run did not check (`checked`: every
   * path it looked at), to be read as context; a file outside its site's folder with that site's root.
   */
  async contextFiles(checked: ReadonlySet<string>): Promise<{ path: string; siteRoot?: string }[]> {
    const files = new Map<string, string | undefined>();
    for (const search of this.siteFiles.values()) for (const file of await search) if (!checked.has(file)) files.set(file, undefined);
    for (const [root, search] of this.outsideFiles) for (const file of await search) if (!checked.has(file) && !files.has(file)) files.set(file, root);
    return [...files.keys()].sort(compareStrings).map((path) => ({ path, ...(files.get(path) !== undefined ? { siteRoot: files.get(path) } : {}) }));
  }

  /**
   * Adds each article's site-wide findings to its report, once every entry is in. With a result
   * cache (`stored`): the last run's model is made again from its lookups and updated with the
   * entries that changed, and only the articles those changes affect are checked again; returns
   * what the cache keeps (the findings by article path, what each entry came from, the model).
   */
  async addTo(cwd: string, configFile: string | undefined, stored?: StoredSite): Promise<SiteResult> {
    const pending = this.pending;
    this.pending = undefined;
    // Only prose moved in the files that changed: the last run's findings stand, moved with their places.
    const moved = pending && stored ? this.movedFindings(pending, stored) : undefined;
    if (moved) {
      for (const [outcome, path] of this.paths) if (outcome.kind === 'report') this.report(outcome.report, moved[path]);
      const entries: Record<string, string> = {};
      for (const packed of pending!) entries[packed.path] = stored!.identityOf(packed.path) ?? '';
      return { findings: moved, entries, fromStoredModel: true };
    }
    // Entries not held back are in the model already: it is not made again.
    const { model, affected } = pending ? this.updatedModel(pending, stored) : { model: this.site, affected: undefined };
    // `affected` is known only when the stored model was made again.
    this.site = model;
    const findings: Record<string, Diagnostic[]> = {};
    const previous = stored?.previous;
    if (previous && affected) {
      // What the changes leave alone keeps its findings, reported in this run or not.
      for (const [path, found] of Object.entries(previous.findings)) if (!affected.has(path) && model.has(path)) findings[path] = [...found];
    }
    const entries: Record<string, string> = {};
    if (stored) for (const path of model.paths()) entries[path] = stored.identityOf(path) ?? '';
    const engine = new Engine(cwd, configFile);
    if (stored?.onLookups) engine.fs.recordLookups();
    for (const [outcome, path] of this.paths) {
      if (outcome.kind !== 'report') continue;
      if (!(path in findings)) {
        const { config } = await engine.configFor(path);
        const found = await checkSiteArticle(model, path, { config, fs: engine.fs, displayPath: (path) => displayPath(path, cwd) });
        findings[path] = found.map(toDiagnostic);
      }
      this.report(outcome.report, findings[path]);
    }
    stored?.onLookups?.(engine.fs.takeLookups());
    return { findings, entries, snapshot: () => model.snapshot(), fromStoredModel: affected !== undefined };
  }

  /**
   * The last run's site-wide findings, when the entries that changed since differ only in where
   * things stand (see movedOnly): the same for every other article, and moved with their places for
   * those; undefined when an entry says something new, a file came or went, or an article reported
   * now was not then.
   */
  private movedFindings(pending: readonly PackedArticle[], stored: StoredSite): Record<string, readonly Diagnostic[]> | undefined {
    const previous = stored.previous;
    if (!previous || pending.length !== Object.keys(previous.entries).length) return undefined;
    const findings: Record<string, readonly Diagnostic[]> = { ...previous.findings };
    for (const packed of pending) {
      const was = previous.entries[packed.path];
      if (was === undefined) return undefined;
      if (stored.identityOf(packed.path) === was) continue;
      const before = previous.packedOf(packed.path);
      const moves = before && movedOnly(unpack(before), unpack(packed));
      if (!moves) return undefined;
      const found = previous.findings[packed.path];
      if (!found) continue;
      const movedHere: Diagnostic[] = [];
      for (const diagnostic of found) {
        const place = moves(diagnostic);
        if (!place) return undefined;
        movedHere.push({ ...diagnostic, ...place });
      }
      findings[packed.path] = movedHere;
    }
    for (const path of this.paths.values()) if (!Object.prototype.hasOwnProperty.call(findings, path)) return undefined;
    return findings;
  }

  /**
   * The site model of this run's entries: the stored one brought up to date with every entry that
   * changed since it was taken (and the paths whose site-wide findings those changes may change), or
   * one made from every entry.
   */
  private updatedModel(pending: readonly PackedArticle[], stored: StoredSite | undefined): { model: SiteModel; affected?: Set<string> } {
    const previous = stored?.previous?.model();
    const restored = previous && SiteModel.restore(previous.snapshot, previous.packedOf);
    if (!restored) {
      for (const packed of pending) this.site.insertPacked(packed);
      return { model: this.site };
    }
    const affected = new Set<string>();
    const current = new Set<string>();
    for (const packed of pending) {
      current.add(packed.path);
      const made = stored!.identityOf(packed.path);
      if (made !== undefined && previous.entries[packed.path] === made) continue;
      for (const path of restored.set(unpack(packed))) affected.add(path);
    }
    for (const path of Object.keys(previous.entries)) if (!current.has(path)) for (const other of restored.delete(path)) affected.add(other);
    return { model: restored, affected };
  }
}

/** What the result cache gives and takes for the site-wide findings. */
export interface StoredSite {
  previous?: PreviousSite;
  /** What the entry at a path came from in this run. */
  identityOf(path: string): string | undefined;
  onLookups?: (lookups: readonly Lookup[]) => void;
}

/**
 * A search that fails (a folder that cannot be read) leaves the site's other files out; caught at
 * once, as the run may await it only much later.
 */
function settled(search: Promise<string[]>): Promise<string[]> {
  return search.catch(() => []);
}
