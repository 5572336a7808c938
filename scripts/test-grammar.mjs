// Runs the injection grammar's tests (test/fixtures/grammar/*.test.md) with vscode-tmgrammar-test.
// The injection is read from package.json's `contributes.grammars`; the Markdown base grammar comes
// from the VS Code that the integration tests run (.vscode-test/code-server), when it is installed,
// else (or with --vendored) from the copy vendored beside the fixtures (MIT, see its LICENSE file there).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const installed = path.join(
  root,
  '.vscode-test/code-server/node_modules/code-server/lib/vscode/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json',
);
const vendored = path.join(root, 'test/fixtures/grammar/markdown.tmLanguage.json');
const base = existsSync(installed) && !process.argv.includes('--vendored') ? installed : vendored;

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist/unit.js');
const result = spawnSync(
  process.execPath,
  [cli, '--compact', '--grammar', base, '--config', path.join(root, 'package.json'), 'test/fixtures/grammar/*.test.md'],
  { cwd: root, encoding: 'utf8' },
);
// The base grammar embeds languages (YAML, HTML, …) the test does not load: drop those warnings.
const noise = /^grammar not found for "/;
const out = `${result.stdout ?? ''}${result.stderr ?? ''}`
  .split('\n')
  .filter((line) => !noise.test(line))
  .join('\n');
process.stdout.write(out.endsWith('\n') || out === '' ? out : `${out}\n`);
if (result.error) throw result.error;
console.log(`grammar base: ${path.relative(root, base)}`);
process.exit(result.status ?? 1);
