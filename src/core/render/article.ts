/**
 * The article preview as HTML: a pure function of the shared parse and a few options, used by the
 * editor's webview (and usable by any other host). Never imports vscode; never parses again.
 */
import type { ParsedArticle } from '../parse/parse';
import { imageHtml, renderBody, type ImageOutcome } from './body';
import { escapeHtml, isSafeImageSource, urlScheme } from './html';
import { frontmatterKeyLine, readMeta, type ArticleMeta } from './meta';
import genericSite from '../generators/generic';
import type { SiteProfile } from '../generators/profile';
import { searchSnippet, slugify, socialCard, type SearchSnippet, type SocialCard } from './snippet';
import { searchResultHtml, seoPanelHtml } from './seoPanel';
import type { SiteOf } from '../site/directory';
import { articlePublicUrl } from '../site/publicUrl';


/** Where an image source points, as the host sees it: a URL the page may load, the file looked for, or why it is not checked. */
export interface ResolvedImage {
  url?: string;
  missingPath?: string;
  /** Why the image is not looked for (as the rules do not look for it either). */
  unchecked?: string;
}

export interface RenderOptions {
  /** Maps an image source as written (`/x.png`, `./x.png`, `https://…`) to a loadable URL. */
  resolveImage(src: string): ResolvedImage;
  /**
   * The site's address the author set for the preview (may include a path, e.g.
   * https://example.com/blog): the search result and social card show the article's URL below it.
   */
  siteUrl?: string;
  /** The configuration's `siteUrl`, used when `siteUrl` is not set (before the generator's own, from `siteOf`). */
  configSiteUrl?: string;
  /** The article's site as the site model sees it: its URL is the route the generator publishes it at. */
  siteOf?: SiteOf;
  /** The slug to use when the frontmatter has none (e.g. the file name) and the site gives no route. */
  fallbackSlug?: string;
  /** Show a body image that repeats the hero only once, in the hero (default true). */
  dedupeHero?: boolean;
  /** Keep raw HTML, sanitized (default true); false shows it as escaped text. */
  allowHtml?: boolean;
  /** The article's site profile: which keys hold the title, dates and hero (default: the article format's own). */
  site?: SiteProfile;
  /** A page bundle's hero file beside the article (`./cover.png`), used when no key names a hero. */
  bundleHero?: string;
  /** The article's path: its route on the site (with `siteOf`), the URL's last part when there is no slug (the SEO panel). */
  filePath?: string;
}

export interface HeroInfo {
  line: number;
  src?: string;
  alt?: string;
  /** 'none': no hero, shown as an invitation to set one; 'absent': no hero and nothing shown (sites without heroImage). */
  outcome: ImageOutcome | { kind: 'none' } | { kind: 'absent' };
}

export interface RenderedArticle {
  /** The whole page content: header with the hero, the body, the search and social previews. */
  html: string;
  headerHtml: string;
  bodyHtml: string;
  seoHtml: string;
  hero: HeroInfo;
  meta: ArticleMeta;
  searchSnippet: SearchSnippet;
  socialCard: SocialCard;
}

