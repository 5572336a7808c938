/**
 * The editor reads a site again when a file its reading depends on changes: the configuration
 * watcher's globs (the tool's own, and core's siteWatchGlobs from the site profiles) must match every
 * generator's marker files, and every file that analysing an article of a site fixture looks up
 * (found or not), or a site whose configuration, layout or content configuration changes would keep
 * the old reading until a restart.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { allRules, analyzeArticle, detectSite, loadConfig, SiteDirectory, siteWatchGlobs, type FileSystemHost, type SiteFolderCache } from '../../../src/core';
import { siteProfiles } from '../../../src/core/generators/registry';
import { isMarkdownFile } from '../../../src/core/text/markdownFiles';
import { CONFIG_GLOBS, MAX_FILES_WATCHED_BY_PATH } from '../../../src/extension/configGlobs';
import { FIXTURES, nodeFs, REPO } from '../helpers/engine';

const WATCHED = [...CONFIG_GLOBS, ...siteWatchGlobs()];
const matches = (file: string) => picomatch(WATCHED, { dot: true })(file);

/** nodeFs that notes each file whose text is asked for, found or not, and its text (what the editor's file system reports to the watcher). */
function recordingFs(lookedUp: Map<string, string | undefined>): FileSystemHost {
  return {
    ...nodeFs,
    async readText(target) {
      const text = await nodeFs.readText(target);
      lookedUp.set(target, text);
      return text;
    },
  };
}

/**
 * A file no glob can name, which the editor watches by its path once it is looked up (see
 * ConfigurationWatcher.fileLookedUp): one a watched file names (a module a configuration imports,
 * `./src/config/site`), or a JSON file named after its folder (Eleventy's `blog/blog.json`).
 */
function watchedByPath(file: string, lookedUp: ReadonlyMap<string, string | undefined>): boolean {
  const folder = path.basename(path.dirname(file));
  if (path.basename(file) === `${folder}.json`) return true;
  const stem = file.replace(/\.[^./\\]+$/, '');
  return [...lookedUp].some(([other, text]) => {
    if (text === undefined || !matches(path.relative(REPO, other).split(path.sep).join('/'))) return false;
    const named = path.relative(path.dirname(other), stem).split(path.sep).join('/');
    return text.includes(`./${named}`) || text.includes(`'${named}`) || text.includes(`"${named}`);
  });
}

function markdownBelow(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => isMarkdownFile(file) && !file.split(path.sep).includes('node_modules')).map((file) => path.join(dir, file));
}

describe('editor watchers: configuration and site files', () => {
  it("match every profile's marker files, in any folder", () => {
    const markers = siteProfiles.flatMap((profile) => [...profile.markers.files, ...(profile.markers.filesWithFolder?.files ?? [])]);
    assert.ok(markers.length > 20);
    for (const marker of markers) {
      assert.ok(matches(`site/${marker}`), marker);
      assert.ok(matches(`a/b/${marker}`), marker);
    }
  });

  it("match the tool's files, each generator's configuration, layouts and content configuration; not articles or data", () => {
    for (const file of ['site/package.json', 'site/.article-lint.json', 'schemas/post.schema.json', 'site/.astro/collections/blog.schema.json']) assert.ok(matches(file), file);
    for (const file of ['site/archetypes/default.md', 'site/themes/x/archetypes/posts.md', 'site/src/content.config.ts', 'site/src/content/config.mjs', 'site/frontmatter.json']) assert.ok(matches(file), file);
    for (const file of ['site/contentlayer.config.ts', 'site/layouts/partials/head.html', 'site/themes/x/layouts/_default/single.html', 'site/_layouts/post.html', 'site/_includes/footer.html']) assert.ok(matches(file), file);
    // A configuration folder made or removed whole (its files' events come as the folder's).
    for (const folder of ['site/config', 'site/config/production', 'site/layouts']) assert.ok(matches(folder), folder);
    for (const file of ['site/config/_default/params.toml', 'site/config/_default/menus.en.yaml', 'site/config/production/hugo.toml', 'site/hugo.yaml', 'site/_config.yml', 'site/docusaurus.config.ts', 'site/eleventy.config.mjs', 'site/content/blog/blog.11tydata.json', 'site/astro.config.mjs']) assert.ok(matches(file), file);
    for (const file of ['site/content/post.md', 'site/src/content/blog/a.mdx', 'site/config.md', 'site/data/authors.json', 'site/static/logo.png', 'site/config/staging/params.toml']) assert.ok(!matches(file), file);
  });

  it('match every file that analysing the articles of each site fixture looks up, found or not', async function () {
    this.timeout(60_000);
    const sitesDir = path.join(FIXTURES, 'sites');
    const lookedUp = new Map<string, string | undefined>();
    const host = recordingFs(lookedUp);
    for (const name of fs.readdirSync(sitesDir)) {
      const site = path.join(sitesDir, name);
      const folders: SiteFolderCache = new Map();
      const sites = new SiteDirectory(host);
      for (const file of markdownBelow(site)) {
        const { config } = await loadConfig({ rules: allRules, fs: host, forPath: file, defaultBaseDir: site });
        const detected = await detectSite(file, host, config, folders);
        await analyzeArticle(fs.readFileSync(file, 'utf8'), { filePath: file, config, fs: host, loadWorkspaceSchemas: true, siteFolders: folders });
        await sites.siteOf(file, detected, config);
      }
    }
    const relative = [...lookedUp.keys()].map((file) => path.relative(REPO, file).split(path.sep).join('/'));
    // What the sites' reading is known to look up: Hugo's configuration, layouts, a Jekyll config, Contentlayer's (Hugo's
    // configuration folders are not there, so nothing below them is asked for: the globs catch them being made).
    for (const expected of ['test/fixtures/sites/hugo/hugo.toml', 'test/fixtures/sites/hugo-templates/layouts/', 'test/fixtures/sites/jekyll/_config.yml', 'test/fixtures/sites/nextjs-contentlayer/contentlayer.config.']) {
      assert.ok(relative.some((file) => file.startsWith(expected)), `${expected} is looked up`);
    }
    const byPath = [...lookedUp.keys()].filter((file) => !matches(path.relative(REPO, file).split(path.sep).join('/')));
    // A page's source that the generator publishes (a Jekyll `.html` page, an Eleventy template, a
    // Hugo HTML content file) is read because it exists: the editor watches it by its own path.
    const pageSources = byPath.filter((file) => lookedUp.get(file) !== undefined && !isMarkdownFile(file) && /\.(html?|njk|liquid|11ty\.[cm]?js|json|scss|xml|txt)$/.test(file));
    assert.ok(pageSources.length < MAX_FILES_WATCHED_BY_PATH, 'the page sources fit the watchers by path');
    const unwatched = byPath.filter((file) => !pageSources.includes(file) && !watchedByPath(file, lookedUp));
    assert.deepEqual(unwatched.map((file) => path.relative(REPO, file)), [], 'files looked up that no watcher glob matches and no watched file names');
  });
});
