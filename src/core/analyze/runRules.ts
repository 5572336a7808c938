/**
 * The one rule runner, for the article rules and the site-wide rules alike: each rule of the
 * registry that the configuration does not turn off runs with its options; a rule that throws reports
 * an internal error on the article instead of taking the other rules down; findings come back in
 * reading order.
 */
import { ruleConfig, type ResolvedConfig } from '../config/config';
import type { RuleMeta } from '../rules/rule';
import type { Finding, Severity } from '../types';

export interface RuleRun<R extends RuleMeta, Report> {
  /** Whether the rule does not apply to this article (a list page, a frontmatter that did not parse). */
  skip?(rule: R): boolean;
  check(rule: R, options: Readonly<Record<string, unknown>>, report: (found: Report) => void): void | Promise<void>;
  toFinding(rule: R, severity: Severity, found: Report): Finding;
  /** What a rule that threw reports. */
  internalError(message: string): Report;
}

export async function runRules<R extends RuleMeta, Report>(rules: readonly R[], config: ResolvedConfig, run: RuleRun<R, Report>): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const { severity, options } = ruleConfig(config, rule.id);
    if (severity === 'off' || run.skip?.(rule)) continue;
    const report = (found: Report) => findings.push(run.toFinding(rule, severity, found));
    try {
      await run.check(rule, options, report);
    } catch (error) {
      report(run.internalError(`Internal error in rule ${rule.id}: ${(error as Error).message}`));
    }
  }
  return findings.sort(compareFindings);
}

/** Reading order: by position, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
