/**
 * The bench's run in the browser's web worker extension host: `node scripts/vscode-host.mjs test
 * --web` with bench/web/worker.ts bundled for the worker as the tests (a VS Code server and Chromium,
 * the web suite's workspace), the figures it writes kept in `outDir`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runVscodeHostForFigures } from './extension';
import { WEB_BENCH_FILE, type WebWorkerFigures } from './web/figures';

export function measureWebWorker(repo: string, outDir: string): WebWorkerFigures | { error: string } {
  fs.mkdirSync(outDir, { recursive: true });
  for (const required of ['dist/extension.js', 'dist/web/extension.js', 'out/test/e2e/workbenchRunner.js']) {
    if (!fs.existsSync(path.join(repo, required))) return { error: `${required} is missing: npx tsc -p . && node scripts/build.mjs` };
  }
  const args = ['test', '--web', '--web-entry', 'bench/web/worker.ts', '--keep', WEB_BENCH_FILE, '--artifacts', outDir];
  const figures = runVscodeHostForFigures<WebWorkerFigures>(repo, args, path.join(outDir, WEB_BENCH_FILE), {}, 15 * 60_000);
  return 'error' in figures ? { error: `${figures.error}\n(logs in ${path.relative(repo, outDir)})` } : figures;
}
