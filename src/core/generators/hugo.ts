/**
 * Hugo (gohugo.io/content-management/front-matter/): YAML, TOML (`+++`) or JSON front matter, keys
 * matched without regard to case, the predefined fields, the default taxonomies and the keys of
 * popular themes (PaperMod's `cover`, `ShowToc`…). Images in `static/`, page bundles, `assets/`.
 */
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';
import { addKeys, cachedFacts, emptyFacts, frontmatterKeysOf, readConfigValues, type SiteFacts } from './siteFacts';
import { ARTICLE_KEYS } from './generic';
import { MARKDOWN_EXTENSIONS, objectSchema, S, type SiteProfile } from './profile';

const CONFIG_FILES = [
  'hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json',
  'config/_default/hugo.toml', 'config/_default/hugo.yaml', 'config/_default/hugo.yml', 'config/_default/hugo.json',
  'config/_default/config.toml', 'config/_default/config.yaml', 'config/_default/config.yml', 'config/_default/config.json',
];
/** The archetypes most sites have (the file system host lists no folders). */
const ARCHETYPES = ['default.md', 'posts.md', 'post.md', 'blog.md', 'default/index.md', 'posts/index.md', 'post/index.md', 'blog/index.md'];

/** The keys of the site's and its themes' archetypes: a theme's parameters are then not unknown keys. */
async function readHugoFacts(root: string, fs: FileSystemHost): Promise<SiteFacts> {
  const themes: string[] = [];
  for (const file of CONFIG_FILES) {
    const text = await fs.readText(join(root, ...file.split('/')));
    if (text === undefined) continue;
    const theme = readConfigValues(text, file)?.theme;
    for (const name of Array.isArray(theme) ? theme : [theme]) if (typeof name === 'string' && name.trim() && !themes.includes(name)) themes.push(name);
  }
  const archetypes = [
    ...ARCHETYPES.map((name) => `archetypes/${name}`),
    ...themes.flatMap((theme) => ARCHETYPES.map((name) => `themes/${theme}/archetypes/${name}`)),
  ];
  const files = archetypes.map((file) => join(root, ...file.split('/')));
  return cachedFacts(`hugo:${root}`, files, fs, async () => {
    const facts = emptyFacts();
    for (const [index, file] of files.entries()) {
      const text = await fs.readText(file);
      if (text !== undefined) addKeys(facts, frontmatterKeysOf(text), archetypes[index], 'A key of the site’s archetype');
    }
    return facts;
  });
}

const date = (description: string) => S.date(description);

