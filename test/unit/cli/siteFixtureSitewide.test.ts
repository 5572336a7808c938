/**
 * The site-wide findings of the site fixtures (test/fixtures/sites/<name>/sitewide.json, where a
 * fixture has one): links and routes as each generator makes them (mounts, languages, collections,
 * input paths, plugins' routes, the site's own address), each beside real broken links, duplicates
 * and orphans that must still be reported. The CLI over the fixture's folder, a run over one of its
 * articles, and the editor's way of building the site model (one entry per file) give exactly the
 * listed findings.
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
import { FIXTURES, runCli, SITE_RULES, type SiteWideFinding } from '../helpers/cli';

const SITES = path.join(FIXTURES, 'sites');
const withSiteWide = fs.readdirSync(SITES).filter((name) => fs.existsSync(path.join(SITES, name, 'sitewide.json'))).sort();

describe('site fixtures as whole sites (test/fixtures/sites/*/sitewide.json)', function () {
  this.timeout(60_000);

  it('a fixture per generator lists its site-wide findings', () => {
    for (const generator of ['astro', 'docusaurus', 'eleventy', 'hugo', 'jekyll', 'nextjs']) {
      assert.ok(withSiteWide.some((name) => name.startsWith(`${generator}-`)), generator);
    }
  });

  for (const name of withSiteWide) {
    const root = path.join(SITES, name);
    const expected: SiteWideFinding[] = JSON.parse(fs.readFileSync(path.join(root, 'sitewide.json'), 'utf8'));

    it(`${name}: the CLI over the site gives exactly sitewide.json`, async () => {
      const run = await runCli(['--format', 'json', '.'], { cwd: root });
      assert.equal(run.stderr, '');
      const files: { file: string; diagnostics: Omit<SiteWideFinding, 'file'>[] }[] = JSON.parse(run.stdout);
      const actual = files.flatMap((file) =>
        file.diagnostics
          .filter((d) => SITE_RULES.has(d.ruleId))
          .map((d) => ({ file: file.file, ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message })),
      );
      assert.deepEqual(actual, expected);
    });

    it(`${name}: a run over one article reads the rest of the site and reports that article's findings`, async () => {
      const file = expected[0].file;
      const run = await runCli(['--format', 'json', file], { cwd: root });
      const [report]: { file: string; diagnostics: Omit<SiteWideFinding, 'file'>[] }[] = JSON.parse(run.stdout);
      const actual = report.diagnostics
        .filter((d) => SITE_RULES.has(d.ruleId))
        .map((d) => ({ file: report.file, ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message }));
      // Orphans are judged over the whole run only.
      assert.deepEqual(actual, expected.filter((finding) => finding.file === file && finding.ruleId !== 'article-orphan'));
    });

    it(`${name}: the editor’s site model gives the same findings`, async () => {
      const host = new NodeFileSystem();
      const sites = new SiteDirectory(host);
      const site = new SiteModel();
      const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(md|mdx|markdown)$/.test(file)).sort();
      const display = (file: string) => path.relative(root, file).split(path.sep).join('/');
      const configs = new Map<string, Awaited<ReturnType<typeof loadConfig>>['config']>();
      for (const file of files) {
        const filePath = path.join(root, file);
        const { config } = await loadConfig({ rules: allRules, fs: host, forPath: filePath, defaultBaseDir: root });
        configs.set(filePath, config);
        const entry = await readSiteArticle({ text: fs.readFileSync(filePath, 'utf8'), filePath, config, fs: host, sites });
        if (entry) site.set(entry);
      }
      const actual: SiteWideFinding[] = [];
      for (const article of [...site.all()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        for (const f of await checkSiteArticle(site, article.path, { config: configs.get(article.path), fs: host, displayPath: display })) {
          actual.push({ file: display(article.path), ruleId: f.ruleId, severity: f.severity, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, message: f.message });
        }
      }
      assert.deepEqual(actual, expected);
    });
  }
});
