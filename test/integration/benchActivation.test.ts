/**
 * Benchmark only (npm run bench -- --vscode): the extension's activation time in this extension host,
 * on a fresh host: loading the bundle's code plus its activate() call (as VS Code's Running
 * Extensions view counts it), and the wall time of `ext.activate()` with the host's own work.
 * Skipped unless the bench asks for it through ARTICLE_AUTHORING_BENCH_ACTIVATION (the file to write).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

const OUT_ENV = 'ARTICLE_AUTHORING_BENCH_ACTIVATION';

suite('bench: activation', () => {
  test('activation time on a fresh host', async function () {
    const outFile = process.env[OUT_ENV];
    if (!outFile) this.skip();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
    if (extension.isActive) {
      fs.writeFileSync(outFile, JSON.stringify({ error: 'the extension was already active: not a fresh host' }));
      return;
    }
    const bundle = path.join(extension.extensionPath, 'dist', 'extension.js');
    // Two parts: loading the bundle's code (require, here, populates the module cache the host then
    // uses), and the host's activation (calling activate() and its own bookkeeping).
    const start = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(bundle) as { activate?: unknown };
    const loadMs = performance.now() - start;
    // The extension's own activate(), timed where the host calls it (through the module cache).
    let ownActivateMs: number | undefined;
    const cached = require.cache[require.resolve(bundle)];
    if (cached && typeof loaded.activate === 'function') {
      const original = loaded.activate as (...args: unknown[]) => unknown;
      cached.exports = {
        ...loaded,
        activate: (...args: unknown[]) => {
          const begin = performance.now();
          try {
            return original(...args);
          } finally {
            ownActivateMs = performance.now() - begin;
          }
        },
      };
    }
    await extension.activate();
    const hostActivateMs = performance.now() - start;
    // What VS Code's "Running Extensions" counts: loading the code plus the activate() call.
    const activationMs = ownActivateMs === undefined ? hostActivateMs : loadMs + ownActivateMs;
    const source = fs.readFileSync(bundle, 'utf8');
    fs.writeFileSync(
      outFile,
      JSON.stringify({
        activationMs,
        loadMs,
        ownActivateMs,
        hostActivateMs,
        exportsActivate: typeof loaded.activate === 'function',
        extensionPath: extension.extensionPath,
        bundleBytes: Buffer.byteLength(source),
        bundleMinified: !source.includes('//# sourceMappingURL='),
        vscode: vscode.version,
        extensionHostNode: process.version,
        measuredAt: new Date().toISOString(),
      }),
    );
  });
});
