/** Any site that no generator's marker names: the article format's own keys (the built-in schema). */
import builtinSchemaJson from '../../../schemas/article.schema.json';
import type { SiteProfile } from './profile';
import { MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { fileStem, folderUrl, stringValue, type ArticleUrl, type UrlInput } from './urls';

/** The keyword list, slug and reading time: the same keys on every site. */
export const ARTICLE_KEYS: SiteProfile['keys'] = { keywords: 'keywords', slug: 'slug', readingTime: 'readingTime' };

export const ARTICLE_ROLES: SiteProfile['roles'] = {
  title: [['title']],
  description: [['description']],
  published: [['pubDate']],
  updated: [['updatedDate']],
  hero: [{ image: ['heroImage'], alt: [['heroImageAlt']] }],
};

/** Generic: `/<slug or file name>/`. */
function genericUrl(input: UrlInput): ArticleUrl {
  const slug = stringValue(input.data, 'slug');
  const { folder, name } = fileStem(input.relativePath);
  const last = name === 'index' ? folder[folder.length - 1] ?? '' : name;
  return { url: folderUrl([slug ?? last]), key: slug ? 'slug' : undefined, group: '/' };
}

const generic: SiteProfile = {
  name: 'generic',
  label: 'Generic',
  wording: { site: 'a generic site (the article format’s own keys)', page: 'an article of no known generator' },
  markers: { files: [] },
  roles: ARTICLE_ROLES,
  keys: ARTICLE_KEYS,
  fallbacks: {},
  schema: builtinSchemaJson as Record<string, unknown>,
  publicDirs: ['public', 'static'],
  articles: { byInclude: true, rules: [] },
  extensions: MARKDOWN_EXTENSIONS,
  articleUrl: genericUrl,
  formats: ['yaml'],
};

export default generic;
