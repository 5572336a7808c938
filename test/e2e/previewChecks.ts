/**
 * Playwright checks of the article preview on the real workbench (issue 6), run after the
 * reading-time checks of checks.ts. They act through the UI (Quick Open, the Command Palette, the
 * keyboard) and read the preview's webview frame, found by its URL part `/webview/browser/pre/`.
 * The light and dark screenshots for the README are taken here, in this run.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { CheckContext, E2eCheck } from './checks';
import type { PreviewObservation } from './protocol';
import { showQuickInput } from './quickInput';

// These functions run in the browser (page.evaluate); the project compiles without the DOM library.
declare const document: any;
declare const window: any;
type HTMLImageElement = { complete: boolean; naturalWidth: number; alt: string; getAttribute(name: string): string | null };

const ARTICLE = 'preview/preview-article.md';
const MISSING_HERO = 'preview/preview-missing-hero.md';
const HOSTILE = 'preview/preview-hostile.md';
const SYNTAX = 'preview/preview-syntax.md';
const HERO_ALT = 'A sourdough loaf cooling on a rack in a mountain cabin kitchen';
export const UI_TIMEOUT_MS = 60_000;
const CANARY = '__articlePreviewCanary';

export async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function quickOpen(page: Page, relativePath: string): Promise<void> {
  const input = await showQuickInput(page, 'Control+P');
  await input.fill(relativePath);
  const name = path.basename(relativePath);
  const entry = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
    .first();
  await entry.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await entry.click();
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(relativePath) }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
}

/** Runs a command by title from the Command Palette; `pick` then chooses in the quick pick it opens. */
export async function palette(page: Page, title: string, pick?: string): Promise<void> {
  const input = await showQuickInput(page, 'F1');
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  if (pick) {
    // The command's own quick pick replaces the palette: wait until it is the one showing.
    await until(
      async () => (await input.isVisible()) && !/command/i.test((await input.getAttribute('placeholder')) ?? 'command'),
      UI_TIMEOUT_MS,
      `the quick pick of "${title}"`,
    );
    await input.fill(pick);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Enter');
  }
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** The preview's content frame (the webview's inner document that holds our page). */
export async function previewFrame(page: Page, source?: string): Promise<Frame> {
  return until(
    async () => {
      for (const frame of page.frames()) {
        if (!frame.url().includes('/webview/browser/pre/')) continue;
        const shown = await frame
          .evaluate(() => document.getElementById('article-preview-root')?.dataset.source ?? (JSON.parse(document.getElementById('article-preview-root')?.dataset.bootstrap ?? 'null') as { source?: string } | null)?.source)
          .catch(() => undefined);
        if (shown && (!source || decodeURIComponent(shown).endsWith(source))) return frame;
      }
      return undefined;
    },
    UI_TIMEOUT_MS,
    `the article preview's webview frame${source ? ` showing ${source}` : ''}`,
  );
}

export async function frameText(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.getElementById('article-preview-root')?.textContent ?? '');
}

async function scrollTop(frame: Frame): Promise<number> {
  return frame.evaluate(() => window.scrollY);
}

/** Focus in the workbench is in a text editor, not in the webview. */
async function editorHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return !!active && active.tagName !== 'IFRAME' && !!active.closest('.monaco-editor');
  });
}

/** Clicks into the visible text of the active editor (the text area itself may be scrolled away). */
/** The first line number the active editor shows (1-based). */
async function editorTopLine(page: Page): Promise<number | undefined> {
  const numbers = await page.locator('.editor-group-container.active .monaco-editor .margin-view-overlays .line-numbers').allTextContents();
  const values = numbers.map((text) => Number(text.trim())).filter((value) => Number.isFinite(value) && value > 0);
  return values.length ? Math.min(...values) : undefined;
}

async function focusEditor(page: Page): Promise<void> {
  const box = await page.locator('.editor-group-container.active .monaco-editor').first().boundingBox();
  if (!box) throw new Error('no active editor');
  await page.mouse.click(box.x + Math.min(200, box.width / 2), box.y + Math.min(60, box.height / 2));
}

