// The web run: the extension as vscode.dev and github.dev load it. A browser-only copy of the manifest
// (`browser`, no `main`: with both, the server would run the Node entry) beside the built files, as
// the extension under development; the web suite (test/web) bundled for the web worker as its tests,
// or another entry (the bench's bench/web/worker.ts), bundled as the web build bundles the engine.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { webWorkerOptions } from '../esbuild-plugins.mjs';
import { REPO } from './process.mjs';

/** What the web extension loads at run time, linked from the checkout (read-only). */
const SHIPPED = ['dist', 'media', 'snippets', 'syntaxes', 'schemas', 'docs', 'README.md', 'LICENSE', 'CHANGELOG.md'];

/**
 * Writes the browser-only extension and the bundled tests into `folder`; returns their paths.
 * `testsEntry`: the module (relative to the repo) bundled as the tests, exporting `run()`.
 */
export async function prepareWebRun(folder, { testsEntry = 'test/web/index.ts' } = {}) {
  const extensionPath = path.join(folder, 'web-extension');
  fs.mkdirSync(extensionPath, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.join(REPO, manifest.browser ?? 'dist/web/extension.js'))) throw new Error('dist/web/extension.js is missing: run node scripts/build.mjs');
  delete manifest.main;
  fs.writeFileSync(path.join(extensionPath, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const entry of SHIPPED) fs.symlinkSync(path.join(REPO, entry), path.join(extensionPath, entry));

  // Inside the extension's folder: VS Code runs the tests in the host that runs the extension they lie in
  // (outside every extension, a vscode-remote: test file would run in the server's Node host).
  const testsPath = path.join(extensionPath, 'web-tests', 'index.js');
  await esbuild.build({
    ...webWorkerOptions,
    entryPoints: [path.resolve(REPO, testsEntry)],
    outfile: testsPath,
    // reading-time's index also exports a Node stream; the web suite uses its function only.
    alias: { 'reading-time': 'reading-time/lib/reading-time' },
    logLevel: 'warning',
  });
  return { extensionPath, testsPath };
}
