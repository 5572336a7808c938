// Bundles the extension, the CLI and the language server with esbuild. `--watch` rebuilds on change; `--minify` for packaging.
// `--outdir DIR` writes the extension and CLI bundles (and their esbuild metafiles) to DIR instead of
// dist/, without the webview script: the benchmark measures the packaged bundle that way.
// `--bench` builds only the benchmark (bench/run.ts → bench/.work/bench.js), with the engine bundled
// exactly as the extension and the CLI bundle it.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fastMarkdownItFields, jsYamlStub, webWorkerOptions } from './esbuild-plugins.mjs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt === -1 ? undefined : process.argv[outdirAt + 1];
const bench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !minify,
  minify,
  logLevel: 'warning',
  plugins: [jsYamlStub, fastMarkdownItFields],
};

// ajv (about 160 KB minified with its plugins) is needed only when a schema is first compiled, at the
// first analysis: the extension loads it from a file of its own, so activation does not. The CLI
// stays one file (its worker threads load it by its own path).
const lazySchemaCompiler = {
  name: 'lazy-schema-compiler',
  setup(build) {
    build.onResolve({ filter: /^\.\/schemaCompiler$/ }, () => ({ path: './schema-compiler.js', external: true }));
  },
};

// The engine (src/core with yaml, markdown-it, gray-matter, the sanitizer) is loaded by the first
// analysis, right after activation: the extension's bundle keeps it in dist/engine.js, reached only
// through src/extension/engine.ts, so that activation evaluates just the adapter.
const lazyEngine = {
  name: 'lazy-engine',
  setup(build) {
    build.onResolve({ filter: /^\.\/engineModule$/ }, () => ({ path: './engine.js', external: true }));
  },
};

/** The web build: one file, the engine and ajv bundled in (a web worker has no lazy `require` of a file beside it). */
const webBuild = {
  ...common,
  ...webWorkerOptions,
  entryPoints: ['src/extension/extension.ts'],
  outfile: 'dist/web/extension.js',
  metafile: true,
};

const allBuilds = [
  // vscode is provided by the extension host at run time.
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [...common.plugins, lazyEngine],
    metafile: true,
  },
  { ...common, entryPoints: ['src/extension/engineModule.ts'], outfile: 'dist/engine.js', plugins: [...common.plugins, lazySchemaCompiler] },
  { ...common, entryPoints: ['src/core/schema/schemaCompiler.ts'], outfile: 'dist/schema-compiler.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The language server (article-language-server --stdio): one file of its own, not in the .vsix.
  { ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The preview page's script: runs in the webview (a browser), one self-contained file.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: ['src/webview/preview.ts'],
    outfile: 'media/preview.js',
  },
  webBuild,
];
// The benchmark: markdownlint stays outside (ESM, loaded with import()); so does the stock markdown-it
// the bench loads through createRequire for comparison.
const benchBuild = {
  ...common,
  sourcemap: false,
  minify: false,
  entryPoints: ['bench/run.ts'],
  outfile: 'bench/.work/bench.js',
  external: ['markdownlint', 'markdownlint/*'],
};
// The bench's bundle-size build (outdir) measures the extension's Node bundles only, not the webview script or the web build.
const builds = (bench ? [benchBuild] : allBuilds).filter((options) => !(outdir && options.platform === 'browser'));

if (outdir) {
  mkdirSync(outdir, { recursive: true });
  for (const options of builds) options.outfile = options.outfile.replace(/^dist\//, `${outdir}/`);
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: options.metafile || !!outdir })));
  // A value import of src/core in the adapter would put a second copy of the engine (and its caches)
  // into dist/extension.js, evaluated at activation: fail the build instead.
  const main = results[builds.findIndex((options) => options.outfile === 'dist/extension.js' || (outdir && options.outfile === `${outdir}/extension.js`))];
  const engineInputs = main ? Object.keys(main.metafile.inputs).filter((input) => input.startsWith('src/core/') || input.startsWith('node_modules/')) : [];
  if (engineInputs.length > 0) {
    console.error(`build: dist/extension.js must reach the engine only through src/extension/engine.ts; it bundles ${engineInputs.join(', ')}`);
    process.exit(1);
  }
  // Nothing of Node in the web build: no built-in module it would load (test/unit/distribution/webBuild.test.ts reads the file too).
  const web = results[builds.indexOf(webBuild)];
  const nodeImports = web ? Object.entries(web.metafile.inputs).flatMap(([input, { imports }]) => imports.filter((imported) => imported.external && imported.path !== 'vscode' && !imported.path.startsWith('.')).map((imported) => `${input} → ${imported.path}`)) : [];
  if (nodeImports.length > 0) {
    console.error(`build: dist/web/extension.js must not load anything but vscode; it imports ${nodeImports.join(', ')}`);
    process.exit(1);
  }
  if (outdir) {
    results.forEach((result, index) => writeFileSync(`${builds[index].outfile}.meta.json`, JSON.stringify(result.metafile)));
  }
  for (const bin of ['cli.js', 'server.js']) {
    const file = join(outdir ?? 'dist', bin);
    if (existsSync(file)) chmodSync(file, 0o755);
  }
}
