/** The injection grammar's fixture tests (npm run test:grammar), run with the unit tests: about a second. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

describe('injection grammar (FAQ headings, related links)', () => {
  for (const args of [[], ['--vendored']]) {
    it(`passes its fixture against the ${args.length ? 'vendored' : 'installed (or vendored)'} Markdown grammar`, () => {
      const result = spawnSync(process.execPath, [path.join(root, 'scripts/test-grammar.mjs'), ...args], { cwd: root, encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
      assert.match(result.stdout, /run successfuly|run successfully/);
    });
  }
});
