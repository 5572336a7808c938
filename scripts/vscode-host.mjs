#!/usr/bin/env node
// A real VS Code for tests and demos without downloading the desktop build: the VS Code server that
// ships in the npm package `code-server`, run with Node 24 from npm, driven by Debian's Chromium
// through playwright-core. Everything is installed once into ./.vscode-test (git-ignored).
// This file is the command line; the parts are in scripts/vscode-host/: install.mjs (what is
// installed, once), server.mjs (start and stop the server, the workbench URL), runner.mjs (a test
// run), process.mjs (paths and cleanup they share).
//
//   node scripts/vscode-host.mjs install   install what is missing (idempotent)
//   node scripts/vscode-host.mjs test      run out/test/integration (mocha) in the extension host,
//                                          plus the Playwright checks of test/e2e; exit = result
//                                          [--grep PATTERN] only the integration tests matching
//                                          [--tests PATH] another compiled extensionTestsPath
//                                          [--no-e2e] no Playwright checks
//                                          [--folder DIR] copy DIR as the workspace instead of
//                                          test/integration/workspace (the bench's generated site)
//                                          [--web] the web build in the web worker host (test/web)
//                                          [--web-entry FILE] with --web: this module (exporting run())
//                                            bundled for the worker instead of test/web/index.ts
//                                          [--keep NAME,…] files the tests write beside the workspace
//                                            folder, copied into the artifacts folder
//                                          [--artifacts DIR] logs and kept files (test-results)
//   node scripts/vscode-host.mjs demo      serve the extension with examples/workspace until Ctrl-C
//                                          [--port N] [--host ADDR] [--folder DIR]
//
// Env: CHROMIUM (/usr/bin/chromium), VSCODE_HOST_CACHE (.vscode-test), TEST_TIMEOUT (seconds, 1800),
//      VSCODE_HOST_VERBOSE=1 (workbench chatter too), VSCODE_HOST_TRACE=FILE (a Chromium trace of
//      the run: every thread's tasks, the web worker's included, GC, CPU samples and user timing marks).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './vscode-host/install.mjs';
import { CACHE, REPO, onExit, say } from './vscode-host/process.mjs';
import { runWorkbenchTests } from './vscode-host/runner.mjs';
import { prepareWebRun } from './vscode-host/web.mjs';
import { startServer, workbenchUrl } from './vscode-host/server.mjs';

export { REPO, ensureInstalled, runWorkbenchTests, startServer, workbenchUrl };

async function demo(argv) {
  const option = (name, fallback) => {
    const at = argv.indexOf(`--${name}`);
    return at === -1 ? fallback : argv[at + 1];
  };
  const host = option('host', '127.0.0.1');
  const folder = path.resolve(option('folder', path.join(REPO, 'examples/workspace')));
  if (!fs.existsSync(path.join(REPO, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first');
  const { vscodeVersion } = ensureInstalled();
  // Reachable from other machines only with a connection token in the URL.
  const loopback = host === '127.0.0.1' || host === 'localhost';
  const connectionToken = loopback ? undefined : Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  const server = await startServer({ host, port: Number(option('port', 0)), connectionToken });
  const shownHost = loopback ? host : os.hostname();
  const url = workbenchUrl({ ...server, origin: `http://${shownHost}:${server.port}`, host: shownHost, folder, connectionToken });
  say(`VS Code ${vscodeVersion} with Article Authoring (from ${REPO}) and ${path.relative(REPO, folder) || folder}`);
  console.log(`\n  Open in a browser:\n\n  ${url}\n\n  (Ctrl-C stops the server. Rebuild with npm run build and reload the page to see changes.)\n`);
  // Runs until Ctrl-C (the exit handler stops the server) or until the server dies.
  await new Promise((resolve) => server.child.once('exit', resolve));
  server.stop();
  throw new Error(`the VS Code server stopped; see ${server.logFile}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [command = 'test', ...rest] = process.argv.slice(2);
  try {
    if (command === 'install') {
      const { vscodeVersion } = ensureInstalled();
      say(`ready: VS Code ${vscodeVersion} in ${path.relative(REPO, CACHE)}`);
    } else if (command === 'test') {
      const value = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
      const testsEntry = value('--web-entry');
      const webFolder = rest.includes('--web') ? fs.mkdtempSync(path.join(os.tmpdir(), 'article-authoring-web-')) : undefined;
      if (webFolder) onExit(() => fs.rmSync(webFolder, { recursive: true, force: true }));
      const web = webFolder ? await prepareWebRun(webFolder, testsEntry ? { testsEntry } : {}) : undefined;
      const artifacts = value('--artifacts');
      const { code, integration, e2e } = await runWorkbenchTests({
        ...(artifacts ? { artifacts: path.resolve(artifacts) } : {}),
        keep: value('--keep')?.split(',') ?? [],
        grep: value('--grep'),
        tests: web?.testsPath ?? value('--tests'),
        ...(value('--folder') ? { fixture: path.resolve(value('--folder')) } : {}),
        extensionPath: web?.extensionPath,
        label: web ? 'web' : undefined,
        e2e: !web && !rest.includes('--no-e2e'),
      });
      for (const [name, summary] of Object.entries({ integration, e2e })) {
        say(summary ? `${name}: ${summary.passes} passed, ${summary.failures} failed` : `${name}: no result`);
      }
      process.exitCode = code;
    } else if (command === 'demo') {
      await demo(rest);
    } else {
      console.error('usage: node scripts/vscode-host.mjs install|test|demo [--port N] [--host ADDR] [--folder DIR]');
      process.exitCode = 2;
    }
  } catch (error) {
    console.error(`[vscode-host] ${error instanceof Error ? error.message : error}`);
    process.exitCode = process.exitCode || 90;
  }
}
