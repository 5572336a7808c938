// The rules table of docs/cli.md, written from the rule registry: `npm run rules-table` rewrites
// the lines between its two markers after `tsc`; the unit tests check that the table is up to date.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const TABLE_START = '<!-- rules table: written by npm run rules-table -->';
export const TABLE_END = '<!-- end of rules table -->';

const FIXABLE = { fix: 'yes (`--fix`)', 'quick-fix': 'quick fix only' };

/** Text for a table cell: no raw HTML (`<img>`) and no column break. */
const cell = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');

export function rulesTable(rules) {
  const rows = rules.map((rule) => {
    const scope = [rule.scope === 'site' ? 'site-wide' : '', rule.articlesOnly ? 'articles only' : ''].filter(Boolean).join(', ');
    return `| [${rule.id}](rules/${rule.id}.md) | ${rule.defaultSeverity} | ${FIXABLE[rule.fixable] ?? ''} | ${scope} | ${cell(rule.description)} |`;
  });
  return ['| id | default | fixable | runs on | what it finds |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The document with its table replaced (or undefined when the markers are missing). */
export function withRulesTable(document, rules) {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start === -1 || end < start) return undefined;
  return `${document.slice(0, start + TABLE_START.length)}\n\n${rulesTable(rules)}\n\n${document.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const require = createRequire(import.meta.url);
  const { allRules } = require('../out/src/core/index.js');
  const target = fileURLToPath(new URL('../docs/cli.md', import.meta.url));
  const written = withRulesTable(readFileSync(target, 'utf8'), allRules);
  if (written === undefined) throw new Error(`${target} has no rules table markers`);
  writeFileSync(target, written);
  console.log(`wrote the rules table of ${target}`);
}
