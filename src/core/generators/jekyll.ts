/**
 * Jekyll (jekyllrb.com/docs/front-matter/, /docs/posts/) with jekyll-seo-tag, jekyll-feed,
 * jekyll-redirect-from, jekyll-sitemap and Minima / Minimal Mistakes keys. Posts live in `_posts/`
 * as `YYYY-MM-DD-title.md` (the date and title come from the name), drafts in `_drafts/`.
 */
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';
import { addKeys, cachedFacts, emptyFacts, readConfigValues, type SiteFacts } from './siteFacts';
import { ARTICLE_KEYS } from './generic';
import { MARKDOWN_EXTENSIONS, objectSchema, S, type SiteProfile } from './profile';

const CONFIG_FILES = ['_config.yml', '_config.yaml', '_config.toml'];

/** The keys that `defaults` in `_config.yml` gives pages: the site's own front matter. */
async function readJekyllFacts(root: string, fs: FileSystemHost): Promise<SiteFacts> {
  const files = CONFIG_FILES.map((file) => join(root, file));
  return cachedFacts(`jekyll:${root}`, files, fs, async () => {
    const facts = emptyFacts();
    for (const [index, file] of files.entries()) {
      const text = await fs.readText(file);
      const defaults = text === undefined ? undefined : readConfigValues(text, file)?.defaults;
      if (!Array.isArray(defaults)) continue;
      for (const entry of defaults) addKeys(facts, (entry as { values?: unknown } | null)?.values, CONFIG_FILES[index], 'A key of the site’s `defaults`');
    }
    return facts;
  });
}

const stringOrObject = (description: string) => ({ anyOf: [{ type: 'string' }, { type: 'object' }], description });

const jekyll: SiteProfile = {
  name: 'jekyll',
  label: 'Jekyll',
  markers: { files: ['_config.yml', '_config.yaml', '_config.toml'] },
  roles: {
    title: [['title']],
    description: [['description'], ['excerpt']],
    published: [['date']],
    updated: [['last_modified_at'], ['modified_date']],
    hero: [{ image: ['image'] }, { image: ['image', 'path'], alt: [['image', 'alt']] }],
  },
  keys: ARTICLE_KEYS,
  fallbacks: {
    title: 'the file name',
    description: 'the excerpt Jekyll takes from the first paragraph',
  },
  pathDate: 'jekyll-post',
  schema: objectSchema('Jekyll front matter', {
    layout: S.string('The layout from `_layouts/` (without extension); `null` for none.', { type: ['string', 'null'] }),
    permalink: S.string('The URL of the page, overriding the site’s permalink style.'),
    published: S.boolean('false keeps the page out of the site.'),
    title: S.string('The title; for posts it defaults to the file name.'),
    description: S.string('The meta description (jekyll-seo-tag); else the excerpt is used.'),
    excerpt: S.string('The excerpt; by default the first paragraph.'),
    excerpt_separator: S.string('Where the excerpt ends in the content.'),
    date: S.date('The post date, e.g. 2013-05-06 12:00:00 +0200; for posts it defaults to the file name’s date.'),
    last_modified_at: S.date('When the page last changed (jekyll-seo-tag, jekyll-sitemap).'),
    modified_date: S.date('When the page last changed (some themes).'),
    category: S.string('One category of the post.'),
    categories: S.stringOrList('Categories: a list, or a space-separated string.'),
    tags: S.stringOrList('Tags: a list, or a space-separated string.'),
    image: {
      anyOf: [
        { type: 'string' },
        {
          type: 'object',
          properties: {
            path: { type: 'string' },
            alt: { type: 'string' },
            height: { type: ['number', 'string'] },
            width: { type: ['number', 'string'] },
          },
        },
      ],
      description: 'jekyll-seo-tag’s image: a path, or an object with path, alt, height and width.',
    },
    author: { anyOf: [{ type: 'string' }, { type: 'object' }, { type: 'array' }], description: 'The author: a name, a key of `_data/authors.yml`, or an object.' },
    authors: S.stringOrList('Authors (several themes).'),
    lang: S.string('The page’s language (jekyll-seo-tag).'),
    locale: S.string('The page’s locale (jekyll-seo-tag).'),
    seo: S.object('jekyll-seo-tag overrides: name, type, links, date_modified.'),
    twitter: S.object('jekyll-seo-tag: the Twitter card.'),
    canonical_url: S.string('jekyll-seo-tag: the canonical URL.'),
    sitemap: { type: ['boolean', 'object'], description: 'jekyll-sitemap: false leaves the page out.' },
    redirect_from: S.stringOrList('jekyll-redirect-from: old URLs of the page.'),
    redirect_to: S.stringOrList('jekyll-redirect-from: where the page redirects.'),
    render_with_liquid: S.boolean('false renders the page without Liquid.'),
    slug: S.string('The slug used in permalinks (else from the file name).'),
    keywords: S.stringOrList('Keywords of the page.'),
    comments: S.boolean('Show comments (many themes).'),
    share: S.boolean('Show share links (many themes).'),
    toc: S.boolean('Show a table of contents (many themes).'),
    toc_label: S.string('Minimal Mistakes: the table of contents’ heading.'),
    toc_sticky: S.boolean('Minimal Mistakes: keep the table of contents in view.'),
    read_time: S.boolean('Minimal Mistakes: show the reading time.'),
    author_profile: S.boolean('Minimal Mistakes: show the author’s profile.'),
    header: S.object('Minimal Mistakes: header image, teaser, overlay.'),
    excerpt_image: S.string('An image for the excerpt (some themes).'),
    classes: S.stringOrList('Minimal Mistakes: CSS classes of the page.'),
    sidebar: { type: ['object', 'array', 'boolean'], description: 'Minimal Mistakes: the sidebar.' },
    pin: S.boolean('Pin the post at the top (Chirpy).'),
    math: S.boolean('Render math (Chirpy and others).'),
    mermaid: S.boolean('Render Mermaid diagrams (Chirpy and others).'),
    hidden: S.boolean('Leave the post out of lists (some themes).'),
    draft: S.boolean('A draft (some themes).'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: [''],
  relativeHeroUnchecked: true,
  articles: { include: ['**/_posts/**', '_drafts/**'] },
  extensions: [...MARKDOWN_EXTENSIONS, '.mkdown', '.mkdn', '.mkd'],
  formats: ['yaml'],
  readFacts: readJekyllFacts,
};

export default jekyll;
