/**
 * Running the site-wide rules (section 7) for one article against the site model: the CLI calls it
 * for every article once the model holds them all, the editor for each article a change affects.
 */
import type { ResolvedConfig } from '../config/config';
import { ruleConfig } from '../config/config';
import { siteRuleRegistry } from '../rules/index';
import type { SiteRuleReport } from '../rules/rule';
import type { FileSystemHost, Finding } from '../types';
import type { SiteModel } from '../site/model';

export interface SiteCheckOptions {
  /** The article's configuration (severities and options); defaults when absent. */
  config?: ResolvedConfig;
  fs?: FileSystemHost;
  /** Compute the closest targets of broken links as fixes (the editor's quick fixes). */
  withFixes?: boolean;
  /** How messages name another article; by default its path below the site's root. */
  displayPath?: (path: string) => string;
}

/** The site-wide findings of one article of the model, sorted by position (none when it is not in the model). */
export async function checkSiteArticle(site: SiteModel, path: string, options: SiteCheckOptions = {}): Promise<Finding[]> {
  const article = site.get(path);
  if (!article) return [];
  const findings: Finding[] = [];
  const displayPath = options.displayPath ?? ((other: string) => site.get(other)?.relativePath ?? other);
  for (const rule of siteRuleRegistry) {
    const { severity, options: ruleOptions } = ruleConfig(options.config, rule.id);
    if (severity === 'off') continue;
    const report = (found: SiteRuleReport) => {
      const { range } = found;
      const finding: Finding = {
        ruleId: rule.id,
        severity,
        message: found.message,
        start: range.start,
        end: range.end,
        line: range.line,
        column: range.column,
        endLine: range.endLine,
        endColumn: range.endColumn,
      };
      if (found.fixes?.length) {
        finding.fix = found.fixes[0];
        if (found.fixes.length > 1) finding.alternatives = found.fixes.slice(1);
      }
      findings.push(finding);
    };
    try {
      await rule.check({ site, article, options: ruleOptions, fs: options.fs, withFixes: options.withFixes ?? false, displayPath, report });
    } catch (error) {
      report({ range: article.firstLine, message: `Internal error in rule ${rule.id}: ${(error as Error).message}` });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
