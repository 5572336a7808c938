/**
 * Docusaurus blog posts (docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-blog#markdown-front-matter):
 * authors, tags, dates (what JavaScript's Date reads, e.g. 1/1/2000; else the date in the path),
 * the title from the first H1, `_`-prefixed files and folders are not posts. Images in `static/`.
 */
import { ARTICLE_KEYS } from './generic';
import { MARKDOWN_EXTENSIONS, objectSchema, S, type SiteProfile } from './profile';

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
    id: S.string('The post’s id.'),
    title: S.string('The title; else the first # heading, else the file name.'),
    title_meta: S.string('The title of the <title> tag and meta tags.'),
    description: S.string('The meta description; else the first line of the content.'),
    slug: S.string('The URL segment of the post.'),
    date: S.date('The date; else the date in the path (2026-03-03-name.md, 2026/03/03/name.md).', [jsDate]),
    authors: { anyOf: [{ type: 'string' }, author, { type: 'array', items: { anyOf: [{ type: 'string' }, author] } }], description: 'Authors: keys of authors.yml, or objects with name, title, url, image_url.' },
    author: S.string('Legacy: the author’s name.'),
    author_title: S.string('Legacy: the author’s title.'),
    author_url: S.string('Legacy: the author’s URL.'),
    author_image_url: S.string('Legacy: the author’s picture.'),
    authorURL: S.string('Deprecated: author_url.'),
    authorTitle: S.string('Deprecated: author_title.'),
    authorImageURL: S.string('Deprecated: author_image_url.'),
    tags: { type: 'array', items: tag, description: 'Tags: labels, keys of tags.yml, or objects with label and permalink.' },
    image: S.string('The cover / social card image.'),
    keywords: S.stringList('Meta keywords.'),
    hide_table_of_contents: S.boolean('Hide the table of contents.'),
    toc_min_heading_level: S.integer('The lowest heading level in the table of contents (2–6).'),
    toc_max_heading_level: S.integer('The highest heading level in the table of contents (2–6).'),
    draft: S.boolean('A draft: only in development.'),
    unlisted: S.boolean('Built, but left out of lists, sitemaps and search.'),
    last_update: S.object('The last update: author and date.', {
      author: S.string('Who updated the post last.'),
      date: S.date('When the post was updated last.', [jsDate]),
    }),
    sidebar_label: S.string('The label in the blog sidebar.'),
    pagination_label: S.string('The label in the previous/next links.'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: ['static'],
  articles: { include: ['blog/**'], exclude: ['blog/**/_*', 'blog/**/_*/**', 'blog/_*'] },
  extensions: MARKDOWN_EXTENSIONS,
  formats: ['yaml'],
};

export default docusaurus;
