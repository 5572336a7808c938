/**
 * The site as a whole: example sites through the CLI with exact expected findings; URLs
 * by generator; GitHub heading anchors; the site model's incremental updates against a model built
 * from scratch; bad input (malformed URLs, links leaving the site, cycles, 10,000 links).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig, parseConfig, type ResolvedConfig } from '../../../src/core/config/config';
import { NodeFileSystem } from '../../../src/cli/node-fs';
import { readSiteArticle } from '../../../src/core/site/readArticle';
import { parseArticle } from '../../../src/core/parse/parse';
import { githubSlug, headingAnchors } from '../../../src/core/site/anchors';
import { checkSiteArticle } from '../../../src/core/analyze/siteRules';
import { siteEntry, type SiteArticle } from '../../../src/core/site/entry';
import { SiteModel } from '../../../src/core/site/model';
import { rolesFor, SiteDirectory } from '../../../src/core/site/directory';
import { routeKey, type UrlInput } from '../../../src/core/generators/urls';
import { siteProfile } from '../../../src/core/generators/registry';
import type { FileSystemHost } from '../../../src/core/types';
import { FIXTURES, runCli, tempDir, writeTree } from '../helpers/cli';
import { allRules } from '../../../src/core';

const SITES = path.join(FIXTURES, 'sitewide');
const SITE_RULES = new Set(['duplicate-title', 'duplicate-description', 'duplicate-url', 'link-broken', 'article-orphan']);

interface Expected {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** An in-memory file system holding exactly the given files. */
function memoryFs(files: Iterable<string>): FileSystemHost {
  const set = new Set(files);
  const folders = new Set<string>();
  for (const file of set) for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) folders.add(dir);
  return {
    stat: async (p) => (set.has(p) ? 'file' : folders.has(p) ? 'directory' : undefined),
    readText: async () => undefined,
  };
}

const ROOT = path.resolve('/site');

function entry(relativePath: string, text: string, options: { profile?: string; siteUrl?: string } = {}): SiteArticle {
  const profile = options.profile ?? 'generic';
  return siteEntry({
    article: parseArticle(text),
    path: path.join(ROOT, ...relativePath.split('/')),
    root: ROOT,
    profile,
    roles: rolesFor(profile),
    settings: {},
    publicDirs: [path.join(ROOT, 'public')],
    siteUrl: options.siteUrl,
  });
}

function article(title: string, body: string, extra = ''): string {
  return `---\ntitle: "${title}"\ndescription: "About ${title}, at length."\n${extra}---\n\n${body}\n`;
}

