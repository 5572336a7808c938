/** Site profiles: detection, configuration, and edits written in the block's own format. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { allRules, analyzeArticle, applyEdits, detectSite, parseArticle, readingTimeEdit, setFrontmatterScalar, type FileSystemHost } from '../../../src/core';
import { parseConfig } from '../../../src/core/config/config';
import { siteProfile } from '../../../src/core/generators/registry';
import { renderArticle } from '../../../src/core/render/article';
import { astroCollectionSchemas, astroGlobBases, astroSchemaKeys } from '../../../src/core/generators/astroContent';
import { bundleHeroFile } from '../../../src/core/generators/bundle';
import * as fsSync from 'node:fs';
import * as os from 'node:os';
import { FIXTURES, memoryFs } from '../helpers/engine';
import { runCli } from '../helpers/cli';

const ROOT = path.resolve('/site');
const body = '\n# Title\n\nA few words.\n';

describe('site profiles', () => {
  it('are detected by marker files, package.json dependencies, and "site" in the configuration', async () => {
    const fs = memoryFs({
      [path.join(ROOT, 'hugo', 'hugo.toml')]: '',
      [path.join(ROOT, 'hugo', 'content', 'a.md')]: '',
      [path.join(ROOT, 'old', 'config.toml')]: '',
      [path.join(ROOT, 'old', 'content', 'a.md')]: '',
      [path.join(ROOT, 'lone', 'config.toml')]: '',
      [path.join(ROOT, 'lone', 'a.md')]: '',
      [path.join(ROOT, 'eleventy', 'package.json')]: '{"devDependencies":{"@11ty/eleventy":"3.0.0"}}',
      [path.join(ROOT, 'eleventy', 'posts', 'a.md')]: '',
      [path.join(ROOT, 'bad', 'package.json')]: '{ not json',
      [path.join(ROOT, 'next', 'config.json')]: '{}',
      [path.join(ROOT, 'next', 'package.json')]: '{"dependencies":{"next":"15.0.0"}}',
      [path.join(ROOT, 'next', 'content', 'a.md')]: '',
      [path.join(ROOT, 'bad', 'a.md')]: '',
    });
    const site = async (file: string) => (await detectSite(path.join(ROOT, file), fs)).profile.name;
    assert.equal(await site('hugo/content/a.md'), 'hugo');
    assert.equal(await site('old/content/a.md'), 'hugo', 'config.toml beside content/');
    assert.equal(await site('lone/a.md'), 'generic', 'config.toml without content/ is no Hugo marker');
    assert.equal(await site('eleventy/posts/a.md'), 'eleventy');
    assert.equal(await site('bad/a.md'), 'generic', 'a malformed package.json names no dependency');
    assert.equal(await site('next/content/a.md'), 'nextjs', 'a generator dependency outweighs a config.json beside content/');
    const forced = await detectSite(path.join(ROOT, 'lone', 'a.md'), fs, { site: 'jekyll', file: path.join(ROOT, 'lone', '.article-lint.json'), baseDir: path.join(ROOT, 'lone') });
    assert.equal(forced.profile.name, 'jekyll');
    assert.match(forced.reason, /"site": "jekyll"/);
    assert.match((await detectSite(path.join(ROOT, 'hugo', 'content', 'a.md'), fs)).reason, /hugo\.toml found in/);
  });

  it('treat a marker file that cannot be read as absent', async () => {
    const unreadable: FileSystemHost = {
      async stat(target) {
        return target.endsWith('package.json') ? 'file' : target === path.join(ROOT, 'x') ? 'directory' : undefined;
      },
      async readText() {
        return undefined;
      },
    };
    assert.equal((await detectSite(path.join(ROOT, 'x', 'a.md'), unreadable)).profile.name, 'generic');
  });

  it('"site" that is not a profile is a configuration error naming the profiles', () => {
    const { config, problems } = parseConfig('{ "site": "hugoo" }', path.join(ROOT, '.article-lint.json'), allRules);
    assert.equal(config.site, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].key, 'site');
    assert.match(problems[0].message, /"hugoo" is not a site profile; the profiles are hugo, jekyll, .*Did you mean "hugo"\?/);
    assert.equal(problems[0].line, 1);
    assert.equal(parseConfig('{ "site": "jekyll" }', path.join(ROOT, '.article-lint.json'), allRules).config.site, 'jekyll');
  });
});

describe('edits in the frontmatter’s own format', () => {
  it('Update Reading Time writes TOML into a +++ block, before the first table', () => {
    const text = '+++\ntitle = "A"\ndraft = false\n\n[cover]\nimage = "c.png"\n+++\n' + body;
    const article = parseArticle(text);
    assert.equal(article.frontmatter?.format, 'toml');
    const edit = readingTimeEdit(article)!;
    assert.equal(applyEdits(text, [edit]), '+++\ntitle = "A"\ndraft = false\n\nreadingTime = "1 minute"\n[cover]\nimage = "c.png"\n+++\n' + body);
  });

  it('replaces a TOML value in place, after the date when there is one', () => {
    const text = '+++\r\ntitle = "A"\r\ndate = 2026-03-03T09:00:00+01:00\r\nreadingTime = 7 # old\r\n+++\r\n' + body;
    const article = parseArticle(text);
    assert.equal(article.frontmatter?.data?.date, '2026-03-03T09:00:00+01:00');
    assert.equal(applyEdits(text, [readingTimeEdit(article)!]), text.replace('readingTime = 7', 'readingTime = 1'));
    const noTime = '+++\ntitle = "A"\ndate = 2026-03-03\ntags = ["x"]\n+++\n' + body;
    assert.equal(applyEdits(noTime, [readingTimeEdit(parseArticle(noTime))!]), noTime.replace('date = 2026-03-03\n', 'date = 2026-03-03\nreadingTime = "1 minute"\n'));
  });

  it('adds a member to JSON frontmatter with its indentation', () => {
    const text = '{\n  "title": "A",\n  "date": "2026-03-03",\n  "tags": ["x"]\n}\n' + body;
    const article = parseArticle(text);
    assert.equal(article.frontmatter?.format, 'json');
    assert.equal(applyEdits(text, [readingTimeEdit(article)!]), '{\n  "title": "A",\n  "date": "2026-03-03",\n  "readingTime": "1 minute",\n  "tags": ["x"]\n}\n' + body);
    const slug = setFrontmatterScalar(article, 'title', 'B')!;
    assert.equal(applyEdits(text, [slug]), text.replace('"title": "A"', '"title": "B"'));
  });

  it('reports broken TOML on its line, and never runs ---js', () => {
    const broken = parseArticle('+++\ntitle = "A"\ntags = [\n+++\n' + body);
    assert.equal(broken.frontmatter?.errors.length, 1);
    assert.equal(broken.lines.positionAt(broken.frontmatter!.errors[0].start).line, 4);
    const js = parseArticle('---js\n{ title: (() => { throw new Error("ran") })() }\n---\n' + body);
    assert.equal(js.frontmatter?.data, undefined);
  });
});

describe('article-lint on the site fixtures', () => {
  const sites = path.join(FIXTURES, 'sites');

  it('--format json names each file’s site, and folder scans find .markdown posts', async () => {
    const run = await runCli(['jekyll', 'hugo/content/posts/toml-post.md', '--format', 'json'], { cwd: sites });
    const output = JSON.parse(run.stdout) as { file: string; site: string; diagnostics: unknown[] }[];
    assert.ok(output.some((entry) => entry.file === 'jekyll/_posts/2026-03-03-lake-loop.markdown' && entry.site === 'jekyll'));
    // A page outside _posts/ is checked as a page: no article rule (FAQ, lengths) reports on it.
    assert.deepEqual(output.find((entry) => entry.file === 'jekyll/about.md')?.diagnostics, []);
    assert.deepEqual(output.find((entry) => entry.file.endsWith('toml-post.md'))?.site, 'hugo');
  });

  it('--print-config shows the resolved profile, schema and rules of one file', async () => {
    const run = await runCli(['--print-config', 'hugo/content/posts/toml-post.md'], { cwd: sites });
    assert.equal(run.code, 0, run.stderr);
    const shown = JSON.parse(run.stdout);
    assert.equal(shown.site.name, 'hugo');
    assert.match(shown.site.reason, /^hugo\.toml found in /);
    assert.equal(shown.kind, 'article');
    assert.match(shown.why, /main section, posts: the section with the most pages/);
    assert.ok(shown.content.rules.some((rule: { kind: string }) => rule.kind === 'list'), 'the site’s table of articles and pages');
    const page = JSON.parse((await runCli(['--print-config', 'jekyll/about.md'], { cwd: sites })).stdout);
    assert.equal(page.kind, 'page');
    assert.match(page.why, /Jekyll renders a Markdown file that starts with frontmatter/);
    const include = JSON.parse((await runCli(['--print-config', 'jekyll/_includes/note.md'], { cwd: sites })).stdout);
    assert.equal(include.kind, false);
    assert.match(include.why, /does not render it as a page \(\*\*\/_includes\/\*\*\)/);
    assert.equal(shown.schema.source, 'built-in:hugo');
    assert.ok(shown.schema.keys.includes('linkTitle'));
    assert.deepEqual(shown.roles.updated, ['lastmod', 'modified']);
    assert.deepEqual(shown.rules['title-length'], ['warning', { min: 20, max: 70 }]);
    const missing = await runCli(['--print-config', 'nowhere.md'], { cwd: sites });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nowhere\.md: no such file/);
  });

  it('--print-config lists the keys the site’s templates read with the template that reads each, and the content configuration’s document types', async () => {
    const hugo = JSON.parse((await runCli(['--print-config', 'hugo-templates/content/posts/lantern-walk.md'], { cwd: sites })).stdout);
    assert.deepEqual(hugo.templateKeys, {
      banner: 'layouts/_default/single.html',
      bannerAlt: 'layouts/_default/single.html',
      sidebar: 'layouts/_default/single.html',
      'hero-caption': 'layouts/_default/single.html',
      gallery: 'layouts/_default/single.html',
      readinglevel: 'layouts/partials/sidebar.html',
      robots: 'themes/lantern/layouts/partials/head.html',
      canonicalTag: 'themes/lantern/layouts/partials/head.html',
      noindexSearch: 'themes/lantern/layouts/partials/head.html',
    });
    assert.ok(hugo.schema.keys.includes('regions'), 'a taxonomy of the configuration');
    const next = JSON.parse((await runCli(['--print-config', 'nextjs-contentlayer/data/blog/first-frost.mdx'], { cwd: sites })).stdout);
    assert.equal(next.documentType, 'Post');
    assert.deepEqual(next.documentTypes.map((type: { name: string; filePathPattern: string; contentDirPath: string }) => `${type.name} ${type.contentDirPath}/${type.filePathPattern}`), ['Post data/blog/**/*.mdx', 'Author data/authors/**/*.mdx']);
    assert.equal(next.schema.source, 'nextjs-contentlayer/contentlayer.config.mjs');
  });

  it('a "site" that is not a profile stops the run with exit 2, naming the file and key', async () => {
    const dir = fsSync.mkdtempSync(path.join(os.tmpdir(), 'sites-'));
    try {
      fsSync.writeFileSync(path.join(dir, '.article-lint.json'), '{ "site": "gatsby" }');
      fsSync.writeFileSync(path.join(dir, 'a.md'), '---\ntitle: A\n---\n');
      const run = await runCli(['a.md'], { cwd: dir });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /\.article-lint\.json:1:11: site: "gatsby" is not a site profile; the profiles are/);
    } finally {
      fsSync.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a site’s own description of its frontmatter', () => {
  it('reads Astro collections: top-level keys with their Zod types, optional ones, and glob bases', () => {
    const source = [
      "const blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/posts' }),",
      '  schema: z.object({',
      '    title: z.string(), // a comment with { braces }',
      "    pubDate: z.coerce.date(), tags: z.array(z.string()).default([]),",
      "    author: z.object({ name: z.string(), url: z.string().url() }).optional(),",
      "    kind: z.enum(['a', 'b']).default('a'),",
      "    note: z.string().describe('x: y, z'),",
      '  }),',
      '});',
    ].join('\n');
    const [keys] = astroSchemaKeys(source);
    assert.deepEqual([...keys.keys()], ['title', 'pubDate', 'tags', 'author', 'kind', 'note']);
    assert.deepEqual(keys.get('pubDate'), { schema: { type: 'string', format: 'date' }, optional: false });
    assert.equal(keys.get('author')?.optional, true);
    assert.deepEqual(keys.get('kind')?.schema, { enum: ['a', 'b'] });
    assert.deepEqual(astroGlobBases(source), ['src/posts']);
    assert.deepEqual(astroSchemaKeys('export const collections = {};'), []);
    assert.deepEqual(astroSchemaKeys('schema: z.object({ title: z.string('), [], 'an unclosed object names nothing');
  });

  it('reads Astro schemas built from others: variables, schema functions, extend, merge, spreads of .shape, partial, pick and omit', () => {
    const source = [
      'const titleSchema = z.string().max(60);',
      'const base = z.object({ title: titleSchema, draft: z.boolean().optional() });',
      'const seo = z.object({ canonical: z.string() })',
      'const posts = defineCollection({ schema: ({ image }) =>',
      '  base',
      '    .extend({ cover: image(), when: z.string().or(z.date()) })',
      '    .merge(seo) });',
      "const notes = defineCollection({ schema: z.object({ ...base.shape, mood: z.enum(['calm']) }).partial() });",
      'const tags = defineCollection({ schema: base.pick({ title: true }) });',
      'const bare = defineCollection({ schema: base.omit({ draft: true }).strict() });',
      'const imported = defineCollection({ schema: sharedSchema });',
      'const loose = defineCollection({ loader: glob({ base: "x" }) });',
      'const schema = z.object({ name: z.string() });',
      'const shorthand = defineCollection({ loader, schema });',
    ].join('\n');
    const shapes = astroCollectionSchemas(source).map((keys) => keys && Object.fromEntries([...keys].map(([key, { schema, optional }]) => [key, `${JSON.stringify(schema)}${optional ? '?' : ''}`])));
    assert.deepEqual(shapes, [
      { title: '{"type":"string"}', draft: '{"type":"boolean"}?', cover: '{"type":"string"}', when: '{}', canonical: '{"type":"string"}' },
      { title: '{"type":"string"}?', draft: '{"type":"boolean"}?', mood: '{"enum":["calm"]}?' },
      { title: '{"type":"string"}' },
      { title: '{"type":"string"}' },
      undefined,
      undefined,
      { name: '{"type":"string"}' },
    ]);
  });

  it('an Astro collection whose schema is not read takes any key: the merged schema names no unknown key and requires none', async () => {
    const root = path.resolve('/astro-open');
    const post = path.join(root, 'src', 'content', 'blog', 'a.md');
    const text = '---\ntitle: "A Walk Above the Lake in Early Spring"\nanyKey: 1\n---\n\nText.\n';
    const config = (imported: boolean) =>
      `const blog = defineCollection({ schema: z.object({ title: z.string(), heroAlt: z.string() }) });${imported ? ' const docs = defineCollection({ schema: docsSchema() });' : ''}`;
    const findings = async (imported: boolean) => {
      const fs = memoryFs({ [path.join(root, 'astro.config.mjs')]: 'export default {};', [path.join(root, 'src', 'content.config.ts')]: config(imported), [post]: text });
      return (await analyzeArticle(text, { filePath: post, fs })).findings.filter((finding) => finding.ruleId.startsWith('frontmatter')).map((finding) => finding.ruleId);
    };
    assert.deepEqual(await findings(false), ['frontmatter-schema', 'frontmatter-unknown-key']);
    assert.deepEqual(await findings(true), []);
  });

  it('adds the keys of Hugo archetypes (the theme’s too) and Jekyll defaults, and Front Matter CMS fields', async () => {
    const root = path.join(ROOT, 'hugo-theme');
    const fs = memoryFs({
      [path.join(root, 'hugo.yaml')]: 'theme: [Paper]\n',
      [path.join(root, 'content', 'posts', 'a.md')]: '',
      [path.join(root, 'archetypes', 'default.md')]: '+++\ntitle = "{{ .Name }}"\nsubtitle2 = ""\n+++\n',
      [path.join(root, 'themes', 'Paper', 'archetypes', 'posts.md')]: '---\ndate: {{ .Date }}\nShowBanner: true\n---\n',
      [path.join(root, 'frontmatter.json')]: JSON.stringify({ 'frontMatter.taxonomy.contentTypes': [{ name: 'default', fields: [{ title: 'Mood', name: 'mood', type: 'choice' }] }] }),
    });
    const site = await detectSite(path.join(root, 'content', 'posts', 'a.md'), fs);
    assert.deepEqual(Object.keys(site.conventions!.keys).sort(), ['ShowBanner', 'date', 'mood', 'subtitle2', 'title']);
    assert.deepEqual(site.conventions!.keys.ShowBanner.type, 'boolean');
    const text = '---\ntitle: "A Title That Is Long Enough for Search"\nShowBanner: false\nmood: calm\nsubtitle2: x\n---\n' + body;
    const result = await analyzeArticle(text, { filePath: path.join(root, 'content', 'posts', 'a.md'), fs });
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId.startsWith('frontmatter')), []);
    const wrongType = await analyzeArticle(text.replace('ShowBanner: false', 'ShowBanner: [x]'), { filePath: path.join(root, 'content', 'posts', 'a.md'), fs });
    assert.deepEqual(wrongType.findings.filter((finding) => finding.ruleId === 'frontmatter-schema').map((finding) => finding.line), [3]);
  });
});

