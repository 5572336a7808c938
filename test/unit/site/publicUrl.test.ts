/**
 * The article's public URL the preview shows (articlePublicUrl): the site's address (the preview's
 * setting, else the configuration's `siteUrl`, else the generator's configuration) and the route the
 * site model computes from the text being edited.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { detectSite, parseArticle, SiteDirectory, siteEntry, type SiteOf } from '../../../src/core';
import { renderArticle } from '../../../src/core/render/article';
import { articlePublicUrl, EXAMPLE_SITE_URL, joinUrl } from '../../../src/core/site/publicUrl';
import { memoryFs } from '../helpers/engine';

const ROOT = path.resolve('/sites/trail');

async function siteOf(files: Record<string, string>, article: string): Promise<SiteOf> {
  const fs = memoryFs(Object.fromEntries(Object.entries(files).map(([file, text]) => [path.join(ROOT, ...file.split('/')), text])));
  const filePath = path.join(ROOT, ...article.split('/'));
  return new SiteDirectory(fs).siteOf(filePath, await detectSite(filePath, fs), undefined);
}

function urlOf(text: string, article: string, site: SiteOf | undefined, siteUrls: (string | undefined)[] = []): string {
  return articlePublicUrl({ article: parseArticle(text), filePath: path.join(ROOT, ...article.split('/')), site, siteUrls, fallbackPath: 'fallback' });
}

const HUGO_CONFIG = ['baseURL = "https://trails.example/guide/"', 'title = "Trails"', '[permalinks]', '  posts = "/:year/:month/:slug/"'].join('\n');

describe('the article’s public URL (articlePublicUrl)', () => {
  it('Hugo: baseURL and [permalinks] of the site configuration, the slug from the text as edited', async () => {
    const site = await siteOf({ 'hugo.toml': HUGO_CONFIG, 'content/posts/high-pass.md': '' }, 'content/posts/high-pass.md');
    const text = '+++\ntitle = "Crossing the High Pass"\ndate = 2026-03-04\nslug = "high-pass"\n+++\n\nBody.\n';
    assert.equal(urlOf(text, 'content/posts/high-pass.md', site), 'https://trails.example/guide/2026/03/high-pass/');
    // A slug typed in the editor changes it at once (the same site settings, another text).
    assert.equal(urlOf(text.replace('"high-pass"', '"the-high-pass"'), 'content/posts/high-pass.md', site), 'https://trails.example/guide/2026/03/the-high-pass/');
    // A section without permalinks: the path below content/, lower-cased as Hugo does.
    const about = await siteOf({ 'hugo.toml': HUGO_CONFIG }, 'content/About/Team.md');
    assert.equal(urlOf('+++\ntitle = "Team"\n+++\n', 'content/About/Team.md', about), 'https://trails.example/guide/about/team/');
  });

  it('is the URL the site model gives the article (siteEntry), below the site’s address', async () => {
    const site = await siteOf({ 'hugo.toml': HUGO_CONFIG }, 'content/posts/high-pass.md');
    const article = parseArticle('---\ntitle: Pass\ndate: 2026-05-01\nslug: pass\n---\n');
    const filePath = path.join(ROOT, 'content', 'posts', 'high-pass.md');
    const entry = siteEntry({ article, path: filePath, ...site });
    assert.equal(entry.url, '/2026/05/pass/');
    assert.equal(articlePublicUrl({ article, filePath, site }), `https://trails.example/guide${entry.url}`);
  });

  it('the preview’s setting first, then the configuration’s siteUrl, then the generator’s, then example.com', async () => {
    const site = await siteOf({ 'hugo.toml': HUGO_CONFIG }, 'content/notes/x.md');
    const text = '---\ntitle: X\n---\n';
    assert.equal(urlOf(text, 'content/notes/x.md', site, ['https://preview.example', 'https://config.example']), 'https://preview.example/notes/x/');
    assert.equal(urlOf(text, 'content/notes/x.md', site, ['', 'https://config.example/']), 'https://config.example/notes/x/');
    assert.equal(urlOf(text, 'content/notes/x.md', site, [undefined, '  ']), 'https://trails.example/guide/notes/x/');
    const noBase = await siteOf({ 'hugo.toml': 'title = "No address"' }, 'content/notes/x.md');
    assert.equal(urlOf(text, 'content/notes/x.md', noBase), `${EXAMPLE_SITE_URL}/notes/x/`);
  });

  it('Jekyll: the permalink style of _config.yml, the date and title from the post’s file name', async () => {
    const site = await siteOf({ '_config.yml': 'title: Trails\npermalink: /:year/:title/\n' }, '_posts/2026-02-01-season-opens.md');
    assert.equal(urlOf('---\ntitle: Season opens\n---\n', '_posts/2026-02-01-season-opens.md', site, [undefined, 'https://jekyll.example']), 'https://jekyll.example/2026/season-opens/');
    // The post's own permalink wins.
    assert.equal(urlOf('---\npermalink: /news/opening/\n---\n', '_posts/2026-02-01-season-opens.md', site), `${EXAMPLE_SITE_URL}/news/opening/`);
  });

  it('Jekyll url + baseurl, Docusaurus url + baseUrl, Astro site: the address below which the route goes', async () => {
    const jekyll = await siteOf({ '_config.yml': 'url: https://harbour.example\nbaseurl: /guides\npermalink: pretty\n' }, '_posts/2026-02-01-season-opens.md');
    assert.equal(urlOf('---\ntitle: Season opens\n---\n', '_posts/2026-02-01-season-opens.md', jekyll), 'https://harbour.example/guides/2026/02/01/season-opens/');
    const docusaurus = await siteOf(
      { 'docusaurus.config.js': "export default { url: 'https://docs.example', baseUrl: '/tides/', presets: [['classic', { docs: { routeBasePath: 'guide' } }]] };\n" },
      'docs/reading-tables.md',
    );
    assert.equal(urlOf('---\ntitle: Reading tide tables\n---\n', 'docs/reading-tables.md', docusaurus), 'https://docs.example/tides/guide/reading-tables');
    const astro = await siteOf({ 'astro.config.mjs': "export default defineConfig({ site: 'https://ridge.example' });\n" }, 'src/content/blog/north-ridge.md');
    assert.equal(urlOf('---\ntitle: North ridge\n---\n', 'src/content/blog/north-ridge.md', astro), 'https://ridge.example/blog/north-ridge/');
  });

  it('Eleventy: the permalink a folder’s data file gives, below the preview’s address', async () => {
    const files = {
      'eleventy.config.js': 'export default function () { return { dir: { input: "content" } }; }\n',
      'content/blog/blog.json': '{ "permalink": "/journal/{{ page.fileSlug }}/" }\n',
    };
    const site = await siteOf(files, 'content/blog/seed-swap.md');
    assert.equal(urlOf('---\ntitle: Seed swap\n---\n', 'content/blog/seed-swap.md', site, ['https://garden.example']), 'https://garden.example/journal/seed-swap/');
    // The article's own permalink wins over its folder's.
    assert.equal(urlOf('---\npermalink: /swap/\n---\n', 'content/blog/seed-swap.md', site, ['https://garden.example']), 'https://garden.example/swap/');
  });

  it('generic: the slug, else the file name; the fallback when the article has no file or no route', async () => {
    const site = await siteOf({ 'notes/a.md': '' }, 'notes/field-notes.md');
    assert.equal(site.profile, 'generic');
    assert.equal(urlOf('---\nslug: on-the-ridge\n---\n', 'notes/field-notes.md', site, ['https://bakery.example/blog/']), 'https://bakery.example/blog/on-the-ridge/');
    assert.equal(urlOf('---\ntitle: T\n---\n', 'notes/field-notes.md', site), `${EXAMPLE_SITE_URL}/field-notes/`);
    // No file (an unsaved article): the site's address and the slug given.
    assert.equal(articlePublicUrl({ article: parseArticle('# x\n'), siteUrls: ['https://bakery.example/blog/'], fallbackPath: 'my-file' }), 'https://bakery.example/blog/my-file');
    // A Jekyll draft has no route: the fallback.
    const jekyll = await siteOf({ '_config.yml': 'title: T\n' }, '_drafts/idea.md');
    assert.equal(urlOf('---\ntitle: Idea\n---\n', '_drafts/idea.md', jekyll), `${EXAMPLE_SITE_URL}/fallback`);
  });

  it('joins a base and a path, encoding what is not encoded yet', () => {
    assert.equal(joinUrl('https://x.example/blog/', '/'), 'https://x.example/blog/');
    assert.equal(joinUrl('https://x.example', ''), 'https://x.example');
    assert.equal(joinUrl('https://x.example', '/café au lait/'), 'https://x.example/caf%C3%A9%20au%20lait/');
    assert.equal(joinUrl('https://x.example', '/caf%C3%A9/'), 'https://x.example/caf%C3%A9/');
    assert.equal(joinUrl('https://x.example', '100%'), 'https://x.example/100%25');
  });

  it('the preview’s search result and social card show it (renderArticle with the site)', async () => {
    const site = await siteOf({ 'hugo.toml': HUGO_CONFIG }, 'content/posts/high-pass.md');
    const filePath = path.join(ROOT, 'content', 'posts', 'high-pass.md');
    const text = '+++\ntitle = "Crossing the High Pass"\ndescription = "When to cross."\ndate = 2026-03-04\nslug = "high-pass"\n+++\n\nBody.\n';
    const rendered = renderArticle(parseArticle(text), { resolveImage: () => ({}), siteOf: site, filePath, fallbackSlug: 'high-pass' });
    assert.equal(rendered.searchSnippet.url, 'https://trails.example/guide/2026/03/high-pass/');
    assert.equal(rendered.searchSnippet.breadcrumb, 'trails.example › guide › 2026 › 03 › high-pass');
    assert.match(rendered.seoHtml, /<div class="snippet-url">trails\.example › guide › 2026 › 03 › high-pass<\/div>/);
    assert.equal(rendered.socialCard.domain, 'trails.example');
    // The configuration's siteUrl replaces the generator's address, the preview's setting replaces both.
    assert.equal(renderArticle(parseArticle(text), { resolveImage: () => ({}), siteOf: site, filePath, configSiteUrl: 'https://config.example' }).searchSnippet.url, 'https://config.example/2026/03/high-pass/');
    assert.equal(renderArticle(parseArticle(text), { resolveImage: () => ({}), siteOf: site, filePath, configSiteUrl: 'https://config.example', siteUrl: 'https://mine.example' }).socialCard.domain, 'mine.example');
  });
});
