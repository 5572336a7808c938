/**
 * The site-wide rules for one article against the site model: the CLI runs them for every article
 * once the model holds them all, the editor for each article a change affects.
 */
import { defaultConfig, type ResolvedConfig } from '../config/config';
import { allRules, siteRuleRegistry } from '../rules/index';
import { runRules } from './runRules';
import { isDisabled } from '../facts/disableComments';
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

/** The site-wide findings of one article or page of the model, sorted by position (none when it is not in the model). */
export async function checkSiteArticle(site: SiteModel, path: string, options: SiteCheckOptions = {}): Promise<Finding[]> {
  const article = site.get(path);
  if (!article) return [];
  const displayPath = options.displayPath ?? ((other: string) => site.get(other)?.relativePath ?? other);
  const findings = await runRules(siteRuleRegistry, options.config ?? defaultConfig(allRules), {
    // A page (about, docs, archives) gets no article rule: it is never an orphan.
    skip: (rule) => Boolean(rule.articlesOnly && article.page),
    check: (rule, ruleOptions, report) => rule.check({ site, article, options: ruleOptions, fs: options.fs, withFixes: options.withFixes ?? false, displayPath, report }),
    toFinding: (rule, severity, found: SiteRuleReport) => {
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
      return finding;
    },
    internalError: (message) => ({ range: article.firstLine, message }),
  });
  // What the author turned off with a disable comment is not reported.
  const disables = article.disables;
  return disables ? findings.filter((finding) => !isDisabled(disables, finding.ruleId, finding.line)) : findings;
}
