/** analyzeArticle beyond the fixture files: schemas, article detection, robustness, facts and stats. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { allRules, analyzeArticle, defaultConfig, faqJsonLd, faqOf, normalizeForMatching, parseArticle } from '../../../src/core';
import { articleStats, isArticleFile } from '../../../src/core/analyze/analyze';
import { imagesOf } from '../../../src/core/facts/images';
import { containsPhrase, keywordCoverage } from '../../../src/core/facts/keywords';
import { ruleRegistry } from '../../../src/core/rules/index';
import { builtinSchema } from '../../../src/core/schema/schema';
import { checkFrontmatter } from '../../../src/core/schema/schemaCheck';
import { analyze, compact, configFrom, findingsOf, GOOD_FAQ, GOOD_FRONTMATTER, memoryFs } from '../helpers/engine';

const site = path.resolve('/site');

describe('analyzeArticle', () => {
  describe('schemas', () => {
    const article = ['---', 'title: "Winter Tyres: How to Choose Them for Snow"', 'pubDate: "Nov 22 2025"', 'rating: 11', 'mood: happy', '---', GOOD_FAQ].join('\n');
    const teamSchema = JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      required: ['title', 'pubDate', 'author'],
      properties: {
        title: { type: 'string' },
        pubDate: { type: 'string', format: 'date' },
        author: { type: 'string' },
        rating: { type: 'integer', maximum: 5, minimum: 0, errorMessage: 'rate from 0 to 5' },
        mood: { type: 'string', markdownDescription: 'ignored keyword' },
      },
      additionalProperties: false,
      errorMessage: { required: { author: 'every post names its author' } },
    });

    it('uses the configured team schema, its errorMessage texts, and never reports additionalProperties', async () => {
      const files = { [path.join(site, 'schemas', 'post.json')]: teamSchema, [path.join(site, 'blog', 'a.md')]: article };
      const config = configFrom(site, { schema: 'schemas/post.json' });
      const result = await analyzeArticle(article, { filePath: path.join(site, 'blog', 'a.md'), fs: memoryFs(files), config });
      const schema = result.findings.filter((finding) => finding.ruleId === 'frontmatter-schema').map((finding) => `${finding.line} ${finding.message}`);
      assert.deepEqual(schema, ['1 author: every post names its author', '4 rating: rate from 0 to 5']);
      assert.equal(findingsOf(result.findings, 'frontmatter-unknown-key').length, 0, 'mood is in the team schema; description is not required');
      assert.equal(result.schemaSource, path.join(site, 'schemas', 'post.json'));
    });

    it('picks a schema by glob, and the built-in one where no glob matches', async () => {
      const files = { [path.join(site, 'schemas', 'post.json')]: teamSchema };
      const config = configFrom(site, { schema: { 'news/**': 'schemas/post.json' } });
      const news = await analyzeArticle(article, { filePath: path.join(site, 'news', 'a.md'), fs: memoryFs(files), config });
      assert.equal(news.schemaSource, path.join(site, 'schemas', 'post.json'));
      const blog = await analyzeArticle(article, { filePath: path.join(site, 'blog', 'a.md'), fs: memoryFs(files), config });
      assert.equal(blog.schemaSource, 'built-in');
      assert.deepEqual(findingsOf(blog.findings, 'frontmatter-unknown-key').length, 2);
    });

    it("finds Astro's generated schema for src/content/<name>/, also for a new article in a subfolder", async () => {
      const schemaPath = path.join(site, '.astro', 'collections', 'news.schema.json');
      const files = { [schemaPath]: teamSchema };
      const result = await analyzeArticle(article, { filePath: path.join(site, 'src', 'content', 'news', '2026', 'new.md'), fs: memoryFs(files) });
      assert.equal(result.schemaSource, schemaPath);
      const untrusted = await analyzeArticle(article, {
        filePath: path.join(site, 'src', 'content', 'news', 'new.md'),
        fs: memoryFs(files),
        loadWorkspaceSchemas: false,
      });
      assert.equal(untrusted.schemaSource, 'built-in');
    });

    it('falls back to the built-in schema, with a finding, when a schema file is not valid', async () => {
      const files = { [path.join(site, 'bad.json')]: '{"type": "object", "properties": {"title": {"type": 12}}}' };
      const config = configFrom(site, { schema: 'bad.json' });
      const result = await analyzeArticle(article, { filePath: path.join(site, 'a.md'), fs: memoryFs(files), config });
      assert.equal(result.schemaSource, 'built-in');
      assert.ok(result.findings.some((finding) => finding.ruleId === 'frontmatter-schema' && finding.line === 1 && /bad\.json cannot be used/.test(finding.message)));
    });

    it('reads draft-04 and 2020-12 schemas', async () => {
      for (const draft of ['http://json-schema.org/draft-04/schema#', 'https://json-schema.org/draft/2020-12/schema']) {
        const json = JSON.stringify({ $schema: draft, type: 'object', properties: { title: { type: 'string' }, rating: { type: 'integer' } } });
        const files = { [path.join(site, 's.json')]: json };
        const result = await analyzeArticle(article, { filePath: path.join(site, 'a.md'), fs: memoryFs(files), config: configFrom(site, { schema: 's.json' }) });
        assert.equal(result.schemaSource, path.join(site, 's.json'), draft);
        assert.deepEqual(findingsOf(result.findings, 'frontmatter-unknown-key'), ['frontmatter-unknown-key 3:1-3:8', 'frontmatter-unknown-key 5:1-5:5']);
      }
    });

    it('gives one finding per key however many keywords it breaks', () => {
      const check = checkFrontmatter({ title: 5, description: 'x', pubDate: 'soon', readingTime: true }, builtinSchema());
      assert.deepEqual(
        check.issues.map((issue) => issue.message),
        ['title: expected text, found the number 5.', "pubDate: 'soon' is not a date; write it as 2026-03-03 or Mar 3 2026.", 'readingTime: expected a number or text, found true.'],
      );
    });

    it('accepts every documented readingTime form and rejects others', () => {
      for (const value of [13, '13', '13 min', '13 mins', '13 min read', '13 minute', '13 minutes', '2.5 minutes']) {
        assert.equal(checkFrontmatter({ title: 't', description: 'd', pubDate: '2026-01-01', readingTime: value }, builtinSchema()).issues.length, 0, String(value));
      }
      for (const value of ['13 hours', 'about 13', '', -1, `1${' '.repeat(200000)}x`]) {
        assert.equal(checkFrontmatter({ title: 't', description: 'd', pubDate: '2026-01-01', readingTime: value }, builtinSchema()).issues.length, 1, String(value));
      }
    });
  });

  describe('image paths', () => {
    const text = `${GOOD_FRONTMATTER}![The trail at dawn](/hero.png) ![Local](./img/local%20one.png?v=1#x) ![Remote](https://x.test/a.png)\n${GOOD_FAQ}`;
    const article = path.join(site, 'src', 'blog', 'post.md');

    it('uses publicDir from the configuration, relative to the configuration file', async () => {
      const host = memoryFs({ [path.join(site, 'assets', 'hero.png')]: '', [path.join(site, 'src', 'blog', 'img', 'local one.png')]: '' });
      const findings = await analyzeArticle(text, { filePath: article, fs: host, config: configFrom(site, { publicDir: 'assets' }) });
      assert.deepEqual(findings.findings.map(compact), []);
    });

    it('finds public/ or static/ walking up, and checks nothing root-relative without one', async () => {
      const withStatic = memoryFs({ [path.join(site, 'static', 'other.png')]: '', [path.join(site, 'src', 'blog', 'img', 'local one.png')]: '' });
      const found = await analyzeArticle(text, { filePath: article, fs: withStatic, config: defaultConfig(allRules, site) });
      assert.deepEqual(found.findings.map((finding) => finding.message), ['The image "/hero.png" is not found (looked for ../../static/hero.png).']);
      const without = memoryFs({ [path.join(site, 'src', 'blog', 'img', 'local one.png')]: '' });
      const unchecked = await analyzeArticle(text, { filePath: article, fs: without, config: defaultConfig(allRules, site) });
      assert.deepEqual(unchecked.findings, []);
    });
  });

  describe('which files are articles', () => {
    it('a file with frontmatter, or one that include matches; a README is not', async () => {
      const config = defaultConfig(allRules, site);
      assert.equal(isArticleFile('---\ntitle: x\n---\n', path.join(site, 'README.md'), config), true);
      assert.equal(isArticleFile('# Read me', path.join(site, 'README.md'), config), false);
      assert.equal(isArticleFile('# Post', path.join(site, 'content', 'post.mdx'), config), true);
      assert.equal(isArticleFile('# Post', path.join(site, 'src', 'posts', 'a', 'post.md'), config), true);
      const readme = await analyzeArticle('# Read me\n\n![](x.png)\n', { filePath: path.join(site, 'README.md'), config });
      assert.equal(readme.isContent, false);
      assert.deepEqual(readme.findings, []);
    });
  });

  describe('robustness', () => {
    it('never evaluates ---js frontmatter', async () => {
      const marker = `__evaluated_${Date.now()}`;
      const findings = await analyze(`---js\n{ title: (globalThis.${marker} = 1, "x") }\n---\n${GOOD_FAQ}`);
      assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
      assert.deepEqual(findings.map(compact), ['frontmatter-syntax 1:1-1:6']);
    });

    it('finishes on a YAML alias bomb with a finding', async () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 12; i++) {
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
      }
      const findings = await analyze(`---\n${levels.join('\n')}\n---\n${GOOD_FAQ}`);
      assert.deepEqual(findings.map((finding) => finding.ruleId), ['frontmatter-syntax']);
    });

    it('finishes on a 5 MB one-line article with a finding', async function () {
      this.timeout(60_000);
      const chunk = `${'winter tyres and snow, '.repeat(40)}![](/nope.png) `;
      const line = chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length));
      const text = `${GOOD_FRONTMATTER}${line}\n`;
      const result = await analyzeArticle(text, { config: defaultConfig(allRules, site), isArticle: true });
      assert.ok(result.findings.some((finding) => finding.ruleId === 'image-alt-missing'));
      assert.ok(result.findings.some((finding) => finding.ruleId === 'faq-missing'));
      assert.ok(result.stats.words > 500000);
    });

    it('finishes on long runs of blanks where a careless pattern would backtrack', async function () {
      this.timeout(60_000);
      const blanks = ' '.repeat(1_000_000);
      await analyze(`---${blanks}1\n`);
      await analyze(`---\ntitle: x\nreadingTime: "1${blanks}x"\n---\n`);
      const findings = await analyze(`---\ntitle: x\nreadingTime: "9${blanks}"\n---\n`);
      assert.ok(findings.some((finding) => finding.ruleId === 'frontmatter-schema'));
    });

    it('finishes on binary content and pathological HTML', async function () {
      this.timeout(60_000);
      const binary = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
      await analyze(binary);
      const html = `${GOOD_FRONTMATTER}<img ${'"'.repeat(20000)}\n${'<img src="x'.repeat(5000)}\n<!--${'<img '.repeat(5000)}`;
      const findings = await analyze(html);
      assert.ok(Array.isArray(findings));
    });
  });

  describe('derived facts', () => {
    it('extracts the FAQ and its JSON-LD (FAQPage → Question → acceptedAnswer Answer)', () => {
      const article = parseArticle(`${GOOD_FRONTMATTER}# T\n\n## Frequently Asked Questions (FAQs)\n\n### Q1. Why?\nBecause **it** is.\n\n### Q2. Which?\n- one\n- two\n\n### Q3. Empty?\n`);
      const faq = faqOf(article)!;
      assert.deepEqual(faq.questions.map((q) => [q.question, q.answer, q.hasAnswer]), [
        ['Why?', 'Because it is.', true],
        ['Which?', 'one\ntwo', true],
        ['Empty?', '', false],
      ]);
      assert.deepEqual(faqJsonLd(article), {
        '@context': 'https://schema.org',
        '@type': 'FAQPage',
        mainEntity: [
          { '@type': 'Question', name: 'Why?', acceptedAnswer: { '@type': 'Answer', text: 'Because it is.' } },
          { '@type': 'Question', name: 'Which?', acceptedAnswer: { '@type': 'Answer', text: 'one\ntwo' } },
        ],
      });
      assert.equal(faqJsonLd(parseArticle('# No FAQ\n')), undefined);
    });

    it('matches keywords across case, hyphens and line breaks, on whole words', () => {
      const text = normalizeForMatching('Our AI-Powered\nTreatment uses tyres.');
      assert.equal(containsPhrase(text, normalizeForMatching('AI powered treatment')), true);
      assert.equal(containsPhrase(text, normalizeForMatching('tyre')), false);
      assert.equal(containsPhrase(text, normalizeForMatching('tyres')), true);
      const article = parseArticle(`---\nkeywords: [Tyres, tyres, snow]\n---\nWinter tyres.\n`);
      assert.deepEqual(keywordCoverage(article, ['Tyres', 'tyres', 'snow']), { distinct: ['tyres', 'snow'], used: ['tyres'] });
      assert.deepEqual(articleStats(article), { words: 2, readingMinutes: 1, keywordsUsed: 1, keywordsTotal: 2, faqQuestions: 0, readability: 77.9, titleWidth: null, descriptionWidth: null });
    });

    it('computes facts once per parse', () => {
      const article = parseArticle('![a](b.png)');
      assert.equal(imagesOf(article), imagesOf(article));
      assert.equal(faqOf(article), faqOf(article));
    });
  });

  describe('configuration', () => {
    it('turns rules off and sets severities', async () => {
      const text = `${GOOD_FRONTMATTER}# T\n`;
      const config = configFrom(site, { rules: { 'faq-missing': 'error', 'heading-multiple-h1': 'off' } });
      const findings = await analyze(`${text}# Again\n`, { config });
      assert.deepEqual(findings.map((finding) => `${finding.ruleId} ${finding.severity}`), ['faq-missing error']);
    });

    it('sorts findings by position and gives every rule a description', async () => {
      const findings = await analyze('---\ntitle: x\n---\n# A\n# B\n![](c.png)\n');
      const starts = findings.map((finding) => finding.start);
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
      for (const rule of ruleRegistry) assert.ok(rule.description.length > 20, rule.id);
    });
  });
});