function saveShot(bytes: Buffer, ...files: string[]): void {
  for (const file of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
}

/**
 * Switches the colour theme through the workspace settings file (the theme picker's list differs
 * between VS Code versions; the setting is what the picker writes), then waits for the preview
 * to follow: VS Code puts vscode-light / vscode-dark on the webview's body.
 */
async function setTheme(page: Page, folder: string, theme: string | undefined, bodyClass: string): Promise<void> {
  const settingsFile = path.join(folder, '.vscode', 'settings.json');
  const settings = fs.existsSync(settingsFile) ? (JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>) : {};
  if (theme) settings['workbench.colorTheme'] = theme;
  else delete settings['workbench.colorTheme'];
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  const frame = await previewFrame(page);
  await until(async () => (await frame.evaluate((name: string) => document.body.classList.contains(name), bodyClass)) || undefined, UI_TIMEOUT_MS, `the preview to switch to ${theme ?? 'the default theme'}`);
  await page.waitForTimeout(500);
}

/** The preview's hero image once it has loaded (naturalWidth > 0): its alt, width and src. */
async function loadedHero(frame: Frame, source: string): Promise<PreviewObservation['hero']> {
  const hero = frame.locator('img.hero-image');
  await hero.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  return until(
    () => hero.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? { alt: img.alt, naturalWidth: img.naturalWidth, src: img.getAttribute('src') ?? '' } : undefined)),
    UI_TIMEOUT_MS,
    `the hero image of ${source} to load (naturalWidth > 0)`,
  );
}

/**
 * What the article preview showing `source` looks like to its reader (for a suite that cannot reach the
 * DOM itself, e.g. the web worker's): the hero once loaded, the desktop search result, a screenshot
 * of the workbench saved as `file`, and one with the preview scrolled to the search result beside it
 * (`-search-result.png`).
 */
export async function observePreview(page: Page, source: string, file: string): Promise<PreviewObservation> {
  const frame = await previewFrame(page, source);
  const loaded = await loadedHero(frame, source);
  const text = async (selector: string) => ((await frame.locator(selector).first().textContent()) ?? '').trim();
  const searchResult = {
    title: await text('.serp-desktop .snippet-title'),
    url: await text('.serp-desktop .snippet-url'),
    description: await text('.serp-desktop .snippet-description'),
  };
  const bytes = await page.screenshot();
  saveShot(bytes, file);
  // The preview scrolled to the search result (an element's own screenshot is misplaced inside the webview's frames).
  await frame.locator('.seo-preview').first().evaluate((element: any) => element.scrollIntoView());
  await page.waitForTimeout(300);
  const resultBytes = await page.screenshot();
  saveShot(resultBytes, file.replace(/\.png$/, '-search-result.png'));
  return { hero: loaded, searchResult, screenshotBytes: bytes.length, searchResultScreenshotBytes: resultBytes.length };
}

