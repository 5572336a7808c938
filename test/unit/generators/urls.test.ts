/** Article URLs: each generator profile's URL rules (articleUrl) and how routes compare (routeKey, urls.ts). */
import * as assert from 'node:assert/strict';
import { siteProfile } from '../../../src/core/generators/registry';
import { routeKey, type HugoUrlSettings, type UrlInput } from '../../../src/core/generators/urls';

const pick = <T extends object>(value: T, ...keys: (keyof T)[]) => Object.fromEntries(keys.map((key) => [key, value[key]]));

describe('article URLs', () => {
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

    it('hugo: content mounts and languages’ contentDir, language suffixes of the site’s languages, case, what a page implies', () => {
      const hugo: HugoUrlSettings = {
        contentMounts: [
          { source: 'content/en', target: '', language: 'en' },
          { source: 'content.zh', target: '', language: 'zh-hant-tw' },
          { source: 'docs', target: 'manual' },
          { source: 'content', target: '' },
        ],
        languages: ['en', 'zh-hant-tw', 'pt-br'],
        defaultContentLanguage: 'en',
        defaultContentLanguageInSubdir: false,
        disablePathToLower: false,
        taxonomies: { tag: 'tags' },
        disableKinds: [],
        menuEntries: [{ pageRef: '/about/Team' }, { url: '/contact/' }],
      };
      const at = (relativePath: string, data: Record<string, unknown> = {}, extra: Partial<HugoUrlSettings> = {}) =>
        siteProfile('hugo')!.articleUrl({ relativePath, data, settings: { hugo: { ...hugo, ...extra } } });
      assert.deepEqual(at('content/en/about/Team.md'), {
        url: '/about/team/',
        key: undefined,
        language: 'en',
        group: 'about',
        impliedRoutes: ['/about/'],
        inNavigation: true,
        refDirs: ['content/en', 'content', 'content.zh'],
      });
      assert.equal(at('content/en/about/Team.md', {}, { disablePathToLower: true }).url, '/about/Team/');
      // A mount with a target; a language's contentDir; the site's other languages by suffix, with region and script.
      assert.equal(at('docs/install.md').url, '/manual/install/');
      assert.deepEqual(pick(at('content.zh/about/index.md'), 'url', 'language'), { url: '/zh-hant-tw/about/', language: 'zh-hant-tw' });
      assert.deepEqual(pick(at('content/about/index.zh-hant-tw.md'), 'url', 'language'), { url: '/zh-hant-tw/about/', language: 'zh-hant-tw' });
      assert.deepEqual(pick(at('content/news/x.pt-br.md'), 'url', 'language'), { url: '/pt-br/news/x/', language: 'pt-br' });
      assert.deepEqual(pick(at('content/news/x.en.md'), 'url', 'language'), { url: '/news/x/', language: 'en' });
      assert.deepEqual(pick(at('content/news/x.en.md', {}, { defaultContentLanguageInSubdir: true }), 'url', 'language'), { url: '/en/news/x/', language: 'en' });
      // Not one of the site's languages: part of the name.
      assert.deepEqual(pick(at('content/news/v1.de.md'), 'url', 'language'), { url: '/news/v1.de/', language: 'en' });
      // Outside every content folder (content/ is mounted from content/en and the others): not published.
      assert.equal(at('static/readme.md').url, undefined);
      // Taxonomy terms (urlized), the section, a menu by frontmatter or by URL.
      assert.deepEqual(at('content/en/posts/x.md', { Tags: ['Trail Running', 'kit'], menu: 'main' }).impliedRoutes, ['/posts/', '/tags/', '/tags/trail-running/', '/tags/kit/']);
      assert.equal(at('content/en/posts/x.md', { menu: 'main' }).inNavigation, true);
      assert.equal(at('content/en/contact.md').inNavigation, true);
      assert.equal(at('content/en/posts/x.md').inNavigation, undefined);
      assert.equal(at('content/en/posts/_index.md').impliedRoutes, undefined);
    });

    it('jekyll: permalink styles, categories, the post’s own permalink, pages', () => {
      assert.equal(url('jekyll', '_posts/2026-03-03-hello.md'), '/2026/03/03/hello.html');
      assert.equal(url('jekyll', '_posts/2026-03-03-hello.md', { categories: 'food bread' }), '/food/bread/2026/03/03/hello.html');
      assert.equal(url('jekyll', 'news/_posts/2026-03-03-hello.md', {}, { settings: { jekyllPermalink: 'pretty' } }), '/news/2026/03/03/hello/');
      assert.equal(url('jekyll', '_posts/2026-03-03-hello.md', {}, { settings: { jekyllPermalink: '/blog/:title/' } }), '/blog/hello/');
      assert.equal(url('jekyll', '_posts/2026-03-03-hello.md', { permalink: '/hi/' }), '/hi/');
      assert.equal(url('jekyll', 'about.md'), '/about.html');
    });

    it('jekyll: pages other than Markdown: HTML as Markdown is (a folder in a pretty style), other output at its path with its extension', () => {
      assert.equal(url('jekyll', 'contact.html'), '/contact.html');
      assert.equal(url('jekyll', 'contact.html', {}, { settings: { jekyllPermalink: 'pretty' } }), '/contact/');
      assert.equal(url('jekyll', 'team/index.html', {}, { settings: { jekyllPermalink: 'pretty' } }), '/team/');
      // A feed or a style sheet keeps its extension whatever the style; Sass is written as CSS.
      assert.equal(url('jekyll', 'feed.xml', {}, { settings: { jekyllPermalink: 'pretty' } }), '/feed.xml');
      assert.equal(url('jekyll', 'css/main.scss', {}, { settings: { jekyllPermalink: 'pretty' } }), '/css/main.css');
      assert.equal(url('jekyll', 'pages/showcase.html', { permalink: '/showcase/' }), '/showcase/');
      assert.equal(url('jekyll', 'api/index.json', { permalink: '/:path/all:output_ext' }), '/api/all.json');
      assert.equal(url('jekyll', '_docs/cli.html', {}, { settings: { jekyllCollections: { docs: { permalink: '/:collection/:path/', output: true } } } }), '/docs/cli/');
    });

    it('eleventy: permalink, false or a template (no URL), else the path below the input folder', () => {
      assert.equal(url('eleventy', 'src/blog/post.md', {}, { settings: { eleventyInput: 'src' } }), '/blog/post/');
      assert.equal(url('eleventy', 'blog/post/post.md'), '/blog/post/');
      assert.equal(url('eleventy', 'blog/index.md'), '/blog/');
      assert.equal(url('eleventy', 'blog/x.md', { permalink: '/custom/index.html' }), '/custom/');
      assert.equal(url('eleventy', 'blog/x.md', { permalink: false }), undefined);
      // A template of the page's own values is filled in; any other template cannot be worked out.
      assert.equal(url('eleventy', 'blog/x.md', { permalink: '/{{ page.fileSlug }}/' }), '/x/');
      assert.equal(url('eleventy', 'blog/x.md', { permalink: '/{{ site.lang }}/x/' }), undefined);
    });

    it('eleventy: a directory data file’s permalink, page.fileSlug without the date, filePathStem, title | slugify', () => {
      const settings = { eleventyInput: 'src' };
      const inherited = { permalink: '/posts/{{ page.fileSlug }}/' };
      assert.equal(url('eleventy', 'src/blog/2026-01-02-first-light.md', {}, { settings, inherited }), '/posts/first-light/');
      assert.equal(url('eleventy', 'src/blog/trip/index.md', {}, { settings, inherited }), '/posts/trip/');
      // The frontmatter's own permalink wins over its folder's.
      assert.equal(url('eleventy', 'src/blog/x.md', { permalink: '/own/' }, { settings, inherited }), '/own/');
      assert.equal(url('eleventy', 'src/blog/x.md', { permalink: '{{ page.filePathStem }}.html' }, { settings }), '/blog/x.html');
      assert.equal(url('eleventy', 'src/blog/x.md', { title: 'Café & Bread', permalink: '/{{ title | slugify }}/' }, { settings }), '/cafe-and-bread/');
    });

    it('jekyll: documents of collections at their permalink (default /:collection/:path plus the style’s ending)', () => {
      const settings = { jekyllCollections: { docs: { permalink: '/:collection/:path/', output: true }, recipes: { output: true } } };
      assert.equal(url('jekyll', '_docs/install/windows.md', {}, { settings }), '/docs/install/windows/');
      assert.equal(url('jekyll', '_recipes/Rye Bread.md', {}, { settings }), '/recipes/Rye Bread.html');
      assert.equal(url('jekyll', '_recipes/rye.md', {}, { settings: { ...settings, jekyllPermalink: 'pretty' } }), '/recipes/rye/');
      assert.equal(url('jekyll', '_recipes/rye.md', { permalink: '/bread/:name/' }, { settings }), '/bread/rye/');
      assert.equal(url('jekyll', 'coll/_recipes/rye.md', {}, { settings: { ...settings, jekyllCollectionsDir: 'coll' } }), '/recipes/rye.html');
      assert.equal(url('jekyll', 'pages/about.md', {}, { settings: { jekyllPermalink: 'pretty' } }), '/pages/about/');
      assert.equal(url('jekyll', '_posts/2026-03-03-hello.md', {}, { settings: { jekyllPostPermalink: '/news/:year/:title/' } }), '/news/2026/hello/');
    });

    it('docusaurus: docs by the plugin’s path and route, ids, slugs, number prefixes, versions; pages', () => {
      const docusaurus = {
        docs: [{ path: 'documentation', routeBasePath: 'guide', versions: ['2.0', '1.0'], versionsDir: 'versioned_docs', lastVersion: '2.0' }],
        blog: [{ path: 'blog', routeBasePath: 'news' }],
      };
      const settings = { docusaurus };
      assert.equal(url('docusaurus', 'documentation/01-basics/02-setup.md', {}, { settings }), '/guide/next/basics/setup');
      assert.equal(url('docusaurus', 'documentation/basics/index.md', {}, { settings }), '/guide/next/basics/');
      assert.equal(url('docusaurus', 'documentation/basics/basics.md', {}, { settings }), '/guide/next/basics/');
      assert.equal(url('docusaurus', 'documentation/api.md', { id: 'api-ref' }, { settings }), '/guide/next/api-ref');
      assert.equal(url('docusaurus', 'documentation/a/b.md', { slug: 'c' }, { settings }), '/guide/next/a/c');
      assert.equal(url('docusaurus', 'documentation/a/b.md', { slug: '/' }, { settings }), '/guide/next/');
      assert.equal(url('docusaurus', 'versioned_docs/version-2.0/intro.md', {}, { settings }), '/guide/intro');
      assert.equal(url('docusaurus', 'versioned_docs/version-1.0/intro.md', {}, { settings }), '/guide/1.0/intro');
      assert.equal(url('docusaurus', 'blog/2026-01-05-launch.md', {}, { settings }), '/news/2026/01/05/launch');
      assert.equal(url('docusaurus', 'src/pages/team/index.md', {}, { settings }), '/team/');
      // A date-like or version-like prefix is kept.
      assert.equal(url('docusaurus', 'documentation/2026-01-01-notes.md', {}, { settings }), '/guide/next/2026-01-01-notes');
    });

    it('nextjs: a Contentlayer blog document at /blog/<its path below the blog folder>', () => {
      const settings = { contentlayerBlogDirs: ['data/blog'] };
      assert.equal(url('nextjs', 'data/blog/nested/part-one.mdx', {}, { settings }), '/blog/nested/part-one');
      assert.equal(url('nextjs', 'data/blog/trip/index.mdx', {}, { settings }), '/blog/trip');
      assert.equal(url('nextjs', '_posts/hello.md', {}, { settings }), '/posts/hello');
    });

    it('astro: a Markdown page of src/pages at its path', () => {
      assert.equal(url('astro', 'src/pages/about.md'), '/about/');
      assert.equal(url('astro', 'src/pages/docs/index.md'), '/docs/');
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
});
