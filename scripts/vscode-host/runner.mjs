// A test run: a fresh copy of the fixture workspace, a server, and the workbench runner
// (test/e2e/workbenchRunner.ts, in Chromium) that opens the workbench with the integration suite and
// then hands it to the Playwright checks; the suites' JSON summaries and the logs come back.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled } from './install.mjs';
import { CHROMIUM, CODE_SERVER_VERSION, REPO, onExit, say } from './process.mjs';
import { startServer, workbenchUrl } from './server.mjs';

/**
 * The integration suite in the extension host, then the Playwright checks, in one workbench session.
 * Returns the runner's exit code and each suite's JSON summary (undefined when a suite never reported).
 * Screenshots and logs go to `artifacts`; everything else is private to this run.
 *
 * `fixture` is the folder copied as the workspace (relative to the repo, or absolute); with
 * `workspaceFile` (a .code-workspace file in it) the workbench opens that multi-root workspace
 * instead. `e2e: false` runs the suite only, and `label` names its logs in `artifacts`
 * (integration-<label>.log). `tests` is the compiled `extensionTestsPath` (a folder with index.js,
 * or a module with `run()`), relative to the repo (or absolute). `extensionPath`: the extension under
 * development (default: the checkout). `keep`: names of files the tests write beside the workspace
 * folder (through `vscode.workspace.fs`, the only way out of a web worker), copied into `artifacts`
 * before the run's folder is deleted.
 */
export async function runWorkbenchTests({
  artifacts = path.join(REPO, 'test-results'),
  timeoutSeconds,
  grep,
  fixture = 'test/integration/workspace',
  workspaceFile,
  e2e = true,
  label,
  tests = 'out/test/integration',
  extensionPath,
  keep = [],
} = {}) {
  const testsPath = path.resolve(REPO, tests);
  const runner = path.join(REPO, 'out/test/e2e/workbenchRunner.js');
  const testsModule = testsPath.endsWith('.js') ? testsPath : path.join(testsPath, 'index.js');
  for (const required of [testsModule, runner, path.join(REPO, 'dist/extension.js')]) {
    if (!fs.existsSync(required)) throw new Error(`${path.relative(REPO, required)} is missing: compile and build first (npm run compile)`);
  }
  const { vscodeVersion } = ensureInstalled();

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-authoring-run-'));
  const removeRunDir = onExit(() => fs.rmSync(runDir, { recursive: true, force: true }));
  fs.mkdirSync(artifacts, { recursive: true });
  // A fresh copy of the fixture workspace: no run can leave the repo's fixtures edited.
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.resolve(REPO, fixture), workspace, { recursive: true });
  // The small site of each generator (test/fixtures/sites) goes in as sites/<generator>/.
  if (fixture === 'test/integration/workspace') fs.cpSync(path.join(REPO, 'test/fixtures/sites'), path.join(workspace, 'sites'), { recursive: true });
  const channel = path.join(runDir, 'channel');
  fs.mkdirSync(channel);

  const serverLog = path.join(runDir, 'vscode-server.log');
  // The extension host inherits the server's environment: that is how the suite finds the runner.
  const server = await startServer({
    logFile: serverLog,
    env: {
      ARTICLE_AUTHORING_WORKBENCH_CHANNEL: channel,
      ARTICLE_AUTHORING_TEST_RESULTS: runDir,
      ...(grep ? { ARTICLE_AUTHORING_TEST_GREP: grep } : {}),
      ...(e2e ? {} : { ARTICLE_AUTHORING_NO_E2E: '1' }),
    },
  });
  say(`VS Code server ${vscodeVersion} (code-server ${CODE_SERVER_VERSION}) on port ${server.port}`);
  try {
    const url = workbenchUrl({
      ...server,
      folder: workspace,
      workspaceFile: workspaceFile && path.join(workspace, workspaceFile),
      extensionTestsPath: testsPath,
      extensionPath,
    });
    const args = [
      runner, '--url', url, '--chromium', CHROMIUM, '--channel', channel, '--folder', workspace,
      ...(e2e ? [] : ['--no-e2e']),
      '--results', runDir, '--screenshots', path.join(artifacts, 'screenshots'),
      '--timeout', String(timeoutSeconds ?? process.env.TEST_TIMEOUT ?? 1800),
      ...(process.env.VSCODE_HOST_VERBOSE ? ['--verbose'] : []),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    const forget = onExit(() => child.kill('SIGTERM'));
    const code = await new Promise((resolve) => child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 130 : 1))));
    forget();
    const readSummary = (name) => {
      const file = path.join(runDir, `${name}.json`);
      return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
    };
    return { code, integration: readSummary('integration'), e2e: readSummary('e2e') };
  } finally {
    server.stop();
    for (const log of ['vscode-server.log', 'integration.log']) {
      const kept = label ? log.replace('.log', `-${label}.log`) : log;
      if (fs.existsSync(path.join(runDir, log))) fs.copyFileSync(path.join(runDir, log), path.join(artifacts, kept));
    }
    for (const name of keep) {
      if (fs.existsSync(path.join(runDir, name))) fs.copyFileSync(path.join(runDir, name), path.join(artifacts, name));
    }
    removeRunDir();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

