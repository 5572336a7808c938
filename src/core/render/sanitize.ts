/**
 * Raw HTML inside Markdown, sanitized with js-xss (`xss`): a tag-by-tag filter with an allow list,
 * which works in Node without a DOM and bundles in about 20 KB. Each raw HTML token of markdown-it
 * is filtered on its own; everything markdown-it itself produces is already escaped.
 *
 * Kept: ordinary text-level and block tags with harmless attributes. Removed: scripts, styles,
 * iframes, objects, forms, SVG, `<meta>`, `<base>`, `<link>`, every event handler (`on…`), `style`,
 * `id`/`name` (no DOM clobbering), comments; `href`/`src` with an unsafe scheme are emptied.
 */
import { FilterXSS, escapeAttrValue, friendlyAttrValue, getDefaultWhiteList, parseAttr, safeAttrValue } from 'xss';
import type { IWhiteList } from 'xss';
import { isSafeImageSource, isSafeLink } from './html';

/** Decides what an `<img src>` of raw HTML becomes: a new `src`, or a whole replacement element. */
export type HtmlImageHook = (src: string, alt: string | undefined) => { src: string } | { replace: string };

/** Tags whose content is dropped with them, not shown as text. */
export const DROP_WITH_CONTENT = ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'noscript', 'textarea', 'select', 'title', 'xmp', 'noembed', 'noframes'];

/** Media elements load resources the CSP blocks anyway; drop them rather than show dead players. */
const NOT_ALLOWED = new Set(['audio', 'video', 'source', 'track', 'font']);

/** Attributes every allowed tag may keep, besides its own. */
const GLOBAL_ATTRIBUTES = ['class', 'title', 'lang', 'dir'];

function allowList(): IWhiteList {
  const defaults = getDefaultWhiteList();
  const list: IWhiteList = {};
  for (const [tag, attributes] of Object.entries(defaults)) {
    if (NOT_ALLOWED.has(tag)) continue;
    list[tag] = [...new Set([...(attributes ?? []), ...GLOBAL_ATTRIBUTES])];
  }
  for (const tag of ['picture', 'input']) delete list[tag];
  list.a = ['href', 'title', 'class', 'lang', 'dir'];
  list.img = ['src', 'alt', 'title', 'width', 'height', 'class'];
  return list;
}

const ALLOW_LIST = allowList();

/** Applies the preview's URL policy to `href` and `src`; other attributes get js-xss's default treatment. */
function safeAttribute(tag: string, name: string, value: string, cssFilter: unknown): string {
  if (name === 'href' || name === 'src') {
    const url = friendlyAttrValue(value).trim();
    const safe = tag === 'img' && name === 'src' ? isSafeImageSource(url) : name === 'href' && isSafeLink(url);
    return safe ? escapeAttrValue(url) : '';
  }
  return safeAttrValue(tag, name, value, cssFilter as never);
}

const REMOVED = '[removed]';

export class HtmlSanitizer {
  private readonly filter: FilterXSS;
  /** The resolved src of the `<img>` tag being filtered, set by onTag and used for its src attribute. */
  private pendingSrc: string | undefined;

  constructor(imageHook?: HtmlImageHook) {
    this.filter = new FilterXSS({
      whiteList: ALLOW_LIST,
      stripIgnoreTag: true,
      stripIgnoreTagBody: DROP_WITH_CONTENT,
      allowCommentTag: false,
      onTagAttr: (tag, name, value) => {
        // An unsafe URL loses its attribute entirely (js-xss would keep a bare `href`).
        if ((name === 'href' || name === 'src') && !(tag === 'img' && name === 'src' && this.pendingSrc !== undefined)) {
          const url = friendlyAttrValue(value).trim();
          const safe = tag === 'img' && name === 'src' ? isSafeImageSource(url) : name === 'href' && isSafeLink(url);
          if (!safe) return '';
        }
        return undefined;
      },
      safeAttrValue: (tag, name, value, cssFilter) => {
        if (tag === 'img' && name === 'src' && this.pendingSrc !== undefined) {
          const src = this.pendingSrc;
          this.pendingSrc = undefined;
          return escapeAttrValue(src);
        }
        return safeAttribute(tag, name, value, cssFilter);
      },
      onTag: (tag, html, info) => {
        this.pendingSrc = undefined;
        if (!imageHook || tag !== 'img' || info.isClosing) return undefined;
        let src: string | undefined;
        let alt: string | undefined;
        parseAttr(html.replace(/^<\s*img\b/i, '').replace(/\/?\s*>$/, ''), (name, value) => {
          if (name === 'src') src = friendlyAttrValue(value).trim();
          else if (name === 'alt') alt = friendlyAttrValue(value);
          return '';
        });
        if (src === undefined || !isSafeImageSource(src)) return undefined;
        const decision = imageHook(src, alt);
        if ('replace' in decision) return decision.replace;
        this.pendingSrc = decision.src;
        return undefined;
      },
    });
  }

  /** Sanitizes one fragment of raw HTML. */
  sanitize(html: string): string {
    const result = this.filter.process(html);
    // js-xss marks a dropped element whose closing tag is in another fragment with "[removed]".
    return result.includes(REMOVED) && !html.includes(REMOVED) ? result.split(REMOVED).join('') : result;
  }
}
