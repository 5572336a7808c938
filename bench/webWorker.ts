/**
 * The bench's run in the browser's web worker extension host: `node scripts/vscode-host.mjs test
 * --web` with bench/web/worker.ts bundled for the worker as the tests (a VS Code server and Chromium,
 * the web suite's workspace), the figures it writes kept in `outDir`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WEB_BENCH_FILE, type WebWorkerFigures } from './web/figures';

export function measureWebWorker(repo: string, outDir: string): WebWorkerFigures | { error: string } {
  fs.mkdirSync(outDir, { recursive: true });
  const figuresFile = path.join(outDir, WEB_BENCH_FILE);
  fs.rmSync(figuresFile, { force: true });
  for (const required of ['dist/extension.js', 'dist/web/extension.js', 'out/test/e2e/workbenchRunner.js']) {
    if (!fs.existsSync(path.join(repo, required))) return { error: `${required} is missing: npx tsc -p . && node scripts/build.mjs` };
  }
  const host = path.join(repo, 'scripts', 'vscode-host.mjs');
  const args = [host, 'test', '--web', '--web-entry', 'bench/web/worker.ts', '--keep', WEB_BENCH_FILE, '--artifacts', outDir];
  const run = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', timeout: 15 * 60_000 });
  if (!fs.existsSync(figuresFile)) {
    const tail = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    return { error: `the web worker run wrote no figures (exit ${run.status}; logs in ${path.relative(repo, outDir)}):\n${tail}` };
  }
  return JSON.parse(fs.readFileSync(figuresFile, 'utf8')) as WebWorkerFigures;
}
