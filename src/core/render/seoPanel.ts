/**
 * The preview's search result (desktop and mobile, cut by width, with the widths against the limits)
 * and its SEO panel: the focus keyword's places as a checklist, keyword use counts, reading ease,
 * title and description widths, and each image's alt text. Every item carries the source range it is
 * about (`data-jump`, 0-based line:character:endLine:endCharacter), so a click in the webview moves
 * the editor's cursor there. Pure HTML from the shared parse; the same facts the rules use.
 */
import type { ParsedArticle } from '../parse/parse';
import { altProblem } from '../facts/altQuality';
import { imagesOf, isMdxPath } from '../facts/images';
import { keywordPlacement } from '../facts/keywordPlacement';
import { keywordUsages } from '../facts/keywordUsage';
import { readabilityOf, readingEaseLabel } from '../facts/readability';
import { articleDescription, articleTitle, keywordItems, type FieldValue } from '../facts/searchFields';
import { frontmatterNodeRange } from '../frontmatter/fields';
import { DESKTOP_DESCRIPTION, DESKTOP_TITLE, formatPx, type WidthCut } from '../text/arialWidths';
import { escapeHtml } from './html';
import type { SearchSnippet } from './snippet';
import type { SiteProfile } from '../generators/profile';
import { heroValue, pathLabel } from '../generators/roles';

const ALT_MAX_LENGTH = 125;
const READABILITY_MIN = 50;

/** `data-jump` for a range of the article text: where a click puts the editor's cursor. */
function jumpAttribute(article: ParsedArticle, range: readonly [number, number] | undefined): string {
  if (!range) return '';
  const from = article.lines.positionAt(range[0]);
  const to = article.lines.positionAt(range[1]);
  return ` data-jump="${from.line - 1}:${from.column - 1}:${to.line - 1}:${to.column - 1}"`;
}

function lineJump(article: ParsedArticle, line: number): string {
  const start = article.lines.lineStart(line);
  return jumpAttribute(article, [start, start]);
}

/**
 * One item of a list: a button when it has a place to jump to (a focusable `role="button"` span: the
 * page has no form controls, and the page's script handles click, Enter and Space).
 */
function item(state: 'ok' | 'missing' | 'info', content: string, jump: string, extraClass = ''): string {
  const mark = state === 'ok' ? '✓' : state === 'missing' ? '✗' : '•';
  const label = state === 'ok' ? 'done' : state === 'missing' ? 'to do' : '';
  const inner = `<span class="seo-mark" aria-label="${label}">${mark}</span> ${content}`;
  const body = jump ? `<span role="button" tabindex="0" class="seo-jump"${jump}>${inner}</span>` : `<span class="seo-item-text">${inner}</span>`;
  return `<li class="seo-item seo-${state}${extraClass}">${body}</li>`;
}

function widthLine(label: string, cut: WidthCut, fontPx: number): string {
  const over = cut.width > cut.maxWidth;
  return (
    `<div class="serp-width${over ? ' over' : ''}"><span class="serp-width-label">${label}</span> ` +
    `<meter min="0" max="${cut.maxWidth}" high="${cut.maxWidth}" value="${Math.min(cut.width, cut.maxWidth * 1.5)}"></meter> ` +
    `<span class="serp-width-value">${formatPx(cut.width)} of ${formatPx(cut.maxWidth)} (Arial ${fontPx} px)${over ? ' — cut' : ''}</span></div>`
  );
}

function snippetHtml(snippet: SearchSnippet, mode: 'desktop' | 'mobile'): string {
  const { title, description } = mode === 'desktop' ? snippet : snippet.mobile;
  const cut = (truncated: boolean) => (truncated ? ' truncated' : '');
  return (
    `<div class="serp-variant serp-${mode}" data-serp-variant="${mode}">` +
    `<div class="search-snippet search-snippet-${mode}">` +
    `<div class="snippet-url">${escapeHtml(snippet.breadcrumb)}</div>` +
    `<div class="snippet-title${cut(title.truncated)}">${escapeHtml(title.text || 'Untitled')}</div>` +
    `<div class="snippet-description${cut(description.truncated)}">${escapeHtml(description.text)}</div>` +
    `</div>` +
    widthLine('Title', title, DESKTOP_TITLE.fontPx) +
    widthLine('Description', description, DESKTOP_DESCRIPTION.fontPx) +
    `</div>`
  );
}

