/**
 * The CLI as its own process, bundled with esbuild like dist/cli.js: exit codes, stdout and stderr as
 * a shell sees them, hostile input that must finish in seconds, and the worker pool's output.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { EXAMPLES, REPO_ROOT, spawnCli, tempDir, writeTree, type CliRun } from '../helpers/cli';

let cli = '';

/** No stack trace, and a one-line message when there is one. */
function assertCleanStderr(run: CliRun): void {
  assert.doesNotMatch(run.stderr, /\n\s+at /, run.stderr);
  assert.ok(run.stderr.split('\n').filter(Boolean).every((line) => line.startsWith('article-lint: ')), run.stderr);
}

describe('article-lint as a process (esbuild bundle)', function () {
  this.timeout(120_000);

  before(async () => {
    // The same bundle as scripts/build.mjs makes for dist/cli.js, built fresh into a temp folder.
    cli = path.join(tempDir(), 'cli.js');
    await esbuild.build({
      entryPoints: [path.join(REPO_ROOT, 'src', 'cli', 'main.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
      banner: { js: '#!/usr/bin/env node' },
    });
  });

  it('checks the examples and exits 1 (the flawed article has an error)', () => {
    const run = spawnCli(cli, ['--format', 'json', 'sample-article.md', 'flawed-article.md'], { cwd: EXAMPLES });
    assertCleanStderr(run);
    assert.equal(run.code, 1);
    const files = JSON.parse(run.stdout);
    assert.deepEqual(files.map((f: { file: string }) => f.file), ['flawed-article.md', 'sample-article.md']);
    // Sections 1-6 and 8 keep their exact findings; over two articles that do not link to each other, the
    // site-wide rules add one thing each: neither is linked to.
    const siteWide = (f: { diagnostics: { ruleId: string }[] }) => f.diagnostics.filter((d) => d.ruleId === 'article-orphan');
    assert.equal(files[0].diagnostics.length - siteWide(files[0]).length, 17);
    assert.equal(files[1].diagnostics.length - siteWide(files[1]).length, 0);
    assert.equal(siteWide(files[0]).length, 1);
    assert.equal(siteWide(files[1]).length, 1);
  });

  it('exits 0 on a clean article, with a stylish summary and no colour when piped', () => {
    const run = spawnCli(cli, ['sample-article.md'], { cwd: EXAMPLES, env: { FORCE_COLOR: '1' } });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '✔ No problems (1 file checked)\n');
  });

  it('prints stylish findings grouped by file with the summary line', () => {
    const run = spawnCli(cli, ['flawed-article.md'], { cwd: EXAMPLES });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^\nflawed-article\.md\n/);
    assert.match(run.stdout, /^ {2}16:1 +warning +.+ +image-alt-missing$/m);
    assert.match(run.stdout, /✖ 17 problems \(1 error, 11 warnings, 5 infos\)/);
    assert.doesNotMatch(run.stdout, /\u001b\[/);
  });

  it('exits 2 with one line for a missing path', () => {
    const run = spawnCli(cli, ['missing.md'], { cwd: EXAMPLES });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'article-lint: missing.md: no such file or folder\n');
  });

  it('handles a binary file, a 5 MB one-line article and a YAML alias bomb in seconds, without a stack trace', () => {
    const dir = tempDir();
    const bomb = [
      '---',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      'title: [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
      '---',
      '',
      'Body.',
      '',
    ].join('\n');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    writeTree(dir, {
      'binary.md': bytes,
      'long.md': `---\ntitle: "A very long single line article for testing"\n---\n${'word '.repeat(1_000_000)}`,
      'bomb.md': bomb,
    });

    const started = Date.now();
    const binary = spawnCli(cli, ['binary.md'], { cwd: dir, timeout: 20_000 });
    assert.equal(binary.code, 2);
    assert.equal(binary.stderr, 'article-lint: binary.md: binary content, not a Markdown article\n');

    const long = spawnCli(cli, ['--format', 'json', 'long.md'], { cwd: dir, timeout: 20_000 });
    assertCleanStderr(long);
    assert.ok([0, 1].includes(long.code), `exit ${long.code}`);
    assert.ok(JSON.parse(long.stdout)[0].stats.words >= 1_000_000);

    const alias = spawnCli(cli, ['--format', 'json', 'bomb.md'], { cwd: dir, timeout: 20_000 });
    assertCleanStderr(alias);
    const rules = JSON.parse(alias.stdout)[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    assert.ok(rules.includes('frontmatter-syntax'), rules.join());
    assert.equal(alias.code, 1);
    assert.ok(Date.now() - started < 20_000, 'all three within seconds');
  });

  it('gives the same output and messages with 1 or 3 workers as on one thread, in every format, sorted by path', () => {
    const dir = tempDir();
    const sample = fs.readFileSync(path.join(EXAMPLES, 'sample-article.md'), 'utf8');
    const flawed = fs.readFileSync(path.join(EXAMPLES, 'flawed-article.md'), 'utf8');
    fs.cpSync(path.join(EXAMPLES, 'public'), path.join(dir, 'public'), { recursive: true });
    const files: Record<string, string> = {};
    for (let i = 0; i < 70; i++) files[`blog/${String(i % 7)}/post-${i}.md`] = i % 3 === 0 ? flawed : sample;
    writeTree(dir, files);

    // A binary file among them: reported in its place, whichever thread met it.
    fs.writeFileSync(path.join(dir, 'blog/5/binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]));
    for (const format of ['json', 'stylish', 'sarif']) {
      const single = spawnCli(cli, ['--format', format], { cwd: dir, env: { ARTICLE_LINT_WORKERS: '0' } });
      for (const workers of ['1', '3']) {
        const pooled = spawnCli(cli, ['--format', format], { cwd: dir, env: { ARTICLE_LINT_WORKERS: workers } });
        assert.equal(pooled.code, 2, `${format}, ${workers} workers: ${pooled.stderr}`);
        assert.equal(pooled.stdout, single.stdout, `${format}, ${workers} workers`);
        assert.equal(pooled.stderr, single.stderr, `${format}, ${workers} workers`);
      }
      assert.match(single.stderr, /blog\/5\/binary\.md: binary content/);
    }
    const pooled = spawnCli(cli, ['--format', 'json'], { cwd: dir, env: { ARTICLE_LINT_WORKERS: '2' } });
    const names = JSON.parse(pooled.stdout).map((f: { file: string }) => f.file);
    assert.equal(names.length, 70);
    assert.deepEqual(names, [...names].sort());
  });

  it('a run over part of a site reads the rest through the workers, reports only the paths given and writes no other file (--fix)', () => {
    const dir = tempDir();
    const files: Record<string, string> = { 'package.json': '{"dependencies":{"astro":"4.0.0"}}' };
    // 80 articles of an Astro site, each linking to the next by its route; one with a broken route.
    for (let i = 0; i < 80; i++) {
      const next = i === 79 ? 'nowhere' : `post-${i + 1}`;
      files[`src/content/blog/${i % 4}/post-${i}.md`] =
        `---\ntitle: "Post number ${i} about bread"\ndescription: "Post ${i}: a description long enough to be a real description of a bread article."\nslug: post-${i}\nreadingTime: 1 minute\n---\n\nSee [the next one](/blog/${next}/).\n`;
    }
    writeTree(dir, files);
    const before = new Map(Object.keys(files).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
    const siteWide = (run: CliRun) =>
      JSON.parse(run.stdout).flatMap((f: { file: string; diagnostics: { ruleId: string; line: number }[] }) =>
        f.diagnostics.filter((d) => ['link-broken', 'article-orphan', 'duplicate-title'].includes(d.ruleId)).map((d) => `${f.file} ${d.ruleId} ${d.line}`),
      );
    for (const workers of ['0', '2']) {
      const run = spawnCli(cli, ['--format', 'json', '--fix', 'src/content/blog/0', 'src/content/blog/3/post-79.md'], { cwd: dir, env: { ARTICLE_LINT_WORKERS: workers } });
      assertCleanStderr(run);
      const reported: string[] = JSON.parse(run.stdout).map((f: { file: string }) => f.file);
      assert.equal(reported.length, 21, `${workers} workers`);
      // The routes of the articles outside the paths resolve, post-0 is the only article nothing links to.
      assert.deepEqual(siteWide(run), ['src/content/blog/0/post-0.md article-orphan 1', 'src/content/blog/3/post-79.md link-broken 8'], `${workers} workers`);
      for (const [file, text] of before) if (!file.startsWith('src/content/blog/0/') && file !== 'src/content/blog/3/post-79.md') assert.equal(fs.readFileSync(path.join(dir, file), 'utf8'), text, file);
    }
  });
});
