/**
 * Benchmark only (npm run bench -- --vscode): the extension's activation time in this extension host,
 * `performance.now()` around `ext.activate()` on a fresh host (module load and activate() together).
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
    const start = performance.now();
    await extension.activate();
    const activationMs = performance.now() - start;
    const bundle = path.join(extension.extensionPath, 'dist', 'extension.js');
    const source = fs.readFileSync(bundle, 'utf8');
    fs.writeFileSync(
      outFile,
      JSON.stringify({
        activationMs,
        bundleBytes: Buffer.byteLength(source),
        bundleMinified: !source.includes('//# sourceMappingURL='),
        vscode: vscode.version,
        extensionHostNode: process.version,
        measuredAt: new Date().toISOString(),
      }),
    );
  });
});
