/**
 * The preview page's script (bundled by esbuild into media/preview.js, run in the webview under a
 * nonce): applies updates in place with morphdom, syncs scrolling with the editor through
 * `data-line`, and hands every link click to the extension. It never evaluates page content.
 */
import morphdom from 'morphdom';
import type { FromWebview, PreviewBootstrap, PreviewState, ToWebview } from '../extension/preview/messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('article-preview-root') as HTMLElement;
const bootstrap = JSON.parse(root.dataset.bootstrap ?? '{}') as PreviewBootstrap;

let source = bootstrap.source;
let version = bootstrap.version;
const saved = vscode.getState();
let state: PreviewState = {
  source,
  line: saved?.source === source && saved.line !== undefined ? saved.line : bootstrap.line,
  serpMode: saved?.serpMode,
};
vscode.setState(state);
root.dataset.version = String(version);

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

// ---- Scroll sync -------------------------------------------------------------------------------

interface LineEntry {
  element: HTMLElement;
  line: number;
}

let entriesCache: LineEntry[] | undefined;

/** The body's source-mapped elements in document order (the header maps to the frontmatter). */
function entries(): LineEntry[] {
  if (!entriesCache) {
    entriesCache = [];
    for (const element of root.querySelectorAll<HTMLElement>('.article-body .code-line[data-line]')) {
      const line = Number(element.dataset.line);
      if (Number.isFinite(line) && element.getClientRects().length > 0) entriesCache.push({ element, line });
    }
  }
  return entriesCache;
}

function topOf(element: HTMLElement): number {
  return element.getBoundingClientRect().top + window.scrollY;
}

/** The entries around a source line: the last at or before it, and the first after it. */
function around(line: number): { previous?: LineEntry; next?: LineEntry } {
  const list = entries();
  let previous: LineEntry | undefined;
  for (const entry of list) {
    if (entry.line <= line) previous = entry;
    else return { previous, next: entry };
  }
  return { previous };
}

/**
 * Scroll events until this time are not the user's: the page scrolled because the editor did, or
 * content replaced in place moved it. They are not sent back (no ping-pong between the two sides).
 * A time window, because several programmatic scrolls within a frame fire one scroll event.
 */
let ignoreScrollUntil = 0;
const PROGRAMMATIC_SCROLL_MS = 120;

function scrollToLine(line: number): void {
  const { previous, next } = around(line);
  let y = 0;
  if (previous) {
    const previousTop = topOf(previous.element);
    if (next && next.line > previous.line) {
      const progress = (line - previous.line) / (next.line - previous.line);
      y = previousTop + progress * (topOf(next.element) - previousTop);
    } else {
      const progress = line - previous.line;
      y = previousTop + Math.min(1, Math.max(0, progress / 10)) * previous.element.getBoundingClientRect().height;
    }
  }
  y = Math.max(0, Math.round(y));
  if (Math.abs(window.scrollY - y) < 1) return;
  ignoreScrollUntil = Date.now() + PROGRAMMATIC_SCROLL_MS;
  window.scrollTo(0, y);
}

/** The (fractional) source line at the top of the page. */
function lineAtTop(): number {
  const list = entries();
  const y = window.scrollY;
  if (list.length === 0 || y <= 0) return 0;
  let previous: LineEntry | undefined;
  let next: LineEntry | undefined;
  for (const entry of list) {
    if (topOf(entry.element) <= y + 1) previous = entry;
    else {
      next = entry;
      break;
    }
  }
  if (!previous) return 0;
  const previousTop = topOf(previous.element);
  if (next && next.line > previous.line) {
    const span = topOf(next.element) - previousTop;
    return previous.line + (span > 0 ? ((y - previousTop) / span) * (next.line - previous.line) : 0);
  }
  return previous.line;
}

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener(
  'scroll',
  () => {
    if (Date.now() < ignoreScrollUntil) return;
    if (scrollTimer) return;
    scrollTimer = setTimeout(() => {
      scrollTimer = undefined;
      const line = lineAtTop();
      state = { ...state, line };
      vscode.setState(state);
      post({ type: 'revealLine', source, line });
    }, 50);
  },
  { passive: true },
);

// ---- Updates -----------------------------------------------------------------------------------

