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
import { checkSiteArticle, isInside, SiteModel } from '../core';
import { compareStrings, markdownFilesIn } from './discover';
import { displayPath, toDiagnostic, type LintOutcome } from './lint';
import { Engine } from './engine';
import { compareDiagnostics } from './report';

export class SiteFindings {
  private readonly site = new SiteModel();
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

  /** Takes an outcome's site entry (a checked article's or a context file's) into the model; the outcome lets it go. */
  readonly take = (outcome: LintOutcome): void => {
    if (outcome.kind === 'report' && outcome.page) {
      // A page given by name: a link target, with no site-wide findings of its own.
      this.site.insertPacked(outcome.page);
      outcome.page = undefined;
    }
    if ((outcome.kind !== 'report' && outcome.kind !== 'context') || !outcome.site) return;
    this.site.insertPacked(outcome.site);
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

  /** Adds each article's site-wide findings to its report, once every entry is in. */
  async addTo(cwd: string, configFile: string | undefined): Promise<void> {
    if (this.site.size === 0) return;
    const engine = new Engine(cwd, configFile);
    for (const [outcome, path] of this.paths) {
      if (outcome.kind !== 'report') continue;
      const { config } = await engine.configFor(path);
      const findings = await checkSiteArticle(this.site, path, {
        config,
        fs: engine.fs,
        displayPath: (path) => displayPath(path, cwd),
      });
      // A run over a single article reports no orphan (nothing else was read to link to it).
      const reported = this.paths.size === 1 ? findings.filter((finding) => finding.ruleId !== 'article-orphan') : findings;
      if (reported.length === 0) continue;
      const report = outcome.report;
      report.diagnostics = [...report.diagnostics, ...reported.map(toDiagnostic)].sort(compareDiagnostics);
    }
  }
}

/**
 * A search that fails (a folder that cannot be read) leaves the site's other files out; caught at
 * once, as the run may await it only much later.
 */
function settled(search: Promise<string[]>): Promise<string[]> {
  return search.catch(() => []);
}
