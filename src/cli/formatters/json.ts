/** `--format json`: one array, in the shape docs/cli.md describes (findings, stats, reading ease and search widths). */
import type { FileReport } from '../report';

export function formatJson(reports: readonly FileReport[]): string {
  const output = reports.map((report) => ({
    file: report.file,
    site: report.site ?? 'generic',
    diagnostics: report.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
    })),
    stats: {
      words: report.stats.words,
      readingMinutes: report.stats.readingMinutes,
      keywordsUsed: report.stats.keywordsUsed,
      keywordsTotal: report.stats.keywordsTotal,
      faqQuestions: report.stats.faqQuestions,
      readability: report.stats.readability,
      titleWidth: report.stats.titleWidth,
      descriptionWidth: report.stats.descriptionWidth,
    },
  }));
  return `${JSON.stringify(output, null, 2)}\n`;
}