function applyUpdate(message: Extract<ToWebview, { type: 'update' }>): void {
  const switched = message.source !== source;
  source = message.source;
  version = message.version;
  const next = document.createElement('main');
  next.innerHTML = message.html;
  morphdom(root, next, {
    childrenOnly: true,
    onBeforeElUpdated: (from, to) => {
      // A collapsible section stays as the author left it (the new HTML always says "open").
      if (from instanceof HTMLDetailsElement && to instanceof HTMLDetailsElement) to.open = from.open;
      // Unchanged subtrees are left alone: no image reloads, no layout work.
      return !from.isEqualNode(to);
    },
  });
  entriesCache = undefined;
  ignoreScrollUntil = Date.now() + PROGRAMMATIC_SCROLL_MS;
  document.title = message.title;
  root.dataset.version = String(version);
  root.dataset.source = source;
  if (message.scrollToLine !== undefined) scrollToLine(message.scrollToLine);
  else if (switched) window.scrollTo(0, 0);
  state = { source, line: message.scrollToLine ?? (switched ? 0 : state.line), serpMode: state.serpMode };
  vscode.setState(state);
  showSerpMode();
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'update':
      applyUpdate(message);
      break;
    case 'scrollToLine':
      scrollToLine(message.line);
      state = { ...state, line: message.line };
      vscode.setState(state);
      break;
  }
});

window.addEventListener('resize', () => {
  entriesCache = undefined;
});

// ---- Links and clicks --------------------------------------------------------------------------

// ---- Search result and SEO panel ---------------------------------------------------------------

/** Shows the desktop or the mobile search result (the page has both), as last chosen. */
function showSerpMode(): void {
  const mode = state.serpMode ?? 'desktop';
  // On the body as data-serp-view (not data-serp-mode, which marks the toggle's buttons).
  document.body.dataset.serpView = mode;
  for (const button of root.querySelectorAll<HTMLElement>('.serp-mode[data-serp-mode]')) {
    button.setAttribute('aria-pressed', String(button.dataset.serpMode === mode));
  }
}

/** A click on an SEO panel item: the extension selects its place in the editor. */
function jumpFrom(target: Element | null): boolean {
  const item = target?.closest?.('[data-jump]') as HTMLElement | null;
  if (!item) return false;
  const [line, character, endLine, endCharacter] = (item.dataset.jump ?? '').split(':').map(Number);
  if ([line, character, endLine, endCharacter].some((value) => !Number.isInteger(value))) return true;
  post({ type: 'revealRange', source, line, character, endLine, endCharacter });
  return true;
}

/** The search result's desktop/mobile toggle and the SEO panel's items; true when the target was one. */
function activate(target: Element | null): boolean {
  const toggle = target?.closest?.('.serp-mode[data-serp-mode]') as HTMLElement | null;
  if (toggle) {
    state = { ...state, serpMode: toggle.dataset.serpMode === 'mobile' ? 'mobile' : 'desktop' };
    vscode.setState(state);
    showSerpMode();
    return true;
  }
  return jumpFrom(target);
}

// They are focusable role="button" elements: Enter and Space act as a click.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  if (activate(event.target as Element | null)) event.preventDefault();
});

document.addEventListener('click', (event) => {
  if (activate(event.target as Element | null)) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor) return;
  event.preventDefault();
  const href = anchor.getAttribute('href');
  if (!href) return;
  if (href.startsWith('#')) {
    const name = decodeURIComponent(href.slice(1));
    // Footnotes carry data-anchor (the page has no ids).
    const target = document.getElementById(name) ?? document.querySelector(`[data-anchor="${CSS.escape(name)}"]`);
    target?.scrollIntoView();
    return;
  }
  post({ type: 'openLink', source, href });
});

// Middle clicks would open a link in a new browsing context: never.
document.addEventListener('auxclick', (event) => {
  if ((event.target as Element | null)?.closest?.('a')) event.preventDefault();
});

document.addEventListener('dblclick', (event) => {
  let element = event.target as HTMLElement | null;
  while (element && element !== root) {
    if (element.classList.contains('code-line') && element.dataset.line) {
      post({ type: 'didDoubleClick', source, line: Number(element.dataset.line) });
      return;
    }
    element = element.parentElement;
  }
});

// An image that fails to load (blocked by the CSP, or gone) is marked instead of a broken icon.
document.addEventListener(
  'error',
  (event) => {
    const target = event.target;
    if (target instanceof HTMLImageElement) {
      target.classList.add('image-failed');
      target.title = `Could not load ${target.dataset.src ?? target.getAttribute('src') ?? 'this image'}`;
    }
  },
  true,
);

// ---- Start -------------------------------------------------------------------------------------

showSerpMode();

function restoreScroll(): void {
  if (state.line !== undefined && state.line > 0) scrollToLine(state.line);
}
restoreScroll();
window.addEventListener('load', () => {
  entriesCache = undefined;
  restoreScroll();
});
post({ type: 'ready', source, version });
