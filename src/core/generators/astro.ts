/**
 * Astro (docs.astro.build, content collections): the article format of section 1; an Astro
 * project's generated `.astro/collections/<name>.schema.json` takes precedence over this schema.
 */
import builtinSchemaJson from '../../../schemas/article.schema.json';
import { ARTICLE_KEYS, ARTICLE_ROLES } from './generic';
import { readAstroFacts } from './astroContent';
import { MARKDOWN_EXTENSIONS, type SiteProfile } from './profile';

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
  formats: ['yaml'],
  readFacts: readAstroFacts,
};

export default astro;
