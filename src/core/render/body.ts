/**
 * The article body as HTML, from the tokens of the shared parse (never parsed again), with a
 * renderer of our own so the shared markdown-it instance is left as it is and no token is changed:
 * block elements carry `data-line` (absolute 0-based source line) and class `code-line` for scroll
 * sync, images go through the resolver, unsafe links are neutralized, raw HTML is sanitized or
 * escaped, the FAQ section is wrapped in a structure the page can style. Footnotes render as
 * markdown-it-footnote renders them; GitHub alerts and Docusaurus admonitions as callouts; a Hugo
 * figure shortcode as its image and caption, any other shortcode as a small label that names it;
 * MDX comments, expressions and ESM and Liquid tags as nothing ({% raw %} text as written, a
 * {% highlight %} block as a code block).
 */
import type { Token } from '../parse/token';
import { admonitionOf, markdownParser } from '../parse/markdown';
import type { ParsedArticle } from '../parse/parse';
import { escapeHtml, isExternalLink, isSafeImageSource, isSafeLink } from './html';
import { DROP_WITH_CONTENT, HtmlSanitizer } from './sanitize';
import { HIDDEN_BLOCK } from '../parse/syntax/hidden';
import { shortcodeMetaOf } from '../parse/syntax/shortcodes';

type MarkdownParser = ReturnType<typeof markdownParser>;
type Renderer = MarkdownParser['renderer'];
type RenderRule = Renderer['rules'][string];

/** What an image source resolves to, as the page should show it. */
export type ImageOutcome =
  | { kind: 'image'; url: string }
  | { kind: 'missing'; path: string }
  | { kind: 'blocked'; reason: string };

export interface BodyContext {
  article: ParsedArticle;
  image(src: string): ImageOutcome;
  /** True when a body image with this source repeats the hero and should not be shown again. */
  isHero(src: string): boolean;
  allowHtml: boolean;
}

/** A token of our own, spliced between the article's tokens: raw markup emitted as is. */
interface MarkupToken {
  type: 'preview_markup';
  content: string;
  block: true;
  hidden: false;
  nesting: 0;
}

function markup(content: string): Token {
  return { type: 'preview_markup', content, block: true, hidden: false, nesting: 0 } satisfies MarkupToken as unknown as Token;
}

/** An attribute as a string (markdown-it's types allow numbers). */
function attr(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null || value === undefined ? undefined : String(value);
}

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'image' ? inlineText(child) : ''))
    .join('');
}

/** The FAQ heading, as the article format defines it. */
const FAQ_HEADING = /^\s*(frequently asked questions|faqs?)\s*(\([^)]*\)|\[[^\]]*\])?\s*$/i;

function headingLevel(token: Token): number {
  return Number(token.tag.slice(1));
}

