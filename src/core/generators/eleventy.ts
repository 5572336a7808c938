/**
 * Eleventy (11ty.dev/docs/data-frontmatter/, /docs/data-configuration/): `eleventy…` keys, layout,
 * permalink, tags (a string or a list), pagination, dates including `Last Modified` and `git Created`,
 * `---json` front matter, `---js` never run.
 */
import { ARTICLE_KEYS } from './generic';
import { MARKDOWN_EXTENSIONS, objectSchema, S, type SiteProfile } from './profile';

const eleventy: SiteProfile = {
  name: 'eleventy',
  label: 'Eleventy',
  markers: {
    files: ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js'],
    dependencies: ['@11ty/eleventy'],
  },
  roles: {
    title: [['title']],
    description: [['description']],
    published: [['date']],
    updated: [],
    hero: [{ image: ['image'], alt: [['imageAlt']] }],
  },
  keys: ARTICLE_KEYS,
  fallbacks: {},
  pathDate: 'any',
  schema: objectSchema('Eleventy front matter', {
    title: S.string('The page title.'),
    description: S.string('The page description (the meta description in most starters).'),
    date: S.date('The content date; also `Last Modified`, `Created`, `git Last Modified` or `git Created`.', [
      { enum: ['Last Modified', 'Created', 'git Last Modified', 'git Created'] },
    ]),
    layout: { type: ['string', 'boolean', 'null'], description: 'The layout from `_includes/`; false or null for none.' },
    permalink: { anyOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'object' }], description: 'The output URL; false writes no file.' },
    permalinkBypassOutputDir: S.boolean('Write the permalink outside the output folder.'),
    dynamicPermalink: S.boolean('false: the permalink is not a template.'),
    tags: S.stringOrList('Collections the page belongs to: a string or a list.'),
    pagination: S.object('Pagination: data, size, alias, …'),
    eleventyNavigation: S.object('eleventy-navigation: key, parent, title, excerpt, url, order.', {
      key: S.string('The entry’s key.'),
      parent: S.string('The parent entry’s key.'),
      title: S.string('The entry’s title.'),
      excerpt: S.string('A short text.'),
      url: S.string('An external URL.'),
      order: S.number('The order among siblings.'),
    }),
    eleventyExcludeFromCollections: { anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string' } }], description: 'Leave the page out of collections.' },
    eleventyComputed: S.object('Data computed from other data.'),
    eleventyImport: S.object('Collections this template depends on (incremental builds).'),
    eleventyDataSchema: S.any('A function that validates the page’s data (in JavaScript data files).'),
    eleventyAllowMissingExtension: S.boolean('Allow a template without an extension.'),
    templateEngineOverride: S.string('Template engines to use, e.g. `njk,md`.'),
    renderData: S.object('Data rendered with the template.'),
    draft: S.boolean('A draft (the eleventy-base-blog starter leaves it out of production builds).'),
    image: S.string('The hero image (many starters).'),
    imageAlt: S.string('Alternative text of the hero image.'),
    author: { anyOf: [{ type: 'string' }, { type: 'object' }], description: 'The author.' },
    keywords: S.stringOrList('Keywords of the page.'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: ['public'],
  articles: { frontmatterFiles: true, exclude: ['**/_includes/**', '**/_layouts/**', '**/_data/**', 'node_modules/**', '_site/**'] },
  extensions: MARKDOWN_EXTENSIONS,
  formats: ['yaml', 'json'],
  jsFrontmatterNote: true,
};

export default eleventy;
