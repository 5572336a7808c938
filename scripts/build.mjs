// Bundles the extension and the CLI with esbuild. `--watch` rebuilds on change; `--minify` for packaging.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !minify,
  minify,
  logLevel: 'warning',
};

const allBuilds = [
  // vscode is provided by the extension host at run time.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The preview page's script: runs in the webview (a browser), one self-contained file.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: ['src/webview/preview.ts'],
    outfile: 'media/preview.js',
  },
];
// An entry point another engineer has not written yet is skipped (with a note) rather than failing the build.
const builds = allBuilds.filter((options) => {
  const present = options.entryPoints.every((entry) => existsSync(entry));
  if (!present) console.warn(`build: skipping ${options.outfile}: ${options.entryPoints.join(', ')} does not exist yet`);
  return present;
});

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