describe('the preview by role', () => {
  it('takes the hero from the site’s roles, a page bundle’s file, and shows no empty hero box on other sites', () => {
    const resolveImage = (src: string) => ({ url: `https://x.test/${src.replace(/^\.?\//, '')}` });
    const hugo = siteProfile('hugo')!;
    const withCover = parseArticle('+++\ntitle = "T"\ndate = 2026-03-03\n[cover]\nimage = "/c.png"\nalt = "A lake"\n+++\n' + body);
    const rendered = renderArticle(withCover, { resolveImage, site: hugo });
    assert.equal(rendered.hero.src, '/c.png');
    assert.equal(rendered.hero.alt, 'A lake');
    assert.equal(rendered.hero.line, 3, 'scroll sync goes to the [cover] table');
    assert.equal(rendered.meta.pubDate?.formatted, 'March 3, 2026');
    const bare = parseArticle('---\ntitle: T\n---\n' + body);
    assert.equal(renderArticle(bare, { resolveImage, site: hugo, bundleHero: './cover.png' }).hero.src, './cover.png');
    assert.doesNotMatch(renderArticle(bare, { resolveImage, site: hugo }).html, /hero-placeholder/);
    assert.match(renderArticle(bare, { resolveImage }).html, /hero-placeholder/, 'the article format still invites a heroImage');
    assert.equal(bundleHeroFile(hugo, '/s/content/p/index.md', ['index.md', 'notes.txt', 'my-cover.jpg', 'b.png']), './my-cover.jpg');
    assert.equal(bundleHeroFile(hugo, '/s/content/p/post.md', ['cover.png']), undefined, 'only a bundle’s index');
  });
});
