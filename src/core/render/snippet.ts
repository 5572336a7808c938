/**
 * How the article shows up outside the site: a search result (title and description cut by width,
 * as a search engine cuts them: Arial's advance widths, see text/arialWidths.ts; desktop and mobile)
 * and a social card (cut by characters, as the platforms do).
 */

import { slugify } from '../text/strings';
import { cutToWidth, DESKTOP_DESCRIPTION, DESKTOP_TITLE, MOBILE_DESCRIPTION, MOBILE_TITLE, type WidthCut } from '../text/arialWidths';

export { slugify };

const CARD_TITLE_MAX = 70;
const CARD_DESCRIPTION_MAX = 200;

export interface Truncated {
  text: string;
  truncated: boolean;
}

/** Cuts text to at most `max` characters (the ellipsis included) on a word boundary, ending in "…". */
export function truncateOnWord(input: string, max: number): Truncated {
  const text = input.replace(/\s+/g, ' ').trim();
  if ([...text].length <= max) return { text, truncated: false };
  const chars = [...text];
  let cut = chars.slice(0, max - 1).join('');
  const nextIsSpace = chars[max - 1] === ' ';
  if (!nextIsSpace) {
    const lastSpace = cut.lastIndexOf(' ');
    // A single word longer than the whole width is cut inside the word, as search engines do.
    if (lastSpace > max / 3) cut = cut.slice(0, lastSpace);
  }
  cut = cut.replace(/[\s,;:.\-–—(]+$/u, '');
  return { text: `${cut}…`, truncated: true };
}

export interface SearchSnippet {
  url: string;
  /** "example.com › blog › slug", as search results print the URL. */
  breadcrumb: string;
  /** As a desktop result shows them (600 px of Arial 20 px, 920 px of Arial 14 px). */
  title: WidthCut;
  description: WidthCut;
  /** As a mobile result shows them (the title over two lines, a shorter description). */
  mobile: { title: WidthCut; description: WidthCut };
}

export interface SocialCard {
  domain: string;
  title: Truncated;
  description: Truncated;
  /** The hero image's URL for the webview, when it resolved. */
  imageUrl?: string;
  imageAlt?: string;
}

function hostOf(url: string): { host: string; path: string[] } {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)([^?#]*)/i.exec(url);
  if (!match) return { host: url, path: [] };
  return { host: match[1].replace(/^www\./, ''), path: match[2].split('/').filter(Boolean).map((p) => decodeURIComponentSafe(p)) };
}

function decodeURIComponentSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The result for the article at `url` (see articlePublicUrl). */
export function searchSnippet(input: { title?: string; description?: string; url: string }): SearchSnippet {
  const { url } = input;
  const { host, path } = hostOf(url);
  return {
    url,
    breadcrumb: [host, ...path].join(' › '),
    title: cutToWidth(input.title ?? '', DESKTOP_TITLE),
    description: cutToWidth(input.description ?? '', DESKTOP_DESCRIPTION),
    mobile: { title: cutToWidth(input.title ?? '', MOBILE_TITLE), description: cutToWidth(input.description ?? '', MOBILE_DESCRIPTION) },
  };
}

export function socialCard(input: { title?: string; description?: string; url: string; imageUrl?: string; imageAlt?: string }): SocialCard {
  return {
    domain: hostOf(input.url).host,
    title: truncateOnWord(input.title ?? '', CARD_TITLE_MAX),
    description: truncateOnWord(input.description ?? '', CARD_DESCRIPTION_MAX),
    imageUrl: input.imageUrl,
    imageAlt: input.imageAlt,
  };
}
