/**
 * Links and the site's own address: whether an absolute URL points into the site (its `siteUrl`'s
 * host and base path) or leaves it.
 */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The host and base path of a `siteUrl`, when it is a valid http(s) URL. */
function siteBase(siteUrl: string | undefined): { host: string; base: string } | undefined {
  if (!siteUrl) return undefined;
  // Keyed by the URL's text: every link of every article of a site asks about the same one.
  const known = siteBases.get(siteUrl);
  if (known !== undefined) return known ?? undefined;
  let base: { host: string; base: string } | null = null;
  try {
    const url = new URL(siteUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') base = { host: url.host.toLowerCase(), base: url.pathname.replace(/\/+$/, '') };
  } catch {
    base = null;
  }
  if (siteBases.size >= 64) siteBases.clear();
  siteBases.set(siteUrl, base);
  return base ?? undefined;
}

/** Site URLs read so far (a handful: one per configured site). */
const siteBases = new Map<string, { host: string; base: string } | null>();

/** The base path of a `siteUrl` (`/blog` for `https://example.com/blog/`), when it has one. */
export function sitePathBase(siteUrl: string | undefined): string | undefined {
  return siteBase(siteUrl)?.base || undefined;
}

export const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * The path (below the site's base) and fragment of an absolute URL on the site's own host; undefined
 * for another host, or for any URL when the site has no URL of its own.
 */
export function pathOnSite(target: string, siteUrl: string | undefined): { path: string; fragment: string | undefined } | undefined {
  const base = siteBase(siteUrl);
  if (!base) return undefined;
  let url: URL;
  try {
    url = new URL(target.startsWith('//') ? `https:${target}` : target);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.host.toLowerCase() !== base.host) return undefined;
  let path = url.pathname;
  if (base.base && (path === base.base || path.startsWith(`${base.base}/`))) path = path.slice(base.base.length) || '/';
  return { path, fragment: url.hash ? safeDecode(url.hash.slice(1)) : undefined };
}

/**
 * Whether a link leaves the site: a Markdown or HTML link to an absolute URL that is not on the
 * site's own host. Such a link never resolves in the site, so site entries leave it out.
 */
export function leavesSite(link: { kind: string; target: string }, siteUrl: string | undefined): boolean {
  if (link.kind !== 'markdown' && link.kind !== 'html') return false;
  const target = link.target.trim();
  return (target.startsWith('//') || SCHEME.test(target)) && pathOnSite(target, siteUrl) === undefined;
}
