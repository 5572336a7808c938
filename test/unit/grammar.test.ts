/** The injection grammar's fixture tests (npm run test:grammar), run with the unit tests: about a second. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository: the first folder above this compiled file that holds the grammar script. */
function repositoryRoot(): string {
  let folder = __dirname;
  while (!existsSync(path.join(folder, 'scripts/test-grammar.mjs'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('scripts/test-grammar.mjs not found above the compiled test');
    folder = parent;
  }
  return folder;
}

const root = repositoryRoot();

describe('injection grammar (FAQ headings, related links)', function () {
  this.timeout(30_000);
  for (const args of [[], ['--vendored']]) {
    it(`passes its fixture against the ${args.length ? 'vendored' : 'installed (or vendored)'} Markdown grammar`, () => {
      const result = spawnSync(process.execPath, [path.join(root, 'scripts/test-grammar.mjs'), ...args], { cwd: root, encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
      assert.match(result.stdout, /run successfuly|run successfully/);
    });
  }
});
