/** Any site that no generator's marker names: the article format of sections 1–4 (the built-in schema). */
import builtinSchemaJson from '../../../schemas/article.schema.json';
import { MARKDOWN_EXTENSIONS, type SiteProfile } from './profile';

/** The keyword list, slug and reading time: the same keys on every site. */
export const ARTICLE_KEYS: SiteProfile['keys'] = { keywords: 'keywords', slug: 'slug', readingTime: 'readingTime' };

export const ARTICLE_ROLES: SiteProfile['roles'] = {
  title: [['title']],
  description: [['description']],
  published: [['pubDate']],
  updated: [['updatedDate']],
  hero: [{ image: ['heroImage'], alt: [['heroImageAlt']] }],
};

const generic: SiteProfile = {
  name: 'generic',
  label: 'Generic',
  markers: { files: [] },
  roles: ARTICLE_ROLES,
  keys: ARTICLE_KEYS,
  fallbacks: {},
  schema: builtinSchemaJson as Record<string, unknown>,
  publicDirs: ['public', 'static'],
  articles: { frontmatterFiles: true, exclude: ['**/_includes/**', '**/_layouts/**', '**/_data/**'] },
  extensions: MARKDOWN_EXTENSIONS,
  formats: ['yaml'],
};

export default generic;
