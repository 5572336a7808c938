/** The Hugo configuration as Hugo reads it: root file, configuration folders, mounts, languages (hugoConfig.ts). */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { HUGO_ROOT_CONFIG_FILES, readHugoConfig } from '../../../src/core/generators/hugoConfig';
import type { FileSystemHost } from '../../../src/core';
import { memoryFs } from '../helpers/engine';

const ROOT = path.resolve('/site');
const site = (files: Record<string, string>) =>
  memoryFs(Object.fromEntries(Object.entries(files).map(([name, text]) => [path.join(ROOT, ...name.split('/')), text])));

describe('the Hugo configuration (hugoConfig)', () => {
  it('has Hugo’s defaults without any configuration', async () => {
    const config = await readHugoConfig(ROOT, site({}));
    assert.deepEqual(config.files, []);
    assert.deepEqual(config.contentMounts, [{ source: 'content', target: '' }]);
    assert.deepEqual(config.staticMounts, [{ source: 'static', target: '' }]);
    assert.deepEqual(config.assetMounts, [{ source: 'assets', target: '' }]);
    assert.deepEqual(config.languages, ['en']);
    assert.equal(config.defaultContentLanguage, 'en');
    assert.equal(config.defaultContentLanguageInSubdir, false);
    assert.deepEqual(config.taxonomies, { tag: 'tags', category: 'categories' });
    assert.equal(config.mainSections, undefined);
    assert.equal(config.disablePathToLower, false);
    assert.equal(config.autoDefinitionTermID, false);
    assert.equal(config.baseURL, undefined);
    assert.equal(config.themesDir, 'themes');
    assert.equal(config.themesDirConfigured, false);
  });

  it('reads themesDir (any case, relative to the root, `..` kept) and the themes', async () => {
    const config = await readHugoConfig(ROOT, site({ 'hugo.toml': 'ThemesDir = "../../"\ntheme = ["book", "extras"]\n' }));
    assert.equal(config.themesDir, '../..');
    assert.equal(config.themesDirConfigured, true);
    assert.deepEqual(config.themes, ['book', 'extras']);
  });

  it('reads mounts (the default content mount replaced), main sections, taxonomies and Goldmark options from hugo.toml, keys in any case', async () => {
    const config = await readHugoConfig(ROOT, site({
      'hugo.toml': [
        'baseURL = "https://docs.example.org/"',
        'disablePathToLower = true',
        '[params]',
        '  mainSections = ["guides", "news"]',
        '[taxonomies]',
        '  series = "series"',
        '[markup.goldmark.parser]',
        '  autoDefinitionTermID = true',
        '[module]',
        '  [[module.mounts]]',
        '    source = "content/en"',
        '    target = "content"',
        '    [module.mounts.sites.matrix]',
        '      languages = ["en"]',
        '  [[module.mounts]]',
        '    source = "shared/pictures"',
        '    target = "static/pictures"',
        '  [[module.mounts]]',
        '    source = "node_modules/icons"',
        '    target = "assets/icons"',
        '    lang = "en"',
        '[[menus.main]]',
        '  name = "Guides"',
        '  pageRef = "/guides/"',
        '[[menus.main]]',
        '  name = "Elsewhere"',
        '  url = "https://elsewhere.example.org/"',
      ].join('\n'),
      // Hugo uses the first root file only.
      'config.toml': 'baseURL = "https://wrong.example.org/"\ncontentDir = "elsewhere"',
    }));
    assert.deepEqual(config.files, ['hugo.toml']);
    assert.equal(config.baseURL, 'https://docs.example.org/');
    assert.equal(config.disablePathToLower, true);
    assert.deepEqual(config.mainSections, ['guides', 'news']);
    assert.deepEqual(config.taxonomies, { series: 'series' });
    assert.equal(config.autoDefinitionTermID, true);
    assert.deepEqual(config.contentMounts, [{ source: 'content/en', target: '', language: 'en' }]);
    assert.deepEqual(config.staticMounts, [{ source: 'shared/pictures', target: 'pictures' }]);
    assert.deepEqual(config.assetMounts, [{ source: 'node_modules/icons', target: 'icons', language: 'en' }]);
    assert.deepEqual(config.menuEntries, [{ pageRef: '/guides/' }, { url: 'https://elsewhere.example.org/' }]);
  });

  it('gives each language its contentDir, keys with region and script lower-cased, in weight order', async () => {
    const config = await readHugoConfig(ROOT, site({
      'hugo.yaml': [
        'defaultContentLanguage: zh-Hant-TW',
        'defaultContentLanguageInSubdir: true',
        'languages:',
        '  pt-br:',
        '    weight: 2',
        '    contentDir: content.pt',
        '  zh-Hant-TW:',
        '    weight: 1',
        '    contentDir: ./content.zh/',
        '  fr:',
        '    weight: 3',
        '    menus:',
        '      main:',
        '        - name: Accueil',
        '          pageRef: /',
      ].join('\n'),
    }));
    assert.deepEqual(config.languages, ['zh-hant-tw', 'pt-br', 'fr']);
    assert.equal(config.defaultContentLanguage, 'zh-hant-tw');
    assert.equal(config.defaultContentLanguageInSubdir, true);
    // fr has no contentDir of its own: it reads the site's.
    assert.deepEqual(config.contentMounts, [
      { source: 'content.zh', target: '', language: 'zh-hant-tw' },
      { source: 'content.pt', target: '', language: 'pt-br' },
      { source: 'content', target: '' },
    ]);
    assert.deepEqual(config.menuEntries, [{ pageRef: '/', language: 'fr' }]);
  });

  it('merges config/_default (a file per top-level key, language files) and config/production on top of the root file', async () => {
    const config = await readHugoConfig(ROOT, site({
      'hugo.toml': 'baseURL = "http://localhost:1313/"\ntitle = "Root"',
      'config/_default/hugo.toml': 'title = "Folder"',
      'config/_default/languages.toml': '[en]\nweight = 1\n[de]\nweight = 2\ncontentDir = "content/de"',
      'config/_default/params.yaml': 'mainSections: [blog]\n',
      'config/_default/markup.toml': '[goldmark.parser]\nautoDefinitionTermID = true',
      'config/_default/module.json': '{"mounts": [{"source": "docs", "target": "content/docs"}]}',
      'config/_default/menus.de.toml': '[[main]]\nname = "Blog"\npageRef = "/blog"',
      'config/_default/taxonomies.toml': 'tag = "tags"',
      'config/production/hugo.toml': 'baseURL = "https://example.org/"',
      'config/staging/hugo.toml': 'baseURL = "https://staging.example.org/"',
    }));
    assert.deepEqual(config.files, [
      'hugo.toml',
      'config/_default/hugo.toml',
      'config/_default/languages.toml',
      'config/_default/module.json',
      'config/_default/params.yaml',
      'config/_default/markup.toml',
      'config/_default/taxonomies.toml',
      'config/_default/menus.de.toml',
      'config/production/hugo.toml',
    ]);
    assert.equal(config.baseURL, 'https://example.org/');
    assert.equal(config.values.title, 'Folder');
    assert.deepEqual(config.languages, ['en', 'de']);
    assert.deepEqual(config.mainSections, ['blog']);
    assert.equal(config.autoDefinitionTermID, true);
    // A content mount replaces the languages' and the site's own content folders.
    assert.deepEqual(config.contentMounts, [{ source: 'docs', target: 'docs' }]);
    assert.deepEqual(config.menuEntries, [{ pageRef: '/blog', language: 'de' }]);
    assert.deepEqual(config.taxonomies, { tag: 'tags' });
  });

  it('leaves out a malformed file and keeps the rest', async () => {
    const config = await readHugoConfig(ROOT, site({
      'hugo.toml': 'baseURL = "https://example.org/"\n[params\nmainSections = ["x"]',
      'config/_default/params.toml': 'mainSections = ["blog"]',
    }));
    assert.deepEqual(config.files, ['config/_default/params.toml']);
    assert.deepEqual(config.mainSections, ['blog']);
    assert.equal(config.baseURL, undefined);
  });

  it('asks only for what is there: no file below a configuration folder that is missing, only the listed names of one that is', async () => {
    const files = {
      'hugo.toml': 'title = "Root"',
      'config/_default/params.toml': 'mainSections = ["blog"]',
      'content/blog/a.md': '# A',
    };
    const counted = (host: FileSystemHost) => {
      const asked: string[] = [];
      const count = <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) => (...args: A) => {
        asked.push(`${name} ${path.relative(ROOT, String(args[0])).split(path.sep).join('/')}`);
        return call(...args);
      };
      return {
        asked,
        host: {
          stat: count('stat', host.stat),
          readText: count('readText', host.readText),
          ...(host.readDirectory ? { readDirectory: count('readDirectory', host.readDirectory) } : {}),
        } satisfies FileSystemHost,
      };
    };
    const listing = counted(site(files));
    const config = await readHugoConfig(ROOT, listing.host);
    assert.deepEqual(config.files, ['hugo.toml', 'config/_default/params.toml']);
    assert.deepEqual(config.mainSections, ['blog']);
    // The root's names one by one (Hugo takes the first there), the configuration folders by their listings.
    assert.deepEqual(listing.asked.filter((call) => !call.startsWith('readText ') || call.includes('/')).sort(), [
      'readDirectory config/_default',
      'readText config/_default/params.toml',
      'stat config/_default',
      'stat config/production',
    ]);
    assert.deepEqual(listing.asked.filter((call) => call.startsWith('readText ') && !call.includes('/')).sort(), HUGO_ROOT_CONFIG_FILES.map((name) => `readText ${name}`).sort());

    // A host that cannot list: each name of a folder that is there is read, and the result is the same.
    const { readDirectory: _unused, ...withoutListing } = site(files);
    const reading = counted(withoutListing);
    assert.deepEqual(await readHugoConfig(ROOT, reading.host), config);
    assert.ok(!reading.asked.some((call) => call.includes('config/production/')), reading.asked.join('\n'));
    assert.ok(reading.asked.filter((call) => call.startsWith('readText config/_default/')).length > 40);
  });
});
