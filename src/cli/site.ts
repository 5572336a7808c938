/**
 * The site-wide rules for the CLI: once every file is checked, the site model is built from the
 * articles' entries (sent back by the workers) and each article gets its site-wide findings, added
 * to its report. Messages name other articles by their path as the report shows it.
 */
import { checkSiteArticle } from '../core/site/check';
import { SiteModel } from '../core/site/model';
import { displayPath, toDiagnostic, type LintOutcome } from './lint';
import { Engine } from './engine';
import { compareDiagnostics } from './report';

export async function addSiteFindings(outcomes: readonly LintOutcome[], cwd: string, configFile: string | undefined): Promise<void> {
  const site = new SiteModel();
  // The model keeps its own compact copy of each entry: the outcomes let theirs go.
  const paths = new Map<LintOutcome, string>();
  for (const outcome of outcomes) {
    if (outcome.kind !== 'report' || !outcome.site) continue;
    site.set(outcome.site);
    paths.set(outcome, outcome.site.path);
    outcome.site = undefined;
  }
  if (site.size === 0) return;
  const engine = new Engine(cwd, configFile);
  for (const [outcome, path] of paths) {
    if (outcome.kind !== 'report') continue;
    const { config } = await engine.configFor(path);
    const findings = await checkSiteArticle(site, path, {
      config,
      fs: engine.fs,
      displayPath: (path) => displayPath(path, cwd),
    });
    if (findings.length === 0) continue;
    const report = outcome.report;
    report.diagnostics = [...report.diagnostics, ...findings.map(toDiagnostic)].sort(compareDiagnostics);
  }
}
