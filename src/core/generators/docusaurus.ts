/**
 * Docusaurus blog posts (docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-blog#markdown-front-matter):
 * authors, tags, dates (what JavaScript's Date reads, e.g. 1/1/2000; else the date in the path),
 * the title from the first H1, `_`-prefixed files and folders are not posts. Images in `static/`.
 */
import { ARTICLE_KEYS } from './generic';
import { objectSchema, field, type SiteProfile } from './profile';
import { MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { fileStem, routeKey, stringValue, withoutExtension, type ArticleUrl, type DocusaurusSettings, type SiteSettings, type UrlInput } from './urls';
import { blockAt, objectLiteral, ownProperties, stringLiteral } from './jsSource';
import { join } from '../text/paths';
import { emptyConventions, type SiteConventions } from './conventions';
import type { FileSystemHost } from '../types';

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

const DEFAULT_CONTENT: DocusaurusSettings = {
  docs: [{ path: 'docs', routeBasePath: 'docs', versions: [], lastVersion: 'current' }],
  blog: [{ path: 'blog', routeBasePath: 'blog' }],
};

/** A route below a plugin's base: `/<base>/<rest>`, without doubled or trailing slashes. */
function underBase(base: string, rest: string): string {
  const url = `/${[base, rest].map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
  // A folder's page keeps its trailing slash (`/docs/guides/`).
  return url !== '/' && rest.endsWith('/') ? `${url}/` : url;
}

/** The path below a content folder (`docs`, `../docs`), when the file is in it. */
function below(relativePath: string, folder: string): string | undefined {
  const clean = folder.replace(/^\.\/|\/+$/g, '');
  if (clean === '' || clean === '.') return relativePath;
  return relativePath.startsWith(`${clean}/`) ? relativePath.slice(clean.length + 1) : undefined;
}

/** A file or folder name without Docusaurus's number prefix (`01-intro` → `intro`; dates and versions keep theirs). */
export function withoutNumberPrefix(name: string): string {
  if (/^\d+[-_.]\d+/.test(name)) return name;
  const match = /^\d+\s*[-_.]+\s*([^-_.\s].*)$/.exec(name);
  return match ? match[1] : name;
}

/** Docusaurus blog posts: `/<route>/<slug>`, else `/<route>/YYYY/MM/DD/<name>` for a dated path, else the path below the blog folder. */
function blogUrl(path: string, routeBasePath: string, data: Record<string, unknown>): ArticleUrl {
  const group = routeBasePath || '/';
  const slug = stringValue(data, 'slug');
  if (slug) return { url: underBase(routeBasePath, slug), key: 'slug', group };
  const dated = /(?:^|\/)(\d{4})[-/](\d{2})[-/](\d{2})[-/]([^/]+?)(?:\/index)?(\.(?:md|mdx|markdown))?$/i.exec(path);
  if (dated) return { url: underBase(routeBasePath, `${dated[1]}/${dated[2]}/${dated[3]}/${withoutExtension(dated[4])}`), group };
  const { folder, name } = fileStem(path);
  const route = name === 'index' ? folder : [...folder, name];
  return { url: underBase(routeBasePath, route.join('/')), group };
}

type DocsContent = DocusaurusSettings['docs'][number];

/**
 * A doc's id and URL as the docs plugin makes them: the id is its folder and its `id` (else its
 * file name), number prefixes dropped; the slug is its `slug` (from the route base when it starts
 * with `/`, else from its folder), an `index`/`README` (or a file named like its folder) is the
 * folder's page; the version's path (none for the last version, `next` for unreleased docs) comes first.
 */
function docUrl(path: string, docs: DocsContent, version: string, data: Record<string, unknown>): ArticleUrl {
  const { folder, name } = fileStem(path);
  const dirs = folder.map(withoutNumberPrefix);
  const fileName = withoutNumberPrefix(name);
  const baseId = stringValue(data, 'id') ?? fileName;
  const id = [...dirs, baseId].join('/');
  const dirSlug = `/${dirs.map((dir) => `${dir}/`).join('')}`;
  const frontSlug = stringValue(data, 'slug');
  let slug: string;
  if (frontSlug?.startsWith('/')) slug = frontSlug;
  else if (!frontSlug && (/^(index|readme)$/i.test(name) || (folder.length > 0 && name.toLowerCase() === folder[folder.length - 1].toLowerCase()))) slug = dirSlug;
  else slug = new URL(frontSlug ?? baseId, `http://site${dirSlug}`).pathname;
  const versionPath = version === docs.lastVersion ? '' : version === 'current' ? 'next' : version;
  const url = underBase(docs.routeBasePath, `${versionPath}/${slug}`.replace(/\/{2,}/g, '/'));
  const inNavigation = docs.sidebarIds === undefined || docs.sidebarIds.includes(id) || docs.sidebarIds.includes(baseId);
  return { url, key: frontSlug ? 'slug' : undefined, group: docs.routeBasePath || '/', ...(inNavigation ? { inNavigation } : {}) };
}

/** Where a file is in the site's content: a blog's post, a docs version's doc, a page of `src/pages/`. */
function contentOf(relativePath: string, settings: DocusaurusSettings):
  | { kind: 'blog'; path: string; blog: DocusaurusSettings['blog'][number] }
  | { kind: 'docs'; path: string; docs: DocsContent; version: string }
  | { kind: 'page'; path: string }
  | undefined {
  for (const blog of settings.blog) {
    const path = below(relativePath, blog.path);
    if (path !== undefined && blog.path !== '') return { kind: 'blog', path, blog };
  }
  for (const docs of settings.docs) {
    const path = below(relativePath, docs.path);
    if (path !== undefined) return { kind: 'docs', path, docs, version: 'current' };
    for (const version of docs.versions) {
      const versioned = below(relativePath, `${docs.versionsDir ?? 'versioned_docs'}/version-${version}`);
      if (versioned !== undefined) return { kind: 'docs', path: versioned, docs, version };
    }
  }
  const page = below(relativePath, 'src/pages');
  return page === undefined ? undefined : { kind: 'page', path: page };
}

/** Docusaurus: a blog post, a doc or a page of `src/pages/`, by the content plugins' folders and routes. */
function docusaurusUrl(input: UrlInput): ArticleUrl {
  const settings = input.settings.docusaurus ?? DEFAULT_CONTENT;
  const content = contentOf(input.relativePath, settings);
  if (!content) return blogUrl(input.relativePath.replace(/^blog\//, ''), settings.blog[0]?.routeBasePath ?? 'blog', input.data);
  if (content.kind === 'blog') return blogUrl(content.path, content.blog.routeBasePath, input.data);
  if (content.kind === 'docs') return docUrl(content.path, content.docs, content.version, input.data);
  const { folder, name } = fileStem(content.path);
  return { url: underBase('', name === 'index' ? `${folder.join('/')}/` : [...folder, name].join('/')), group: '/' };
}

/** Docs (of every version) and `src/pages/` files, but those whose name or folder starts with `_` (partials). */
function isDocusaurusPage(relativePath: string, settings: SiteSettings): boolean {
  const content = contentOf(relativePath, settings.docusaurus ?? DEFAULT_CONTENT);
  if (!content || content.kind === 'blog') return false;
  return !content.path.split('/').some((part) => part.startsWith('_'));
}

/**
 * The React pages of a route (the pages plugin's `src/pages/help.js` for `/help`,
 * `src/pages/help/index.tsx` for `/help/`); a name starting with `_` is not a page.
 */
function docusaurusRouteSources(route: string): string[] {
  const parts = route.split('/').filter(Boolean);
  if (parts.some((part) => part.startsWith('_'))) return [];
  const path = parts.join('/');
  const stems = path ? [`src/pages/${path}`, `src/pages/${path}/index`] : ['src/pages/index'];
  return stems.flatMap((stem) => ['js', 'jsx', 'ts', 'tsx'].map((extension) => `${stem}.${extension}`));
}

const CONFIG_FILES = ['docusaurus.config.js', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.ts', 'docusaurus.config.mts', 'docusaurus.config.cts'];

/** The options object that follows a preset's or plugin's name in its `[name, options]` pair, if any. */
function optionsAfterName(text: string, name: RegExp): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(new RegExp(`(["'])(?:${name.source})\\1`, 'g'))) {
    const after = text.slice(match.index + match[0].length);
    const lead = /^\s*,\s*(?:\/\*[^]*?\*\/\s*|\/\/[^\n]*\n\s*)*\(?\s*\{/.exec(after);
    if (!lead) continue;
    const object = blockAt(text, match.index + match[0].length + lead[0].length - 1);
    if (object) found.push(object);
  }
  return found;
}

/** The string a path option names: a literal, or the last literal of `require.resolve('./x')` / `path.resolve(__dirname, './x')`. */
function pathOption(source: string | undefined): string | undefined {
  const literal = stringLiteral(source);
  if (literal !== undefined || source === undefined) return literal;
  const call = /^(?:require\.resolve|path\.(?:resolve|join))\(([^()]*)\)$/.exec(source.trim());
  const last = call?.[1].split(',').pop();
  return last === undefined ? undefined : stringLiteral(last);
}

/** The ids a sidebars file names (every string in it: category labels never match a doc id); undefined when a sidebar is autogenerated. */
async function sidebarIds(root: string, file: string | undefined | false, fs: FileSystemHost): Promise<string[] | undefined> {
  if (file === undefined) return undefined;
  if (file === false) return [];
  const text = await fs.readText(join(root, ...file.split('/').filter((part) => part !== '.')));
  if (text === undefined || /\bautogenerated\b/.test(text)) return undefined;
  return [...text.matchAll(/(["'])([^"'\n]+)\1/g)].map((match) => match[2]);
}

/** One docs plugin's folders, routes, versions and sidebar, from its options (defaults where a value is no plain literal). */
async function readDocs(root: string, options: Map<string, string>, fs: FileSystemHost): Promise<DocsContent> {
  const pluginId = stringLiteral(options.get('id')) ?? 'default';
  const prefix = pluginId === 'default' ? '' : `${pluginId}_`;
  let versions: string[] = [];
  try {
    const list = JSON.parse((await fs.readText(join(root, `${prefix}versions.json`))) ?? '[]') as unknown;
    if (Array.isArray(list)) versions = list.filter((item): item is string => typeof item === 'string');
  } catch {
    versions = [];
  }
  const sidebarOption = options.get('sidebarPath');
  const sidebarFile = sidebarOption?.trim() === 'false' ? false : pathOption(sidebarOption);
  let ids = await sidebarIds(root, sidebarFile, fs);
  for (const version of versions) {
    if (ids === undefined) break;
    const versioned = await sidebarIds(root, `${prefix}versioned_sidebars/version-${version}-sidebars.json`, fs);
    ids = versioned === undefined ? undefined : [...ids, ...versioned];
  }
  return {
    path: stringLiteral(options.get('path')) ?? 'docs',
    routeBasePath: stringLiteral(options.get('routeBasePath')) ?? 'docs',
    versions,
    versionsDir: `${prefix}versioned_docs`,
    lastVersion: stringLiteral(options.get('lastVersion')) ?? versions[0] ?? 'current',
    ...(ids === undefined ? {} : { sidebarIds: ids }),
  };
}

/**
 * What `docusaurus.config.*` says, read as text: the site's address (`url` + `baseUrl`), the docs
 * and blog plugins' folders and routes (the classic preset's `docs` and `blog`, and more
 * instances of the content plugins), and the routes they make (tags, archive, authors, feeds,
 * pagination; the home page).
 */
async function readDocusaurusSettings(root: string, fs: FileSystemHost): Promise<SiteSettings> {
  for (const name of CONFIG_FILES) {
    const text = await fs.readText(join(root, name));
    if (text === undefined) continue;
    const settings: SiteSettings = {};
    const url = stringLiteral(/\burl\s*:\s*(["'`][^"'`\n]*["'`])/.exec(text)?.[1]);
    const baseUrl = stringLiteral(/\bbaseUrl\s*:\s*(["'`][^"'`\n]*["'`])/.exec(text)?.[1]);
    if (url && /^https?:\/\//i.test(url)) settings.siteUrl = url.replace(/\/+$/, '') + (baseUrl ?? '/').replace(/\/+$/, '');
    const content: DocusaurusSettings = { docs: [], blog: [] };
    const presets = optionsAfterName(text, /@docusaurus\/preset-classic|classic/);
    if (presets.length === 0) {
      content.docs.push(...DEFAULT_CONTENT.docs);
      content.blog.push(...DEFAULT_CONTENT.blog);
    }
    for (const preset of presets) {
      const options = ownProperties(preset);
      const docs = options.get('docs');
      if (docs?.trim() !== 'false') content.docs.push(await readDocs(root, ownProperties(objectLiteral(docs) ?? '{}'), fs));
      const blog = options.get('blog');
      if (blog?.trim() !== 'false') {
        const blogOptions = ownProperties(objectLiteral(blog) ?? '{}');
        content.blog.push({ path: stringLiteral(blogOptions.get('path')) ?? 'blog', routeBasePath: stringLiteral(blogOptions.get('routeBasePath')) ?? 'blog' });
      }
    }
    for (const options of optionsAfterName(text, /@docusaurus\/plugin-content-docs|content-docs/)) content.docs.push(await readDocs(root, ownProperties(options), fs));
    for (const options of optionsAfterName(text, /@docusaurus\/plugin-content-blog|content-blog/)) {
      const blogOptions = ownProperties(options);
      content.blog.push({ path: stringLiteral(blogOptions.get('path')) ?? 'blog', routeBasePath: stringLiteral(blogOptions.get('routeBasePath')) ?? 'blog' });
    }
    settings.docusaurus = content;
    const outside = content.docs.map((docs) => docs.path).filter((path) => path.startsWith('../'));
    if (outside.length) settings.outsideDirs = outside;
    settings.routes = ['/', ...(/\balgolia\s*:/.test(text) ? ['/search'] : [])];
    for (const blog of content.blog) {
      for (const route of ['', 'page/*', 'tags', 'tags/*', 'tags/*/page/*', 'archive', 'authors', 'authors/*', 'rss.xml', 'atom.xml']) settings.routes.push(routeKey(underBase(blog.routeBasePath, route)));
    }
    for (const docs of content.docs) for (const route of ['tags', 'tags/*', 'category/*']) settings.routes.push(routeKey(underBase(docs.routeBasePath, route)));
    return settings;
  }
  return {};
}

/** The blog and docs plugins' folders other than `blog/` and `docs/` hold posts and documentation pages too (but their `_` files and folders). */
async function readDocusaurusConventions(root: string, fs: FileSystemHost): Promise<SiteConventions> {
  const conventions = emptyConventions();
  const content = (await readDocusaurusSettings(root, fs)).docusaurus;
  const folder = (path: string) => path.replace(/^\.\/|\/+$/g, '');
  for (const blog of content?.blog ?? []) {
    const path = folder(blog.path);
    if (path && path !== 'blog' && !path.startsWith('../')) conventions.contentRules.push({ globs: [`${path}/**`], kind: 'article', why: `a post of the blog (the blog plugin's path, ${path}/)` });
  }
  for (const docs of content?.docs ?? []) {
    const path = folder(docs.path);
    if (path && path !== 'docs' && !path.startsWith('../')) conventions.contentRules.push({ globs: [`${path}/**`], kind: 'page', why: `a documentation page (the docs plugin's path, ${path}/)` });
  }
  return conventions;
}

/** The keys every Docusaurus Markdown page reads (docs and pages alike). */
const PAGE_KEYS = {
  title: field.string('The title; else the first # heading.'),
  description: field.string('The meta description; else the first line of the content.'),
  keywords: field.stringList('Meta keywords.'),
  image: field.string('The social card image.'),
  hide_table_of_contents: field.boolean('Hide the table of contents.'),
  toc_min_heading_level: field.integer('The lowest heading level in the table of contents (2–6).'),
  toc_max_heading_level: field.integer('The highest heading level in the table of contents (2–6).'),
  draft: field.boolean('A draft: only in development.'),
  unlisted: field.boolean('Built, but left out of lists, sitemaps and search.'),
};

/** docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-docs#markdown-front-matter */
const DOCS_SCHEMA = objectSchema('Docusaurus doc front matter', {
  ...PAGE_KEYS,
  id: field.string('The document id (else the file name without its number prefix).'),
  title_meta: field.string('The title of the <title> tag and meta tags.'),
  hide_title: field.boolean('Hide the title at the top of the doc.'),
  sidebar_label: field.string('The label in the sidebar.'),
  sidebar_position: field.number('The position in an autogenerated sidebar.'),
  sidebar_class_name: field.string('A class name for the sidebar item.'),
  sidebar_key: field.string('A key that tells sidebar items apart.'),
  sidebar_custom_props: field.object('Custom props of the sidebar item.'),
  displayed_sidebar: field.string('The sidebar shown with this doc.'),
  pagination_label: field.string('The label in the previous/next links.'),
  pagination_next: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'The id of the next doc (null: none).' },
  pagination_prev: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'The id of the previous doc (null: none).' },
  parse_number_prefixes: field.boolean('Strip number prefixes from this doc’s id and path.'),
  custom_edit_url: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'The "edit this page" URL (null: none).' },
  slug: field.string('The URL of the doc below the plugin’s route.'),
  tags: { type: 'array', items: tag, description: 'Tags: labels, keys of tags.yml, or objects with label and permalink.' },
  last_update: field.object('The last update: author and date.', {
    author: field.string('Who updated the doc last.'),
    date: field.date('When the doc was updated last.', [jsDate]),
  }),
});

/** docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-pages#markdown-front-matter */
const PAGES_SCHEMA = objectSchema('Docusaurus page front matter', {
  ...PAGE_KEYS,
  title_meta: field.string('The title of the <title> tag and meta tags.'),
  wrapperClassName: field.string('A class name of the page’s wrapper.'),
});

const docusaurus: SiteProfile = {
  name: 'docusaurus',
  label: 'Docusaurus',
  markers: {
    files: CONFIG_FILES,
    dependencies: ['@docusaurus/core'],
  },
  // The sidebars and the docs' versions (another docs plugin instance's with its id as prefix): the docs' routes and navigation.
  siteFiles: ['sidebars.*', 'versions.json', '*_versions.json', 'versioned_sidebars/*', '*_versioned_sidebars/*'],
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
  slugIsPath: true,
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
  pageSchemas: [
    { globs: ['docs/**'], name: 'docs', schema: DOCS_SCHEMA },
    { globs: ['src/pages/**'], name: 'pages', schema: PAGES_SCHEMA },
  ],
  publicDirs: ['static'],
  articles: {
    // Files and folders starting with `_` are partials, never pages.
    exclude: ['**/_*', '**/_*/**', 'node_modules/**', 'build/**'],
    rules: [
      { globs: ['blog/**'], kind: 'article', why: 'a post of the blog (blog/)' },
      { globs: ['docs/**'], kind: 'page', why: 'a documentation page (docs/)' },
      { globs: ['src/pages/**'], kind: 'page', why: 'a page (src/pages/)' },
    ],
  },
  extensions: MARKDOWN_EXTENSIONS,
  articleUrl: docusaurusUrl,
  isPage: isDocusaurusPage,
  readConventions: readDocusaurusConventions,
  readUrlSettings: readDocusaurusSettings,
  routeSources: docusaurusRouteSources,
  formats: ['yaml'],
};

export default docusaurus;
