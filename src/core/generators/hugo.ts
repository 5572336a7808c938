/**
 * Hugo (gohugo.io/content-management/front-matter/): YAML, TOML (`+++`) or JSON front matter, keys
 * matched without regard to case, the predefined fields, the default taxonomies and the keys of
 * popular themes (PaperMod's `cover`, `ShowToc`…). Images in `static/`, page bundles, `assets/`.
 */
import { filesBelow } from '../text/folders';
import { isMarkdownFile, MARKDOWN_EXTENSIONS } from '../text/markdownFiles';
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';
import { addKeys, addTemplateKeys, cachedConventions, copyConventions, emptyConventions, frontmatterKeysOf, type ContentRule, type SiteConventions } from './conventions';
import { readHugoConfig, type HugoConfig } from './hugoConfig';
import { hugoTemplateKeys, readTemplateKeys } from './templateKeys';
import { ARTICLE_KEYS } from './generic';
import { objectSchema, field, type SiteProfile } from './profile';
import { folderUrl, stringValue, urlize, withoutExtension, type ArticleUrl, type SiteSettings, type UrlInput } from './urls';

/** `config.*` at the root: Hugo's older name, which other projects use too (a marker only beside `content/`). */
const OLD_CONFIG_FILES = ['config.toml', 'config.yaml', 'config.yml', 'config.json'];
/** The configuration files Hugo reads, in its order. */
const CONFIG_FILES = [
  'hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', ...OLD_CONFIG_FILES,
  'config/_default/hugo.toml', 'config/_default/hugo.yaml', 'config/_default/hugo.yml', 'config/_default/hugo.json',
  'config/_default/config.toml', 'config/_default/config.yaml', 'config/_default/config.yml', 'config/_default/config.json',
];
/** The archetypes most sites have (looked for by name: a host may list no folders). */
const ARCHETYPES = ['default.md', 'posts.md', 'post.md', 'blog.md', 'default/index.md', 'posts/index.md', 'post/index.md', 'blog/index.md'];

/**
 * The keys of the site's and its themes' archetypes, of its taxonomies, and those its and its
 * themes' layouts read: a theme's parameters are then not unknown keys.
 */
async function readHugoConventions(root: string, fs: FileSystemHost): Promise<SiteConventions> {
  const config = await readHugoConfig(root, fs);
  const conventions = copyConventions(await archetypeConventions(root, fs, config.themes));
  const taxonomySource = config.files.find((file) => /(^|\/)(hugo|config|taxonomies)\.\w+$/.test(file)) ?? 'the site configuration';
  // The site's own taxonomies (the default tags and categories are in the profile's schema already).
  const named = hugo.schema.properties as Record<string, unknown>;
  for (const plural of Object.values(config.taxonomies)) {
    if (!(plural in named)) conventions.keys[plural] ??= field.stringList(`A taxonomy of the site (${taxonomySource}).`);
  }
  const layouts = ['layouts', ...config.themes.map((theme) => `themes/${theme}/layouts`)];
  addTemplateKeys(conventions, await readTemplateKeys(root, fs, layouts, hugoTemplateKeys));
  conventions.contentRules.push(...hugoContentRules(config, config.mainSections?.length ? undefined : await busiestSection(root, fs, config)));
  return conventions;
}

/**
 * Articles and pages as Hugo decides: every content folder (mounts, languages' contentDir) holds
 * pages; the regular pages of the main sections are the articles.
 */
function hugoContentRules(config: HugoConfig, busiest?: string): ContentRule[] {
  const folders = contentFolders(config);
  const setting = config.mainSections;
  const sections = setting?.length ? setting : busiest ? [busiest] : MAIN_SECTION_NAMES;
  const why = setting?.length
    ? `a page of a main section (mainSections: ${setting.join(', ')})`
    : busiest
      ? `a page of the main section, ${busiest}: the section with the most pages, as Hugo decides when the site sets no mainSections`
      : `a page of a blog section (${MAIN_SECTION_NAMES.join(', ')}: the site sets no mainSections and its folders cannot be listed)`;
  const lower = new Set(sections.map((section) => section.toLowerCase()));
  const rules: ContentRule[] = [];
  for (const { source, below } of folders) {
    rules.push({ globs: [`${source}/_index.*`, `${source}/**/_index.*`], kind: 'list', why: 'a list page (_index): a section’s or the home page’s' });
    // A mount into one section (target content/blog) makes all of its pages that section's.
    const mountedSection = below.split('/')[0];
    if (mountedSection) {
      if (lower.has(mountedSection.toLowerCase())) rules.push({ globs: [`${source}/**`], kind: 'article', why });
    } else {
      const globs = sections.map((section) => `${source}/${section}/**`);
      if (globs.length) rules.push({ globs, kind: 'article', why });
    }
    rules.push({ globs: [`${source}/**`], kind: 'page', why: mainPagesWhy(setting) });
  }
  return rules;
}