/** The search result, desktop and mobile (the page's script shows one; desktop first). */
export function searchResultHtml(snippet: SearchSnippet): string {
  return (
    `<div class="seo-heading-row"><h2 class="seo-heading">Search result</h2>` +
    `<div class="serp-toggle" role="group" aria-label="Search result on">` +
    `<span role="button" tabindex="0" class="serp-mode" data-serp-mode="desktop" aria-pressed="true">Desktop</span>` +
    `<span role="button" tabindex="0" class="serp-mode" data-serp-mode="mobile" aria-pressed="false">Mobile</span>` +
    `</div></div>\n` +
    snippetHtml(snippet, 'desktop') +
    snippetHtml(snippet, 'mobile') +
    '\n'
  );
}

function section(title: string, id: string, items: string[], note?: string): string {
  return (
    `<section class="seo-section" data-seo-section="${id}"><h3 class="seo-section-title">${title}</h3>` +
    (note ? `<p class="seo-note">${note}</p>` : '') +
    (items.length ? `<ul class="seo-list">${items.join('')}</ul>` : '') +
    `</section>`
  );
}

function placementSection(article: ParsedArticle, filePath: string | undefined, profile: SiteProfile): string {
  const placement = keywordPlacement(article, filePath, profile);
  if (!placement) return section('Focus keyword', 'placement', [], 'No focus keyword: the first item of <code>keywords</code> is the one searched for.');
  const items = placement.places.map((place) =>
    item(place.found ? 'ok' : 'missing', `${place.found ? 'In' : 'Not in'} ${escapeHtml(place.label)}`, jumpAttribute(article, place.range), ` seo-place-${place.id}`),
  );
  const note = `<span role="button" tabindex="0" class="seo-jump seo-keyword"${jumpAttribute(article, placement.range)}>“${escapeHtml(placement.keyword)}”</span>`;
  return section('Focus keyword', 'placement', items, note);
}

function usageSection(article: ParsedArticle): string {
  const keywords = keywordItems(article);
  if (keywords.length === 0) return section('Keyword use', 'usage', [], 'No keywords in the frontmatter.');
  const counts = keywordUsages(article, keywords.map((keyword) => keyword.value));
  const items = keywords.map((keyword, index) => {
    const count = counts[index].count;
    const text = `${escapeHtml(keyword.value)} <span class="seo-count">${count === 0 ? 'unused' : count === 1 ? 'used once' : `used ${count} times`}</span>`;
    return item(count > 0 ? 'ok' : 'missing', text, jumpAttribute(article, keyword.range));
  });
  return section('Keyword use', 'usage', items);
}

function readabilitySection(article: ParsedArticle): string {
  const readability = readabilityOf(article);
  if (!readability) return section('Readability', 'readability', [], 'Not scored: the article declares another language than English, or has no prose.');
  const good = readability.score >= READABILITY_MIN;
  const note =
    `<span class="seo-score${good ? '' : ' low'}">Flesch reading ease ${readability.score}</span> (${readingEaseLabel(readability.score)}): ` +
    `${readability.words} words, ${readability.sentences} ${readability.sentences === 1 ? 'sentence' : 'sentences'}, ` +
    `${(readability.syllables / readability.words).toFixed(2)} syllables a word.`;
  const items = readability.longest.map((sentence) =>
    item('info', `Line ${sentence.line + 1}: ${sentence.words} words, “${escapeHtml(sentence.preview)}”`, lineJump(article, sentence.line)),
  );
  return section('Readability', 'readability', items, `${note}${items.length ? ' Longest sentences:' : ''}`);
}

