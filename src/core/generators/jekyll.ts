/**
 * Jekyll (jekyllrb.com/docs/front-matter/, /docs/posts/) with jekyll-seo-tag, jekyll-feed,
 * jekyll-redirect-from, jekyll-sitemap and Minima / Minimal Mistakes keys. Posts live in `_posts/`
 * as `YYYY-MM-DD-title.md` (the date and title come from the name), drafts in `_drafts/`.
 */
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';
import { addKeys, addTemplateKeys, cachedConventions, copyConventions, emptyConventions, readConfigValues, type SiteConventions } from './conventions';
import { jekyllTemplateKeys, readTemplateKeys } from './templateKeys';
import { ARTICLE_KEYS } from './generic';
import { LENIENT_DATE_FORMAT, objectSchema, field, type SiteProfile } from './profile';
import { ALL_MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { ensureLeadingSlash, fileStem, folderUrl, stringValue, urlize, type ArticleUrl, type SiteSettings, type UrlInput } from './urls';

const CONFIG_FILES = ['_config.yml', '_config.yaml', '_config.toml'];

/**
 * Page variables Jekyll computes rather than reads from the front matter (`page.url`, `page.content`…):
 * a layout that reads them does not make them front matter keys.
 */
const COMPUTED_PAGE_VARIABLES = new Set(['content', 'output', 'url', 'id', 'dir', 'name', 'path', 'relative_path', 'next', 'previous', 'collection', 'ext', 'html_url']);

/**
 * The keys that `defaults` in `_config.yml` gives pages (the site's own front matter), its plugins,
 * and the keys its layouts and includes read (`page.x`).
 */
async function readJekyllConventions(root: string, fs: FileSystemHost): Promise<SiteConventions> {
  const files = CONFIG_FILES.map((file) => join(root, file));
  const folders = { layouts: '_layouts', includes: '_includes' };
  const fromConfig = await cachedConventions(`jekyll:${root}`, files, fs, async () => {
    const conventions = emptyConventions();
    for (const [index, file] of files.entries()) {
      const text = await fs.readText(file);
      const values = text === undefined ? undefined : readConfigValues(text, file);
      // `gems` is the older name of `plugins`.
      for (const list of [values?.plugins, values?.gems]) {
        if (Array.isArray(list)) for (const name of list) if (typeof name === 'string') conventions.plugins.push(name);
      }
      addCollectionRules(conventions, values, CONFIG_FILES[index]);
      const defaults = values?.defaults;
      if (!Array.isArray(defaults)) continue;
      for (const entry of defaults) addKeys(conventions, (entry as { values?: unknown } | null)?.values, CONFIG_FILES[index], 'A key of the site’s `defaults`');
    }
    return conventions;
  });
  const collections: string[] = [];
  for (const file of files) {
    const text = await fs.readText(file);
    const values = text === undefined ? undefined : readConfigValues(text, file);
    if (!values) continue;
    // The site may move its layouts and includes (`layouts_dir`, `includes_dir`).
    for (const [setting, name] of [['layouts_dir', 'layouts'], ['includes_dir', 'includes']] as const) {
      const folder = values[setting];
      if (typeof folder === 'string' && folder.trim() && !folder.includes('..')) folders[name] = folder.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    }
    // `collections:` is a mapping of names to settings, or a list of names.
    const declared = values.collections;
    if (Array.isArray(declared)) collections.push(...declared.filter((name): name is string => typeof name === 'string'));
    else if (declared && typeof declared === 'object') collections.push(...Object.keys(declared));
    break;
  }
  const conventions = copyConventions(fromConfig);
  const readBy = await readTemplateKeys(root, fs, [folders.layouts, folders.includes], jekyllTemplateKeys(collections));
  for (const key of COMPUTED_PAGE_VARIABLES) readBy.delete(key);
  addTemplateKeys(conventions, readBy);
  return conventions;
}

/** A collection's files (`collections:` in the configuration, below `collections_dir`) are pages, not posts. */
function addCollectionRules(conventions: SiteConventions, values: Record<string, unknown> | undefined, file: string): void {
  const collections = values?.collections;
  const names = Array.isArray(collections) ? collections.filter((name): name is string => typeof name === 'string') : collections && typeof collections === 'object' ? Object.keys(collections) : [];
  const folder = typeof values?.collections_dir === 'string' ? values.collections_dir.replace(/^\.?\/+|\/+$/g, '') : '';
  for (const name of names) {
    if (name === 'posts' || !/^[\w.-]+$/.test(name)) continue;
    conventions.contentRules.push({ globs: [`${folder ? `${folder}/` : ''}_${name}/**`], kind: 'page', why: `a document of the ${name} collection (collections in ${file})` });
  }
}

const stringOrObject = (description: string) => ({ anyOf: [{ type: 'string' }, { type: 'object' }], description });

const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** Jekyll: the post's `permalink`, else the site's (a style or a template), else the `date` style. */
function jekyllUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  const postsAt = parts.lastIndexOf('_posts');
  const draftsAt = parts.indexOf('_drafts');
  // A draft is not published: nothing can link to it.
  if (draftsAt !== -1) return { group: '_drafts' };
  const own = stringValue(input.data, 'permalink');
  if (own) return { url: ensureLeadingSlash(own), key: 'permalink', group: '_posts' };
  if (postsAt === -1 && draftsAt === -1) {
    // A page: its path, `.html` for Markdown.
    const { folder, name } = fileStem(input.relativePath);
    return { url: name === 'index' ? folderUrl(folder) : `/${[...folder, `${name}.html`].join('/')}`, group: folder[0] ?? '/' };
  }
  const { name } = fileStem(input.relativePath);
  const dated = /^(\d{4})-(\d{2})-(\d{2})-(.*)$/.exec(name);
  const fileSlug = dated ? dated[4] : name;
  const date = (input.date ?? (dated ? `${dated[1]}-${dated[2]}-${dated[3]}` : '')).split('-');
  const folderCategories = parts.slice(0, Math.max(postsAt, draftsAt, 0));
  const categories = [...folderCategories, ...jekyllCategories(input.data)];
  const slug = stringValue(input.data, 'slug');
  const titlePart = slug ?? fileSlug;
  const setting = input.settings.jekyllPermalink ?? 'date';
  const template = JEKYLL_STYLES[setting] ?? setting;
  const url = template.replace(/:(\w+)/g, (whole, token: string) => {
    switch (token) {
      case 'categories':
        return categories.map((category) => urlize(category)).join('/');
      case 'year':
        return date[0] ?? '';
      case 'month':
        return date[1] ?? '';
      case 'day':
        return date[2] ?? '';
      case 'i_month':
        return date[1] ? String(Number(date[1])) : '';
      case 'i_day':
        return date[2] ? String(Number(date[2])) : '';
      case 'short_year':
        return date[0]?.slice(2) ?? '';
      case 'title':
        return titlePart;
      case 'slug':
        return urlize(titlePart);
      case 'output_ext':
        return '.html';
      default:
        return whole;
    }
  });
  return { url: ensureLeadingSlash(url.replace(/\/{2,}/g, '/')), key: slug ? 'slug' : undefined, group: '_posts' };
}

