/**
 * Astro (docs.astro.build, content collections): the article format's own keys; an Astro
 * project's generated `.astro/collections/<name>.schema.json` takes precedence over this schema.
 */
import builtinSchemaJson from '../../../schemas/article.schema.json';
import { ARTICLE_KEYS, ARTICLE_ROLES } from './generic';
import { ASTRO_CONTENT_CONFIGS, readAstroConventions } from './astroContent';
import type { SiteProfile } from './profile';
import { MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { fileStem, folderUrl, stringValue, urlize, withoutExtension, type ArticleUrl, type SiteSettings, type UrlInput } from './urls';
import { stringLiteral } from './jsSource';
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';

/** Astro: a page of `src/pages/` at its path; an entry `/<collection>/<slug or id>/`, the id being the path below the collection without its extension. */
function astroUrl(input: UrlInput): ArticleUrl {
  if (input.relativePath.startsWith('src/pages/')) {
    const { folder, name } = fileStem(input.relativePath.slice('src/pages/'.length));
    return { url: folderUrl(name === 'index' ? folder : [...folder, name]), group: folder[0] ?? '/' };
  }
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

const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs'];

/**
 * The site's address: `site` in `astro.config.*`, read as text, a string literal, or a property of
 * an object that the configuration imports from a local module (`site: siteConfig.url`).
 */
async function readAstroSettings(root: string, fs: FileSystemHost): Promise<SiteSettings> {
  for (const name of CONFIG_FILES) {
    const text = await fs.readText(join(root, name));
    if (text === undefined) continue;
    const value = /\bsite\s*:\s*([^,\n}]+)/.exec(text)?.[1].trim();
    let site = stringLiteral(value);
    const member = value === undefined ? null : /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/.exec(value);
    if (site === undefined && member) {
      const [object, property] = [member[1], member[2]].map((name) => name.replace(/\$/g, '\\$'));
      const from = new RegExp(`import\\s*\\{[^}]*\\b${object}\\b[^}]*\\}\\s*from\\s*["'](\\.{1,2}/[^"']+)["']`).exec(text)?.[1];
      for (const candidate of from ? [from, ...['.ts', '.js', '.mjs', '.mts'].map((extension) => from + extension)] : []) {
        const module = await fs.readText(join(root, ...candidate.split('/')));
        if (module === undefined) continue;
        site = stringLiteral(new RegExp(`\\b${property}\\s*:\\s*(["'\`][^"'\`\\n]*["'\`])`).exec(module)?.[1]);
        break;
      }
    }
    const routes = ['/'];
    return site && /^https?:\/\//i.test(site) ? { siteUrl: site.replace(/\/+$/, ''), routes } : { routes };
  }
  return { routes: ['/'] };
}

/** Markdown pages of `src/pages/` (but `_` files and folders, which Astro leaves out). */
function isAstroPage(relativePath: string): boolean {
  return relativePath.startsWith('src/pages/') && !relativePath.split('/').some((part) => part.startsWith('_'));
}

/** The page files of a route (`src/pages/about.astro`, `src/pages/about/index.astro`, `src/pages/rss.xml.js`). */
function astroRouteSources(route: string): string[] {
  const path = route.split('/').filter(Boolean).join('/');
  const stems = path ? [`src/pages/${path}`, `src/pages/${path}/index`] : ['src/pages/index'];
  return stems.flatMap((stem) => ['astro', 'md', 'mdx', 'html', 'js', 'ts'].map((extension) => `${stem}.${extension}`));
}

const astro: SiteProfile = {
  name: 'astro',
  label: 'Astro',
  markers: {
    files: CONFIG_FILES,
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
  isPage: isAstroPage,
  readUrlSettings: readAstroSettings,
  routeSources: astroRouteSources,
  formats: ['yaml'],
  readConventions: readAstroConventions,
};

export default astro;
