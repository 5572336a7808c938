/**
 * Astro (docs.astro.build, content collections): the article format's own keys; an Astro
 * project's generated `.astro/collections/<name>.schema.json` takes precedence over this schema.
 */
import builtinSchemaJson from '../../../schemas/article.schema.json';
import { ARTICLE_KEYS, ARTICLE_ROLES } from './generic';
import { readAstroConventions } from './astroContent';
import type { SiteProfile } from './profile';
import { MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { folderUrl, stringValue, urlize, withoutExtension, type ArticleUrl, type UrlInput } from './urls';

/** Astro: `/<collection>/<slug or id>/`, the id being the path below the collection without its extension. */
function astroUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  let below = parts;
  if (parts[0] === 'src' && parts[1] === 'content' && parts.length > 3) below = parts.slice(2);
  else if (parts.length > 1) below = parts.slice(parts.length - 2);
  const collection = below.length > 1 ? below[0] : '';
  const idParts = below.slice(1).map((part, index, all) => (index === all.length - 1 ? withoutExtension(part) : part));
  if (idParts.length > 1 && idParts[idParts.length - 1] === 'index') idParts.pop();
  const slug = stringValue(input.data, 'slug');
  const id = slug ?? idParts.map((part) => urlize(part)).join('/');
  return { url: folderUrl([collection, ...id.split('/')]), key: slug ? 'slug' : undefined, group: collection || '/' };
}

const astro: SiteProfile = {
  name: 'astro',
  label: 'Astro',
  markers: {
    files: ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs'],
    dependencies: ['astro'],
  },
  roles: ARTICLE_ROLES,
  keys: ARTICLE_KEYS,
  fallbacks: {},
  schema: builtinSchemaJson as Record<string, unknown>,
  publicDirs: ['public'],
  articles: { include: ['src/content/**'] },
  extensions: MARKDOWN_EXTENSIONS,
  articleUrl: astroUrl,
  formats: ['yaml'],
  readConventions: readAstroConventions,
};

export default astro;
