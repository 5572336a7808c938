/**
 * The pages a site publishes from files other than Markdown (readPageRoutes, read with the site's
 * URL settings by readSiteSettings): their routes, the routes they redirect from, and the files
 * found by their path that are published elsewhere.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readSiteSettings, siteProfile } from '../../../src/core/generators/registry';
import type { FileSystemHost } from '../../../src/core';
import { memoryFs } from '../helpers/engine';

const ROOT = path.resolve('/site');
const at = (files: Record<string, string>) => memoryFs(Object.fromEntries(Object.entries(files).map(([file, text]) => [path.join(ROOT, ...file.split('/')), text])));
const settingsOf = (profile: string, fs: FileSystemHost) => readSiteSettings(siteProfile(profile)!, ROOT, fs);

describe('pages other than Markdown (readPageRoutes)', () => {
  it('jekyll: files with front matter at their permalink or path, redirects with the plugin, none from _ folders, excluded or unpublished files', async () => {
    const fs = at({
      '_config.yml': 'permalink: pretty\nplugins: [jekyll-redirect-from]\nexclude: [drafts.html]\n',
      'pages/showcase.html': '---\npermalink: /showcase/\nredirect_from: /sites/\n---\n<p>x</p>\n',
      'contact.html': '---\ntitle: Contact\n---\n<p>x</p>\n',
      'feed.xml': '---\n---\n<feed/>\n',
      'plain.html': '<p>No front matter: copied as it is.</p>\n',
      'drafts.html': '---\npermalink: /drafts/\n---\n',
      'later.html': '---\npermalink: /later/\npublished: false\n---\n',
      '_includes/card.html': '---\npermalink: /card/\n---\n',
      'img/logo.png': '---\npermalink: /logo/\n---\n',
    });
    const settings = await settingsOf('jekyll', fs);
    assert.deepEqual(settings.routes, ['/', '/contact', '/feed.xml', '/showcase', '/sites']);
    // Found by their path (routeSources) but published elsewhere or not at all.
    assert.deepEqual(settings.sourcesElsewhere, ['drafts.html', 'later.html', 'pages/showcase.html']);
  });

  it('jekyll: without jekyll-redirect-from, redirect_from makes no route', async () => {
    const fs = at({ '_config.yml': 'title: x\n', 'a.html': '---\npermalink: /a/\nredirect_from: /old-a/\n---\n' });
    assert.deepEqual((await settingsOf('jekyll', fs)).routes, ['/', '/a']);
  });

  it('eleventy: templates with a plain permalink (frontmatter, a JavaScript template’s string literal), none from a template’s output or an include', async () => {
    const fs = at({
      'eleventy.config.js': 'export const config = { dir: { input: "src" } };\n',
      'src/calendar.njk': '---\npermalink: /events/calendar/\n---\n{{ content }}\n',
      'src/list.liquid': '---\npermalink: "stations.html"\n---\n',
      'src/tags.njk': '---\npermalink: "/tags/{{ tag | slugify }}/"\n---\n',
      'src/hidden.njk': '---\npermalink: false\n---\n',
      'src/map.html': '<p>No permalink: at /map/, found by its path.</p>\n',
      'src/api/data.11ty.js': 'export const data = { permalink: "/api/data.json" };\n',
      'src/api/dynamic.11ty.js': 'export const data = { permalink: (data) => `/api/${data.page.fileSlug}.json` };\n',
      'src/_includes/base.njk': '---\npermalink: /base/\n---\n',
    });
    const settings = await settingsOf('eleventy', fs);
    assert.deepEqual(settings.routes, ['/', '/events/calendar', '/stations', '/api/data.json']);
    assert.deepEqual(settings.sourcesElsewhere, ['src/api/data.11ty.js', 'src/api/dynamic.11ty.js', 'src/calendar.njk', 'src/hidden.njk', 'src/list.liquid', 'src/tags.njk']);
  });

  it('hugo: HTML content files at the URL a Markdown file there would have, with aliases, compared without regard to case; drafts and layouts are none', async () => {
    const fs = at({
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/Visit/Tickets.html': '+++\ntitle = "Tickets"\naliases = ["/Admission/"]\n+++\n<p>x</p>\n',
      'content/plan.html': '---\nurl: /map/\n---\n',
      'content/tours.html': '---\ndraft: true\n---\n',
      'layouts/_default/shop.html': '---\nurl: /shop/\n---\n',
    });
    const routes = (await settingsOf('hugo', fs)).routes ?? [];
    for (const route of ['/visit/tickets', '/visit', '/admission', '/map']) assert.ok(routes.includes(route), route);
    for (const route of ['/tours', '/shop']) assert.ok(!routes.includes(route), route);
  });

  it('reads only the start of each file where the host can, and only files of the extensions the generator renders', async () => {
    const files = at({
      '_config.yml': 'title: x\n',
      'a.html': `---\npermalink: /a/\n---\n${'<p>long</p>\n'.repeat(2000)}`,
      'b.html': `---\npermalink: /b/\n${'# a long comment\n'.repeat(400)}---\n`,
      'logo.png': 'binary',
    });
    const whole: string[] = [];
    const started: string[] = [];
    const spy: FileSystemHost = {
      ...files,
      readText: async (file) => {
        whole.push(path.basename(file));
        return files.readText(file);
      },
      readStart: async (file, bytes) => {
        started.push(path.basename(file));
        return (await files.readText(file))?.slice(0, bytes);
      },
    };
    assert.deepEqual((await settingsOf('jekyll', spy)).routes, ['/', '/a', '/b']);
    assert.deepEqual(started.sort(), ['a.html', 'b.html']);
    // The configuration, and b.html, whose front matter runs past the start read.
    assert.deepEqual(whole.filter((name) => name !== '_config.yml' && name !== '_config.yaml' && name !== '_config.toml'), ['b.html']);
  });

  it('a host that cannot list folders gives the settings without them', async () => {
    const files = at({ '_config.yml': 'title: x\n', 'a.html': '---\npermalink: /a/\n---\n' });
    const settings = await settingsOf('jekyll', { stat: files.stat, readText: files.readText });
    assert.deepEqual(settings.routes, ['/']);
    assert.equal(settings.sourcesElsewhere, undefined);
  });
});