function jekyllCategories(data: Record<string, unknown>): string[] {
  const list: string[] = [];
  for (const key of ['category', 'categories']) {
    const value = data[key];
    if (typeof value === 'string') list.push(...value.split(/\s+/).filter(Boolean));
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string' || typeof item === 'number') list.push(String(item));
  }
  return list;
}


/** The permalink style of the site's configuration: the posts collection's own, else the site's. */
async function readJekyllSettings(root: string, fs: FileSystemHost): Promise<SiteSettings> {
  for (const name of CONFIG_FILES) {
    const text = await fs.readText(join(root, name));
    if (text === undefined) continue;
    const data = readConfigValues(text, name);
    const posts = (data?.collections as Record<string, Record<string, unknown>> | undefined)?.posts;
    const permalink = typeof posts?.permalink === 'string' ? posts.permalink : typeof data?.permalink === 'string' ? data.permalink : undefined;
    return permalink ? { jekyllPermalink: permalink } : {};
  }
  return {};
}

const jekyll: SiteProfile = {
  name: 'jekyll',
  label: 'Jekyll',
  markers: { files: CONFIG_FILES },
  // The layouts and includes whose `page.x` are known keys.
  siteFiles: ['_layouts/**', '_includes/**'],
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
  // Ruby reads `description:` as nil, which Jekyll and its plugins take as no value; an empty date fails the build.
  emptyValues: 'absent-except-dates',
  redirects: { key: 'redirect_from', plugin: 'jekyll-redirect-from' },
  schema: objectSchema('Jekyll front matter', {
    layout: field.string('The layout from `_layouts/` (without extension); `null` for none.', { type: ['string', 'null'] }),
    permalink: field.string('The URL of the page, overriding the site’s permalink style.'),
    published: field.boolean('false keeps the page out of the site.'),
    title: field.string('The title; for posts it defaults to the file name.'),
    description: field.string('The meta description (jekyll-seo-tag); else the excerpt is used.'),
    excerpt: field.string('The excerpt; by default the first paragraph.'),
    excerpt_separator: field.string('Where the excerpt ends in the content.'),
    date: field.date('The post date, e.g. 2013-05-06 12:00:00 +0200 (what Ruby’s Time.parse reads); for posts it defaults to the file name’s date.', [], LENIENT_DATE_FORMAT),
    last_modified_at: field.date('When the page last changed (jekyll-seo-tag, jekyll-sitemap).', [], LENIENT_DATE_FORMAT),
    modified_date: field.date('When the page last changed (some themes).', [], LENIENT_DATE_FORMAT),
    category: field.string('One category of the post.'),
    categories: field.stringOrList('Categories: a list, or a space-separated string.'),
    tags: field.stringOrList('Tags: a list, or a space-separated string.'),
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
    authors: field.stringOrList('Authors (several themes).'),
    lang: field.string('The page’s language (jekyll-seo-tag).'),
    locale: field.string('The page’s locale (jekyll-seo-tag).'),
    seo: field.object('jekyll-seo-tag overrides: name, type, links, date_modified.'),
    twitter: field.object('jekyll-seo-tag: the Twitter card.'),
    canonical_url: field.string('jekyll-seo-tag: the canonical URL.'),
    sitemap: { type: ['boolean', 'object'], description: 'jekyll-sitemap: false leaves the page out.' },
    redirect_from: field.stringOrList('jekyll-redirect-from: old URLs of the page.'),
    redirect_to: field.stringOrList('jekyll-redirect-from: where the page redirects.'),
    render_with_liquid: field.boolean('false renders the page without Liquid.'),
    slug: field.string('The slug used in permalinks (else from the file name).'),
    keywords: field.stringOrList('Keywords of the page.'),
    comments: field.boolean('Show comments (many themes).'),
    share: field.boolean('Show share links (many themes).'),
    toc: field.boolean('Show a table of contents (many themes).'),
    toc_label: field.string('Minimal Mistakes: the table of contents’ heading.'),
    toc_sticky: field.boolean('Minimal Mistakes: keep the table of contents in view.'),
    read_time: field.boolean('Minimal Mistakes: show the reading time.'),
    author_profile: field.boolean('Minimal Mistakes: show the author’s profile.'),
    header: field.object('Minimal Mistakes: header image, teaser, overlay.'),
    excerpt_image: field.string('An image for the excerpt (some themes).'),
    classes: field.stringOrList('Minimal Mistakes: CSS classes of the page.'),
    sidebar: { type: ['object', 'array', 'boolean'], description: 'Minimal Mistakes: the sidebar.' },
    pin: field.boolean('Pin the post at the top (Chirpy).'),
    math: field.boolean('Render math (Chirpy and others).'),
    mermaid: field.boolean('Render Mermaid diagrams (Chirpy and others).'),
    hidden: field.boolean('Leave the post out of lists (some themes).'),
    draft: field.boolean('A draft (some themes).'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: [''],
  relativeHeroUnchecked: true,
  articles: {
    exclude: ['_site/**', 'vendor/**', 'node_modules/**', '**/_includes/**', '**/_layouts/**', '_data/**', '_sass/**'],
    rules: [
      { globs: ['**/_posts/**', '_drafts/**'], kind: 'article', why: 'a post (_posts, _drafts)' },
      // Other folders starting with `_` are not rendered unless they hold a collection (read from the configuration).
      { globs: ['_*/**', '**/_*/**'], kind: 'none', why: 'Jekyll renders nothing from a folder starting with _ unless it holds a collection' },
    ],
    frontmatterPages: 'a page: Jekyll renders a Markdown file that starts with frontmatter',
  },
  extensions: ALL_MARKDOWN_EXTENSIONS,
  articleUrl: jekyllUrl,
  readUrlSettings: readJekyllSettings,
  formats: ['yaml'],
  readConventions: readJekyllConventions,
};

export default jekyll;
