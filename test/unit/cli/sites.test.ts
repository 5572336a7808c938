/**
 * Example sites (test/fixtures/sitewide: astro, hugo, jekyll) through the CLI, with the exact
 * site-wide findings of expected.json: over the whole site, over some of its articles, in every output
 * format, and as the editor builds the site model.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/cli/node-fs';
import { allRules } from '../../../src/core';
import { checkSiteArticle } from '../../../src/core/analyze/siteRules';
import { loadConfig, type ResolvedConfig } from '../../../src/core/config/config';
import { SiteDirectory } from '../../../src/core/site/directory';
import { SiteModel } from '../../../src/core/site/model';
import { readSiteArticle } from '../../../src/core/site/readArticle';
import { FIXTURES, runCli, SITE_RULES, tempDir, writeTree, type SiteWideFinding } from '../helpers/cli';

const SITES = path.join(FIXTURES, 'sitewide');

describe('article-lint over whole sites', function () {
  this.timeout(60_000);

  describe('example sites through the CLI', () => {
    it('astro, hugo and jekyll sites get exactly test/fixtures/sitewide/expected.json from the site-wide rules', async () => {
      const run = await runCli(['--format', 'json', '.'], { cwd: SITES });
      assert.equal(run.stderr, '');
      const files: { file: string; diagnostics: (Omit<SiteWideFinding, 'file'> & { ruleId: string })[] }[] = JSON.parse(run.stdout);
      const actual: SiteWideFinding[] = [];
      for (const file of files) {
        for (const d of file.diagnostics) {
          if (SITE_RULES.has(d.ruleId)) {
            actual.push({ file: file.file, ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message });
          }
        }
      }
      const expected: SiteWideFinding[] = JSON.parse(fs.readFileSync(path.join(SITES, 'expected.json'), 'utf8'));
      assert.deepEqual(actual, expected);
    });

    it('the editor’s way of building the model (readSiteArticle per file) gives the same findings as the CLI', async () => {
      const host = new NodeFileSystem();
      const sites = new SiteDirectory(host);
      const site = new SiteModel();
      const files = fs.readdirSync(SITES, { recursive: true, encoding: 'utf8' }).filter((file) => /\.md$/.test(file)).sort();
      const configs = new Map<string, ResolvedConfig>();
      for (const file of files) {
        const filePath = path.join(SITES, file);
        const { config } = await loadConfig({ rules: allRules, fs: host, forPath: filePath, defaultBaseDir: SITES });
        configs.set(filePath, config);
        const entry = await readSiteArticle({ text: fs.readFileSync(filePath, 'utf8'), filePath, config, fs: host, sites });
        if (entry) site.set(entry);
      }
      const actual: SiteWideFinding[] = [];
      for (const article of [...site.all()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        const display = (p: string) => path.relative(SITES, p).split(path.sep).join('/');
        for (const f of await checkSiteArticle(site, article.path, { config: configs.get(article.path), fs: host, displayPath: display })) {
          actual.push({ file: display(article.path), ruleId: f.ruleId, severity: f.severity, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, message: f.message });
        }
      }
      const expected: SiteWideFinding[] = JSON.parse(fs.readFileSync(path.join(SITES, 'expected.json'), 'utf8'));
      assert.deepEqual(actual, expected);
    });

    it('a run over some articles of a site gives each the site-wide findings of a run over the whole site (one article alone: no orphan)', async () => {
      const whole: SiteWideFinding[] = JSON.parse(fs.readFileSync(path.join(SITES, 'expected.json'), 'utf8'));
      const subsets = [
        ['astro/src/content/blog/rye-bread.md'],
        ['astro/src/content/blog/rye-bread.md', 'astro/src/content/blog/flour-guide.md'],
        ['astro/src/content/blog/flour-guide.md', 'hugo/content/posts/first.md'],
        ...['astro', 'hugo', 'jekyll'].map((site) => fs.readdirSync(path.join(SITES, site), { recursive: true, encoding: 'utf8' }).filter((file) => /\.md$/.test(file)).slice(0, 1).map((file) => `${site}/${file.split(path.sep).join('/')}`)),
      ];
      let compared = 0;
      for (const subset of subsets) {
        const run = await runCli(['--format', 'json', ...subset], { cwd: SITES });
        assert.equal(run.stderr, '', subset.join(' '));
        const files: { file: string; diagnostics: (Omit<SiteWideFinding, 'file'> & { ruleId: string })[] }[] = JSON.parse(run.stdout);
        assert.deepEqual(files.map((file) => file.file).sort(), [...subset].sort());
        for (const file of files) {
          const actual = file.diagnostics
            .filter((d) => SITE_RULES.has(d.ruleId))
            .map((d) => ({ file: file.file, ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message }));
          const expected = whole.filter((finding) => finding.file === file.file && !(subset.length === 1 && finding.ruleId === 'article-orphan'));
          assert.deepEqual(actual, expected, subset.join(' '));
          compared += expected.length;
        }
      }
      // Links to, links from and duplicates of articles outside the paths given were all put to the test.
      assert.ok(compared >= 6, `${compared} findings compared`);
    });

    it('a route link to no article of the site is still broken in a run over one article', async () => {
      const dir = tempDir();
      writeTree(dir, {
        'package.json': '{"dependencies":{"astro":"4.0.0"}}',
        'src/content/blog/a/first.md': '---\ntitle: "First"\n---\n\nSee [the second](/blog/b/second/) and [nothing](/blog/b/missing/).\n',
        'src/content/blog/b/second.md': '---\ntitle: "Second"\n---\n\nBack to [the first](/blog/a/first/).\n',
      });
      const run = await runCli(['--format', 'json', 'src/content/blog/a/first.md'], { cwd: dir });
      const [file] = JSON.parse(run.stdout);
      const siteWide = file.diagnostics.filter((d: { ruleId: string }) => SITE_RULES.has(d.ruleId));
      assert.deepEqual(siteWide.map((d: { ruleId: string; line: number; column: number }) => `${d.ruleId} ${d.line}:${d.column}`), ['link-broken 5:39']);
    });

    it('an Eleventy post: no heading, image or link is read inside {% highlight %}, {% set x %} or {% raw %}; the real ones beside them are', async () => {
      const dir = tempDir();
      writeTree(dir, {
        'package.json': '{"devDependencies":{"@11ty/eleventy":"3.0.0"}}',
        'blog/first.md': [
          '---',
          'title: "First"',
          '---',
          '',
          '# First',
          '',
          '{% highlight "bash" %}',
          '# Local project',
          '![](/in-code.png) [code](/in-code/)',
          '{% endhighlight %}',
          '',
          '{%- set codeBlock %}{% raw %}',
          '# My Rad Blog Post',
          '<a href="/in-set/">x</a> <img src="/in-set.png">',
          '{% endraw %}{%- endset %}',
          '{{ codeBlock | highlight("html") | safe }}',
          '',
          '# Second',
          '',
          '![](/img/real.png) [broken](/nowhere/)',
          '',
        ].join('\n'),
        'img/real.png': 'png',
      });
      const run = await runCli(['--format', 'json', '.'], { cwd: dir });
      const [file] = JSON.parse(run.stdout);
      const watched = new Set(['heading-multiple-h1', 'image-alt-missing', 'image-not-found', 'link-broken']);
      const found = file.diagnostics.filter((d: { ruleId: string }) => watched.has(d.ruleId)).map((d: { ruleId: string; line: number; column: number }) => `${d.ruleId} ${d.line}:${d.column}`);
      assert.deepEqual(found, ['heading-multiple-h1 18:1', 'image-alt-missing 20:1', 'link-broken 20:20']);
    });

    it('reports the site-wide findings in stylish and SARIF output too', async () => {
      const stylish = await runCli(['astro/src/content/blog/rye-bread.md', 'astro/src/content/blog/flour-guide.md'], { cwd: SITES });
      assert.match(stylish.stdout, /^ {2}4:7 +error +Published at \/blog\/flour-guide\/, like astro\/src\/content\/blog\/flour-guide\.md.* +duplicate-url$/m);
      const sarif = await runCli(['--format', 'sarif', 'astro/src/content/blog/rye-bread.md', 'astro/src/content/blog/flour-guide.md'], { cwd: SITES });
      const results: { ruleId: string }[] = JSON.parse(sarif.stdout).runs[0].results;
      // The same as these two get in a run over the whole site (the other articles are read for links and duplicates).
      assert.deepEqual(results.filter((r) => SITE_RULES.has(r.ruleId)).map((r) => r.ruleId).sort(), [
        'article-orphan',
        'duplicate-description',
        'duplicate-description',
        'duplicate-title',
        'duplicate-url',
        'duplicate-url',
      ]);
    });

    it('the shared examples keep their per-article findings; the clean article alone gets no site-wide finding', async () => {
      const run = await runCli(['--format', 'json', 'sample-article.md'], { cwd: path.join(FIXTURES, 'examples') });
      assert.equal(run.code, 0);
      assert.deepEqual(JSON.parse(run.stdout)[0].diagnostics, []);
    });
  });
});
