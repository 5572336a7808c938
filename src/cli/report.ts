/** What the CLI found, file by file: the input of every output format. */
import type { ArticleStats, Severity } from '../core';

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based; columns in UTF-16 code units; endColumn exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** `--fix` would change it (a safe fix exists). */
  fixable: boolean;
}

export interface FileReport {
  /** Path relative to the working directory, with `/` separators (absolute when outside it). */
  file: string;
  absolutePath: string;
  diagnostics: Diagnostic[];
  stats: ArticleStats;
  /** The site profile the file was checked with (`hugo`, `jekyll`, … or `generic`). */
  site?: string;
}

/** What the SARIF output says about each rule. */
export interface RuleInfo {
  id: string;
  defaultSeverity: Severity | 'off';
  description: string;
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
  fixableInfos: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const result: Totals = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, fixableInfos: 0 };
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) {
      if (diagnostic.severity === 'error') {
        result.errors++;
        if (diagnostic.fixable) result.fixableErrors++;
      } else if (diagnostic.severity === 'warning') {
        result.warnings++;
        if (diagnostic.fixable) result.fixableWarnings++;
      } else {
        result.infos++;
        if (diagnostic.fixable) result.fixableInfos++;
      }
    }
  }
  return result;
}

/** Diagnostics in reading order: by position, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/**
 * One copy of the strings many reports repeat (rule ids, severities, site names, messages such as
 * faq-missing's): a report from a worker arrives with copies of its own, and a run over 100,000
 * files keeps every report until the end.
 */
export class ReportStrings {
  private readonly strings = new Map<string, string>();

  take(report: FileReport): void {
    if (report.site !== undefined) report.site = this.one(report.site);
    for (const diagnostic of report.diagnostics) {
      diagnostic.ruleId = this.one(diagnostic.ruleId);
      diagnostic.severity = this.one(diagnostic.severity) as Severity;
      diagnostic.message = this.one(diagnostic.message);
    }
  }

  private one(value: string): string {
    const found = this.strings.get(value);
    if (found !== undefined) return found;
    // Messages that name a file or a link are seldom repeated: keeping them all would only grow the map.
    if (this.strings.size < 10_000) this.strings.set(value, value);
    return value;
  }
}