/** Only whitespace and line breaks around one image that repeats the hero: the paragraph is dropped. */
function isHeroOnlyParagraph(inline: Token, context: BodyContext): boolean {
  const children = inline.children ?? [];
  let images = 0;
  for (const child of children) {
    if (child.type === 'image') {
      if (!context.isHero((attr(child, 'src') ?? ''))) return false;
      images++;
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') continue;
    else if (child.type === 'text' && child.content.trim() === '') continue;
    else return false;
  }
  return images === 1;
}

/** Inline tokens a reader never sees (MDX expressions and comments, Liquid tags). */
const HIDDEN_CHILDREN = new Set(['liquid', 'mdx_expression']);

/**
 * What a paragraph holds when it is only shortcodes and hidden tokens (a figure on its own line, an
 * MDX comment, a Liquid tag): 'hidden' (nothing to show), 'shortcodes' (shown without a `<p>`), or
 * undefined for an ordinary paragraph.
 */
function templateOnlyParagraph(inline: Token): 'hidden' | 'shortcodes' | undefined {
  let shortcodes = false;
  for (const child of inline.children ?? []) {
    if (child.type === 'shortcode') shortcodes = true;
    else if (HIDDEN_CHILDREN.has(child.type) || child.type === 'softbreak' || child.type === 'hardbreak') continue;
    else if (child.type === 'text' && child.content.trim() === '') continue;
    else return undefined;
  }
  return shortcodes ? 'shortcodes' : 'hidden';
}

/** The token list to render: block tokens annotated, hero-only paragraphs left out, FAQ markup spliced in. */
function prepare(context: BodyContext, extraClasses: Map<Token, string>): Token[] {
  const { tokens } = context.article;
  const out: Token[] = [];
  let faqLevel = 0;
  let faqDone = false;
  let inItem = false;
  let openAnswerAfter: Token | undefined;

  const closeItem = () => {
    if (inItem) out.push(markup('</div></div>\n'));
    inItem = false;
  };
  const closeFaq = () => {
    closeItem();
    out.push(markup('</section>\n'));
    faqLevel = 0;
    faqDone = true;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'paragraph_open' && tokens[i + 1]?.type === 'inline' && tokens[i + 2]?.type === 'paragraph_close' && isHeroOnlyParagraph(tokens[i + 1], context)) {
      i += 2;
      continue;
    }
    if (token.type === 'paragraph_open' && tokens[i + 1]?.type === 'inline' && tokens[i + 2]?.type === 'paragraph_close') {
      const only = templateOnlyParagraph(tokens[i + 1]);
      if (only === 'hidden') {
        i += 2;
        continue;
      }
      if (only === 'shortcodes') {
        const line = token.map ? ` data-line="${token.map[0] + context.article.bodyLine}"` : '';
        out.push(markup(`<div class="shortcodes code-line"${line}>`), tokens[i + 1], markup('</div>\n'));
        i += 2;
        continue;
      }
    }

    // Footnotes come after the whole body, not inside the FAQ's last answer.
    if (token.type === 'footnote_block_open' && faqLevel) closeFaq();
    const classes: string[] = [];
    if (token.type === 'heading_open' && token.level === 0) {
      const level = headingLevel(token);
      if (faqLevel && level <= faqLevel) closeFaq();
      if (!faqLevel && !faqDone && FAQ_HEADING.test(inlineText(tokens[i + 1]))) {
        faqLevel = level;
        out.push(markup('<section class="faq">\n'));
        classes.push('faq-heading');
      } else if (faqLevel && level === faqLevel + 1) {
        closeItem();
        out.push(markup('<div class="faq-item">\n'));
        inItem = true;
        classes.push('faq-question');
        openAnswerAfter = tokens[i + 2];
      }
    }

    if (classes.length) extraClasses.set(token, classes.join(' '));
    out.push(token);
    if (token === openAnswerAfter) {
      out.push(markup('<div class="faq-answer">\n'));
      openAnswerAfter = undefined;
    }
  }
  if (faqLevel) closeFaq();
  return out;
}

function imagePlaceholder(title: string, detail: string, alt: string): string {
  return (
    `<span class="image-placeholder" role="img" aria-label="${escapeHtml(alt || title)}">` +
    `<span class="image-placeholder-title">${escapeHtml(title)}</span>` +
    `<span class="image-placeholder-detail">${detail}</span></span>`
  );
}

/** The element for an image outcome: an `<img>`, or a placeholder that says what went wrong. */
export function imageHtml(src: string, outcome: ImageOutcome, alt: string, title?: string, className?: string): string {
  switch (outcome.kind) {
    case 'image':
      return (
        `<img src="${escapeHtml(outcome.url)}" alt="${escapeHtml(alt)}"` +
        (title ? ` title="${escapeHtml(title)}"` : '') +
        (className ? ` class="${className}"` : '') +
        ` data-src="${escapeHtml(src)}">`
      );
    case 'missing':
      return imagePlaceholder('Image not found', `Looked for <code>${escapeHtml(outcome.path)}</code>`, alt);
    case 'blocked':
      return imagePlaceholder('Image not shown', `${escapeHtml(outcome.reason)}: <code>${escapeHtml(src)}</code>`, alt);
  }
}

const DROP_SET = new Set(DROP_WITH_CONTENT);

let rendererClass: (new () => Renderer) | undefined;

