/**
 * The article's public address, as the preview's search result and social card show it: the site's
 * address followed by the route its generator publishes the article at, computed from the text
 * being edited (a slug typed in the editor changes it at once).
 */
import type { ParsedArticle } from '../parse/parse';
import type { SiteOf } from './directory';
import { articleRoute } from './entry';

/** The address shown when nothing names the site's. */
export const EXAMPLE_SITE_URL = 'https://example.com';

export interface PublicUrlInput {
  article: ParsedArticle;
  /** The article's file (absolute), when it has one. */
  filePath?: string;
  /** Its site as the site model sees it (SiteDirectory.siteOf): profile, root, URL settings. */
  site?: SiteOf;
  /**
   * The site's address as the author set it, the first set one winning (the editor's preview
   * setting, then the configuration's `siteUrl`); after them comes the one the generator's
   * configuration gives (Hugo `baseURL`…), then EXAMPLE_SITE_URL.
   */
  siteUrls?: readonly (string | undefined)[];
  /** The path when the site gives the article no route (no file, a draft, `permalink: false`): its slug or file name. */
  fallbackPath?: string;
}

/** The site's address: the first one set of the author's, else the generator's configuration's, else EXAMPLE_SITE_URL. */
export function siteAddress(siteUrls: readonly (string | undefined)[], site: SiteOf | undefined): string {
  for (const url of [...siteUrls, site?.settings.siteUrl]) {
    const trimmed = url?.trim();
    if (trimmed) return trimmed;
  }
  return EXAMPLE_SITE_URL;
}

/** The article's public URL: the site's address (which may hold a path, `https://example.com/blog`) and the article's route. */
export function articlePublicUrl(input: PublicUrlInput): string {
  const base = siteAddress(input.siteUrls ?? [], input.site);
  const route = input.site && input.filePath ? articleRoute({ article: input.article, path: input.filePath, ...input.site }).url : undefined;
  return joinUrl(base, route ?? input.fallbackPath ?? '');
}

/** A base URL and a path below it, the path encoded as a URL's (what is encoded already stays so). */
export function joinUrl(base: string, path: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  const below = path.replace(/^\/+/, '');
  if (!below) return path.startsWith('/') ? `${trimmedBase}/` : trimmedBase;
  // encodeURI throws on a lone surrogate (`slug: "\uDE00"`): show it as U+FFFD instead.
  const wellFormed = decodedPath(below).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return `${trimmedBase}/${encodeURI(wellFormed)}`;
}

function decodedPath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
