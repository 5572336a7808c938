/**
 * `--format github`: one GitHub Actions workflow command per finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the runner turns
 * into annotations on the pull request's changed lines. Infos are notices. Nothing else is printed.
 */
import type { Severity } from '../../core';
import { TOOL_NAME } from '../meta';
import type { FileReport } from '../report';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(reports: readonly FileReport[]): string {
  let output = '';
  for (const report of reports) {
    for (const d of report.diagnostics) {
      const properties = [
        `file=${escapeProperty(report.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`${TOOL_NAME} (${d.ruleId})`)}`,
      ];
      output += `::${COMMANDS[d.severity]} ${properties.join(',')}::${escapeData(d.message)}\n`;
    }
  }
  return output;
}

/** A command's message: the runner reads `%`, CR and LF encoded, so a message stays one line. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property's value: as a message, and `:` and `,` too, which end a value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