function mainPagesWhy(setting: readonly string[] | undefined): string {
  return setting?.length ? `a page outside the main sections (${setting.join(', ')})` : 'a page outside the main section';
}

/** The content folders (relative to the root) and the section path each is mounted at (`''`: the content root). */
function contentFolders(config: HugoConfig): { source: string; below: string }[] {
  return config.contentMounts.map((mount) => ({ source: mount.source.replace(/\/+$/, ''), below: mount.target.replace(/^content\/?/, '') }));
}

/**
 * Hugo's main section when the site names none: the section with the most regular pages (ties: the
 * first by name). Undefined when the host cannot list folders or no section has a page.
 */
async function busiestSection(root: string, fs: FileSystemHost, config: HugoConfig): Promise<string | undefined> {
  const counts = new Map<string, number>();
  for (const { source, below } of contentFolders(config)) {
    const files = await filesBelow(fs, join(root, ...source.split('/')), { maxDepth: 8, maxFiles: 50_000 });
    if (!files) return undefined;
    for (const file of files) {
      if (!isMarkdownFile(file) || /(^|\/)_index\.[^/]+$/.test(file)) continue;
      const section = below ? below.split('/')[0] : file.includes('/') ? file.split('/')[0] : undefined;
      if (section) counts.set(section, (counts.get(section) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [section, count] of counts) {
    const bestCount = best === undefined ? -1 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && section < best!)) best = section;
  }
  return best;
}

async function archetypeConventions(root: string, fs: FileSystemHost, themes: readonly string[]): Promise<SiteConventions> {
  const archetypes = [
    ...ARCHETYPES.map((name) => `archetypes/${name}`),
    ...themes.flatMap((theme) => ARCHETYPES.map((name) => `themes/${theme}/archetypes/${name}`)),
  ];
  const files = archetypes.map((file) => join(root, ...file.split('/')));
  return cachedConventions(`hugo:${root}`, files, fs, async () => {
    const conventions = emptyConventions();
    for (const [index, file] of files.entries()) {
      const text = await fs.readText(file);
      if (text !== undefined) addKeys(conventions, frontmatterKeysOf(text), archetypes[index], 'A key of the site’s archetype');
    }
    return conventions;
  });
}

const date = (description: string) => field.date(description);

/** Sections whose pages are articles when the site names no `mainSections`. */
const MAIN_SECTION_NAMES = ['posts', 'post', 'blog', 'articles'];

/** Hugo renders an archive or search page, a page never rendered or a headless bundle as no article. */
function hugoPageByData(data: Record<string, unknown>, kind: 'article' | 'page'): { kind: 'page'; why: string } | undefined {
  if (kind !== 'article') return undefined;
  const value = (key: string) => Object.entries(data).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
  const layout = value('layout');
  if (typeof layout === 'string' && ['archives', 'archive', 'search'].includes(layout.toLowerCase())) return { kind: 'page', why: `layout: ${layout} (an archive or search page)` };
  const build = value('build');
  const render = build && typeof build === 'object' ? Object.entries(build).find(([name]) => name.toLowerCase() === 'render')?.[1] : undefined;
  if (render === 'never' || render === false) return { kind: 'page', why: 'build.render: never (Hugo renders no page from it)' };
  if (value('headless') === true) return { kind: 'page', why: 'headless: true (a headless bundle)' };
  return undefined;
}

const HUGO_LANGUAGE = /^(.*)\.([a-z]{2}(?:-[a-z]{2,4})?)$/i;

/** Hugo: the path below `content/` as folders; `slug`, `url`, `[permalinks]`; `x.fr.md` under `/fr/`. */
function hugoUrl(input: UrlInput): ArticleUrl {
  const parts = input.relativePath.split('/');
  const below = parts[0] === 'content' && parts.length > 1 ? parts.slice(1) : parts;
  let name = withoutExtension(below[below.length - 1]);
  let language: string | undefined;
  const lang = HUGO_LANGUAGE.exec(name);
  if (lang) {
    name = lang[1];
    language = lang[2].toLowerCase();
  }
  const folders = below.slice(0, -1);
  const isBundle = name === 'index' || name === '_index';
  const section = folders[0] ?? '';
  const prefix = language ? [language] : [];
  const group = section || '/';
  const explicit = stringValue(input.data, 'url');
  if (explicit) return { url: hugoPath([...prefix, ...explicit.split('/')]), key: 'url', language, group };
  const slug = stringValue(input.data, 'slug');
  const contentName = isBundle ? folders[folders.length - 1] ?? '' : name;
  const permalinks = input.settings.hugoPermalinks;
  const pattern = name === '_index' || !permalinks ? undefined : (permalinks[section] ?? permalinks[section.toLowerCase()]);
  if (pattern) {
    const date = input.date?.split('-') ?? [];
    const title = input.title ? urlize(input.title) : urlize(contentName);
    const replaced = pattern.replace(/:(\w+)/g, (whole, token: string) => {
      switch (token) {
        case 'year':
          return date[0] ?? whole;
        case 'month':
          return date[1] ?? whole;
        case 'day':
          return date[2] ?? whole;
        case 'section':
          return section;
        case 'sections':
          return folders.join('/');
        case 'title':
          return title;
        case 'slug':
          return slug ?? title;
        case 'filename':
        case 'contentbasename':
          return contentName;
        case 'slugorfilename':
        case 'slugorcontentbasename':
          return slug ?? contentName;
        default:
          return whole;
      }
    });
    return { url: hugoPath([...prefix, ...replaced.split('/')], pattern.endsWith('/')), key: slug ? 'slug' : undefined, language, group };
  }
  const path = isBundle ? [...folders] : [...folders, name];
  if (slug && name !== '_index') path[path.length - 1] = slug;
  return { url: hugoPath([...prefix, ...path]), key: slug ? 'slug' : undefined, language, group };
}

function hugoPath(parts: readonly string[], trailingSlash = true): string {
  const url = folderUrl(parts.map((part) => part.toLowerCase()));
  return trailingSlash ? url : url.replace(/\/$/, '') || '/';
}


/** The site's `[permalinks]`, from its configuration. */
async function readHugoSettings(root: string, fs: FileSystemHost): Promise<SiteSettings> {
  const config = await readHugoConfig(root, fs);
  return Object.keys(config.permalinks).length ? { hugoPermalinks: config.permalinks } : {};
}

const hugo: SiteProfile = {
  name: 'hugo',
  label: 'Hugo',
  markers: {
    files: CONFIG_FILES.filter((file) => !OLD_CONFIG_FILES.includes(file)),
    filesWithFolder: { files: OLD_CONFIG_FILES, folder: 'content' },
  },
  roles: {
    title: [['title']],
    description: [['description'], ['summary']],
    published: [['date'], ['publishDate'], ['pubdate'], ['published']],
    updated: [['lastmod'], ['modified']],
    hero: [
      { image: ['images', 0] },
      { image: ['cover', 'image'], alt: [['cover', 'alt'], ['cover', 'caption']] },
      { image: ['featured_image'] },
      { image: ['featuredImage'] },
      { image: ['image'] },
    ],
  },
  // Hugo writes a summary from the content when there is none; themes use it as the description.
  keys: ARTICLE_KEYS,
  fallbacks: { description: 'the summary Hugo makes from the content' },
  caseInsensitiveKeys: true,
  // Go reads `description:` as nil, which Hugo takes as no value; an empty date is invalid front matter.
  emptyValues: 'absent-except-dates',
  redirects: { key: 'aliases' },
  schema: objectSchema('Hugo front matter', {
    title: field.string('The page title.'),
    linkTitle: field.string('A shorter title for links and menus.'),
    description: field.string('The page description, used by templates for the meta description.'),
    summary: field.string('The summary shown in list pages; also used as the description by many themes.'),
    date: date('The date of the page (Hugo: `.Date`).'),
    publishDate: date('Publish date: the page is not rendered before it unless buildFuture is set.'),
    pubdate: date('An alias of publishDate.'),
    published: date('An alias of publishDate.'),
    lastmod: date('The last modification date (`.Lastmod`).'),
    modified: date('An alias of lastmod.'),
    expiryDate: date('The page is not rendered after this date unless buildExpired is set.'),
    expirydate: date('An alias of expiryDate.'),
    unpublishdate: date('An alias of expiryDate.'),
    draft: field.boolean('A draft is not rendered unless buildDrafts is set.'),
    aliases: field.stringList('Other URLs that redirect to this page.'),
    slug: field.string('Overrides the last segment of the URL path.'),
    url: field.string('Overrides the whole URL path of the page.'),
    type: field.string('The content type (selects templates).'),
    layout: field.string('The template to use from the type’s layouts.'),
    weight: field.integer('Orders pages in lists (lower first).'),
    keywords: field.stringList('Meta keywords of the page.'),
    tags: field.stringList('The default taxonomy `tags`.'),
    categories: field.stringList('The default taxonomy `categories`.'),
    series: field.stringList('A series taxonomy, used by Hugo’s internal Open Graph template.'),
    images: field.stringList('Images for Open Graph and Twitter cards (Hugo’s internal templates): the first is the hero.'),
    videos: field.stringList('Videos for Open Graph (Hugo’s internal templates).'),
    audio: field.stringList('Audio for Open Graph (Hugo’s internal templates).'),
    menu: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }], description: 'Adds the page to one or more menus.' },
    menus: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }], description: 'Adds the page to one or more menus.' },
    params: field.object('Custom parameters, read in templates as `.Params`.'),
    build: field.object('Build options: list, render, publishResources.'),
    cascade: { anyOf: [{ type: 'object' }, { type: 'array' }], description: 'Values passed down to the page’s descendants.' },
    outputs: field.stringList('The output formats of the page.'),
    resources: { type: 'array', description: 'Metadata for the page bundle’s resources.' },
    sitemap: field.object('Sitemap settings: changefreq, priority, disable.'),
    headless: field.boolean('A headless bundle is not rendered.'),
    isCJKLanguage: field.boolean('Counts words as CJK text.'),
    markup: field.string('The markup language (e.g. markdown).'),
    translationKey: field.string('Links translations of the same page.'),
    author: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }], description: 'The author (themes read it).' },
    authors: field.stringOrList('Authors (a taxonomy in many themes).'),
    // Popular themes (PaperMod, Ananke, Stack, Blowfish…).
    cover: field.object('PaperMod’s cover image: image, alt, caption, relative, hidden.', {
      image: field.string('The cover image (a page resource, `/static` path or URL).'),
      alt: field.string('Alternative text of the cover image.'),
      caption: field.string('Caption of the cover image.'),
      relative: field.boolean('Resolve the image against the page bundle.'),
      hidden: field.boolean('Hide the cover on the page itself.'),
      hiddenInList: field.boolean('Hide the cover in lists.'),
      hiddenInSingle: field.boolean('Hide the cover on the single page.'),
    }),
    featured_image: field.string('The hero image (Ananke and others).'),
    featuredImage: field.string('The hero image (LoveIt, DoIt and others).'),
    image: field.string('The hero image (Stack and others).'),
    thumbnail: field.string('A thumbnail image (many themes).'),
    subtitle: field.string('A subtitle (many themes).'),
    toc: field.boolean('Show a table of contents (many themes).'),
    ShowToc: field.boolean('PaperMod: show the table of contents.'),
    TocOpen: field.boolean('PaperMod: open the table of contents.'),
    hidemeta: field.boolean('PaperMod: hide the meta line.'),
    comments: field.boolean('Show comments (many themes).'),
    ShowReadingTime: field.boolean('PaperMod: show the reading time.'),
    ShowBreadCrumbs: field.boolean('PaperMod: show breadcrumbs.'),
    ShowPostNavLinks: field.boolean('PaperMod: show links to the next and previous posts.'),
    ShowWordCount: field.boolean('PaperMod: show the word count.'),
    ShowShareButtons: field.boolean('PaperMod: show share buttons.'),
    ShowCodeCopyButtons: field.boolean('PaperMod: show copy buttons on code blocks.'),
    ShowRssButtonInSectionTermList: field.boolean('PaperMod: RSS button in lists.'),
    UseHugoToc: field.boolean('PaperMod: use Hugo’s own table of contents.'),
    disableShare: field.boolean('PaperMod: no share buttons.'),
    disableHLJS: field.boolean('PaperMod: no highlight.js.'),
    hideSummary: field.boolean('PaperMod: no summary in lists.'),
    searchHidden: field.boolean('PaperMod: leave the page out of search.'),
    canonicalURL: field.string('PaperMod: the canonical URL.'),
    editPost: field.object('PaperMod: the "suggest changes" link: URL, Text, appendFilePath.'),
    math: field.boolean('Render math (many themes).'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: ['static'],
  assetDirs: ['assets'],
  bundleHeroNames: ['feature', 'featured', 'cover', 'thumbnail'],
  articles: {
    rules: [
      { globs: ['content/**/_index.*', 'content/_index.*'], kind: 'list', why: 'a list page (_index): a section’s or the home page’s' },
      // Hugo's default main section is the one with the most pages; without a listing, the usual blog folders.
      { globs: MAIN_SECTION_NAMES.map((name) => `content/${name}/**`), kind: 'article', why: 'a page of a blog section (posts, post, blog, articles: no mainSections in the site configuration)' },
      { globs: ['content/**'], kind: 'page', why: 'a content page outside the main sections' },
    ],
    byData: hugoPageByData,
  },
  extensions: MARKDOWN_EXTENSIONS,
  articleUrl: hugoUrl,
  readUrlSettings: readHugoSettings,
  formats: ['yaml', 'toml', 'json'],
  readConventions: readHugoConventions,
};

export default hugo;
