/**
 * The hostile corpus (test/fixtures/hostile, issue 8): every case's expected behaviour from the
 * manifest, asserted in the engine (finishes in time, exactly its rules, no internal error, nothing
 * evaluated), in the renderer (inert HTML) and in the CLI as a process (exit code, exact stderr,
 * its rules, finishes). The real Chromium preview runs the preview cases in test/e2e/previewChecks.ts.
 * Syntax left open at every turn parses in time in proportion to its length (against a normal text
 * of the same size, in the same run). Also gray-matter's hazards: `---js` is never evaluated, and no
 * cache grows with distinct texts.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, parseArticle } from '../../src/core';
import { renderArticle } from '../../src/core/render/article';
import { COMPILED_CLI, spawnCli, tempDir } from './helpers/cli';
import { REPO } from './helpers/engine';
import { isFixedFile, itFixes } from './helpers/fixedTexts';
import { HOSTILE_DIR, materialize, openSyntax, readManifest } from './helpers/hostileCorpus';
import { assertInertHtml } from './helpers/htmlInert';

const manifest = readManifest();
const canary = manifest.canary;
const global = globalThis as Record<string, unknown>;

describe('hostile corpus (test/fixtures/hostile/manifest.json)', function () {
  this.timeout(120_000);
  let dir = '';

  before(() => {
    dir = tempDir('article-lint-hostile-');
    materialize(dir, manifest);
  });

  it('lists every committed file of the folder, each once', () => {
    const committed = fs.readdirSync(HOSTILE_DIR).filter((name) => name !== 'manifest.json' && !isFixedFile(name)).sort();
    const listed = manifest.cases.filter((entry) => !entry.generate).map((entry) => entry.file).sort();
    assert.deepEqual(listed, committed);
    assert.equal(new Set(manifest.cases.map((entry) => entry.file)).size, manifest.cases.length);
  });

  for (const entry of manifest.cases) {
    describe(`${entry.file}: ${entry.what}`, () => {
      const limitMs = (entry.maxSeconds ?? 10) * 1000;

      it(`the engine finishes within ${limitMs / 1000} s with exactly ${entry.engine.rules.join(', ') || 'no findings'}, evaluating nothing`, async () => {
        const file = path.join(dir, entry.file);
        const text = fs.readFileSync(file, 'utf8');
        const started = Date.now();
        const result = await analyzeArticle(text, { filePath: file });
        const elapsed = Date.now() - started;
        assert.ok(elapsed < limitMs, `took ${elapsed} ms`);
        assert.equal(result.isContent, entry.engine.isArticle);
        assert.deepEqual([...new Set(result.findings.map((f) => f.ruleId))].sort(), entry.engine.rules);
        assert.deepEqual(result.findings.filter((f) => /^Internal error/.test(f.message)), []);
        if (entry.engine.message) {
          const { rule, pattern } = entry.engine.message;
          assert.ok(result.findings.some((f) => f.ruleId === rule && f.message.includes(pattern)), `a ${rule} finding saying "${pattern}"`);
        }
        assert.equal(global[canary], undefined, 'a payload of the corpus ran in the engine');
        assert.ok(!fs.existsSync(path.join(dir, 'hostile-evaluated.txt')) && !fs.existsSync('hostile-evaluated.txt'), 'a payload wrote a file');
      });

      it('renders to inert HTML (HTML on and off), quickly', () => {
        const text = fs.readFileSync(path.join(dir, entry.file), 'utf8');
        for (const allowHtml of [true, false]) {
          const started = Date.now();
          const { html } = renderArticle(parseArticle(text), { resolveImage: (src) => ({ url: src }), allowHtml });
          assert.ok(Date.now() - started < limitMs, `render took ${Date.now() - started} ms`);
          // A 5 MB page is parsed as well: parse5 is linear.
          assertInertHtml(html);
        }
        assert.equal(global[canary], undefined);
      });

      it(`the CLI exits ${entry.cli.exit}${entry.cli.stderr ? ` with "${entry.cli.stderr.trim()}"` : ' with nothing on stderr'}${entry.cli.rules ? ' and reports its rules' : ''}`, () => {
        const started = Date.now();
        const run = spawnCli(COMPILED_CLI, ['--format', 'json', entry.file], { cwd: dir, timeout: limitMs + 10_000 });
        assert.ok(Date.now() - started < limitMs + 10_000, 'finishes');
        assert.equal(run.stderr, entry.cli.stderr);
        assert.equal(run.code, entry.cli.exit, run.stderr);
        if (entry.cli.rules) {
          const [report] = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ ruleId: string }> }>;
          assert.deepEqual([...new Set(report.diagnostics.map((d) => d.ruleId))].sort(), entry.cli.rules);
        } else {
          assert.deepEqual(JSON.parse(run.stdout), []);
        }
        assert.ok(!fs.existsSync(path.join(dir, 'hostile-evaluated.txt')), 'a payload wrote a file');
      });

      // Committed files only: the generated ones are too big to keep a fixed copy of.
      if (!entry.generate) {
        const committed = path.join(HOSTILE_DIR, entry.file);
        itFixes(committed, (text) => analyzeArticle(text, { filePath: committed }));
      }

      if (entry.cliFix) {
        const expected = entry.cliFix;
        it(`with --fix: ${expected.unchanged ? 'the file is left byte for byte' : 'the file is fixed'}${expected.stderr ? `, saying "${expected.stderr.trim()}"` : ''}`, () => {
          const fixDir = tempDir('article-lint-hostile-fix-');
          fs.copyFileSync(path.join(dir, entry.file), path.join(fixDir, entry.file));
          const before = fs.readFileSync(path.join(fixDir, entry.file));
          const run = spawnCli(COMPILED_CLI, ['--fix', '--format', 'json', entry.file], { cwd: fixDir, timeout: limitMs + 10_000 });
          assert.equal(run.stderr, expected.stderr);
          assert.equal(before.equals(fs.readFileSync(path.join(fixDir, entry.file))), expected.unchanged);
        });
      }
    });
  }
});

describe('syntax left open at every turn (openSyntax, helpers/hostileCorpus.ts): parsed in time in proportion to its length', function () {
  this.timeout(120_000);
  // Enough openings that a scan ahead from each (the time in the square of the length) takes 20 to
  // 1,000 times as long per character as the normal text; with one pass, 1 to 5 times.
  const OPENINGS = 10_000;
  const MAX_RATIO = 10;
  const FRONT = '---\ntitle: Open syntax\n---\n\n';

  /** Milliseconds per character of a parse, the best of the runs so far. */
  const perCharacter = (text: string, kind: 'md' | 'mdx', best: number): number => {
    const started = process.hrtime.bigint();
    parseArticle(text, undefined, { kind });
    return Math.min(best, Number(process.hrtime.bigint() - started) / 1e6 / text.length);
  };

  for (const entry of openSyntax) {
    it(`${entry.kind}: ${entry.name}: ${OPENINGS} openings, per character within ${MAX_RATIO}× a normal text of the same kind`, () => {
      const open = FRONT + entry.open(OPENINGS);
      const normal = FRONT + entry.normal(OPENINGS);
      assert.ok(Math.abs(open.length - normal.length) <= normal.length / 2, `${open.length} and ${normal.length} characters`);
      // Both measured in this run, the best of three runs (a busy machine slows one run, not three);
      // the open text's runs stop once it is within the bound.
      let normalTime = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) normalTime = perCharacter(normal, entry.kind, normalTime);
      let openTime = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3 && (run === 0 || openTime > MAX_RATIO * normalTime); run++) openTime = perCharacter(open, entry.kind, openTime);
      const ratio = openTime / normalTime;
      assert.ok(ratio <= MAX_RATIO, `${ratio.toFixed(1)} times as long per character as the normal text`);
    });
  }
});

