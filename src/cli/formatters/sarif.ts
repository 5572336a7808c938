/**
 * `--format sarif`: a SARIF 2.1.0 log, as GitHub code scanning and other SARIF viewers read it.
 * Every rule of the registry is described in tool.driver.rules (results point at it by ruleIndex);
 * paths are relative to %SRCROOT%, the working directory; columns are UTF-16 code units.
 */
import { pathToFileURL } from 'node:url';
import { pathBelow, type Severity } from '../../core';
import { PROJECT_URL, TOOL_NAME, TOOL_VERSION, ruleDocsUrl } from '../meta';
import type { FileReport, RuleInfo } from '../report';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(severity: Severity | 'off'): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'info' ? 'note' : 'none';
}

export function formatSarif(reports: readonly FileReport[], rules: readonly RuleInfo[], cwd: string): string {
  const ruleList = [...rules];
  const ruleIndex = new Map(ruleList.map((rule, index) => [rule.id, index]));
  // A finding from a rule the registry does not list (should not happen) still gets a descriptor.
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) {
      if (!ruleIndex.has(diagnostic.ruleId)) {
        ruleIndex.set(diagnostic.ruleId, ruleList.length);
        ruleList.push({ id: diagnostic.ruleId, defaultSeverity: diagnostic.severity, description: diagnostic.ruleId });
      }
    }
  }

  const artifacts = reports.map((report) => artifactLocation(report.absolutePath, cwd));
  const results = reports.flatMap((report, artifactIndex) =>
    report.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId)!,
      level: sarifLevel(d.severity),
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...artifacts[artifactIndex], index: artifactIndex },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
    })),
  );

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: PROJECT_URL,
            rules: ruleList.map((rule) => ({
              id: rule.id,
              name: pascalCase(rule.id),
              shortDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              help: { text: `${rule.description} See ${ruleDocsUrl(rule.id)}` },
              defaultConfiguration: { level: sarifLevel(rule.defaultSeverity), enabled: rule.defaultSeverity !== 'off' },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        artifacts: artifacts.map((location) => ({ location })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative URI under %SRCROOT% for files inside the working directory, else an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const below = pathBelow(cwd, file);
  if (!below) return { uri: pathToFileURL(file).href };
  return { uri: below.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
}
