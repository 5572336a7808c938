/**
 * Links and routes as the generators make them, beyond the fixtures' sitewide.json
 * (siteFixtureSitewide.test.ts): a Docusaurus sidebar, a blog in another folder, template output in
 * a link's destination.
 */
import * as assert from 'node:assert/strict';
import { runCli, SITE_RULES, tempDir, writeTree } from '../helpers/cli';
import { templateLinkPath } from '../../../src/core/site/model';

describe('links and routes as the generators make them', function () {
  this.timeout(60_000);

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
