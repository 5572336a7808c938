/** `article-lint --fix`: minimal edits, bytes kept, only changed files written, idempotent. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, copyFixtures, runCli } from '../helpers/cli';

const flawed = fs.readFileSync(path.join(EXAMPLES, 'flawed-article.md'), 'utf8');

/** What the fixed flawed article must be: the original with the reading time replaced, nothing else (a slug moves the page: never fixed). */
function expectedFix(original: string, minutes: number): string {
  const time = original.replace('readingTime: "15 minutes"', `readingTime: "${minutes} ${minutes === 1 ? 'minute' : 'minutes'}"`);
  assert.notEqual(time, original);
  return time;
}

async function readingMinutes(dir: string, file: string): Promise<number> {
  const run = await runCli(['--format', 'json', file], { cwd: dir });
  return JSON.parse(run.stdout)[0].stats.readingMinutes;
}

const OLD = new Date('2020-01-01T00:00:00Z');

describe('article-lint --fix', () => {
  const variants: Array<[string, (text: string) => string]> = [
    ['LF', (text) => text],
    ['CRLF with a BOM', (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`],
    ['YAML comments', (text) => text.replace('slug: "Winter Tyres Guide"', 'slug: "Winter Tyres Guide" # the URL\n# keep this comment')],
  ];

  for (const [name, variant] of variants) {
    it(`applies the safe fixes as minimal edits (${name}), keeping every other byte`, async () => {
      const dir = copyFixtures('examples/public');
      const file = path.join(dir, 'article.md');
      const original = variant(flawed);
      fs.writeFileSync(file, original);
      const minutes = await readingMinutes(dir, 'article.md');

      const run = await runCli(['--fix', '--format', 'json', 'article.md'], { cwd: dir });
      const fixed = fs.readFileSync(file, 'utf8');
      assert.equal(fixed, expectedFix(original, minutes));

      // The report lists what is left: everything but the fixed reading time; the slug is left to the author.
      const left = JSON.parse(run.stdout)[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
      assert.ok(left.includes('slug-format') && !left.includes('reading-time-mismatch'), left.join());
      assert.equal(left.length, 16);
      assert.equal(run.code, 1);

      // A second --fix changes nothing and does not even write the file.
      fs.utimesSync(file, OLD, OLD);
      await runCli(['--fix', 'article.md'], { cwd: dir });
      assert.equal(fs.readFileSync(file, 'utf8'), fixed);
      assert.equal(fs.statSync(file).mtimeMs, OLD.getTime());
    });
  }

  it('writes only the files that change', async () => {
    const dir = copyFixtures('examples/sample-article.md', 'examples/public');
    const sample = path.join(dir, 'sample-article.md');
    fs.writeFileSync(path.join(dir, 'flawed.md'), flawed);
    fs.utimesSync(sample, OLD, OLD);
    const before = fs.readFileSync(sample);
    await runCli(['--fix', '.'], { cwd: dir });
    assert.equal(fs.statSync(sample).mtimeMs, OLD.getTime());
    assert.deepEqual(fs.readFileSync(sample), before);
    assert.notEqual(fs.readFileSync(path.join(dir, 'flawed.md'), 'utf8'), flawed);
  });

  it('never rewrites a file that is not valid UTF-8', async () => {
    const dir = copyFixtures('examples/public');
    const file = path.join(dir, 'latin1.md');
    const bytes = Buffer.concat([Buffer.from(flawed.replace('Choosing', 'Choosing caf'), 'utf8'), Buffer.from([0xe9, 0x0a])]);
    fs.writeFileSync(file, bytes);
    const run = await runCli(['--fix', 'latin1.md'], { cwd: dir });
    assert.deepEqual(fs.readFileSync(file), bytes);
    assert.match(run.stderr, /not valid UTF-8/);
  });
});
