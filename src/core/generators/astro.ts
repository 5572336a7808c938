/**
 * Astro (docs.astro.build, content collections): the article format's own keys; an Astro
 * project's generated `.astro/collections/<name>.schema.json` takes precedence over this schema.
 */
import builtinSchemaJson from '../../../schemas/article.schema.json';
import { ARTICLE_KEYS, ARTICLE_ROLES } from './generic';
import { ASTRO_CONTENT_CONFIGS, readAstroConventions } from './astroContent';
import type { SiteProfile } from './profile';
import { MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { folderUrl, stringValue, urlize, withoutExtension, type ArticleUrl, type UrlInput } from './urls';

/** Astro: `/<collection>/<slug or id>/`, the id being the path below the collection without its extension; a page of src/pages/ at its path. */
function astroUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  // A page of src/pages/: its path is its route (index.md is its folder's).
  if (parts[0] === 'src' && parts[1] === 'pages' && parts.length > 2) {
    const route = parts.slice(2).map((part, index, all) => (index === all.length - 1 ? withoutExtension(part) : part));
    if (route[route.length - 1] === 'index') route.pop();
    return { url: folderUrl(route), group: route.length > 1 ? route[0] : '/' };
  }
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
  // The content configuration, and the collections' schemas `astro sync` generates.
  siteFiles: [...ASTRO_CONTENT_CONFIGS, '.astro/collections/*.json'],
  roles: ARTICLE_ROLES,
  keys: ARTICLE_KEYS,
  fallbacks: {},
  schema: builtinSchemaJson as Record<string, unknown>,
  // A Markdown page passes its whole frontmatter to its layout, which may read any key.
  pageSchemas: [{
    globs: ['src/pages/**'],
    name: 'pages',
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'Astro Markdown page frontmatter',
      type: 'object',
      properties: {
        layout: { type: 'string', description: 'The layout component that renders the page (its props are this frontmatter).' },
        title: { type: 'string', description: 'The page title (read by the layout).' },
        description: { type: 'string', description: 'The page description (read by the layout).' },
      },
      // Any other key may be read by the layout: none is unknown.
      patternProperties: { '.*': {} },
    },
  }],
  publicDirs: ['public'],
  articles: {
    rules: [
      { globs: ['src/content/**'], kind: 'article', why: 'an entry of a content collection (src/content/)' },
      { globs: ['src/pages/**'], kind: 'page', why: 'a Markdown page (src/pages/)' },
    ],
  },
  extensions: MARKDOWN_EXTENSIONS,
  articleUrl: astroUrl,
  formats: ['yaml'],
  readConventions: readAstroConventions,
};

export default astro;
