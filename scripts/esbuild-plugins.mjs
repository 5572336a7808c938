// The esbuild plugins the bundles share (scripts/build.mjs), and the options of the web build's
// engine: the web suite and the bench's web worker run (scripts/vscode-host/web.mjs) bundle their
// entries for the worker with them, so that the engine they run there is built as dist/web/extension.js's.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

// gray-matter requires js-yaml for its default YAML engine, which src/core/parse/parse.ts always replaces
// (the frontmatter is parsed with `yaml`): the bundles get a stub in its place (~40 KB less).
export const jsYamlStub = {
  name: 'js-yaml-stub',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: 'js-yaml', namespace: 'js-yaml-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'js-yaml-stub' }, () => ({
      contents:
        "const unused = () => { throw new Error('js-yaml is not bundled: frontmatter is parsed with yaml'); };\n" +
        'module.exports = { safeLoad: unused, safeDump: unused, load: unused, dump: unused };',
      loader: 'js',
    }));
  },
};

// markdown-it's published build defines every class field through a Babel-style `_defineProperty`
// helper (a `toPropertyKey` and an `in` check per field): Token construction was about 30% of a parse.
// In the bundles the helper is a plain assignment, and its calls on `this` in the constructors are
// written as the assignments themselves (`this.map = null;`), so each stays a fast named store rather
// than one shared store that sees every class and field (a parse about 20% faster again). Either way
// the fields are the same own, enumerable, writable properties. If a markdown-it update changes the
// helper or its calls, the build says so and bundles what it could not rewrite unchanged;
// test/unit/parse/bundledParser.test.ts compares the bundled parse with the published one.
const FIELD_CALL = /_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"(\w+)",\s*([^;]*?)\s*\);/g;
export const fastMarkdownItFields = {
  name: 'markdown-it-fast-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.(cjs\.js|mjs)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const helper = /function _defineProperty\(e, r, t\) \{\n\treturn \(r = toPropertyKey\(r\)\) in e \? Object\.defineProperty\(e, r, \{[^}]*\}\) : e\[r\] = t, e;\n\}/;
      if (!helper.test(source)) {
        console.warn(`build: markdown-it's _defineProperty helper not found in ${args.path}: bundled unchanged (slower parse)`);
        return { contents: source, loader: 'js' };
      }
      const fields = source.replace(FIELD_CALL, 'this.$1 = $2;');
      const left = (fields.match(/_defineProperty\(\s*this\b/g) ?? []).length;
      if (left > 0) console.warn(`build: ${left} of markdown-it's _defineProperty(this, …) calls not rewritten in ${args.path} (they still work, through the helper)`);
      return { contents: fields.replace(helper, 'function _defineProperty(e, r, t) {\n\te[r] = t;\n\treturn e;\n}'), loader: 'js' };
    });
  },
};

// The web build (the `browser` entry: vscode.dev, github.dev, any workbench's web worker extension
// host) has nothing of Node. The engine's `node:path` becomes its own `/`-only path module (paths there
// are URI paths); gray-matter's `fs` (only its `read`, never called) becomes an empty module and its
// Buffer copy of the input a no-op (the copy is never read).
export const forTheBrowser = {
  name: 'for-the-browser',
  setup(build) {
    build.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: join(REPO, 'src/core/text/posixPath.ts') }));
    build.onResolve({ filter: /^(node:)?fs$/ }, (args) =>
      /[\\/]gray-matter[\\/]/.test(args.importer) ? { path: 'fs', namespace: 'empty-module' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'empty-module' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    build.onLoad({ filter: /[\\/]gray-matter[\\/]lib[\\/]utils\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const toBuffer = "typeof input === 'string' ? Buffer.from(input) : input";
      if (!source.includes(toBuffer)) throw new Error(`build: gray-matter's toBuffer changed in ${args.path}: the web build would call Buffer`);
      return { contents: source.replace(toBuffer, 'input'), loader: 'js' };
    });
  },
};

/** What the web build bundles for the browser's web worker with: no Node, `vscode` from the host. */
export const webWorkerOptions = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  external: ['vscode'],
  plugins: [jsYamlStub, fastMarkdownItFields, forTheBrowser],
};
