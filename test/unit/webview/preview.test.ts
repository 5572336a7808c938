/**
 * The preview's webview script and the bundle budget: the script (src/webview, DOM types, not part
 * of the main tsc project) type-checks against the shared message types, and the preview's share of
 * the minified bundles stays small (the whole extension's budget is 400 KB).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');

describe('preview webview script', () => {
  it('type-checks (src/webview/tsconfig.json: DOM library, the shared message types)', function () {
    this.timeout(60_000);
    const tsc = path.join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');
    const result = spawnSync(tsc, ['-p', path.join(REPO, 'src/webview')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('adds little to the extension bundle (renderer, panel, sanitizer) and ships a small webview script', async function () {
    this.timeout(60_000);
    const esbuild = (await import('esbuild')) as typeof import('esbuild');
    const common = { bundle: true, minify: true, write: false, metafile: true, logLevel: 'silent' as const, absWorkingDir: REPO };
    const extension = await esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] });
    const webview = await esbuild.build({ ...common, entryPoints: ['src/webview/preview.ts'], outfile: 'preview.js', platform: 'browser', format: 'iife', target: 'es2022' });
    const output = Object.values(extension.metafile!.outputs).find((entry) => entry.entryPoint)!;
    let previewBytes = 0;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (/src\/core\/render\/|src\/extension\/preview\/|node_modules\/(xss|cssfilter)\//.test(input)) previewBytes += bytesInOutput;
    }
    const webviewBytes = webview.outputFiles![0].contents.length;
    console.log(`      (minified: extension bundle ${(output.bytes / 1024).toFixed(0)} KB, of which the preview ${(previewBytes / 1024).toFixed(0)} KB; webview script ${(webviewBytes / 1024).toFixed(0)} KB)`);
    assert.ok(previewBytes < 80 * 1024, `the preview adds ${previewBytes} B to the extension bundle`);
    assert.ok(webviewBytes < 30 * 1024, `the webview script is ${webviewBytes} B`);
  });
});