const hugo: SiteProfile = {
  name: 'hugo',
  label: 'Hugo',
  markers: {
    files: [
      'hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json',
      'config/_default/hugo.toml', 'config/_default/hugo.yaml', 'config/_default/hugo.yml', 'config/_default/hugo.json',
      'config/_default/config.toml', 'config/_default/config.yaml', 'config/_default/config.yml', 'config/_default/config.json',
    ],
    filesWithFolder: { files: ['config.toml', 'config.yaml', 'config.yml', 'config.json'], folder: 'content' },
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
  schema: objectSchema('Hugo front matter', {
    title: S.string('The page title.'),
    linkTitle: S.string('A shorter title for links and menus.'),
    description: S.string('The page description, used by templates for the meta description.'),
    summary: S.string('The summary shown in list pages; also used as the description by many themes.'),
    date: date('The date of the page (Hugo: `.Date`).'),
    publishDate: date('Publish date: the page is not rendered before it unless buildFuture is set.'),
    pubdate: date('An alias of publishDate.'),
    published: date('An alias of publishDate.'),
    lastmod: date('The last modification date (`.Lastmod`).'),
    modified: date('An alias of lastmod.'),
    expiryDate: date('The page is not rendered after this date unless buildExpired is set.'),
    expirydate: date('An alias of expiryDate.'),
    unpublishdate: date('An alias of expiryDate.'),
    draft: S.boolean('A draft is not rendered unless buildDrafts is set.'),
    aliases: S.stringList('Other URLs that redirect to this page.'),
    slug: S.string('Overrides the last segment of the URL path.'),
    url: S.string('Overrides the whole URL path of the page.'),
    type: S.string('The content type (selects templates).'),
    layout: S.string('The template to use from the type’s layouts.'),
    weight: S.integer('Orders pages in lists (lower first).'),
    keywords: S.stringList('Meta keywords of the page.'),
    tags: S.stringList('The default taxonomy `tags`.'),
    categories: S.stringList('The default taxonomy `categories`.'),
    series: S.stringList('A series taxonomy, used by Hugo’s internal Open Graph template.'),
    images: S.stringList('Images for Open Graph and Twitter cards (Hugo’s internal templates): the first is the hero.'),
    videos: S.stringList('Videos for Open Graph (Hugo’s internal templates).'),
    audio: S.stringList('Audio for Open Graph (Hugo’s internal templates).'),
    menu: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }], description: 'Adds the page to one or more menus.' },
    menus: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }], description: 'Adds the page to one or more menus.' },
    params: S.object('Custom parameters, read in templates as `.Params`.'),
    build: S.object('Build options: list, render, publishResources.'),
    cascade: { anyOf: [{ type: 'object' }, { type: 'array' }], description: 'Values passed down to the page’s descendants.' },
    outputs: S.stringList('The output formats of the page.'),
    resources: { type: 'array', description: 'Metadata for the page bundle’s resources.' },
    sitemap: S.object('Sitemap settings: changefreq, priority, disable.'),
    headless: S.boolean('A headless bundle is not rendered.'),
    isCJKLanguage: S.boolean('Counts words as CJK text.'),
    markup: S.string('The markup language (e.g. markdown).'),
    translationKey: S.string('Links translations of the same page.'),
    author: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }], description: 'The author (themes read it).' },
    authors: S.stringOrList('Authors (a taxonomy in many themes).'),
    // Popular themes (PaperMod, Ananke, Stack, Blowfish…).
    cover: S.object('PaperMod’s cover image: image, alt, caption, relative, hidden.', {
      image: S.string('The cover image (a page resource, `/static` path or URL).'),
      alt: S.string('Alternative text of the cover image.'),
      caption: S.string('Caption of the cover image.'),
      relative: S.boolean('Resolve the image against the page bundle.'),
      hidden: S.boolean('Hide the cover on the page itself.'),
      hiddenInList: S.boolean('Hide the cover in lists.'),
      hiddenInSingle: S.boolean('Hide the cover on the single page.'),
    }),
    featured_image: S.string('The hero image (Ananke and others).'),
    featuredImage: S.string('The hero image (LoveIt, DoIt and others).'),
    image: S.string('The hero image (Stack and others).'),
    thumbnail: S.string('A thumbnail image (many themes).'),
    subtitle: S.string('A subtitle (many themes).'),
    toc: S.boolean('Show a table of contents (many themes).'),
    ShowToc: S.boolean('PaperMod: show the table of contents.'),
    TocOpen: S.boolean('PaperMod: open the table of contents.'),
    hidemeta: S.boolean('PaperMod: hide the meta line.'),
    comments: S.boolean('Show comments (many themes).'),
    ShowReadingTime: S.boolean('PaperMod: show the reading time.'),
    ShowBreadCrumbs: S.boolean('PaperMod: show breadcrumbs.'),
    ShowPostNavLinks: S.boolean('PaperMod: show links to the next and previous posts.'),
    ShowWordCount: S.boolean('PaperMod: show the word count.'),
    ShowShareButtons: S.boolean('PaperMod: show share buttons.'),
    ShowCodeCopyButtons: S.boolean('PaperMod: show copy buttons on code blocks.'),
    ShowRssButtonInSectionTermList: S.boolean('PaperMod: RSS button in lists.'),
    UseHugoToc: S.boolean('PaperMod: use Hugo’s own table of contents.'),
    disableShare: S.boolean('PaperMod: no share buttons.'),
    disableHLJS: S.boolean('PaperMod: no highlight.js.'),
    hideSummary: S.boolean('PaperMod: no summary in lists.'),
    searchHidden: S.boolean('PaperMod: leave the page out of search.'),
    canonicalURL: S.string('PaperMod: the canonical URL.'),
    editPost: S.object('PaperMod: the "suggest changes" link: URL, Text, appendFilePath.'),
    math: S.boolean('Render math (many themes).'),
    readingTime: { anyOf: [{ type: 'number' }, { type: 'string' }], description: 'A declared reading time (checked against the body).' },
  }),
  publicDirs: ['static'],
  assetDirs: ['assets'],
  bundleHeroNames: ['feature', 'featured', 'cover', 'thumbnail'],
  articles: { include: ['content/**'], listPages: ['content/**/_index.*', 'content/_index.*'] },
  extensions: MARKDOWN_EXTENSIONS,
  formats: ['yaml', 'toml', 'json'],
  readFacts: readHugoFacts,
};

export default hugo;
