/**
 * The site model: entries, site-wide findings of a small site, incremental updates against a model
 * built from scratch (by example and by property), and bad input (malformed URLs, links leaving the
 * site, cycles, 10,000 links).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as path from 'node:path';
import { parseArticle } from '../../../src/core/parse/parse';
import { checkSiteArticle } from '../../../src/core/analyze/siteRules';
import { siteEntry, type SiteArticle } from '../../../src/core/site/entry';
import { SiteModel } from '../../../src/core/site/model';
import { pack } from '../../../src/core/site/packed';
import { rolesFor } from '../../../src/core/site/directory';
import type { FileSystemHost } from '../../../src/core/types';
import type { SiteSettings } from '../../../src/core/generators/urls';

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
        'posts/a.md:2:8 duplicate-title The same title as posts/c.md: give each page its own title, so search results tell them apart.',
        'posts/a.md:3:14 duplicate-description The same description as posts/c.md: write one for each page, or search engines will pick their own snippet.',
        'posts/a.md:10:13 link-broken posts/b.md has no heading with the anchor #nope.',
        'posts/a.md:10:46 link-broken Broken link to /nowhere/: no article has that URL and no file in the public folder has that path.',
        'posts/c.md:1:1 duplicate-url Published at /c/, like posts/d.md: only one of them can be there; change a slug or a file name.',
        'posts/c.md:2:8 duplicate-title The same title as posts/a.md: give each page its own title, so search results tell them apart.',
        'posts/c.md:3:14 duplicate-description The same description as posts/a.md: write one for each page, or search engines will pick their own snippet.',
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

    it('a snapshot of the model (through JSON) makes the same model again: the same findings, the same updates', async () => {
      const texts: Record<string, string> = {
        'posts/a.md': article('Alpha article', '# A\n\n## Shaping\n\n[b](./b.md)'),
        'posts/b.md': article('Beta article', '# B\n\n[a](./a.md#shaping)'),
        'posts/c.md': article('Alpha article', '# C\n\n[a](/a/#shaping)'),
        'posts/d.md': article('Delta article', '# D\n\n[b](/b/)'),
      };
      const site = new SiteModel();
      for (const [p, text] of Object.entries(texts)) site.set(entry(p, text));
      const packed = new Map([...site.all()].map((one) => [one.path, pack(one)]));
      const restored = SiteModel.restore(JSON.parse(JSON.stringify(site.snapshot())), (p) => packed.get(p))!;
      assert.ok(restored);
      assert.deepEqual(await findings(restored, memoryFs([])), await findings(site, memoryFs([])));
      // An update of both gives the same affected articles and the same findings after.
      const renamed = entry('posts/a.md', article('Alpha article', '# A\n\n## Shaping the loaf\n\n[b](./b.md)'));
      assert.deepEqual([...restored.set(renamed)].sort(), [...site.set(renamed)].sort());
      assert.deepEqual(await findings(restored, memoryFs([])), await findings(site, memoryFs([])));
      // A snapshot whose articles are not all given is not restored.
      assert.equal(SiteModel.restore(site.snapshot(), (p) => (p.endsWith('b.md') ? undefined : packed.get(p))), undefined);
      assert.equal(SiteModel.restore({} as never, (p) => packed.get(p)), undefined);
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

  describe('what a generator adds to its pages (a Hugo site)', () => {
    const hugo: SiteSettings = {
      hugo: {
        contentMounts: [{ source: 'content', target: '' }],
        languages: ['en', 'fr'],
        defaultContentLanguage: 'en',
        defaultContentLanguageInSubdir: false,
        disablePathToLower: false,
        taxonomies: { tag: 'tags' },
        disableKinds: [],
        menuEntries: [],
      },
      routes: ['/', '/index.xml', '/page/*', '/*/page/*', '/tags'],
    };
    const hugoEntry = (relativePath: string, text: string) =>
      siteEntry({
        article: parseArticle(text),
        path: path.join(ROOT, ...relativePath.split('/')),
        root: ROOT,
        profile: 'hugo',
        roles: rolesFor('hugo'),
        settings: hugo,
        publicDirs: [path.join(ROOT, 'static')],
      });

    it('links reach pages without regard to case, and the routes Hugo makes; a real broken link beside them is still broken', async () => {
      const site = new SiteModel();
      const links = '[a](/Guides/Setup/) [b](/guides/) [c](/tags/) [d](/tags/trail-running/) [e](/guides/page/3/) [f](/index.xml) [g](/page/2/extra/) [h](/tags/snow/)';
      site.set(hugoEntry('content/guides/linking.md', article('Linking the guides', `# L\n\n${links}`)));
      site.set(hugoEntry('content/guides/Setup.md', article('Setting up', '# S\n\n[l](/guides/linking/)', 'tags: [Trail Running]\n')));
      assert.deepEqual(await findings(site, memoryFs([])), [
        'content/guides/linking.md:8:110 link-broken Broken link to /page/2/extra/: no article has that URL and no file in the public folder has that path.',
        'content/guides/linking.md:8:130 link-broken Broken link to /tags/snow/: no article has that URL and no file in the public folder has that path.',
      ]);
      // The same links in a site without those routes, read with case: broken.
      const generic = new SiteModel();
      generic.set(entry('guides/linking.md', article('Linking the guides', '# L\n\n[a](/Guides/Setup/)')));
      generic.set(entry('guides/setup.md', article('Setting up', '# S\n\n[l](/guides/linking/)', 'slug: "guides/setup"\n')));
      assert.equal((await findings(generic, memoryFs([]))).filter((finding) => finding.includes('Broken link to /Guides/Setup/')).length, 1);
      assert.equal(generic.get(path.join(ROOT, 'guides', 'setup.md'))!.url, '/guides/setup/');
    });

    it('a route that a page implies appears and goes with that page: the links to it are affected', async () => {
      const site = new SiteModel();
      site.set(hugoEntry('content/guides/linking.md', article('Linking the guides', '# L\n\n[snow](/tags/snow/)')));
      const broken = async () => (await findings(site, memoryFs([]))).filter((finding) => finding.includes('link-broken')).length;
      assert.equal(await broken(), 1);
      const tagged = hugoEntry('content/guides/snow.md', article('Walking in snow', '# S\n\n[l](/guides/linking/)', 'tags: [snow]\n'));
      const affected = [...site.set(tagged)].map((p) => path.relative(ROOT, p)).sort();
      assert.deepEqual(affected, ['content/guides/linking.md', 'content/guides/snow.md']);
      assert.equal(await broken(), 0);
      const removed = [...site.delete(tagged.path)].map((p) => path.relative(ROOT, p));
      assert.deepEqual(removed, ['content/guides/linking.md']);
    });

    it('translations never share a URL; two pages of one language at one URL do; an alias is no duplicate and yields to the page published there', async () => {
      const site = new SiteModel();
      const english = hugoEntry('content/about/index.md', article('About us', '# About'));
      site.set(english);
      // Pages of two languages at one route (as two hosts of a multihost site would serve them).
      site.set({ ...hugoEntry('content/about/index.fr.md', article('À propos', '# À propos')), url: '/about/', routeKey: '/about', language: 'fr' });
      site.set(hugoEntry('content/team.md', article('The team', '# Team\n\n[about](/about/)', 'url: /about/\n')));
      site.set(hugoEntry('content/old.md', article('An old page', '# Old\n\n[about](/about/) [history](/history/)', 'aliases: [/about/, /history/]\n')));
      const found = await findings(site, memoryFs([]));
      assert.deepEqual(found.filter((finding) => finding.includes('duplicate-url')).map((finding) => finding.split(' ')[0]), ['content/about/index.md:1:1', 'content/team.md:4:6']);
      assert.deepEqual(found.filter((finding) => finding.includes('link-broken')), []);
      // /about/ is a page's: the alias does not take it; /history/ is only the alias: it reaches old.md.
      const old = site.get(path.join(ROOT, 'content', 'old.md'))!;
      const [about, history] = site.plansOf(old).map((plan) => site.resolvedPath(old, plan));
      assert.notEqual(about, old.path);
      assert.equal(history, old.path);
    });
  });
});
