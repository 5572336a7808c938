/** Escaping and the URL policy of the preview: what may become an `href` or a `src`. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Schemes a link may use; anything else with a scheme (javascript:, vbscript:, file:, data:, …) is neutralized. */
const SAFE_LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * The scheme of a URL as a browser would read it: control characters and whitespace inside the
 * scheme are ignored by URL parsers (`java\tscript:`), and entities were already decoded by
 * markdown-it or the sanitizer. Returns undefined for relative URLs.
 */
export function urlScheme(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (!match) return undefined;
  // "c:/x" style drive letters are not schemes a browser would act on, but treat them as unsafe too.
  return match[1].toLowerCase();
}

/** True when a link target may be kept: relative, a fragment, or one of the safe schemes. */
export function isSafeLink(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || SAFE_LINK_SCHEMES.has(scheme);
}

/** True when an image source may be kept: relative, http(s), or a `data:image/…` URL. */
export function isSafeImageSource(url: string): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined || scheme === 'http' || scheme === 'https') return true;
  return scheme === 'data' && /^data:image\/[a-z0-9.+-]+[;,]/i.test(url.trim());
}

/** The kind of an external link, to mark it in the page. */
export function isExternalLink(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== undefined;
}
