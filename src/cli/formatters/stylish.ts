/**
 * `--format stylish` (the default): findings grouped by file as `line:column  severity  message
 * rule-id`, then a summary line. Colour only when asked for (a TTY without NO_COLOR).
 */
import { totals, type FileReport } from '../report';

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
} as const;

type Style = keyof typeof ANSI;

/** Lines are padded to fit this many columns (a terminal's own width when known). */
const DEFAULT_COLUMNS = 100;

export function formatStylish(reports: readonly FileReport[], options: { color: boolean; columns?: number }): string {
  const columns = options.columns ?? DEFAULT_COLUMNS;
  const paint = (text: string, ...styles: Style[]) =>
    options.color && styles.length > 0 ? `${styles.map((s) => ANSI[s]).join('')}${text}${ANSI.reset}` : text;
  const severityStyle = { error: 'red', warning: 'yellow', info: 'blue' } as const;

  let output = '';
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    const rows = report.diagnostics.map((d) => ({
      position: `${d.line}:${d.column}`,
      severity: d.severity,
      message: d.message.replace(/\s*[\r\n]+\s*/g, ' '),
      ruleId: d.ruleId,
    }));
    const widths = {
      position: Math.max(...rows.map((r) => r.position.length)),
      severity: Math.max(...rows.map((r) => r.severity.length)),
      message: Math.max(...rows.map((r) => r.message.length)),
    };
    // The rule ids line up as long as that fits the width; a longer message just pushes its id on.
    const ruleIdWidth = Math.max(...rows.map((r) => r.ruleId.length));
    widths.message = Math.min(widths.message, Math.max(0, columns - (2 + widths.position + 2 + widths.severity + 2 + 2 + ruleIdWidth)));
    output += `\n${paint(report.file, 'underline')}\n`;
    for (const row of rows) {
      output +=
        `  ${paint(row.position.padEnd(widths.position), 'dim')}` +
        `  ${paint(row.severity.padEnd(widths.severity), severityStyle[row.severity])}` +
        `  ${row.message.padEnd(widths.message)}` +
        `  ${paint(row.ruleId, 'dim')}\n`;
    }
  }

  const count = totals(reports);
  const problems = count.errors + count.warnings + count.infos;
  const files = `${reports.length} ${plural(reports.length, 'file')} checked`;
  if (reports.length === 0) return `${output}${paint('✖ No file could be checked', 'red', 'bold')}\n`;
  if (problems === 0) return `${output}${paint(`✔ No problems (${files})`, 'green', 'bold')}\n`;

  const summary =
    `✖ ${problems} ${plural(problems, 'problem')} ` +
    `(${count.errors} ${plural(count.errors, 'error')}, ${count.warnings} ${plural(count.warnings, 'warning')}, ` +
    `${count.infos} ${plural(count.infos, 'info')})`;
  const summaryStyle: Style = count.errors > 0 ? 'red' : count.warnings > 0 ? 'yellow' : 'blue';
  output += `\n${paint(summary, summaryStyle, 'bold')}\n`;
  const fixable = count.fixableErrors + count.fixableWarnings + count.fixableInfos;
  if (fixable > 0) {
    output += paint(`  ${fixable} ${plural(fixable, 'problem')} can be fixed with the --fix option.`, summaryStyle) + '\n';
  }
  return output;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