describe("gray-matter's hazards", function () {
  this.timeout(120_000);

  it('never evaluates ---js, ---javascript or ---coffee frontmatter, in any spelling of the opening line', async () => {
    for (const opening of ['---js', '---javascript', '--- js', '---JS', '---coffee', '---coffeescript', '---\tjs']) {
      const text = `${opening}\n{ title: (globalThis.${canary} = "${opening}", "Evaluated") }\n---\n\nBody.\n`;
      const result = await analyzeArticle(text, { isArticle: true });
      assert.equal(global[canary], undefined, `${JSON.stringify(opening)} was evaluated`);
      assert.equal(result.article.frontmatter?.data, undefined);
      assert.ok(result.findings.some((f) => f.ruleId === 'frontmatter-syntax' && /not supported/.test(f.message)), opening);
      const rendered = renderArticle(result.article, { resolveImage: () => ({}) });
      assert.doesNotMatch(rendered.headerHtml, /Evaluated/);
    }
  });

  it('keeps no cache that grows with distinct texts: the heap stays flat over 10,000 of them (child process with --expose-gc)', () => {
    // A child of its own: a clean heap, and gc() without flags on mocha's process.
    const script = `
      const core = require(${JSON.stringify(path.join(REPO, 'out', 'src', 'core', 'index.js'))});
      const render = require(${JSON.stringify(path.join(REPO, 'out', 'src', 'core', 'render', 'article.js'))});
      const matter = require('gray-matter');
      const text = (i) => '---\\ntitle: "Article number ' + i + ' about sourdough"\\ndescription: "' + 'x'.repeat(100 + (i % 50)) + i + '"\\nslug: article-' + i + '\\nkeywords: [sourdough, k' + i + ']\\nreadingTime: "' + (i % 9) + ' minutes"\\n---\\n\\n# Heading ' + i + '\\n\\n' + ('Words of body ' + i + '. ').repeat(40) + '\\n\\n![](/img-' + i + '.png)\\n';
      (async () => {
        const run = async (from, to) => { for (let i = from; i < to; i++) { const r = await core.analyzeArticle(text(i), { isArticle: true }); if (i % 10 === 0) render.renderArticle(r.article, { resolveImage: (s) => ({ url: s }) }); } };
        await run(0, 1000); // warm up: caches at their size, code optimized
        global.gc(); global.gc();
        const before = process.memoryUsage().heapUsed;
        await run(1000, 11000);
        global.gc(); global.gc();
        const after = process.memoryUsage().heapUsed;
        console.log(JSON.stringify({ before, after, grayMatterCache: Object.keys(matter.cache || {}).length }));
      })().catch((error) => { console.error(error); process.exit(1); });`;
    const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { cwd: REPO, encoding: 'utf8', timeout: 110_000 });
    assert.equal(run.status, 0, run.stderr);
    const { before, after, grayMatterCache } = JSON.parse(run.stdout.trim().split('\n').pop()!);
    const growthMb = (after - before) / 1024 / 1024;
    console.log(`      heap growth over 10,000 distinct texts: ${growthMb.toFixed(2)} MB`);
    assert.ok(growthMb < 3, `the heap grew by ${growthMb.toFixed(2)} MB over 10,000 distinct texts`);
    assert.equal(grayMatterCache, 0, "gray-matter's own cache (by text) is never filled");
  });
});
