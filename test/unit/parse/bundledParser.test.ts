/**
 * The bundles rewrite markdown-it's class-field helper (scripts/esbuild-plugins.mjs, markdown-it-fast-fields):
 * the engine the editor and the CLI load must parse exactly as markdown-it as published does. Every
 * Markdown fixture, the benchmark's articles and random bodies go through both; their tokens must have
 * the same fields, in the same order, with the same values and property flags.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseArticle } from '../../../src/core';
import { type Token } from '../../../src/core/parse/token';
import { largeArticle, seedArticle } from '../../../bench/generate';
import { bodyArbitrary } from '../helpers/markdownArbitraries';
import { runsPerProperty } from '../helpers/fuzzConfig';
import { tempDir } from '../helpers/cli';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

type Parse = (text: string) => { tokens: Token[] };

/** Every own field of each token, in definition order, children included: plain data to compare. */
function fields(tokens: readonly Token[]): unknown[] {
  return tokens.map((token) =>
    Object.entries(token).map(([key, value]) => [key, key === 'children' && Array.isArray(value) ? fields(value as Token[]) : value]),
  );
}

function markdownFixtures(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFixtures(full);
    return /\.(md|markdown|mdx)$/i.test(entry.name) ? [full] : [];
  });
}

describe('the bundled engine parses as markdown-it as published', function () {
  let bundledParse: Parse;

  before(function () {
    this.timeout(120_000);
    // The bundles as scripts/build.mjs makes them from the current source, into a folder of their own
    // (dist/ may be missing or older than the source).
    const outdir = tempDir('article-authoring-bundle-');
    const build = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs'), '--outdir', outdir], { cwd: REPO, encoding: 'utf8' });
    assert.equal(build.status, 0, `scripts/build.mjs --outdir failed:\n${build.stdout}${build.stderr}`);
    bundledParse = (require(path.join(outdir, 'engine.js')) as { parseArticle: Parse }).parseArticle;
  });

  function assertSameParse(text: string, what: string) {
    const bundled = bundledParse(text).tokens;
    const published = parseArticle(text).tokens;
    assert.deepStrictEqual(fields(bundled), fields(published), what);
  }

  it('every Markdown fixture', function () {
    const files = markdownFixtures(path.join(REPO, 'test', 'fixtures'));
    assert.ok(files.length >= 20, `fixtures found: ${files.length}`);
    for (const file of files) assertSameParse(fs.readFileSync(file, 'utf8'), path.relative(REPO, file));
  });

  it("the benchmark's seed-sized and 256 KB articles", function () {
    assertSameParse(seedArticle().text, 'seed article');
    assertSameParse(largeArticle(256 * 1024).text, '256 KB article');
  });

  it('random bodies with open fences, HTML blocks, lists and odd line ends', function () {
    fc.assert(
      fc.property(bodyArbitrary, (body) => assertSameParse(body, 'random body')),
      { numRuns: Math.min(200, runsPerProperty()) },
    );
  });

  it('tokens have the same property flags (own, enumerable, writable, configurable)', function () {
    const text = '# Title\n\nSome *text* with a [link](/a) and ![alt](/b.png).\n';
    const flags = (token: Token) =>
      Object.entries(Object.getOwnPropertyDescriptors(token)).map(([key, d]) => [key, d.enumerable, d.writable, d.configurable]);
    const bundled = bundledParse(text).tokens;
    const published = parseArticle(text).tokens;
    assert.deepStrictEqual(bundled.map(flags), published.map(flags));
    const bundledChild = bundled.find((token) => token.children)!.children!;
    const publishedChild = published.find((token) => token.children)!.children!;
    assert.deepStrictEqual(bundledChild.map(flags), publishedChild.map(flags));
  });
});
