/**
 * The benchmark's `extensionTestsPath` (npm run bench -- --vscode, see bench/extension.ts): in a
 * fresh VS Code extension host, the extension's activation time: loading the bundle's code plus its
 * activate() call (as VS Code's Running Extensions view counts it), and the wall time of
 * `ext.activate()` with the host's own work. Writes the figures as JSON to the file named by
 * ARTICLE_AUTHORING_BENCH_ACTIVATION. Not a test: the integration suite never loads it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

const OUT_ENV = 'ARTICLE_AUTHORING_BENCH_ACTIVATION';

/** Called by the extension host as an extension test runner would be; throws when nothing was measured. */
export async function run(): Promise<void> {
  const outFile = process.env[OUT_ENV];
  if (!outFile) throw new Error(`${OUT_ENV} names no file to write the figures to`);
  fs.writeFileSync(outFile, JSON.stringify(await measure()));
}

async function measure(): Promise<Record<string, unknown>> {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { publisher: string; name: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  const extension = vscode.extensions.getExtension(id);
  if (!extension) return { error: `${id} is not loaded` };
  if (extension.isActive) return { error: 'the extension was already active: not a fresh host' };
  const bundle = path.join(extension.extensionPath, 'dist', 'extension.js');
  // Two parts: loading the bundle's code (require, here, populates the module cache the host then
  // uses), and the host's activation (calling activate() and its own bookkeeping).
  const start = performance.now();
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
  return {
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
  };
}
