// What every part of the VS Code host shares: the repository root, the cache folder's paths, one
// log prefix, cleanup of whatever this process started (on exit, Ctrl-C, a CI timeout's SIGTERM or
// an exception), and waiting with a deadline.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_VERSION = '4.139.1';
export const CACHE = path.resolve(REPO, process.env.VSCODE_HOST_CACHE ?? '.vscode-test');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const NODE24_DIR = path.join(CACHE, 'node24');
export const NODE24 = path.join(NODE24_DIR, 'node_modules/node/bin/node');
export const CODE_SERVER_DIR = path.join(CACHE, 'code-server');
export const VSCODE_DIR = path.join(CODE_SERVER_DIR, 'node_modules/code-server/lib/vscode');

export const say = (message) => console.log(`[vscode-host] ${message}`);

// Whatever this process started (the server's process group, the runner) ends when it exits,
// including on Ctrl-C, a CI timeout's SIGTERM, or an exception.
const cleanups = new Set();
let exitHandlersInstalled = false;
export function onExit(cleanup) {
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

export function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
  ]).finally(() => clearTimeout(timer));
}

export async function waitFor(condition, ms, message) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

