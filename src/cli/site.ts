/**
 * The site-wide rules for the CLI: each article's entry (sent back by the workers) goes into the
 * site model as soon as it arrives, so a run over 100,000 files never holds them all unpacked; once
 * every file is checked, each article gets its site-wide findings, added to its report. Messages
 * name other articles by their path as the report shows it.
 */
import { checkSiteArticle } from '../core/site/check';
import { SiteModel } from '../core/site/model';
import { displayPath, toDiagnostic, type LintOutcome } from './lint';
import { Engine } from './engine';
import { compareDiagnostics } from './report';

export class SiteFindings {
  private readonly site = new SiteModel();
  /** Each report's article path in the model. */
  private readonly paths = new Map<LintOutcome, string>();

  /** Takes an outcome's site entry into the model (the outcome lets it go). */
  readonly take = (outcome: LintOutcome): void => {
    if (outcome.kind !== 'report' || !outcome.site) return;
    this.site.insertPacked(outcome.site);
    this.paths.set(outcome, outcome.site.path);
    outcome.site = undefined;
  };

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
      if (findings.length === 0) continue;
      const report = outcome.report;
      report.diagnostics = [...report.diagnostics, ...findings.map(toDiagnostic)].sort(compareDiagnostics);
    }
  }
}