export const PREVIEW_CHECKS: E2eCheck[] = [
  {
    title: 'preview: "Article: Open Preview to the Side" opens beside the article, keeps the focus in the editor, and the hero PNG loads with its alt',
    async run({ page }) {
      await quickOpen(page, ARTICLE);
      await palette(page, 'Article: Open Preview to the Side');
      const frame = await previewFrame(page, ARTICLE);
      const image = await loadedHero(frame, ARTICLE);
      assert.equal(image.alt, HERO_ALT);
      assert.equal(image.naturalWidth, 320, 'the hero PNG is 320 px wide');
      assert.ok(await editorHasFocus(page), 'the preview took the focus from the editor');
      const csp = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      const placeholders = await frame.locator('.article-body .image-placeholder').count();
      assert.equal(placeholders, 0, 'every body image of the example resolves');
      const heroRepeats = await frame.locator('.article-body img[data-src="/sourdough-altitude-hero.png"]').count();
      assert.equal(heroRepeats, 0, 'the body image that repeats the hero is shown once, in the hero');
    },
  },
  {
    title: 'preview: text typed in the editor shows up within a second, in place (a marker on the page window survives)',
    async run({ page }) {
      const frame = await previewFrame(page, ARTICLE);
      await frame.evaluate(() => ((window as unknown as Record<string, string>).__previewMarker = 'kept'));
      const versionBefore = await frame.evaluate(() => document.getElementById('article-preview-root')?.dataset.version);
      await focusEditor(page);
      await page.keyboard.press('Control+End');
      const typed = `Typed live by Playwright ${Date.now() % 100000}`;
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type(typed, { delay: 15 });
      const typedAt = Date.now();
      await until(async () => (await frameText(frame)).includes(typed) || undefined, 5_000, `"${typed}" in the preview`);
      const elapsed = Date.now() - typedAt;
      assert.ok(elapsed < 1000, `the typed text took ${elapsed} ms to reach the preview`);
      assert.equal(await frame.evaluate(() => (window as unknown as Record<string, string>).__previewMarker), 'kept', 'the webview was reloaded');
      const versionAfter = await frame.evaluate(() => document.getElementById('article-preview-root')?.dataset.version);
      assert.notEqual(versionAfter, versionBefore, 'the update message carries the new document version');
      assert.ok(await editorHasFocus(page), 'the update took the focus from the editor');
      console.log(`      (typed text visible in the preview ${elapsed} ms after the last keystroke)`);
      await palette(page, 'File: Revert File');
      await until(async () => !(await frameText(frame)).includes(typed) || undefined, 5_000, 'the reverted text in the preview');
    },
  },
  {
    title: 'preview: scrolling the editor scrolls the preview, and scrolling the preview scrolls the editor (data-line sync)',
    async run({ page }) {
      const frame = await previewFrame(page, ARTICLE);
      await focusEditor(page);
      await page.keyboard.press('Control+Home');
      await until(async () => (await scrollTop(frame)) < 5 || undefined, 5_000, 'the preview at its top');
      await page.keyboard.press('Control+End');
      const bottom = await until(async () => {
        const y = await scrollTop(frame);
        return y > 400 ? y : undefined;
      }, 5_000, 'the preview to scroll down with the editor');
      // Half way: the preview shows the section the editor shows.
      await page.keyboard.press('Control+Home');
      await until(async () => (await scrollTop(frame)) < 5 || undefined, 5_000, `the preview to scroll back up with the editor (from ${bottom})`);
      await page.waitForTimeout(300);
      const before = await scrollTop(frame);
      const editorBox = await page.locator('.editor-group-container.active .monaco-editor').first().boundingBox();
      assert.ok(editorBox, 'the editor is visible');
      await page.mouse.move(editorBox.x + editorBox.width / 2, editorBox.y + editorBox.height / 2);
      // Several wheel steps, as a user scrolls (one large delta is clamped by the editor).
      for (let step = 0; step < 12; step++) {
        await page.mouse.wheel(0, 250);
        await page.waitForTimeout(40);
      }
      await until(async () => (await scrollTop(frame)) > before + 50 || undefined, 5_000, 'the preview to follow a mouse-wheel scroll of the editor');

      // And back: scrolling the preview to a heading brings its source line to the editor's top
      // (once the editor's own scrolling has settled).
      await page.waitForTimeout(600);
      const heading = await frame.evaluate(() => {
        const element = [...document.querySelectorAll('.article-body h2.code-line')].find((el: any) => /Conclusion/.test(el.textContent ?? '')) as any;
        element.scrollIntoView();
        return Number(element.dataset.line);
      });
      const top = await until(async () => {
        const line = await editorTopLine(page);
        return line !== undefined && Math.abs(line - (heading + 1)) <= 2 ? line : undefined;
      }, 5_000, `the editor to scroll to line ${heading + 1} (the preview's top); it shows line ${await editorTopLine(page)}`);
      assert.ok(top > 20);
      await page.waitForTimeout(300);
      await focusEditor(page);
      await page.keyboard.press('Control+Home');
    },
  },
  {
    title: 'preview: screenshots in a dark and a light theme (preview-dark.png, preview-light.png)',
    async run({ page, screenshots, folder }) {
      const frame = await previewFrame(page, ARTICLE);
      await focusEditor(page);
      await page.keyboard.press('Control+Home');
      await until(async () => (await scrollTop(frame)) < 5 || undefined, 5_000, 'the preview at its top');
      // Editor and preview side by side, without the file tree.
      const sidebar = page.locator('.part.sidebar');
      const hadSidebar = await sidebar.isVisible();
      if (hadSidebar) await palette(page, 'View: Toggle Primary Side Bar Visibility');
      await until(async () => !(await sidebar.isVisible()) || undefined, UI_TIMEOUT_MS, 'the side bar to close');
      await setTheme(page, folder, 'Dark 2026', 'vscode-dark');
      saveShot(await page.screenshot(), path.join(screenshots, 'preview-dark.png'));
      await setTheme(page, folder, 'Light 2026', 'vscode-light');
      const hero = await frame.locator('img.hero-image').evaluate((img: HTMLImageElement) => img.naturalWidth);
      assert.ok(hero > 0, 'the hero still shows after the theme change');
      saveShot(await page.screenshot(), path.join(screenshots, 'preview-light.png'));
      await setTheme(page, folder, 'Default High Contrast', 'vscode-high-contrast');
      saveShot(await page.screenshot(), path.join(screenshots, 'preview-high-contrast.png'));
      await setTheme(page, folder, undefined, 'vscode-light');
      if (hadSidebar) await palette(page, 'View: Toggle Primary Side Bar Visibility');
      for (const name of ['preview-dark.png', 'preview-light.png']) {
        const bytes = fs.readFileSync(path.join(screenshots, name));
        assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
        assert.ok(bytes.length > 10_000, `${name} is suspiciously small`);
      }
    },
  },
  {
    title: 'preview: the search result cuts by width (desktop and mobile), and the SEO panel renders; screenshots light and dark (test-results/screenshots/seo-panel-*.png)',
    async run({ page, screenshots, folder }) {
      const frame = await previewFrame(page, ARTICLE);
      const panel = frame.locator('details.seo-panel');
      await panel.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
      assert.equal(await panel.evaluate((element: any) => element.open), true, 'the SEO panel is open by default');
      const checks = await frame.evaluate(() =>
        [...document.querySelectorAll('[data-seo-section="placement"] .seo-item')].map((element: any) => `${element.classList.contains('seo-ok') ? 'ok' : 'missing'} ${element.textContent.trim()}`),
      );
      assert.deepEqual(checks, ['ok ✓ In the title', 'ok ✓ In the description', "ok ✓ In the URL's last part", 'ok ✓ In the first paragraph', 'ok ✓ In any H2']);
      assert.match(await frameText(frame), /Flesch reading ease \d+/);
      assert.match(await frameText(frame), /569 px of 600 px \(Arial 20 px\)/);
      // No site address configured anywhere: example.com and the slug.
      assert.equal(await frame.locator('.serp-desktop .snippet-url').textContent(), 'example.com › sourdough-at-altitude');
      // Desktop first; the toggle shows the mobile result (where the description is cut).
      const visibleVariant = () => frame.evaluate(() => [...document.querySelectorAll('.serp-variant')].filter((element: any) => element.getClientRects().length > 0).map((element: any) => element.dataset.serpVariant).join());
      assert.equal(await visibleVariant(), 'desktop');
      await frame.locator('[data-serp-mode="mobile"]').click();
      await until(async () => (await visibleVariant()) === 'mobile' || undefined, 5_000, 'the mobile search result');
      assert.equal(await frame.locator('.serp-mobile .snippet-description.truncated').count(), 1, 'the mobile result cuts the description');

      // Screenshots of the search result and the panel, in both themes (not for the README).
      await frame.locator('.seo-preview').evaluate((element: any) => element.scrollIntoView());
      const sidebar = page.locator('.part.sidebar');
      const hadSidebar = await sidebar.isVisible();
      if (hadSidebar) await palette(page, 'View: Toggle Primary Side Bar Visibility');
      await setTheme(page, folder, 'Dark 2026', 'vscode-dark');
      await frame.locator('.seo-preview').evaluate((element: any) => element.scrollIntoView());
      await page.waitForTimeout(300);
      saveShot(await page.screenshot(), path.join(screenshots, 'seo-panel-dark.png'));
      await setTheme(page, folder, 'Light 2026', 'vscode-light');
      await frame.locator('.seo-preview').evaluate((element: any) => element.scrollIntoView());
      await page.waitForTimeout(300);
      saveShot(await page.screenshot(), path.join(screenshots, 'seo-panel-light.png'));
      await setTheme(page, folder, undefined, 'vscode-light');
      if (hadSidebar) await palette(page, 'View: Toggle Primary Side Bar Visibility');
      for (const name of ['seo-panel-dark.png', 'seo-panel-light.png']) {
        const bytes = fs.readFileSync(path.join(screenshots, name));
        assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
        assert.ok(bytes.length > 10_000, `${name} is suspiciously small`);
      }
      await frame.locator('[data-serp-mode="desktop"]').click();
    },
  },
  {
    title: 'preview: clicking an item of the SEO panel moves the editor\'s cursor to its place (the status bar says Ln, Col)',
    async run({ page }) {
      const frame = await previewFrame(page, ARTICLE);
      for (const selector of ['[data-seo-section="placement"] .seo-place-description .seo-jump', '[data-seo-section="readability"] .seo-jump']) {
        const item = frame.locator(selector).first();
        await item.scrollIntoViewIfNeeded();
        const [line, character] = ((await item.getAttribute('data-jump')) ?? '').split(':').map(Number);
        assert.ok(Number.isInteger(line) && Number.isInteger(character), `a place for ${selector}`);
        await item.click();
        const expected = `Ln ${line + 1}, Col ${character + 1}`;
        const status = page.locator('[id="status.editor.selection"]');
        // The status bar shows the cursor of the focused editor; the jump gives it the focus.
        await status.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
        const at = new RegExp(`^${expected}(?!\\d)`);
        await until(async () => at.test(((await status.textContent()) ?? '').trim()) || undefined, UI_TIMEOUT_MS, `the cursor at ${expected}; the status bar says ${await status.textContent().catch(() => '?')}`);
        assert.ok(await editorHasFocus(page), 'the editor has the focus after the jump');
      }
      await page.keyboard.press('Control+Home');
      // The reading ease is also in the reading-time item's hover.
      await page.locator('[id="article-authoring.article-authoring.articleAuthoring.readingTime"]').hover();
      const hover = page.locator('.workbench-hover, .monaco-hover, .custom-hover').filter({ hasText: /Reading ease/ }).first();
      await hover.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      assert.match((await hover.textContent()) ?? '', /Reading ease \d+(\.\d)? \(Flesch: plain English\)/);
      await page.mouse.move(10, 10);
    },
  },
  {
    title: 'preview: it follows the active editor in place; a missing hero shows the placeholder naming the path looked for; a relative .md link opens in the editor',
    async run({ page }) {
      const before = await previewFrame(page);
      await before.evaluate(() => ((window as unknown as Record<string, string>).__previewMarker = 'still here'));
      await quickOpen(page, MISSING_HERO);
      const frame = await previewFrame(page, MISSING_HERO);
      const placeholder = frame.locator('.hero.hero-placeholder');
      await placeholder.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      const text = (await placeholder.textContent()) ?? '';
      assert.match(text, /Hero image not found/);
      assert.match(text, /not-there-yet\.png/);
      assert.match(text, /preview[\\/]public[\\/]images[\\/]not-there-yet\.png/, 'names the file looked for in the public folder');
      assert.equal(await frame.locator('.hero img').count(), 0, 'no <img> (no broken-image icon) in the hero');
      assert.equal(await frame.evaluate(() => (window as unknown as Record<string, string>).__previewMarker), 'still here', 'switching documents reloaded the webview');
      assert.ok(await editorHasFocus(page), 'following the editor took the focus');

      // A relative .md link is handed to the extension, which opens the file in the editor; the
      // preview follows it (and the webview itself never navigates).
      await frame.locator('a', { hasText: 'the example article' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: path.basename(ARTICLE) }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await previewFrame(page, ARTICLE);
      assert.match(frame.url(), /\/webview\/browser\/pre\//, 'the preview frame did not navigate');
      assert.equal(await frame.evaluate(() => (window as unknown as Record<string, string>).__previewMarker), 'still here', 'a link click reloaded the webview');
    },
  },
  {
    title: 'preview: a figure shortcode shows its image and caption, an alert and an admonition are callouts, a footnote is a footnote (screenshot preview-syntax.png)',
    async run({ page, screenshots }) {
      await quickOpen(page, SYNTAX);
      const frame = await previewFrame(page, SYNTAX);
      const figure = frame.locator('.article-body figure.shortcode-figure');
      await figure.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      const image = await until(
        () => figure.locator('img').evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? { alt: img.alt, src: img.getAttribute('src') ?? '' } : undefined)),
        UI_TIMEOUT_MS,
        'the figure shortcode image to load (naturalWidth > 0)',
      );
      assert.equal(image.alt, 'A jar of bubbly sourdough starter');
      assert.match(image.src, /starter-jar\.png/);
      assert.equal((await figure.locator('figcaption').textContent())?.trim(), 'The starter at its peak');
      const note = frame.locator('.article-body .callout.callout-note');
      assert.equal((await note.locator('.callout-title').textContent())?.trim(), 'Note');
      assert.match((await note.textContent()) ?? '', /Feed the starter the night before you bake\./);
      assert.doesNotMatch((await note.textContent()) ?? '', /\[!NOTE\]/);
      const warning = frame.locator('.article-body .callout.callout-warning');
      assert.equal((await warning.locator('.callout-title').textContent())?.trim(), 'At altitude');
      // The callout's border and title share its theme colour (warning's differs from note's).
      const colorsOf = (callout: typeof note) =>
        callout.evaluate((el: any) => [window.getComputedStyle(el).borderLeftColor, window.getComputedStyle(el.querySelector('.callout-title')).color]);
      const [noteBorder, noteTitle] = await colorsOf(note);
      const [warningBorder] = await colorsOf(warning);
      assert.equal(noteBorder, noteTitle, 'the note callout is drawn in one colour');
      assert.notEqual(noteBorder, warningBorder, 'a warning callout has its own colour');
      assert.equal(await frame.locator('.article-body sup.footnote-ref a[href="#fn1"]').count(), 1, 'the footnote reference');
      assert.match((await frame.locator('.article-body section.footnotes li.footnote-item').textContent()) ?? '', /Above 24 °C it can double in under four hours\./);
      const text = await frameText(frame);
      assert.equal((await frame.locator('.article-body span.shortcode').textContent())?.trim(), 'youtube', 'another shortcode is a labelled placeholder');
      assert.doesNotMatch(text, /site\.title|\{\{</, 'Liquid output and shortcodes never show as text');
      assert.match(text, /but \{\{ raw text \}\} shows as written/);
      await figure.scrollIntoViewIfNeeded();
      saveShot(await page.screenshot(), path.join(screenshots, 'preview-syntax.png'));
    },
  },
  {
    title: 'preview: a hostile article (scripts, handlers, javascript: links, iframes, SVG, meta, base, shortcodes, Liquid) runs no script: the canary stays unset',
    async run({ page }) {
      await quickOpen(page, HOSTILE);
      const frame = await previewFrame(page, HOSTILE);
      await until(async () => (await frameText(frame)).includes('After the hostile part') || undefined, UI_TIMEOUT_MS, 'the hostile article in the preview');
      // Give loads, errors and handlers time to fire; then try the links and the hover target.
      await frame.locator('text=html javascript link').click().catch(() => undefined);
      await frame.locator('text=entity link').click().catch(() => undefined);
      await frame.locator('text=hover me').hover().catch(() => undefined);
      await page.waitForTimeout(1500);

      const outer = frame.parentFrame();
      for (const [where, target] of [['preview frame', frame], ['webview host frame', outer], ['workbench page', page.mainFrame()]] as const) {
        if (!target) continue;
        const canary = await target.evaluate((name) => (window as unknown as Record<string, unknown>)[name], CANARY);
        assert.equal(canary, undefined, `a script of the hostile article ran in the ${where}: canary = ${String(canary)}`);
      }
      const found = await frame.evaluate(() => {
        const root = document.getElementById('article-preview-root')!;
        const all = [...root.querySelectorAll('*')];
        return {
          // The page's scripts: ours (by src) and the one VS Code's webview host injects; none from the article.
          scripts: [...document.querySelectorAll('script')].map((el: any) => ({ inRoot: root.contains(el), src: el.getAttribute('src') ?? '', text: (el.textContent ?? '').slice(0, 200) })),
          forbidden: all.filter((el) => /^(script|iframe|frame|object|embed|meta|base|link|style|svg|math|form)$/i.test(el.tagName)).map((el) => el.tagName),
          handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`)),
          scriptUrls: all.flatMap((el) => [...el.attributes].filter((a) => /^\s*(javascript|vbscript|data:text)/i.test(a.value)).map((a) => `${el.tagName}.${a.name}`)),
          ourScriptRan: root.dataset.version !== undefined,
          frames: window.frames.length,
        };
      });
      assert.deepEqual(found.scripts.filter((script: { inRoot: boolean }) => script.inRoot), [], 'no script element in the article');
      assert.ok(found.scripts.some((script: { src: string }) => /preview\.js/.test(script.src)), 'the preview script is in the page');
      assert.deepEqual(found.scripts.filter((script: { text: string }) => script.text.includes(CANARY)), [], 'no script of the article anywhere in the page');
      assert.deepEqual(found.forbidden, []);
      assert.deepEqual(found.handlers, []);
      assert.deepEqual(found.scriptUrls, []);
      assert.equal(found.frames, 0, 'no frame inside the preview');
      assert.ok(found.ourScriptRan, 'positive control: the preview script (with its nonce) did run');
      assert.match(await frame.url(), /\/webview\/browser\/pre\//, 'the preview frame did not navigate away');
    },
  },
];
