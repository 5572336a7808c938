/**
 * Docusaurus blog posts (docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-blog#markdown-front-matter):
 * authors, tags, dates (what JavaScript's Date reads, e.g. 1/1/2000; else the date in the path),
 * the title from the first H1, `_`-prefixed files and folders are not posts. Images in `static/`.
 */
import { ARTICLE_KEYS } from './generic';
import { objectSchema, field, type SiteProfile } from './profile';
import { MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { fileStem, stringValue, withoutExtension, type ArticleUrl, type UrlInput } from './urls';

const author = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    name: { type: 'string' },
    title: { type: 'string' },
    url: { type: 'string' },
    image_url: { type: 'string' },
    imageURL: { type: 'string' },
    socials: { type: 'object' },
  },
};
const tag = { anyOf: [{ type: 'string' }, { type: 'object', properties: { label: { type: 'string' }, permalink: { type: 'string' }, description: { type: 'string' } } }] };
/** Dates as Docusaurus reads them: the ISO and month-name forms, and numeric `M/D/YYYY`. */
const jsDate = { type: 'string', pattern: '^\\s*\\d{1,2}/\\d{1,2}/\\d{4}\\s*$' };

/** Docusaurus: `/blog/<slug>`, else `/blog/YYYY/MM/DD/<name>` for a dated path, else the path below `blog/`. */
function docusaurusUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  const below = parts[0] === 'blog' ? parts.slice(1) : parts;
  const slug = stringValue(input.data, 'slug');
  if (slug) return { url: `/blog/${slug.replace(/^\/+/, '')}`, key: 'slug', group: 'blog' };
  const path = below.join('/');
  const dated = /(?:^|\/)(\d{4})[-/](\d{2})[-/](\d{2})[-/]([^/]+?)(?:\/index)?(\.(?:md|mdx|markdown))?$/i.exec(path);
  if (dated) {
    const name = withoutExtension(dated[4]);
    return { url: `/blog/${dated[1]}/${dated[2]}/${dated[3]}/${name}`, group: 'blog' };
  }
  const { folder, name } = fileStem(path);
  const route = name === 'index' ? folder : [...folder, name];
  return { url: `/blog${route.length ? `/${route.join('/')}` : ''}`, group: 'blog' };
}

const docusaurus: SiteProfile = {
  name: 'docusaurus',
  label: 'Docusaurus',
  markers: {
    files: ['docusaurus.config.js', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.ts', 'docusaurus.config.mts', 'docusaurus.config.cts'],
    dependencies: ['@docusaurus/core'],
  },
  roles: {
    title: [['title']],
    description: [['description']],
    published: [['date']],
    updated: [['last_update', 'date']],
    hero: [{ image: ['image'] }],
  },
  keys: ARTICLE_KEYS,
  fallbacks: { title: 'the first # heading, else the file name', description: 'the first line of the content' },
  pathDate: 'any',
  schema: objectSchema('Docusaurus blog post front matter', {
    id: field.string('The post’s id.'),
    title: field.string('The title; else the first # heading, else the file name.'),
    title_meta: field.string('The title of the <title> tag and meta tags.'),
    description: field.string('The meta description; else the first line of the content.'),
    slug: field.string('The URL segment of the post.'),
    date: field.date('The date; else the date in the path (2026-03-03-name.md, 2026/03/03/name.md).', [jsDate]),
    authors: { anyOf: [{ type: 'string' }, author, { type: 'array', items: { anyOf: [{ type: 'string' }, author] } }], description: 'Authors: keys of authors.yml, or objects with name, title, url, image_url.' },
    author: field.string('Legacy: the author’s name.'),
    author_title: field.string('Legacy: the author’s title.'),
    author_url: field.string('Legacy: the author’s URL.'),
    author_image_url: field.string('Legacy: the author’s picture.'),
    authorURL: field.string('Deprecated: author_url.'),
    authorTitle: field.string('Deprecated: author_title.'),
    authorImageURL: field.string('Deprecated: author_image_url.'),
    tags: { type: 'array', items: tag, description: 'Tags: labels, keys of tags.yml, or objects with label and permalink.' },
    image: field.string('The cover / social card image.'),
    keywords: field.stringList('Meta keywords.'),
    hide_table_of_contents: field.boolean('Hide the table of contents.'),
    toc_min_heading_level: field.integer('The lowest heading level in the table of contents (2–6).'),
    toc_max_heading_level: field.integer('The highest heading level in the table of contents (2–6).'),
    draft: field.boolean('A draft: only in development.'),
    unlisted: field.boolean('Built, but left out of lists, sitemaps and search.'),
    last_update: field.object('The last update: author and date.', {
      author: field.string('Who updated the post last.'),
      date: field.date('When the post was updated last.', [jsDate]),
    }),
    sidebar_label: field.string('The label in the blog sidebar.'),
    pagination_label: field.string('The label in the previous/next links.'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: ['static'],
  articles: { include: ['blog/**'], exclude: ['blog/**/_*', 'blog/**/_*/**', 'blog/_*'] },
  extensions: MARKDOWN_EXTENSIONS,
  articleUrl: docusaurusUrl,
  formats: ['yaml'],
};

export default docusaurus;
