// The VS Code server: started in its own process group with state private to it, stopped with
// everything it forked; and the workbench URL that loads this repo as the extension under
// development (and, optionally, its tests).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE, NODE24, REPO, VSCODE_DIR, onExit, waitFor, withTimeout } from './process.mjs';

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

/** The workbench URL that loads this repo as the extension under development (and, optionally, its tests). */
export function workbenchUrl({ origin, port, host = '127.0.0.1', folder, workspaceFile, extensionTestsPath, extensionPath, connectionToken }) {
  const remote = (p) => `vscode-remote://${host}:${port}${path.resolve(p)}`;
  // ARTICLE_AUTHORING_EXTENSION_PATH: another copy of the extension to load (the benchmark's packaged layout).
  const payload = [['extensionDevelopmentPath', remote(extensionPath ?? process.env.ARTICLE_AUTHORING_EXTENSION_PATH ?? REPO)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return (
    (workspaceFile
      ? `${origin}/?workspace=${encodeURIComponent(path.resolve(workspaceFile))}`
      : `${origin}/?folder=${encodeURIComponent(path.resolve(folder))}`) +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}` +
    (connectionToken ? `&tkn=${encodeURIComponent(connectionToken)}` : '')
  );
}