function widthItem(article: ParsedArticle, label: string, field: FieldValue | undefined, cut: WidthCut): string {
  if (!field) return item('missing', `No ${label.toLowerCase()}`, '');
  const fits = !cut.truncated;
  return item(fits ? 'ok' : 'missing', `${label}: ${formatPx(cut.width)} of ${formatPx(cut.maxWidth)}${fits ? '' : ', cut in results'}`, jumpAttribute(article, field.range));
}

function widthSection(article: ParsedArticle, snippet: SearchSnippet, profile: SiteProfile): string {
  return section('Widths in a desktop result', 'widths', [
    widthItem(article, 'Title', articleTitle(article, profile), snippet.title),
    widthItem(article, 'Description', articleDescription(article, profile), snippet.description),
  ]);
}

function altSection(article: ParsedArticle, filePath: string | undefined, profile: SiteProfile): string {
  const title = articleTitle(article, profile)?.value;
  /** Each image's verdict first; only the items shown are written out (a long article may have thousands). */
  const entries: { problem?: string; html: () => { content: string; jump: string } }[] = [];
  // The hero by the site's roles, as the rules read it (hero-image-alt-missing, image-alt-quality).
  const found = heroValue(profile, article.frontmatter?.data);
  if (found) {
    const hero = found.value as string;
    const alt = typeof found.alt?.value === 'string' ? found.alt.value : '';
    const altKey = found.source.alt?.[0];
    const problem = alt.trim() === '' ? (altKey ? `no ${pathLabel(altKey)}` : undefined) : altProblem(alt, hero, title, ALT_MAX_LENGTH)?.reason;
    const range = frontmatterNodeRange(article, alt.trim() === '' || !found.alt ? found.path : found.alt.path);
    entries.push({
      problem,
      html: () => ({ content: `Hero: ${alt.trim() ? `“${escapeHtml(alt)}”` : escapeHtml(hero)}${reasonHtml(problem)}`, jump: jumpAttribute(article, range) }),
    });
  }
  for (const image of imagesOf(article, isMdxPath(filePath))) {
    const decorative = image.kind !== 'markdown' && image.decorative;
    const alt = image.alt ?? '';
    const problem = decorative || image.altExpression ? undefined : alt.trim() === '' ? 'no alt text' : altProblem(alt, image.src, title, ALT_MAX_LENGTH)?.reason;
    const name = escapeHtml(image.src ?? 'image');
    entries.push({
      problem,
      html: () => ({
        content: (decorative ? `${name}: decoration (alt="")` : `${name}${alt.trim() ? `: “${escapeHtml(alt)}”` : ''}`) + reasonHtml(problem),
        jump: jumpAttribute(article, [image.start, image.end]),
      }),
    });
  }
  // Alt texts that say nothing first (in reading order), then the good ones.
  const shown = [...entries.filter((entry) => entry.problem !== undefined), ...entries.filter((entry) => entry.problem === undefined)].slice(0, ALT_ITEMS_SHOWN);
  const items = shown.map((entry) => {
    const { content, jump } = entry.html();
    return item(entry.problem !== undefined ? 'missing' : 'ok', content, jump);
  });
  const more = entries.length - shown.length;
  const note = entries.length === 0 ? 'No images.' : more > 0 ? `${more} more ${more === 1 ? 'image is' : 'images are'} not listed.` : undefined;
  return section('Alt text', 'alt', items, note);
}

/** At most this many images are listed, those whose alt says nothing first. */
const ALT_ITEMS_SHOWN = 30;

function reasonHtml(problem: string | undefined): string {
  return problem ? ` <span class="seo-reason">${escapeHtml(problem)}</span>` : '';
}

/** The SEO panel: collapsible (a `<details>`, open by default; the page's script keeps it as the author left it). */
export function seoPanelHtml(article: ParsedArticle, snippet: SearchSnippet, filePath: string | undefined, profile: SiteProfile): string {
  return (
    `<details class="seo-panel" open>\n<summary class="seo-panel-summary">SEO</summary>\n` +
    placementSection(article, filePath, profile) +
    usageSection(article) +
    readabilitySection(article) +
    widthSection(article, snippet, profile) +
    altSection(article, filePath, profile) +
    `\n</details>\n`
  );
}
