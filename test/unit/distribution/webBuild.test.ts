/**
 * The web build (dist/web/extension.js, the manifest's `browser` entry for vscode.dev, github.dev and
 * any workbench's web worker extension host): one file that loads nothing but `vscode` (no Node
 * built-in module, no file beside it), and that evaluates where there is no `process`, `Buffer`,
 * `setImmediate` or `require` of Node.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { REPO_ROOT } from '../helpers/cli';

const WEB_BUNDLE = path.join(REPO_ROOT, 'dist', 'web', 'extension.js');
const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

/**
 * A stand-in for the `vscode` module, for evaluation only: it has the names the bundle reads of it
 * (esbuild copies a module's own properties when it imports it), and every property, call or `new`
 * of it is a stand-in too.
 */
function vscodeStandIn(names: readonly string[]): unknown {
  const handler: ProxyHandler<object> = {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : standIn()),
    apply: () => standIn(),
    construct: () => standIn(),
    ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...names])],
    getOwnPropertyDescriptor: (target, key) =>
      Reflect.getOwnPropertyDescriptor(target, key) ?? { configurable: true, enumerable: true, get: () => standIn() },
  };
  const standIn = (): object => new Proxy(function () {}, handler);
  return standIn();
}

describe('the web build (dist/web/extension.js)', () => {
  let bundle: string;
  before(function () {
    if (!fs.existsSync(WEB_BUNDLE)) assert.fail('dist/web/extension.js is missing: run node scripts/build.mjs');
    bundle = fs.readFileSync(WEB_BUNDLE, 'utf8');
  });

  it('is the manifest browser entry, beside the Node one', () => {
    assert.equal(packageJson.browser, './dist/web/extension.js');
    assert.equal(packageJson.main, './dist/extension.js');
  });

  it('requires vscode and nothing else: no Node built-in module, no file of its own', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const code = bundle.replace(/\/\*[\s\S]*?\*\//g, '');
    const required = [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((match) => match[2]);
    assert.deepEqual(required.filter((name) => builtins.has(name) || name.startsWith('node:')), []);
    // ajv writes `require("ajv/dist/runtime/…")` into the source of standalone validators it can emit (never done here): strings, not calls.
    assert.deepEqual([...new Set(required.filter((name) => name !== 'vscode' && !/^ajv(-formats)?\//.test(name)))], []);
    assert.doesNotMatch(bundle, /\brequire\(\s*["']\.\.?\//, 'a require of a file beside the bundle (a lazy chunk of the Node build)');
  });

  it('evaluates where there is no process, Buffer, setImmediate or Node require, and exports activate', () => {
    const requested: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    const sandbox = {
      module,
      exports: module.exports,
      require: (name: string) => {
        requested.push(name);
        if (name === 'vscode') return vscodeStandIn([...new Set([...bundle.matchAll(/\bvscode\d*\.(\w+)/g)].map((match) => match[1]))]);
        throw new Error(`no module ${name} in a web worker`);
      },
      console,
      TextDecoder,
      TextEncoder,
      URL,
      crypto: globalThis.crypto,
      performance,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      MessageChannel,
      Intl,
    };
    vm.runInNewContext(bundle, sandbox, { filename: WEB_BUNDLE });
    assert.equal(typeof module.exports.activate, 'function');
    assert.deepEqual([...new Set(requested)], ['vscode']);
    assert.equal(vm.runInNewContext('typeof process + typeof Buffer + typeof setImmediate', sandbox), 'undefinedundefinedundefined');
  });
});
