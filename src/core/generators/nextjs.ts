/**
 * Next.js blogs in the layout of the official blog starter (`_posts/*.md` read with gray-matter):
 * title, excerpt, coverImage, date, `author: { name, picture }`, `ogImage: { url }`. Next.js itself
 * reads no frontmatter; the keys of Vercel's portfolio starter (`publishedAt`, `summary`, `image`)
 * come after the blog starter's in each role. Images in `public/`. With Contentlayer, each document
 * type's fields are the schema of its files (contentlayer.ts).
 */
import { CONTENTLAYER_CONFIGS, readContentlayerConventions } from './contentlayer';
import { ARTICLE_KEYS } from './generic';
import { objectSchema, field, type SiteProfile } from './profile';
import { MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { fileStem, withoutExtension, type ArticleUrl, type SiteSettings, type UrlInput } from './urls';
import { stringLiteral } from './jsSource';
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';

/**
 * A blog document of a Contentlayer document type (see readNextjsSettings): `/blog/<its path below
 * the blog folder>` (Contentlayer's flattened path); else the Next.js blog starter's `/posts/<file name>`.
 */
function nextjsUrl(input: UrlInput): ArticleUrl {
  for (const dir of input.settings.contentlayerBlogDirs ?? []) {
    if (!input.relativePath.startsWith(`${dir}/`)) continue;
    const path = withoutExtension(input.relativePath.slice(dir.length + 1)).replace(/(^|\/)index$/, '');
    return { url: `/blog/${path}`.replace(/\/$/, ''), group: 'blog' };
  }
  const { name } = fileStem(input.relativePath);
  return { url: `/posts/${name}`, group: 'posts' };
}

const CONTENTLAYER_FILES = ['contentlayer.config.ts', 'contentlayer.config.js', 'contentlayer.config.mjs'];

/**
 * `contentlayer.config.*`, read as text: the folders of the document types whose `filePathPattern`
 * is under `blog/` or `posts/`, below `contentDirPath`. The home page is always a route.
 */
async function readNextjsSettings(root: string, fs: FileSystemHost): Promise<SiteSettings> {
  const settings: SiteSettings = { routes: ['/'] };
  for (const name of CONTENTLAYER_FILES) {
    const text = await fs.readText(join(root, name));
    if (text === undefined) continue;
    const contentDir = (stringLiteral(/\bcontentDirPath\s*:\s*(["'`][^"'`\n]*["'`])/.exec(text)?.[1]) ?? '').replace(/^\.\/|\/+$/g, '');
    const dirs: string[] = [];
    for (const match of text.matchAll(/\bfilePathPattern\s*:\s*(["'`][^"'`\n]*["'`])/g)) {
      const folder = /^(?:\.\/)?((?:[^/*]+\/)*?(?:blog|posts))\//.exec(stringLiteral(match[1]) ?? '')?.[1];
      if (folder) dirs.push(contentDir && contentDir !== '.' ? `${contentDir}/${folder}` : folder);
    }
    if (dirs.length) settings.contentlayerBlogDirs = dirs;
    break;
  }
  return settings;
}

/** The App Router's and Pages Router's files of a route (`app/about/page.tsx`, `pages/about.tsx`), in the site's folder or `src/`. */
function nextjsRouteSources(route: string): string[] {
  const path = route.split('/').filter(Boolean).join('/');
  const stems = [`app/${path ? `${path}/` : ''}page`, ...(path ? [`pages/${path}`, `pages/${path}/index`] : ['pages/index'])];
  return ['', 'src/'].flatMap((prefix) => stems.flatMap((stem) => ['tsx', 'ts', 'jsx', 'js', 'mdx', 'md'].map((extension) => `${prefix}${stem}.${extension}`)));
}

const nextjs: SiteProfile = {
  name: 'nextjs',
  label: 'Next.js',
  markers: { files: ['next.config.js', 'next.config.mjs', 'next.config.ts'], dependencies: ['next'] },
  siteFiles: CONTENTLAYER_CONFIGS,
  roles: {
    title: [['title']],
    description: [['excerpt'], ['description'], ['summary']],
    published: [['date'], ['publishedAt']],
    updated: [],
    hero: [{ image: ['coverImage'] }, { image: ['image'] }],
  },
  keys: ARTICLE_KEYS,
  fallbacks: {},
  // gray-matter reads `description:` as null and nothing validates it; Contentlayer takes it as a missing field.
  emptyValues: 'absent',
  schema: objectSchema('Next.js blog post front matter', {
    title: field.string('The post title.'),
    excerpt: field.string('The excerpt: shown in lists and used as the meta description.'),
    description: field.string('The meta description (some starters).'),
    coverImage: field.string('The cover image, from `public/` (e.g. /assets/blog/x/cover.jpg).'),
    date: field.date('The post date (ISO, e.g. 2026-03-03T05:35:07.322Z).'),
    publishedAt: field.date('The post date (the portfolio starter).'),
    summary: field.string('The summary, used as the meta description (the portfolio starter).'),
    image: field.string('The Open Graph image (the portfolio starter).'),
    author: {
      anyOf: [{ type: 'string' }, { type: 'object', properties: { name: { type: 'string' }, picture: { type: 'string' } } }],
      description: 'The author: `{ name, picture }` in the blog starter.',
    },
    ogImage: field.object('The Open Graph image: `{ url }`.', { url: field.string('The image’s URL or public path.') }),
    slug: field.string('The URL segment (else the file name).'),
    tags: field.stringList('Tags.'),
    keywords: field.stringList('Keywords.'),
    draft: field.boolean('A draft.'),
    preview: field.boolean('A preview post (the starter’s draft mode).'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: ['public'],
  articles: {
    exclude: ['**/_includes/**', '**/_layouts/**', '**/_data/**', 'node_modules/**', '.next/**', 'out/**'],
    rules: [{ globs: ['_posts/**', 'posts/**', 'data/blog/**', 'content/blog/**', 'content/posts/**'], kind: 'article', why: 'a post of the blog folder (_posts, posts, data/blog)' }],
    frontmatterPages: 'a page: a Markdown file with frontmatter outside the blog folder',
  },
  extensions: MARKDOWN_EXTENSIONS,
  articleUrl: nextjsUrl,
  readUrlSettings: readNextjsSettings,
  routeSources: nextjsRouteSources,
  formats: ['yaml'],
  readConventions: readContentlayerConventions,
};

export default nextjs;
