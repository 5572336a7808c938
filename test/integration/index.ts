/**
 * The integration suite's entry point (`extensionTestsPath`): runs the mocha suites in the extension
 * host. The same module serves scripts/vscode-host.mjs (VS Code server + Chromium, `npm test`) and
 * @vscode/test-electron (`npm run test:electron`), which both call `run()`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { GREP_ENV, RESULTS_ENV } from '../e2e/protocol';
import { closeAllEditorsDiscardingChanges } from './helpers';
import { workbench } from './workbench';

const REPO = path.resolve(__dirname, '../../..');
/** Must run first: it checks that nothing activated the extension before a Markdown file was opened. */
const FIRST_SUITE = 'activation.test.js';

function testFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) return testFiles(file);
      return entry.name.endsWith('.test.js') ? [file] : [];
    })
    .sort((a, b) => Number(path.basename(b) === FIRST_SUITE) - Number(path.basename(a) === FIRST_SUITE) || a.localeCompare(b));
}

export async function run(): Promise<void> {
  console.log(`VS Code ${vscode.version}, extension host Node ${process.version}`);
  const resultsDir = process.env[RESULTS_ENV] ?? path.join(REPO, 'test-results');
  fs.mkdirSync(resultsDir, { recursive: true });

  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    // Generous: the machine is shared and the workbench runs in a headless browser.
    timeout: 90_000,
    slow: 5_000,
    // The spec output (with its "N passing" line) and a JSON summary that npm test adds up.
    reporter: path.join(REPO, 'scripts/mocha-stats-reporter.cjs'),
    reporterOptions: { suite: 'integration', statsFile: path.join(resultsDir, 'integration.json') },
    ...(process.env[GREP_ENV] ? { grep: process.env[GREP_ENV] } : {}),
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));

  // The multi-root session needs no Playwright checks.
  if (workbench && !process.env.ARTICLE_AUTHORING_NO_E2E) {
    // Hand the still-running workbench to the Playwright checks (test/e2e), which act through its UI.
    await closeAllEditorsDiscardingChanges();
    await workbench.runE2eChecks();
  }
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