function createRenderer(context: BodyContext, extraClasses: Map<Token, string>): Renderer {
  const md = markdownParser(context.article.kind);
  rendererClass ??= md.renderer.constructor as new () => Renderer;
  const renderer = new rendererClass();
  // The plugins' own rules (footnotes); ours below replace any of the same name.
  for (const [name, rule] of Object.entries(md.renderer.rules)) if (!(name in renderer.rules)) renderer.rules[name] = rule;
  const sanitizer = context.allowHtml
    ? new HtmlSanitizer((src, alt) => {
        if (context.isHero(src)) return { replace: '' };
        const outcome = context.image(src);
        return outcome.kind === 'image' ? { src: outcome.url } : { replace: imageHtml(src, outcome, alt ?? '') };
      })
    : undefined;

  const { bodyLine } = context.article;
  // Block elements get their source line and class code-line (scroll sync), the FAQ classes, and
  // table alignment as a class (the CSP blocks style attributes); the tokens themselves stay as
  // they are, since the rules share them.
  const renderAttrs = renderer.renderAttrs.bind(renderer);
  renderer.renderAttrs = (token: Token) => {
    const sourceMapped = token.block && token.map && token.nesting !== -1 && token.type !== 'fence';
    const extra = extraClasses.get(token);
    if (!sourceMapped && !extra && !token.attrs) return '';
    const classes: string[] = sourceMapped ? ['code-line'] : [];
    if (extra) classes.push(extra);
    let result = '';
    for (const [name, raw] of token.attrs ?? []) {
      const value = String(raw);
      if (name === 'class') classes.push(value);
      else if (name === 'style' && /^text-align:(left|right|center)$/.test(value)) classes.push(`align-${value.slice(11)}`);
      else result += ` ${escapeHtml(name)}="${escapeHtml(value)}"`;
    }
    if (classes.length) result += ` class="${escapeHtml(classes.join(' '))}"`;
    if (sourceMapped) result += ` data-line="${token.map![0] + bodyLine}"`;
    return result;
  };
  void renderAttrs;

  const rules = renderer.rules;
  const fence = rules.fence!;
  // The default fence rule renders attributes of a temporary token: put the line on <pre> here.
  rules.fence = ((tokens, idx, options, env, self) => {
    const html = fence(tokens, idx, options, env, self);
    const map = tokens[idx].map;
    return map ? html.replace(/^<pre/, `<pre class="code-line" data-line="${map[0] + bodyLine}"`) : html;
  }) as RenderRule;
  rules.preview_markup = ((tokens, idx) => tokens[idx].content) as RenderRule;

  rules.image = ((tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = (attr(token, 'src') ?? '');
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    if (context.isHero(src)) return '';
    if (!isSafeImageSource(src)) return `<span class="unsafe-image">${escapeHtml(alt)}</span>`;
    return imageHtml(src, context.image(src), alt, attr(token, 'title'));
  }) as RenderRule;

  rules.shortcode = ((tokens, idx) => {
    const meta = shortcodeMetaOf(tokens[idx]);
    if (meta.closing) return '';
    if (meta.name !== 'figure') {
      return `<span class="shortcode" title="${escapeHtml(tokens[idx].content)}">${escapeHtml(meta.name)}</span>`;
    }
    const { src = '', alt = '', caption, title, attr: attribution } = meta.params;
    if (context.isHero(src)) return '';
    const image = isSafeImageSource(src) ? imageHtml(src, context.image(src), alt) : `<span class="unsafe-image">${escapeHtml(alt)}</span>`;
    const captionParts = [title ? `<strong>${escapeHtml(title)}</strong>` : '', caption ? escapeHtml(caption) : '', attribution ? `<span class="attribution">${escapeHtml(attribution)}</span>` : ''].filter(Boolean);
    return `<figure class="shortcode-figure">${image}${captionParts.length ? `<figcaption>${captionParts.join(' ')}</figcaption>` : ''}</figure>`;
  }) as RenderRule;
  const nothing: RenderRule = () => '';
  for (const name of [...HIDDEN_CHILDREN, ...HIDDEN_BLOCK]) rules[name] = nothing;

  const calloutOpen = (kind: string, title: string, token: Token) => {
    const line = token.map ? ` data-line="${token.map[0] + bodyLine}"` : '';
    return `<div class="callout callout-${escapeHtml(kind)} code-line"${line}><p class="callout-title">${escapeHtml(title)}</p>\n`;
  };
  const calloutClose: RenderRule = () => '</div>\n';
  rules.alert_open = ((tokens, idx) => {
    const kind = String((tokens[idx].meta as { kind?: string } | null)?.kind ?? 'note');
    return calloutOpen(kind, kind.charAt(0).toUpperCase() + kind.slice(1), tokens[idx]);
  }) as RenderRule;
  rules.alert_close = calloutClose;
  // Footnotes as markdown-it-footnote renders them, with `data-anchor` in place of `id` (the page
  // has no ids at all: raw HTML loses them too); the webview scrolls `#fn1` links to them.
  const footnoteId = (token: Token) => {
    const meta = token.meta as { id: number; subId?: number };
    return `${meta.id + 1}${meta.subId ? `:${meta.subId}` : ''}`;
  };
  rules.footnote_ref = ((tokens, idx) => {
    const meta = tokens[idx].meta as { id: number; subId?: number };
    return `<sup class="footnote-ref"><a href="#fn${meta.id + 1}" data-anchor="fnref${footnoteId(tokens[idx])}">[${footnoteId(tokens[idx])}]</a></sup>`;
  }) as RenderRule;
  rules.footnote_open = ((tokens, idx) => `<li class="footnote-item" data-anchor="fn${footnoteId(tokens[idx])}">`) as RenderRule;
  rules.footnote_anchor = ((tokens, idx) => ` <a href="#fnref${footnoteId(tokens[idx])}" class="footnote-backref" title="Back to the text">\u21a9\uFE0E</a>`) as RenderRule;
  rules.container_admonition_open = ((tokens, idx) => {
    const { type, title } = admonitionOf(tokens[idx].info);
    return calloutOpen(type, title ?? type.charAt(0).toUpperCase() + type.slice(1), tokens[idx]);
  }) as RenderRule;
  rules.container_admonition_close = calloutClose;

  rules.link_open = ((tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    const href = (attr(token, 'href') ?? '');
    if (!isSafeLink(href)) return `<a class="unsafe-link" title="Link removed: unsafe URL scheme">`;
    const title = attr(token, 'title');
    const external = isExternalLink(href);
    void options;
    void self;
    return (
      `<a href="${escapeHtml(href)}"` +
      (title ? ` title="${escapeHtml(title)}"` : '') +
      (external ? ' class="external-link"' : '') +
      '>'
    );
  }) as RenderRule;

  const raw: RenderRule = (tokens, idx) => {
    const content = tokens[idx].content;
    return sanitizer ? sanitizer.sanitize(content) : escapeHtml(content);
  };
  rules.html_inline = raw;

  // Inline raw HTML arrives tag by tag: `<script>`, then its text, then `</script>`. Drop all three,
  // as a block of HTML would be, instead of showing the script's text.
  const renderInline = renderer.renderInline.bind(renderer);
  renderer.renderInline = (tokens, options, env) => {
    if (!sanitizer || !tokens.some((token) => token.type === 'html_inline')) return renderInline(tokens, options, env);
    const kept: Token[] = [];
    let dropping: string | undefined;
    for (const token of tokens) {
      if (token.type === 'html_inline') {
        const open = /^<\s*([a-zA-Z][\w-]*)/.exec(token.content);
        const close = /^<\s*\/\s*([a-zA-Z][\w-]*)/.exec(token.content);
        if (dropping) {
          if (close && close[1].toLowerCase() === dropping) dropping = undefined;
          continue;
        }
        if (open && DROP_SET.has(open[1].toLowerCase()) && !/\/\s*>$/.test(token.content)) {
          dropping = open[1].toLowerCase();
          continue;
        }
        if (close && DROP_SET.has(close[1].toLowerCase())) continue;
      } else if (dropping) continue;
      kept.push(token);
    }
    return renderInline(kept, options, env);
  };
  rules.html_block = ((tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const html = raw(tokens, idx, options, env, self);
    const line = token.map ? ` data-line="${token.map[0] + context.article.bodyLine}"` : '';
    return `<div class="code-line raw-html"${line}>${sanitizer ? html : `<pre>${html}</pre>`}</div>\n`;
  }) as RenderRule;
  return renderer;
}

export function renderBody(context: BodyContext): string {
  const md = markdownParser(context.article.kind);
  const extraClasses = new Map<Token, string>();
  const tokens = prepare(context, extraClasses);
  const renderer = createRenderer(context, extraClasses);
  return renderer.render(tokens, md.options, {});
}