async function findings(site: SiteModel, fsHost?: FileSystemHost): Promise<string[]> {
  const all: string[] = [];
  const paths = [...site.all()].map((a) => a.path).sort();
  for (const p of paths) {
    for (const f of await checkSiteArticle(site, p, { fs: fsHost })) all.push(`${path.relative(ROOT, p)}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
  }
  return all;
}

describe('the site as a whole', function () {
  this.timeout(60_000);

  describe('example sites through the CLI', () => {
    it('astro, hugo and jekyll sites get exactly test/fixtures/sitewide/expected.json from the site-wide rules', async () => {
      const run = await runCli(['--format', 'json', '.'], { cwd: SITES });
      assert.equal(run.stderr, '');
      const files: { file: string; diagnostics: (Omit<Expected, 'file'> & { ruleId: string })[] }[] = JSON.parse(run.stdout);
      const actual: Expected[] = [];
      for (const file of files) {
        for (const d of file.diagnostics) {
          if (SITE_RULES.has(d.ruleId)) {
            actual.push({ file: file.file, ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, message: d.message });
          }
        }
      }
      const expected: Expected[] = JSON.parse(fs.readFileSync(path.join(SITES, 'expected.json'), 'utf8'));
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
      const actual: Expected[] = [];
      for (const article of [...site.all()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        const display = (p: string) => path.relative(SITES, p).split(path.sep).join('/');
        for (const f of await checkSiteArticle(site, article.path, { config: configs.get(article.path), fs: host, displayPath: display })) {
          actual.push({ file: display(article.path), ruleId: f.ruleId, severity: f.severity, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, message: f.message });
        }
      }
      const expected: Expected[] = JSON.parse(fs.readFileSync(path.join(SITES, 'expected.json'), 'utf8'));
      assert.deepEqual(actual, expected);
    });

    it('a run over some articles of a site gives each the site-wide findings of a run over the whole site (one article alone: no orphan)', async () => {
      const whole: Expected[] = JSON.parse(fs.readFileSync(path.join(SITES, 'expected.json'), 'utf8'));
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
        const files: { file: string; diagnostics: (Omit<Expected, 'file'> & { ruleId: string })[] }[] = JSON.parse(run.stdout);
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

  describe('siteUrl in .article-lint.json', () => {
    it('takes an http(s) address and names the key of anything else', () => {
      const file = path.resolve('/site/.article-lint.json');
      assert.equal(parseConfig('{ "siteUrl": "https://example.com/blog" }', file, allRules).config.siteUrl, 'https://example.com/blog');
      for (const bad of ['"example.com"', '"ftp://example.com"', '42']) {
        const { problems } = parseConfig(`{ "siteUrl": ${bad} }`, file, allRules);
        assert.equal(problems.length, 1, bad);
        assert.equal(problems[0].key, 'siteUrl');
        assert.match(problems[0].message, /must be the site's address/);
      }
    });
  });

  describe('heading anchors as GitHub makes them', () => {
    it('lowercases, drops punctuation, turns spaces into dashes, numbers repeats, honours {#id}', () => {
      assert.equal(githubSlug('Which Flour?'), 'which-flour');
      assert.equal(githubSlug('Q1. Why does dough rise faster at altitude?'), 'q1-why-does-dough-rise-faster-at-altitude');
      assert.equal(githubSlug('C++ & Rust: a_b  c'), 'c--rust-a_b--c');
      assert.equal(githubSlug('Crème brûlée'), 'crème-brûlée');
      const parsed = parseArticle('# Intro\n\n## Intro\n\n## Intro\n\n## Custom {#my-id}\n\n## `code` and *emphasis*\n');
      assert.deepEqual(headingAnchors(parsed).map((a) => a.id), ['intro', 'intro-1', 'intro-2', 'my-id', 'code-and-emphasis']);
    });
  });

  describe('URLs by generator', () => {
    const url = (profile: string, relativePath: string, data: Record<string, unknown> = {}, extra: Partial<UrlInput> = {}) =>
      siteProfile(profile)!.articleUrl({ relativePath, data, settings: {}, ...extra }).url;

    it('astro: /<collection>/<slug or id>/', () => {
      assert.equal(url('astro', 'src/content/blog/my-post.md'), '/blog/my-post/');
      assert.equal(url('astro', 'src/content/blog/2026/trip/index.md'), '/blog/2026/trip/');
      assert.equal(url('astro', 'src/content/blog/my-post.md', { slug: 'other' }), '/blog/other/');
    });

    it('hugo: folders below content/, slug, url, [permalinks], language prefix', () => {
      assert.equal(url('hugo', 'content/posts/trips/x.md'), '/posts/trips/x/');
      assert.equal(url('hugo', 'content/posts/bundle/index.md'), '/posts/bundle/');
      assert.equal(url('hugo', 'content/posts/x.md', { slug: 'why' }), '/posts/why/');
      assert.equal(url('hugo', 'content/posts/x.md', { url: '/custom/path/' }), '/custom/path/');
      assert.equal(url('hugo', 'content/posts/x.fr.md'), '/fr/posts/x/');
      assert.equal(
        url('hugo', 'content/posts/x.md', { slug: 'why' }, { date: '2026-03-03', settings: { hugoPermalinks: { posts: '/:year/:month/:slug/' } } }),
        '/2026/03/why/',
      );
      assert.equal(url('hugo', 'content/posts/x.md', {}, { title: 'Hello World', settings: { hugoPermalinks: { posts: '/:section/:title/' } } }), '/posts/hello-world/');
    });

    it('jekyll: permalink styles, categories, the post’s own permalink, pages', () => {
      assert.equal(url('jekyll', '_posts/2026-03-03-hello.md'), '/2026/03/03/hello.html');
      assert.equal(url('jekyll', '_posts/2026-03-03-hello.md', { categories: 'food bread' }), '/food/bread/2026/03/03/hello.html');
      assert.equal(url('jekyll', 'news/_posts/2026-03-03-hello.md', {}, { settings: { jekyllPermalink: 'pretty' } }), '/news/2026/03/03/hello/');
      assert.equal(url('jekyll', '_posts/2026-03-03-hello.md', {}, { settings: { jekyllPermalink: '/blog/:title/' } }), '/blog/hello/');
      assert.equal(url('jekyll', '_posts/2026-03-03-hello.md', { permalink: '/hi/' }), '/hi/');
      assert.equal(url('jekyll', 'about.md'), '/about.html');
    });

    it('eleventy: permalink, false or a template (no URL), else the path below the input folder', () => {
      assert.equal(url('eleventy', 'src/blog/post.md', {}, { settings: { eleventyInput: 'src' } }), '/blog/post/');
      assert.equal(url('eleventy', 'blog/post/post.md'), '/blog/post/');
      assert.equal(url('eleventy', 'blog/index.md'), '/blog/');
      assert.equal(url('eleventy', 'blog/x.md', { permalink: '/custom/index.html' }), '/custom/');
      assert.equal(url('eleventy', 'blog/x.md', { permalink: false }), undefined);
      assert.equal(url('eleventy', 'blog/x.md', { permalink: '/{{ page.fileSlug }}/' }), undefined);
    });

    it('docusaurus, nextjs, generic', () => {
      assert.equal(url('docusaurus', 'blog/2021-08-26-welcome.md'), '/blog/2021/08/26/welcome');
      assert.equal(url('docusaurus', 'blog/2021-08-26-welcome/index.md'), '/blog/2021/08/26/welcome');
      assert.equal(url('docusaurus', 'blog/notes/hello.md'), '/blog/notes/hello');
      assert.equal(url('docusaurus', 'blog/2021-08-26-welcome.md', { slug: '/hi' }), '/blog/hi');
      assert.equal(url('nextjs', '_posts/hello-world.md'), '/posts/hello-world');
      assert.equal(url('generic', 'posts/x.md'), '/x/');
      assert.equal(url('generic', 'posts/x.md', { slug: 'y' }), '/y/');
    });

    it('compares routes without trailing slash, index.html or .html', () => {
      assert.equal(routeKey('/blog/x/'), '/blog/x');
      assert.equal(routeKey('/blog/x/index.html'), '/blog/x');
      assert.equal(routeKey('/blog/x.html'), '/blog/x');
      assert.equal(routeKey('/blog/caf%C3%A9/'), '/blog/café');
      assert.equal(routeKey('/blog/%E0%A4%A/'), '/blog/%E0%A4%A');
      assert.equal(routeKey('/'), '/');
    });
  });

  describe('the site model', () => {
    it('an entry of simple frontmatter is made without building the YAML document (ranges from the lines)', () => {
      const text = article('Alpha article', '# A\n\n[b](./b.md)', 'slug: "alpha"\n');
      const parsed = parseArticle(text);
      const frontmatter = parsed.frontmatter!;
      const lazy = Object.getOwnPropertyDescriptor(frontmatter, 'doc');
      assert.ok(lazy?.get, 'the parse keeps the YAML document lazy for simple frontmatter');
      let reads = 0;
      Object.defineProperty(frontmatter, 'doc', { configurable: true, get: () => (reads++, lazy.get!.call(frontmatter)) });
      const made = siteEntry({ article: parsed, path: path.join(ROOT, 'posts', 'a.md'), root: ROOT, profile: 'generic', roles: rolesFor('generic'), settings: {}, publicDirs: [] });
      assert.equal(reads, 0);
      assert.equal(text.slice(made.titleRange!.start, made.titleRange!.end), '"Alpha article"');
      assert.equal(text.slice(made.descriptionRange!.start, made.descriptionRange!.end), '"About Alpha article, at length."');
      assert.equal(text.slice(made.urlRange.start, made.urlRange.end), '"alpha"');
      assert.equal(made.url, '/alpha/');
    });

    it('finds broken links, missing anchors, duplicates and orphans in a small site', async () => {
      const site = new SiteModel();
      site.set(entry('posts/a.md', article('Alpha article', '# A\n\n## Shaping the Loaf\n\n[b](./b.md) [b anchor](./b.md#nope) [c](/c/) [gone](/nowhere/) [self](#shaping-the-loaf)')));
      site.set(entry('posts/b.md', article('Beta article', '# B\n\n[a](./a.md#shaping-the-loaf)')));
      site.set(entry('posts/c.md', article('alpha  ARTICLE', '# C\n\n[a](../posts/a.md)')));
      site.set(entry('posts/d.md', article('Delta article', '# D', 'slug: "c"\n')));
      assert.deepEqual(await findings(site, memoryFs([])), [
        'posts/a.md:2:8 duplicate-title The same title as posts/c.md: give each article its own title, so search results tell them apart.',
        'posts/a.md:3:14 duplicate-description The same description as posts/c.md: write one for each article, or search engines will pick their own snippet.',
        'posts/a.md:10:13 link-broken posts/b.md has no heading with the anchor #nope.',
        'posts/a.md:10:46 link-broken Broken link to /nowhere/: no article has that URL and no file in the public folder has that path.',
        'posts/c.md:1:1 duplicate-url Published at /c/, like posts/d.md: only one of them can be there; change a slug or a file name.',
        'posts/c.md:2:8 duplicate-title The same title as posts/a.md: give each article its own title, so search results tell them apart.',
        'posts/c.md:3:14 duplicate-description The same description as posts/a.md: write one for each article, or search engines will pick their own snippet.',
        'posts/d.md:1:1 article-orphan No other article links to this one: link to it from a related article so readers and search engines find it.',
        'posts/d.md:4:7 duplicate-url Published at /c/, like posts/c.md: only one of them can be there; change a slug or a file name.',
      ]);
    });

    it('an update returns exactly the articles it affects, and the model then equals one built from scratch', async () => {
      const texts: Record<string, string> = {
        'posts/a.md': article('Alpha article', '# A\n\n## Shaping\n\n[b](./b.md)'),
        'posts/b.md': article('Beta article', '# B\n\n[a](./a.md#shaping)'),
        'posts/c.md': article('Gamma article', '# C\n\n[a](/a/#shaping)'),
        'posts/d.md': article('Delta article', '# D\n\n[b](/b/)'),
      };
      const site = new SiteModel();
      for (const [p, text] of Object.entries(texts)) site.set(entry(p, text));
      // Rename a heading in a: b and c link to its anchor; d does not.
      texts['posts/a.md'] = article('Alpha article', '# A\n\n## Shaping the loaf\n\n[b](./b.md)');
      const affected = [...site.set(entry('posts/a.md', texts['posts/a.md']))].map((p) => path.relative(ROOT, p)).sort();
      assert.deepEqual(affected, ['posts/a.md', 'posts/b.md', 'posts/c.md']);
      const fresh = new SiteModel();
      for (const [p, text] of Object.entries(texts)) fresh.set(entry(p, text));
      assert.deepEqual(await findings(site), await findings(fresh));
      assert.equal((await findings(site)).filter((f) => f.includes('link-broken')).length, 2);
      // Removing b: a's link to it breaks, and the model equals one without it.
      const removed = [...site.delete(path.join(ROOT, 'posts', 'b.md'))].map((p) => path.relative(ROOT, p)).sort();
      assert.deepEqual(removed, ['posts/a.md', 'posts/d.md']);
      delete texts['posts/b.md'];
      const without = new SiteModel();
      for (const [p, text] of Object.entries(texts)) without.set(entry(p, text));
      assert.deepEqual(await findings(site, memoryFs([])), await findings(without, memoryFs([])));
    });

    it('siteUrl makes absolute links to the site’s host internal; other hosts are never checked', async () => {
      const site = new SiteModel();
      const body = '# A\n\n[in](https://example.com/b/) [missing](https://EXAMPLE.com/zz/) [other](https://other.org/zz/) [proto](//example.com/b/#x)';
      site.set(entry('posts/a.md', article('Alpha article', body), { siteUrl: 'https://example.com' }));
      site.set(entry('posts/b.md', article('Beta article', '# B\n\n[a](./a.md)')));
      assert.deepEqual(await findings(site, memoryFs([])), [
        'posts/a.md:8:30 link-broken Broken link to https://EXAMPLE.com/zz/: no article has that URL and no file in the public folder has that path.',
        'posts/a.md:8:96 link-broken posts/b.md has no heading with the anchor #x.',
      ]);
    });

    it('site entries leave out links to other hosts (all absolute URLs when the site has no URL), and keep the site’s own', () => {
      const body = '# A\n\n[in](https://example.com/b/) [other](https://other.org/zz/) [mail](mailto:a@b.c) [proto](//example.com/b/) [rel](./b.md) [route](/b/)';
      const targets = (siteUrl?: string) => entry('posts/a.md', article('Alpha article', body), { siteUrl }).links.map((link) => link.target);
      assert.deepEqual(targets('https://example.com'), ['https://example.com/b/', '//example.com/b/', './b.md', '/b/']);
      assert.deepEqual(targets(), ['./b.md', '/b/']);
    });
  });

  describe('incremental updates, by property', () => {
    /** A small site: article i has a title, headings and links chosen by the generator. */
    const NAMES = ['a', 'b', 'c', 'd', 'e'];
    const articleArb = fc.record({
      name: fc.constantFrom(...NAMES),
      title: fc.constantFrom('Alpha one', 'Beta two', 'alpha  ONE'),
      slug: fc.option(fc.constantFrom('a', 'b', 'x'), { nil: undefined }),
      headings: fc.subarray(['Intro', 'Shaping', 'Intro', 'End'], { minLength: 0 }),
      links: fc.array(
        fc.tuple(fc.constantFrom(...NAMES, 'zz'), fc.constantFrom('', '#intro', '#shaping', '#intro-1', '#end'), fc.constantFrom('file', 'route')),
        { maxLength: 4 },
      ),
    });
    interface GeneratedArticle {
      name: string;
      title: string;
      slug: string | undefined;
      headings: string[];
      links: [string, string, string][];
    }
    type Op = { kind: 'set'; article: GeneratedArticle } | { kind: 'delete'; name: string };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: articleArb.map((article) => ({ kind: 'set' as const, article: article as GeneratedArticle })) },
      { weight: 1, arbitrary: fc.constantFrom(...NAMES).map((name) => ({ kind: 'delete' as const, name })) },
    );
    const textOf = (a: GeneratedArticle) =>
      article(
        a.title,
        `${a.headings.map((h) => `## ${h}`).join('\n\n')}\n\n${a.links.map(([to, frag, form]) => (form === 'file' ? `[l](./${to}.md${frag})` : `[l](/${to}/${frag})`)).join(' ')}`,
        a.slug ? `slug: "${a.slug}"\n` : '',
      );

    it('every change reports every article whose findings it changed, and the model equals one built from scratch', async () => {
      const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
          const site = new SiteModel();
          const texts = new Map<string, string>();
          let before = await findings(site, memoryFs([]));
          for (const op of ops) {
            const file = `posts/${op.kind === 'set' ? op.article.name : op.name}.md`;
            let affected: Set<string>;
            if (op.kind === 'set') {
              texts.set(file, textOf(op.article));
              affected = site.set(entry(file, texts.get(file)!));
            } else {
              texts.delete(file);
              affected = site.delete(path.join(ROOT, ...file.split('/')));
              affected.add(path.join(ROOT, ...file.split('/')));
            }
            const after = await findings(site, memoryFs([]));
            const changed = new Set<string>();
            const byFile = (list: string[]) => {
              const map = new Map<string, string[]>();
              for (const line of list) {
                const key = line.slice(0, line.indexOf(':'));
                map.set(key, [...(map.get(key) ?? []), line]);
              }
              return map;
            };
            const b = byFile(before);
            const a = byFile(after);
            for (const key of new Set([...b.keys(), ...a.keys()])) if (JSON.stringify(b.get(key)) !== JSON.stringify(a.get(key))) changed.add(key);
            const reported = new Set([...affected].map((p) => path.relative(ROOT, p)));
            for (const key of changed) assert.ok(reported.has(key), `${key} changed but was not reported after ${JSON.stringify(op)}`);
            before = after;
          }
          const fresh = new SiteModel();
          for (const [file, text] of texts) fresh.set(entry(file, text));
          assert.deepEqual(await findings(site, memoryFs([])), await findings(fresh, memoryFs([])));
        }),
        { numRuns: 150, ...(seed === undefined ? {} : { seed }) },
      );
    });
  });

  describe('bad input: findings or silence, never a crash or a hang', () => {
    it('malformed URLs', async () => {
      const site = new SiteModel();
      const body = [
        '# A',
        '',
        '[a](http://[::1) [b](%E0%A4%A) [c](/%E0%A4%A/) [d](#%E0%A4%A) [e](<>) [f](javascript:alert(1)) [g](http://)',
        '[h](./%zz.md) [i](?query) [j](./x.md?v=1#frag) <a href="&#0;">k</a> <a href="&#xFFFFFFF;">l</a> [m](/\u0000/)',
      ].join('\n');
      site.set(entry('posts/a.md', article('Alpha article', body), { siteUrl: 'not a url' }));
      const found = await findings(site, memoryFs([]));
      for (const line of found) assert.match(line, / link-broken /);
      assert.ok(found.length >= 4, found.join('\n'));
    });

    it('a relative link climbing out of the site is broken without looking', async () => {
      const site = new SiteModel();
      site.set(entry('posts/a.md', article('Alpha article', '# A\n\n[out](../../../../../../../../etc/passwd.md) [up](../../x/)')));
      const looked: string[] = [];
      const spy: FileSystemHost = { stat: async (p) => (looked.push(p), undefined), readText: async () => undefined };
      const found = await findings(site, spy);
      assert.equal(found.length, 2);
      assert.match(found[0], /leaves the site’s folder/);
      assert.ok(looked.every((p) => p.startsWith(ROOT)), looked.join('\n'));
    });

    it('a cycle of links: no orphan, no broken link, no hang', async () => {
      const site = new SiteModel();
      site.set(entry('posts/a.md', article('Alpha article', '# A\n\n[b](./b.md) [self](./a.md) [self anchor](#a)')));
      site.set(entry('posts/b.md', article('Beta article', '# B\n\n[c](./c.md)')));
      site.set(entry('posts/c.md', article('Gamma article', '# C\n\n[a](./a.md)')));
      assert.deepEqual(await findings(site), []);
    });

    it('10,000 links in one article: each checked once, in reasonable work', async () => {
      const links: string[] = [];
      for (let i = 0; i < 10_000; i++) links.push(i % 2 ? `[l${i}](./b.md#h${i % 50})` : `[l${i}](/missing-${i}/)`);
      const site = new SiteModel();
      site.set(entry('posts/a.md', article('Alpha article', `# A\n\n${links.join(' ')}`)));
      const b = entry('posts/b.md', article('Beta article', `# B\n\n${Array.from({ length: 25 }, (_, i) => `## h${i}`).join('\n\n')}\n\n[a](./a.md)`));
      site.set(b);
      const found = await checkSiteArticle(site, path.join(ROOT, 'posts', 'a.md'), { fs: memoryFs([]) });
      // 5,000 missing routes, and 2,600 links to the odd headings h25..h49 that b does not have.
      assert.equal(found.length, 7_600);
      const again = site.set(b);
      assert.deepEqual([...again].map((p) => path.relative(ROOT, p)).sort(), ['posts/a.md', 'posts/b.md']);
    });
  });
});
