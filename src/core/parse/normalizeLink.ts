/**
 * markdown-it runs every link destination through `normalizeLink` (mdurl's parse, punycode for the
 * host, percent-encoding of each part, mdurl's format): a tenth of the inline parse of a page with
 * many links. For the destinations most articles hold, a relative path or an `http(s)` address of
 * ASCII letters, digits and the characters mdurl never encodes, that gives back its input exactly;
 * those are returned as they are, and every other destination goes through markdown-it's own.
 * test/unit/parse/normalizeLink.test.ts compares the two on generated destinations.
 */
import type MarkdownIt from 'markdown-it';

type MarkdownParser = ReturnType<typeof MarkdownIt>;

/** A character mdurl's encode keeps as it is (letters, digits, `;/?:@&=+$,-_.!~*'()#`), or a valid `%XX`. */
const KEPT = String.raw`(?:[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]|%[0-9A-Fa-f]{2})`;

/**
 * No scheme (mdurl reads `[a-z0-9.+-]+:` at the start as one, in any case) and not `//` (a host):
 * mdurl splits it into path, query and fragment only, and joins them back unchanged.
 */
const RELATIVE = new RegExp(`^(?![a-z0-9.+-]+:)(?!//)${KEPT}*$`, 'i');

/**
 * `http://` or `https://`, a host of ASCII labels (no port, no user), then path, query or fragment:
 * mdurl's host checks pass it unchanged (labels of at most 63 characters, a host of at most 255),
 * and punycode leaves an ASCII host alone.
 */
const WEB = new RegExp(`^https?://([A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*)(?:[/?#]${KEPT}*)?$`);
const MAX_HOST = 255;

/** Whether markdown-it's normalizeLink returns this destination unchanged (see the module comment). */
export function normalizesToItself(url: string): boolean {
  if (RELATIVE.test(url)) return true;
  const web = WEB.exec(url);
  return web !== null && web[1].length <= MAX_HOST;
}

/** Has the parser skip its normalizeLink for destinations it would return unchanged. */
export function fastNormalizeLink(md: MarkdownParser): void {
  const normalize = md.normalizeLink.bind(md);
  md.normalizeLink = (url: string) => (normalizesToItself(url) ? url : normalize(url));
}