/** Normalizes an image source for comparison with the hero: no query, hash, `./` or encoding. */
function sameImageKey(src: string): string {
  let key = src.trim().replace(/[?#].*$/, '');
  try {
    key = decodeURI(key);
  } catch {
    // keep as written
  }
  return key.replace(/^\.\//, '');
}

function outcomeOf(src: string, resolve: RenderOptions['resolveImage']): ImageOutcome {
  if (!isSafeImageSource(src)) return { kind: 'blocked', reason: 'Unsafe image URL' };
  let resolved: ResolvedImage;
  try {
    resolved = resolve(src);
  } catch {
    resolved = {};
  }
  if (resolved.unchecked !== undefined) return { kind: 'blocked', reason: resolved.unchecked };
  if (resolved.url !== undefined) {
    if (urlScheme(resolved.url) === 'http') return { kind: 'blocked', reason: 'Plain http images are blocked in the preview; use https' };
    return { kind: 'image', url: resolved.url };
  }
  return { kind: 'missing', path: resolved.missingPath ?? src };
}

function heroHtml(hero: HeroInfo): string {
  if (hero.outcome.kind === 'absent') return '';
  const attrs = `class="hero code-line" data-line="${hero.line}"`;
  if (hero.outcome.kind === 'image') {
    return `<figure ${attrs}>${imageHtml(hero.src ?? '', hero.outcome, hero.alt ?? '', undefined, 'hero-image')}</figure>\n`;
  }
  let title: string;
  let detail: string;
  switch (hero.outcome.kind) {
    case 'none':
      title = 'No hero image';
      detail = 'Set <code>heroImage</code> in the frontmatter to show one here.';
      break;
    case 'missing':
      title = 'Hero image not found';
      detail = `<code>heroImage: ${escapeHtml(hero.src ?? '')}</code> — looked for <code class="hero-looked-for">${escapeHtml(hero.outcome.path)}</code>`;
      break;
    case 'blocked':
      title = 'Hero image not shown';
      detail = `${escapeHtml(hero.outcome.reason)}: <code>${escapeHtml(hero.src ?? '')}</code>`;
      break;
  }
  return (
    `<figure class="hero hero-placeholder code-line" data-line="${hero.line}">` +
    `<div class="image-placeholder" role="img" aria-label="${escapeHtml(title)}">` +
    `<span class="image-placeholder-title">${title}</span>` +
    `<span class="image-placeholder-detail">${detail}</span></div></figure>\n`
  );
}

function headerHtml(article: ParsedArticle, meta: ArticleMeta, hero: HeroInfo): string {
  const line = (key: string) => frontmatterKeyLine(article, key);
  const parts: string[] = [`<header class="article-header">\n`, heroHtml(hero)];
  if (meta.category || meta.draft) {
    parts.push(`<p class="category code-line" data-line="${line('category')}">`);
    if (meta.category) parts.push(`<span class="category-name">${escapeHtml(meta.category)}</span>`);
    if (meta.draft) parts.push(`<span class="draft-badge">Draft</span>`);
    parts.push('</p>\n');
  }
  parts.push(
    meta.title
      ? `<h1 class="title code-line" data-line="${line(meta.keys.title ?? 'title')}">${escapeHtml(meta.title)}</h1>\n`
      : `<h1 class="title title-missing code-line" data-line="0">Untitled article</h1>\n`,
  );
  if (meta.description) {
    parts.push(`<p class="description code-line" data-line="${line(meta.keys.description ?? 'description')}">${escapeHtml(meta.description)}</p>\n`);
  }
  const byline: string[] = [];
  if (meta.author) byline.push(`<span class="author">${escapeHtml(meta.author)}</span>`);
  if (meta.pubDate) {
    byline.push(
      meta.pubDate.formatted
        ? `<time class="date" datetime="${meta.pubDate.iso}">${escapeHtml(meta.pubDate.formatted)}</time>`
        : `<span class="date date-invalid" title="Not a date">${escapeHtml(meta.pubDate.raw)}</span>`,
    );
  }
  if (meta.updatedDate?.formatted) {
    byline.push(`<span class="updated">Updated <time datetime="${meta.updatedDate.iso}">${escapeHtml(meta.updatedDate.formatted)}</time></span>`);
  }
  byline.push(`<span class="reading-time" title="${meta.words} words">${meta.readingMinutes} min read</span>`);
  parts.push(`<p class="byline code-line" data-line="${line(meta.author ? 'author' : meta.keys.published ?? 'pubDate')}">${byline.join('<span class="sep" aria-hidden="true"> · </span>')}</p>\n`);
  if (meta.keywords.length) {
    parts.push(
      `<ul class="keywords code-line" data-line="${line('keywords')}" aria-label="Keywords">` +
        meta.keywords.map((keyword) => `<li class="chip">${escapeHtml(keyword)}</li>`).join('') +
        '</ul>\n',
    );
  }
  parts.push('</header>\n');
  return parts.join('');
}

function seoHtml(article: ParsedArticle, snippet: SearchSnippet, card: SocialCard, filePath: string | undefined, site: SiteProfile): string {
  const cardImage = card.imageUrl
    ? `<img class="social-card-image" src="${escapeHtml(card.imageUrl)}" alt="${escapeHtml(card.imageAlt ?? '')}">`
    : `<div class="social-card-image social-card-image-missing">No image</div>`;
  return (
    `<section class="seo-preview" aria-label="Search and social previews">\n` +
    searchResultHtml(snippet) +
    seoPanelHtml(article, snippet, filePath, site) +
    `<h2 class="seo-heading">Social card</h2>\n` +
    `<div class="social-card">${cardImage}<div class="social-card-text">` +
    `<div class="social-card-domain">${escapeHtml(card.domain)}</div>` +
    `<div class="social-card-title">${escapeHtml(card.title.text || 'Untitled')}</div>` +
    `<div class="social-card-description">${escapeHtml(card.description.text)}</div>` +
    `</div></div>\n</section>\n`
  );
}

export function renderArticle(article: ParsedArticle, options: RenderOptions): RenderedArticle {
  const site = options.site ?? genericSite;
  const meta = readMeta(article, site);
  if (!meta.heroImage && options.bundleHero) meta.heroImage = options.bundleHero;
  const cache = new Map<string, ImageOutcome>();
  const image = (src: string): ImageOutcome => {
    let outcome = cache.get(src);
    if (!outcome) cache.set(src, (outcome = outcomeOf(src, options.resolveImage)));
    return outcome;
  };

  const hero: HeroInfo = {
    line: meta.keys.hero ? frontmatterKeyLine(article, meta.keys.hero) : 0,
    src: meta.heroImage,
    alt: meta.heroImageAlt,
    // Only the article format invites a hero with an empty box; other sites show none when there is none.
    outcome: meta.heroImage ? image(meta.heroImage) : site.roles === genericSite.roles ? { kind: 'none' } : { kind: 'absent' },
  };
  const heroKey = meta.heroImage ? sameImageKey(meta.heroImage) : undefined;
  const heroUrl = hero.outcome.kind === 'image' ? hero.outcome.url : undefined;
  const dedupe = options.dedupeHero !== false && heroKey !== undefined;
  const isHero = (src: string): boolean => {
    if (!dedupe) return false;
    if (sameImageKey(src) === heroKey) return true;
    const outcome = image(src);
    return heroUrl !== undefined && outcome.kind === 'image' && outcome.url === heroUrl;
  };

  const header = headerHtml(article, meta, hero);
  const body = renderBody({ article, image, isHero, allowHtml: options.allowHtml !== false });
  const slug = meta.slug ?? (options.fallbackSlug ? slugify(options.fallbackSlug) : meta.title ? slugify(meta.title) : '');
  const url = articlePublicUrl({ article, filePath: options.filePath, site: options.siteOf, siteUrls: [options.siteUrl, options.configSiteUrl], fallbackPath: slug });
  const snippet = searchSnippet({ title: meta.title, description: meta.description, url });
  const card = socialCard({ title: meta.title, description: meta.description, url: snippet.url, imageUrl: heroUrl, imageAlt: meta.heroImageAlt });
  const seo = seoHtml(article, snippet, card, options.filePath, site);
  const html = `<article class="article">\n${header}<div class="article-body">\n${body}</div>\n</article>\n${seo}`;
  return { html, headerHtml: header, bodyHtml: body, seoHtml: seo, hero, meta, searchSnippet: snippet, socialCard: card };
}
