/**
 * Links and routes as each generator makes them (test/fixtures/sites/<name>/sitewide.json): pages
 * and collection documents as link targets, the routes a generator and its plugins make, links to
 * input files, template output in destinations, the site's own address and base path, headings a
 * page brings in from elsewhere. Each fixture holds links that must resolve beside real broken
 * links that must still be reported: its site-wide findings are exactly sitewide.json's, through
 * the CLI and as the editor builds its model.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/cli/node-fs';
import { allRules } from '../../../src/core';
import { checkSiteArticle } from '../../../src/core/analyze/siteRules';
import { loadConfig } from '../../../src/core/config/config';
import { SiteDirectory } from '../../../src/core/site/directory';
import { SiteModel } from '../../../src/core/site/model';
import { readSiteArticle } from '../../../src/core/site/readArticle';
import { FIXTURES, runCli, tempDir, writeTree } from '../helpers/cli';
import { templateLinkPath } from '../../../src/core/site/model';

const SITES = path.join(FIXTURES, 'sites');
const SITE_RULES = new Set(['duplicate-title', 'duplicate-description', 'duplicate-url', 'link-broken', 'article-orphan']);

/** `file line:column rule message`, the form sitewide.json lists. */
type Finding = string;

function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(md|mdx|markdown)$/.test(file))
    .map((file) => path.join(dir, file))
    .sort();
}

const fixtures = fs.readdirSync(SITES).filter((name) => fs.existsSync(path.join(SITES, name, 'sitewide.json'))).sort();

describe('links and routes as the generators make them (test/fixtures/sites/*/sitewide.json)', function () {
  this.timeout(60_000);

  it('has a fixture per generator’s routes', () => {
    assert.deepEqual(fixtures, ['astro-site-url', 'docusaurus-routes', 'eleventy-inputpath', 'jekyll-collections', 'nextjs-contentlayer']);
  });

  for (const name of fixtures) {
    const root = path.join(SITES, name);
    const expected: Finding[] = JSON.parse(fs.readFileSync(path.join(root, 'sitewide.json'), 'utf8'));

    it(`${name}: the CLI over the site reports exactly sitewide.json`, async () => {
      const run = await runCli(['--format', 'json', '.'], { cwd: root });
      assert.equal(run.stderr, '');
      const files: { file: string; diagnostics: { ruleId: string; line: number; column: number; message: string }[] }[] = JSON.parse(run.stdout);
      const actual = files.flatMap((file) =>
        file.diagnostics.filter((d) => SITE_RULES.has(d.ruleId)).map((d) => `${file.file} ${d.line}:${d.column} ${d.ruleId} ${d.message}`),
      );
      assert.deepEqual(actual, expected);
    });

    it(`${name}: a run over one article reads the rest of the site and reports that article's findings of sitewide.json`, async () => {
      const file = expected[0].split(' ')[0];
      const run = await runCli(['--format', 'json', file], { cwd: root });
      const [report]: { file: string; diagnostics: { ruleId: string; line: number; column: number; message: string }[] }[] = JSON.parse(run.stdout);
      const actual = report.diagnostics.filter((d) => SITE_RULES.has(d.ruleId)).map((d) => `${report.file} ${d.line}:${d.column} ${d.ruleId} ${d.message}`);
      assert.deepEqual(actual, expected.filter((finding) => finding.startsWith(`${file} `) && !finding.includes(' article-orphan ')));
    });

    it(`${name}: the editor’s model (readSiteArticle per file) gives the same findings`, async () => {
      const host = new NodeFileSystem();
      const sites = new SiteDirectory(host);
      const model = new SiteModel();
      const display = (file: string) => path.relative(root, file).split(path.sep).join('/');
      for (const file of markdownFiles(root)) {
        const { config } = await loadConfig({ rules: allRules, fs: host, forPath: file, defaultBaseDir: root });
        const entry = await readSiteArticle({ text: fs.readFileSync(file, 'utf8'), filePath: file, config, fs: host, sites });
        if (entry) model.set(entry);
      }
      const actual: Finding[] = [];
      for (const article of [...model.all()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        for (const finding of await checkSiteArticle(model, article.path, { fs: host, displayPath: display })) {
          actual.push(`${display(article.path)} ${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`);
        }
      }
      assert.deepEqual(actual, expected);
    });
  }

  it('a Docusaurus doc in a sidebar is never an orphan, when the docs are articles (include); one outside every sidebar is', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'docusaurus.config.js': "module.exports = { presets: [['classic', { docs: { sidebarPath: './sidebars.js' } }]] };\n",
      'sidebars.js': "module.exports = { docs: ['listed'] };\n",
      '.article-lint.json': '{ "include": ["docs/**"] }\n',
      'docs/listed.md': '---\ntitle: "A doc in the sidebar"\n---\n\nNo link leads here.\n',
      'docs/unlisted.md': '---\ntitle: "A doc in no sidebar"\n---\n\nNo link leads here either.\n',
    });
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    const files: { file: string; diagnostics: { ruleId: string }[] }[] = JSON.parse(run.stdout);
    const orphans = files.filter((file) => file.diagnostics.some((d) => d.ruleId === 'article-orphan')).map((file) => file.file);
    assert.deepEqual(orphans, ['docs/unlisted.md']);
  });

  it('a Docusaurus blog in another folder (path: news) holds the articles, at its routeBasePath', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'docusaurus.config.js': "module.exports = { presets: [['classic', { blog: { path: 'news', routeBasePath: 'updates' } }]] };\n",
      'news/2026-01-01-first.md': '---\ntitle: "First"\n---\n\nOn to [the second](/updates/2026/01/02/second) and [nowhere](/blog/2026/01/02/second).\n',
      'news/2026-01-02-second.md': '---\ntitle: "Second"\n---\n\nBack to [the first](/updates/2026/01/01/first).\n',
      'news/_draft.md': '---\ntitle: "Draft"\n---\n\nNot a post.\n',
    });
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    const files: { file: string; diagnostics: { ruleId: string; line: number; column: number }[] }[] = JSON.parse(run.stdout);
    assert.deepEqual(files.map((file) => file.file), ['news/2026-01-01-first.md', 'news/2026-01-02-second.md']);
    const siteWide = files.flatMap((file) => file.diagnostics.filter((d) => SITE_RULES.has(d.ruleId)).map((d) => `${file.file} ${d.line}:${d.column} ${d.ruleId}`));
    assert.deepEqual(siteWide, ['news/2026-01-01-first.md 5:52 link-broken']);
  });

  it('template output in a destination: the site’s address or a quoted path before a plain path is checked, anything else is not', () => {
    assert.equal(templateLinkPath('/plain/'), undefined);
    assert.equal(templateLinkPath('{{ site.baseurl }}/docs/x/'), '/docs/x/');
    assert.equal(templateLinkPath('{{site.url}}{{site.baseurl}}/docs/x/#part'), '/docs/x/#part');
    assert.equal(templateLinkPath("{{ '/docs/x/' | relative_url }}"), '/docs/x/');
    assert.equal(templateLinkPath('{{ "/blog/" | url }}#top'), '/blog/#top');
    assert.equal(templateLinkPath('{{ site.repository }}/issues'), null);
    assert.equal(templateLinkPath('{{ post.url }}'), null);
    assert.equal(templateLinkPath('/tags/{{ tag }}/'), null);
    assert.equal(templateLinkPath('{% link _docs/x.md %}'), null);
  });
});
