/**
 * The shared examples (copied to test/fixtures/examples) and the demo workspace's articles
 * (examples/workspace): exact expected findings, stats, fixes (every fix in turn compared with the
 * expected fixed text, see helpers/fixedTexts.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, analyzeArticle, applyEdits, loadConfig } from '../../../src/core';
import { EXAMPLE_FIXTURES, nodeFs, REPO } from '../helpers/engine';
import { hasFixedText, itFixes } from '../helpers/fixedTexts';

const DEMO_WORKSPACE = path.join(REPO, 'examples', 'workspace');

interface Expected {
  ruleId: string;
  severity: string;
  line: number;
  column?: number;
}

/** Analyzes a text as the file at `filePath`, with the configuration found for it (as the CLI does). */
async function analyzeAs(filePath: string, text: string, baseDir: string) {
  const { config } = await loadConfig({ rules: allRules, fs: nodeFs, forPath: filePath, defaultBaseDir: baseDir });
  return analyzeArticle(text, { filePath, fs: nodeFs, config });
}

async function analyzeExample(relative: string) {
  const filePath = path.join(EXAMPLE_FIXTURES, relative);
  return analyzeAs(filePath, fs.readFileSync(filePath, 'utf8'), EXAMPLE_FIXTURES);
}

function expectExactly(findings: { ruleId: string; severity: string; line: number; column: number }[], expected: Expected[]) {
  const key = (f: Expected) => `${f.line}${f.column === undefined ? '' : `:${f.column}`} ${f.severity} ${f.ruleId}`;
  const withColumn = new Set(expected.filter((e) => e.column !== undefined).map((e) => `${e.ruleId}@${e.line}`));
  const actual = findings.map((f) => key({ ...f, column: withColumn.has(`${f.ruleId}@${f.line}`) ? f.column : undefined }));
  assert.deepEqual(actual.sort(), expected.map(key).sort());
}

describe('shared examples', () => {
  it('sample-article.md gets no finding at all', async () => {
    const result = await analyzeExample('sample-article.md');
    assert.deepEqual(result.findings, []);
    assert.equal(result.isContent, true);
    assert.deepEqual(result.stats, {
      words: result.stats.words,
      readingMinutes: 4,
      keywordsUsed: 7,
      keywordsTotal: 7,
      faqQuestions: 4,
      readability: result.stats.readability,
      // Sums of Arial's advance widths (2048 units per em) at 20 px and 14 px, to a tenth of a px.
      titleWidth: 569.2,
      descriptionWidth: 887.9,
    });
    assert.ok(result.stats.readability! >= 60 && result.stats.readability! < 70, `plain English: ${result.stats.readability}`);
  });

  it('flawed-article.md gets exactly flawed-article.expected.json', async () => {
    const result = await analyzeExample('flawed-article.md');
    const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLE_FIXTURES, 'flawed-article.expected.json'), 'utf8')) as Expected[];
    expectExactly(result.findings, expected);
    assert.equal(result.stats.keywordsTotal, 4, 'Winter-Tyres repeats winter tyres: 4 distinct keywords');
    assert.equal(result.stats.keywordsUsed, 3);
    assert.equal(result.stats.faqQuestions, 2);
  });

  it('flawed-article.md: the schema message speaks plainly', async () => {
    const result = await analyzeExample('flawed-article.md');
    const schema = result.findings.find((finding) => finding.ruleId === 'frontmatter-schema');
    assert.match(schema!.message, /pubDate: 'sometime soon' is not a date/);
    const unknown = result.findings.find((finding) => finding.ruleId === 'frontmatter-unknown-key');
    assert.match(unknown!.message, /did you mean heroImageAlt\?/);
  });

  it('flawed-article.md: applying the safe fixes removes those findings and nothing else changes', async () => {
    const result = await analyzeExample('flawed-article.md');
    const safe = result.findings.filter((finding) => finding.fix?.safe);
    // The slug's fix moves the page: offered, never safe.
    assert.deepEqual(safe.map((finding) => finding.ruleId).sort(), ['reading-time-mismatch']);
    assert.equal(result.findings.find((finding) => finding.ruleId === 'slug-format')?.fix?.safe, false);
    const fixed = applyEdits(result.article.text, safe.flatMap((finding) => finding.fix!.edits));
    assert.match(fixed, /^readingTime: "1 minute"$/m);
    const changedLines = fixed.split('\n').filter((line, index) => line !== result.article.text.split('\n')[index]);
    assert.equal(changedLines.length, 1);
    const again = await analyzeArticle(fixed, { filePath: path.join(EXAMPLE_FIXTURES, 'flawed-article.md'), fs: nodeFs });
    assert.equal(again.findings.filter((finding) => finding.fix?.safe).length, 0);
    assert.equal(again.findings.length, result.findings.length - 1);
  });

  it('astro-site markets-of-lisbon.md gets exactly expected.json, with the generated schema found automatically', async () => {
    const result = await analyzeExample('astro-site/src/content/blog/markets-of-lisbon.md');
    const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLE_FIXTURES, 'astro-site', 'expected.json'), 'utf8')) as Expected[];
    expectExactly(result.findings, expected);
    assert.equal(result.schemaSource, path.join(EXAMPLE_FIXTURES, 'astro-site', '.astro', 'collections', 'blog.schema.json'));
    assert.match(result.findings[0].message, /category: 'Cooking' is not one of Food, Travel, Technology/);
  });

  const examples = [
    ...['sample-article.md', 'flawed-article.md', 'astro-site/src/content/blog/markets-of-lisbon.md'].map((relative) => ({
      name: relative,
      file: path.join(EXAMPLE_FIXTURES, relative),
      baseDir: EXAMPLE_FIXTURES,
    })),
    ...['cast-iron-care.md', 'trail-running-in-the-rain.md'].map((name) => ({
      name: `examples/workspace/src/content/blog/${name}`,
      file: path.join(DEMO_WORKSPACE, 'src', 'content', 'blog', name),
      baseDir: DEMO_WORKSPACE,
    })),
  ];

  it('every article of the demo workspace is listed here, and some have fixes to check', () => {
    const blog = path.join(DEMO_WORKSPACE, 'src', 'content', 'blog');
    const listed = examples.filter((example) => example.baseDir === DEMO_WORKSPACE).map((example) => path.basename(example.file));
    assert.deepEqual(fs.readdirSync(blog).filter((name) => /\.mdx?$/.test(name)).sort(), listed.sort());
    assert.ok(examples.filter((example) => hasFixedText(example.file)).length >= 3);
  });

  for (const { name, file, baseDir } of examples) {
    describe(`${name}: fixes`, () => {
      itFixes(file, (text) => analyzeAs(file, text, baseDir));
    });
  }
});
