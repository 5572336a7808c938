#!/usr/bin/env node
// `npm test`: compile (tsc) and bundle (esbuild), then every suite: unit tests (mocha), the
// integration suite inside a real VS Code extension host, and the Playwright checks on that
// workbench. Each suite reports a JSON summary; the last line printed is the total,
// `N passed, N failed`. Exits non-zero when anything failed or when no test ran at all, or when
// the run changed a tracked file (screenshots and logs go to the git-ignored test-results/).
//
//   node scripts/test.mjs [--unit]     only compile + unit tests (no VS Code)
//
// Env: TEST_TIMEOUT (seconds for the VS Code run, default 1800).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, runWorkbenchTests } from './vscode-host.mjs';
import { prepareWebRun } from './vscode-host/web.mjs';

const unitOnly = process.argv.includes('--unit');
const bin = (name) => path.join(REPO, 'node_modules/.bin', name);
const suites = []; // { name, passes, failures, pending, note? }
const failedTitles = [];
const timings = [];

function banner(title) {
  console.log(`\n=== ${title} ===`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: REPO, stdio: 'inherit' });
  return result.status ?? 1;
}

async function timed(title, step) {
  banner(title);
  const started = Date.now();
  try {
    return await step();
  } finally {
    timings.push(`${title} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
}

/** Adds a suite's JSON summary; a missing summary is one failure (the suite crashed or never ran). */
function record(name, summary, whyMissing) {
  if (!summary) {
    suites.push({ name, passes: 0, failures: 1, pending: 0, note: whyMissing });
    failedTitles.push(`${name}: ${whyMissing}`);
    return;
  }
  suites.push({ name, passes: summary.passes, failures: summary.failures, pending: summary.pending ?? 0 });
  for (const test of summary.tests ?? []) if (test.state === 'failed') failedTitles.push(`${name}: ${test.title}`);
}

/** A build step that failed counts as a failure; build steps that pass are not tests. */
function recordBuildFailure(name, code) {
  suites.push({ name, passes: 0, failures: 1, pending: 0, note: `exit code ${code}` });
  failedTitles.push(`${name} failed (exit code ${code})`);
}

/** The tracked files' changes against HEAD (a hash of the diff): npm test must leave them as they were. */
function trackedState() {
  const result = spawnSync('git', ['diff', 'HEAD', '--binary'], { cwd: REPO, maxBuffer: 1 << 30 });
  return result.status === 0 ? createHash('sha1').update(result.stdout).digest('hex') : undefined;
}

const started = Date.now();
const trackedBefore = trackedState();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-authoring-test-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));

// tsc emits even with type errors, so the suites still run and the report shows everything.
const compiled = await timed('compile (tsc -p .)', () => run(bin('tsc'), ['-p', '.']));
if (compiled !== 0) recordBuildFailure('compile', compiled);
const built = await timed('bundle (esbuild)', () => run(process.execPath, ['scripts/build.mjs']));
if (built !== 0) recordBuildFailure('bundle', built);

await timed('unit tests (mocha)', () => {
  const statsFile = path.join(scratch, 'unit.json');
  const code = run(bin('mocha'), [
    '--config', '.mocharc.json',
    '--reporter', path.join(REPO, 'scripts/mocha-stats-reporter.cjs'),
    '--reporter-option', `statsFile=${statsFile}`, '--reporter-option', 'suite=unit',
  ]);
  const summary = fs.existsSync(statsFile) ? JSON.parse(fs.readFileSync(statsFile, 'utf8')) : undefined;
  record('unit', summary, `mocha exited with ${code} before reporting`);
});

if (!unitOnly) {
  await timed('integration tests + Playwright checks (real VS Code)', async () => {
    if (built !== 0) {
      record('integration', undefined, 'not run: the bundle failed to build');
      return;
    }
    try {
      const { code, integration, e2e } = await runWorkbenchTests({ artifacts: path.join(REPO, 'test-results') });
      record('integration', integration, `the extension host never reported (runner exit code ${code}); see test-results/integration.log`);
      record('e2e', e2e, `the Playwright checks never reported (runner exit code ${code})`);
      const reportedFailures = (integration?.failures ?? 1) + (e2e?.failures ?? 1);
      if (code !== 0 && reportedFailures === 0) {
        // E.g. the host crashed after the suites reported: never let that pass silently.
        record('vscode-run', undefined, `the VS Code run exited with code ${code}`);
      }
    } catch (error) {
      console.error(`[test] ${error instanceof Error ? error.message : error}`);
      record('integration', undefined, `could not run VS Code: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    }
  });
  // A second session on a multi-root workspace (test/integration/multiroot): its suite only.
  await timed('integration tests in a multi-root workspace (real VS Code)', async () => {
    if (built !== 0) {
      record('multi-root', undefined, 'not run: the bundle failed to build');
      return;
    }
    try {
      const { code, integration } = await runWorkbenchTests({
        artifacts: path.join(REPO, 'test-results'),
        fixture: 'test/integration/multiroot',
        workspaceFile: 'multiroot.code-workspace',
        grep: 'multi-root',
        e2e: false,
        label: 'multiroot',
      });
      record('multi-root', integration, `the extension host never reported (runner exit code ${code}); see test-results/integration-multiroot.log`);
      if (integration && integration.passes === 0) record('multi-root', undefined, 'no multi-root test ran (the workspace did not open with two folders?)');
      if (code !== 0 && (integration?.failures ?? 1) === 0) record('vscode-run', undefined, `the multi-root VS Code run exited with code ${code}`);
    } catch (error) {
      console.error(`[test] ${error instanceof Error ? error.message : error}`);
      record('multi-root', undefined, `could not run VS Code: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    }
  });
}

// A third session: the web build in the browser's web worker extension host (test/web).
if (!unitOnly) {
  await timed('web build in the web worker extension host (real VS Code)', async () => {
    if (built !== 0) {
      record('web', undefined, 'not run: the bundle failed to build');
      return;
    }
    try {
      const { extensionPath, testsPath } = await prepareWebRun(path.join(scratch, 'web'));
      const { code, integration } = await runWorkbenchTests({ artifacts: path.join(REPO, 'test-results'), tests: testsPath, extensionPath, e2e: false, label: 'web' });
      record('web', integration, `the web worker extension host never reported (runner exit code ${code}); see test-results/integration-web.log`);
      if (code !== 0 && (integration?.failures ?? 1) === 0) record('vscode-run', undefined, `the web VS Code run exited with code ${code}`);
    } catch (error) {
      console.error(`[test] ${error instanceof Error ? error.message : error}`);
      record('web', undefined, `could not run VS Code: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    }
  });
}

// Screenshots, logs and results belong in git-ignored folders (test-results/): a run that changed a
// tracked file is a failure, whatever the suites said.
const trackedAfter = trackedState();
if (trackedBefore !== undefined && trackedAfter !== trackedBefore) {
  const changed = spawnSync('git', ['diff', 'HEAD', '--name-only'], { cwd: REPO, encoding: 'utf8' }).stdout.trim().split('\n').join(', ');
  record('tracked-files', undefined, `the run changed tracked files (${changed})`);
}

const passed = suites.reduce((sum, suite) => sum + suite.passes, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failures, 0);
banner('summary');
for (const suite of suites) {
  const pending = suite.pending ? `, ${suite.pending} skipped` : '';
  console.log(`  ${suite.name.padEnd(12)} ${suite.passes} passed, ${suite.failures} failed${pending}${suite.note ? ` (${suite.note})` : ''}`);
}
for (const title of failedTitles) console.log(`  ✘ ${title}`);
console.log(`  time: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)}s`);
if (passed + failed === 0) console.log('  no test ran: that is a failure');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
