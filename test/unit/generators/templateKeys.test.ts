/**
 * The keys a site's templates read are known keys (Hugo layouts, the theme's too; Jekyll layouts and
 * includes; Eleventy layouts and includes), shown with the template that reads them; a host that
 * cannot list folders learns none.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeArticle, detectSite, schemaFields, schemaForArticle, type FileSystemHost } from '../../../src/core';
import { eleventyFolders, eleventyFolderSettings } from '../../../src/core/generators/eleventy';
import { blankStringsAndComments } from '../../../src/core/generators/jsSource';
import { eleventyTemplateKeys, hugoTemplateKeys, jekyllTemplateKeys } from '../../../src/core/generators/templateKeys';
import { memoryFs } from '../helpers/engine';

const ROOT = path.resolve('/site');

describe('keys read by templates', () => {
  it('Hugo: .Params.x, $.Params.x, .Page.Params.x.y, .Param "x", index and isset .Params "x", "Params.x" in where and sort; not the site’s parameters', () => {
    const template = [
      '{{ with .Params.banner }}{{ . }}{{ end }} {{ $.Params.bannerAlt }} {{ .Page.Params.gallery.photos }}',
      '{{ if .Param "sidebar" }}{{ end }} {{ index .Params "hero-caption" }} {{ isset .Params `toc_depth` }}',
      '{{ .Site.Params.siteOnly }} {{ site.Params.alsoSite }} {{ $.Site.Params.stillSite }} {{ .Params.banner }}',
      '{{ range where .Section.Pages "Params.bookHidden" "ne" true }}{{ end }} {{ range sort .Pages ".Params.order" }}{{ end }}',
    ].join('\n');
    assert.deepEqual(hugoTemplateKeys.read(template), ['banner', 'bannerAlt', 'gallery', 'sidebar', 'hero-caption', 'toc_depth', 'bookHidden', 'order']);
  });

  it('Jekyll: page.x, page["x"], and the variables of loops and assignments over posts and collections; not site.data, include or paginator', () => {
    const template = [
      '{{ page.version }} {{ page["release_notes"] }} {{ page.author.name }} {{ include.page.title }} {{ paginator.page }}',
      '{% for post in site.posts %}{{ post.codename }}{% endfor %}',
      '{% for item in site.data.menu %}{{ item.nav_weight }}{% endfor %}',
      '{%- assign dish = site.recipes | where: "slug", page.pairing | first -%}{{ dish.servings }}',
      '{% assign sorted = site.recipes | sort: "title" %}{% for r in sorted %}{{ r.cuisine }}{% endfor %}',
      '{% for p in site.categories.release limit: 3 %}{{ p.highlight }}{% endfor %} {% for c in site.categories %}{{ c.first }}{% endfor %}',
    ].join('\n');
    assert.deepEqual(jekyllTemplateKeys(['recipes']).read(template), ['version', 'release_notes', 'author', 'codename', 'pairing', 'servings', 'cuisine', 'highlight']);
    assert.ok(!jekyllTemplateKeys([]).read(template).includes('servings'), 'site.recipes is a collection only when the configuration says so');
  });

  it('Eleventy: names read bare in {{ }} and {% if/for/set %}, not filters, tests, calls, keywords, bound names or supplied data', () => {
    const template = [
      '---js',
      'let eleventyComputed = { heading: (data) => data.seoTitle || data.title };',
      '---',
      '{{ newstitle }} {{ pageTitle | safe }} {% if excludeFromSidebar %}{% endif %} {% if tocOn and not hideToc %}{% endif %}',
      '{{ hero.src }} {{ subtitle or tagline }} {% elif level >= minLevel %} {% unless archived %}{% endunless %}',
      '{% for key, link in relatedLinks %}{{ link.url }}{{ key }}{% endfor %} {% set label = labelText or "Read" %}{{ label }}',
      '{% set captured %}{{ captured }}{% endset %} {% macro card(item, size="s") %}{{ item.title }}{{ size }}{% endmacro %}',
      '{% import "forms.njk" as forms %}{{ forms.field() }} {% from "x.njk" import chip, badge as mark %}{{ chip }}{{ mark }}',
      '{{ page.url }} {{ collections.posts | head(maxPosts) }} {{ content | safe }} {{ eleventy.generator }} {{ metadata.title }}',
      '{{ range(3) }} {{ loop.index }} {{ true }} {{ none }} {{ count is defined }} {{ x is not divisibleby(2) }} {{ "a word" }}',
      '{{ items | join(", ") }} {{ list | sort(attribute="date") }} {{ thing | where: "kind", wantedKind }} {{ { label: shown } }}',
      '{% addedin addedInVersion %} {% include "card.njk" %} {% render "card", entry: cardEntry %} {% block main %}{% endblock %}',
      '{% for post in collections.posts %}{{ post.data.teaser }}{% endfor %} {{ $data.versions }} {{ undefined }}',
      '{% raw %}{{ rawOnly }}{% endraw %} {# {{ commented }} #} {% comment %}{{ liquidComment }}{% endcomment %}',
    ].join('\n');
    assert.deepEqual(eleventyTemplateKeys(['page', 'collections', 'content', 'eleventy', 'metadata']).read(template), [
      'seoTitle', 'title', 'teaser', 'versions', 'newstitle', 'pageTitle', 'excludeFromSidebar', 'tocOn', 'hideToc', 'hero', 'subtitle',
      'tagline', 'level', 'minLevel', 'archived', 'relatedLinks', 'labelText', 'maxPosts', 'count', 'x', 'items', 'list', 'thing',
      'wantedKind', 'shown', 'addedInVersion', 'cardEntry',
    ]);
  });

  it('Eleventy: the folders of dir: { … } or setInputDirectory(…), includes and data below the input folder', () => {
    assert.deepEqual(eleventyFolders(eleventyFolderSettings('export const config = { dir: { input: "src" } };')), { input: 'src', includes: 'src/_includes', data: 'src/_data' });
    assert.deepEqual(eleventyFolders(eleventyFolderSettings('return { dir: { input: "content", includes: "../_includes", data: "../_data" } };')), { input: 'content', includes: '_includes', data: '_data' });
    assert.deepEqual(
      eleventyFolders(eleventyFolderSettings('eleventyConfig.setInputDirectory("./site"); eleventyConfig.setLayoutsDirectory(\'_layouts\'); eleventyConfig.setIncludesDirectory("parts");')),
      { input: 'site', includes: 'site/parts', layouts: 'site/_layouts', data: 'site/_data' },
    );
    assert.deepEqual(eleventyFolders(eleventyFolderSettings('module.exports = {};')), { input: '', includes: '_includes', data: '_data' });
    // A folder that leaves the site's root is not read: the default instead.
    assert.deepEqual(eleventyFolders(eleventyFolderSettings('return { dir: { includes: "../../shared" } };')), { input: '', includes: '_includes', data: '_data' });
  });

  it('a JavaScript configuration read as text: nested template literals and regular expressions with quotes hide no code', () => {
    const source = 'a(`${x ? `"${y}"` : ""}`.replace(/["\']/g, "")); const re = /[/]"/; return { dir: { input: "src" } };';
    const blanked = blankStringsAndComments(source);
    assert.equal(blanked.length, source.length);
    assert.match(blanked, /return \{ dir: \{ input: " {3}" \} \};$/);
    assert.match(blanked, /\$\{x \? `\s*\$\{y\}\s*` : "\s*"\}/);
    const division = 'const half = total / 2; // "quoted" /x/';
    assert.equal(blankStringsAndComments(division), 'const half = total / 2;'.padEnd(division.length));
  });

  it('Eleventy reads the layouts and includes of the configured folders and leaves out its global data', async () => {
    const root = path.join(ROOT, 'eleventy');
    const page = path.join(root, 'src', 'notes', 'a.md');
    const text = '---\ntitle: "Frost on the Towpath: Notes"\nheadline: Frost\nlantern: x\nheadlin: typo\n---\n\nText.\n';
    const fs = memoryFs({
      [path.join(root, 'eleventy.config.js')]: 'export default function (c) { c.addGlobalData("build", {}); return { dir: { input: "src" } }; }',
      [path.join(root, 'src', '_includes', 'layouts', 'note.njk')]: '{{ headline }} {{ lantern.name }} {{ build.time }}',
      [path.join(root, 'src', '_data', 'lantern.json')]: '{}',
      [path.join(root, '_includes', 'stray.njk')]: '{{ headlin }}',
      [page]: text,
    });
    const site = await detectSite(page, fs);
    assert.deepEqual(site.conventions!.templateKeys, { headline: 'src/_includes/layouts/note.njk' });
    const unknown = (await analyzeArticle(text, { filePath: page, fs })).findings.filter((finding) => finding.ruleId === 'frontmatter-unknown-key').map((finding) => text.slice(finding.start, finding.end));
    assert.deepEqual(unknown, ['lantern', 'headlin']);
    const { schema } = await schemaForArticle(page, undefined, fs, true, site.profile, site.conventions);
    assert.equal(new Map(schemaFields(schema.json).map((field) => [field.name, field])).get('headline')?.documentation, 'Read by the site’s template src/_includes/layouts/note.njk.');
  });

  const hugoSite = (layout: string): Record<string, string> => ({
    [path.join(ROOT, 'hugo.toml')]: 'theme = "lantern"\n[taxonomies]\n  region = "regions"\n',
    [path.join(ROOT, 'layouts', '_default', 'single.html')]: layout,
    [path.join(ROOT, 'themes', 'lantern', 'layouts', 'partials', 'head.html')]: '{{ .Params.robots }}',
    [path.join(ROOT, 'layouts', 'partials', 'logo.png')]: '{{ .Params.notAKey }}',
  });
  const article = '---\ntitle: "A Night Walk Along the Old Canal"\nbanner: /x.png\nrobots: noindex\nregions: [lowlands]\nbannr: /y.png\nnotAKey: 1\n---\n\n# A walk\n\nText.\n';
  const file = path.join(ROOT, 'content', 'posts', 'a.md');
  const unknownKeys = async (fs: FileSystemHost) =>
    (await analyzeArticle(article, { filePath: file, fs })).findings.filter((finding) => finding.ruleId === 'frontmatter-unknown-key').map((finding) => article.slice(finding.start, finding.end));

  it('are known keys, with the template that reads each; a key nothing reads is still unknown', async () => {
    const fs = memoryFs({ ...hugoSite('{{ .Params.banner }}'), [file]: article });
    const site = await detectSite(file, fs);
    assert.deepEqual(site.conventions!.templateKeys, { banner: 'layouts/_default/single.html', robots: 'themes/lantern/layouts/partials/head.html' });
    assert.deepEqual(await unknownKeys(fs), ['bannr', 'notAKey']);
    // Completion and hover show the key with the template that reads it, and the taxonomy as a list of strings.
    const { schema } = await schemaForArticle(file, undefined, fs, true, site.profile, site.conventions);
    const fields = new Map(schemaFields(schema.json).map((field) => [field.name, field]));
    assert.equal(fields.get('banner')?.documentation, 'Read by the site’s template layouts/_default/single.html.');
    assert.equal(fields.get('robots')?.documentation, 'Read by the site’s template themes/lantern/layouts/partials/head.html.');
    assert.deepEqual(fields.get('regions')?.types, ['array']);
    assert.match(fields.get('regions')?.documentation ?? '', /taxonomy of the site \(hugo\.toml\)/);
  });

  it('a changed template is read again (the walk is not cached by site)', async () => {
    const files = { ...hugoSite('{{ .Params.banner }}'), [file]: article };
    assert.deepEqual(await unknownKeys(memoryFs(files)), ['bannr', 'notAKey']);
    files[path.join(ROOT, 'layouts', '_default', 'single.html')] = '{{ .Params.banner }}{{ .Params.bannr }}';
    assert.deepEqual(await unknownKeys(memoryFs(files)), ['notAKey']);
  });

  it('a host that cannot list folders learns no template keys: the keys are unknown, as before', async () => {
    const fs = memoryFs({ ...hugoSite('{{ .Params.banner }}'), [file]: article });
    const withoutListing: FileSystemHost = { stat: fs.stat, readText: fs.readText };
    assert.deepEqual(await unknownKeys(withoutListing), ['banner', 'robots', 'bannr', 'notAKey']);
  });

  it('Hugo: themes below themesDir (outside the root too), their archetypes and layouts; a theme’s exampleSite finds the theme at ../..', async () => {
    const root = path.join(ROOT, 'sites', 'harbour');
    const post = path.join(root, 'content', 'posts', 'a.md');
    const text = '---\ntitle: "Low Tide in the Old Harbour: Where to Moor"\nmooring: east\nberth: 4\ndecoy: 1\n---\n\nText.\n';
    const files = {
      [path.join(root, 'hugo.toml')]: 'theme = "quay"\nthemesDir = "../../shared/themes"\n',
      [path.join(ROOT, 'shared', 'themes', 'quay', 'layouts', 'partials', 'moor.html')]: '{{ .Params.mooring }}',
      [path.join(ROOT, 'shared', 'themes', 'quay', 'archetypes', 'default.md')]: '---\nberth: 0\n---\n',
      [path.join(root, 'themes', 'quay', 'layouts', 'single.html')]: '{{ .Params.decoy }}',
      [post]: text,
    };
    const unknown = async (all: Record<string, string>, file: string, article: string) =>
      (await analyzeArticle(article, { filePath: file, fs: memoryFs(all) })).findings.filter((finding) => finding.ruleId === 'frontmatter-unknown-key').map((finding) => article.slice(finding.start, finding.end));
    const site = await detectSite(post, memoryFs(files));
    assert.deepEqual(site.conventions!.templateKeys, { mooring: '../../shared/themes/quay/layouts/partials/moor.html' });
    assert.deepEqual(await unknown(files, post, text), ['decoy']);

    // A theme's repository with its exampleSite: `theme` alone, and themes/<theme> absent.
    const theme = path.join(ROOT, 'lighthouse');
    const example = path.join(theme, 'exampleSite', 'content', 'posts', 'b.md');
    const exampleText = '---\ntitle: "The Keeper’s Log: A Winter on the Headland"\nbeacon: amber\nbeacn: red\n---\n\nText.\n';
    const themeRepository = {
      [path.join(theme, 'exampleSite', 'hugo.toml')]: 'theme = "lighthouse"\n',
      [path.join(theme, 'layouts', 'partials', 'beacon.html')]: '{{ .Params.beacon }}',
      [example]: exampleText,
    };
    assert.deepEqual(await unknown(themeRepository, example, exampleText), ['beacn']);
    // When the site has the theme in themes/, that one is read.
    const withOwnCopy = { ...themeRepository, [path.join(theme, 'exampleSite', 'themes', 'lighthouse', 'layouts', 'x.html')]: '{{ .Params.beacn }}' };
    assert.deepEqual(await unknown(withOwnCopy, example, exampleText), ['beacon']);
  });

  it('Jekyll reads _layouts and _includes (or the configured layouts_dir), and leaves out the page variables it computes', async () => {
    const root = path.join(ROOT, 'jekyll');
    const post = path.join(root, '_posts', '2026-01-02-a.md');
    const text = '---\ntitle: "Spring Release: Faster Builds"\nversion: 4.2.0\nurl: /x/\ncodename: Crocus\n---\n\nText.\n';
    const fs = memoryFs({
      [path.join(root, '_config.yml')]: 'layouts_dir: theme/layouts\n',
      [path.join(root, 'theme', 'layouts', 'post.html')]: '{{ page.version }} {{ page.url }}',
      [path.join(root, '_layouts', 'ignored.html')]: '{{ page.codename }}',
      [post]: text,
    });
    const site = await detectSite(post, fs);
    assert.deepEqual(site.conventions!.templateKeys, { version: 'theme/layouts/post.html' });
    const unknown = (await analyzeArticle(text, { filePath: post, fs })).findings.filter((finding) => finding.ruleId === 'frontmatter-unknown-key').map((finding) => text.slice(finding.start, finding.end));
    assert.deepEqual(unknown, ['url', 'codename']);
  });
});
