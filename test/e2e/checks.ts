/**
 * Playwright checks on the real workbench, run by workbenchRunner after the integration suite hands
 * the workbench over. They act only through the UI, as a user would (Quick Open, the Command
 * Palette, the keyboard), and compare with values computed from the files by `reading-time`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { expectedReading } from '../integration/readingTimeOracle';
import type { StatusBarItemObservation } from './protocol';
import { PREVIEW_CHECKS } from './previewChecks';
import { SITE_CHECKS } from './siteChecks';
import { AUTHORING_CHECKS } from './authoringChecks';
import { HOSTILE_CHECKS } from './hostileChecks';
import { SITE_REPORT_CHECKS } from './siteReportChecks';
import { showQuickInput } from './quickInput';

export interface CheckContext {
  page: Page;
  /** The workspace folder the workbench has open. */
  folder: string;
  screenshots: string;
}

export interface E2eCheck {
  title: string;
  run(context: CheckContext): Promise<void>;
}

const ARTICLE = 'src/content/blog/sourdough-at-altitude.md';
/** VS Code gives an extension's status bar entry the DOM id `<publisher>.<name>.<item id>`. */
const STATUS_ITEM_ID = 'article-authoring.article-authoring.articleAuthoring.readingTime';
const UI_TIMEOUT_MS = 60_000;

/** Reads the status bar, first waiting until our item reaches the wanted state (or the timeout). */
export async function readStatusBarItem(
  page: Page,
  waitFor: { text: string } | { absent: true } | undefined,
  timeoutMs: number,
): Promise<StatusBarItemObservation> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const items = await page
      .locator('.part.statusbar .statusbar-item')
      .evaluateAll((elements) =>
        elements
          .filter((element) => (element as unknown as { offsetParent: unknown }).offsetParent !== null) // displayed
          .map((element) => ({ id: element.id, text: (element.textContent ?? '').trim() })),
      )
      .catch(() => [] as { id: string; text: string }[]);
    const ours = items.find((item) => item.id === STATUS_ITEM_ID);
    const observation: StatusBarItemObservation = {
      text: ours ? ours.text : null,
      allItems: items.map((item) => `${item.id}=${JSON.stringify(item.text)}`),
    };
    const satisfied = !waitFor || ('absent' in waitFor ? observation.text === null : observation.text === waitFor.text);
    if (satisfied || Date.now() > deadline) return observation;
    await page.waitForTimeout(100);
  }
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a user would. */
async function quickOpen(page: Page, relativePath: string): Promise<void> {
  const input = await showQuickInput(page, 'Control+P');
  await input.fill(relativePath);
  // File search answers from the server; wait for the matching entry rather than a fixed time.
  const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relativePath) }).first();
  await entry.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  // Click it: Enter would take whichever row is focused, possibly a recently opened file.
  await entry.click();
  await page
    .locator('.tabs-container .tab.active', { hasText: path.basename(relativePath) })
    .waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
}

/** Runs a command by its title through the Command Palette (F1). */
async function runFromCommandPalette(page: Page, title: string): Promise<void> {
  const input = await showQuickInput(page, 'F1');
  await input.fill(`>${title}`);
  const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await entry.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await entry.click();
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/**
 * The text of the active editor's rendered lines, top to bottom. Monaco reuses line elements, so
 * their DOM order is not the visual order; it renders spaces as no-break spaces.
 */
async function visibleEditorText(page: Page): Promise<string> {
  const lines = await page
    .locator('.editor-group-container.active .monaco-editor .view-lines .view-line')
    .evaluateAll((elements) =>
      elements.map((element) => ({
        top: parseFloat((element as unknown as { style: { top: string } }).style.top) || 0,
        text: element.textContent ?? '',
      })),
    );
  return lines
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text.replace(/\u00a0/g, ' '))
    .join('\n');
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${await what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function assertPng(file: string): void {
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  assert.ok(bytes.length > 1000, `${file} is suspiciously small (${bytes.length} bytes)`);
}

function articleText(context: CheckContext): string {
  return fs.readFileSync(path.join(context.folder, ARTICLE), 'utf8');
}

export const E2E_CHECKS: E2eCheck[] = [
  {
    title: 'Quick Open shows an article, and the status bar item gives its words and reading time (status bar screenshot saved)',
    async run(context) {
      const { page } = context;
      await quickOpen(page, ARTICLE);
      const expected = expectedReading(articleText(context)).statusText;
      const seen = await readStatusBarItem(page, { text: expected }, UI_TIMEOUT_MS);
      assert.equal(seen.text, expected, `status bar items: ${seen.allItems.join(', ')}`);

      // The status bar alone, and the article's item within it.
      fs.mkdirSync(context.screenshots, { recursive: true });
      const statusBarShot = path.join(context.screenshots, 'status-bar.png');
      await page.locator('.part.statusbar').screenshot({ path: statusBarShot });
      assertPng(statusBarShot);
    },
  },
  {
    title: 'the Command Palette runs "Article: Update Reading Time" and the editor shows the new readingTime (workbench screenshot saved); Ctrl+Z restores it',
    async run(context) {
      const { page } = context;
      const { minutes } = expectedReading(articleText(context));
      const expectedLine = `readingTime: "${minutes} ${minutes === 1 ? 'minute' : 'minutes'}" # stale on purpose: the tests update it`;
      assert.ok(!(await visibleEditorText(page)).includes(expectedLine), 'the fixture already has the computed readingTime');
      await runFromCommandPalette(page, 'Article: Update Reading Time');
      await waitUntil(
        async () => (await visibleEditorText(page)).includes(expectedLine),
        UI_TIMEOUT_MS,
        async () => `the line ${JSON.stringify(expectedLine)} in the editor; it shows:\n${(await visibleEditorText(page)).slice(0, 800)}`,
      );
      // The whole workbench with the updated article: the README's screenshot.
      const workbenchShot = path.join(context.screenshots, 'workbench.png');
      await page.screenshot({ path: workbenchShot });
      assertPng(workbenchShot);
      // Ctrl+Z in the editor restores the stale value in one step.
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
      await page.keyboard.press('Control+Z');
      await waitUntil(
        async () => (await visibleEditorText(page)).includes('readingTime: "9 minutes" # stale on purpose'),
        UI_TIMEOUT_MS,
        async () => `Ctrl+Z to restore the stale readingTime; the editor shows:\n${(await visibleEditorText(page)).slice(0, 800)}`,
      );
    },
  },
  {
    title: 'Quick Open on a Markdown file without frontmatter hides the reading-time item',
    async run(context) {
      const { page } = context;
      await quickOpen(page, 'notes/README.md');
      const seen = await readStatusBarItem(page, { absent: true }, UI_TIMEOUT_MS);
      assert.equal(seen.text, null, `status bar items: ${seen.allItems.join(', ')}`);
    },
  },
  // The article preview's checks (issue 6): test/e2e/previewChecks.ts.
  ...PREVIEW_CHECKS,
  // Diagnostics and quick fixes (issue 5): test/e2e/authoringChecks.ts.
  ...AUTHORING_CHECKS,
  // The hostile corpus in the preview (issue 8): test/e2e/hostileChecks.ts.
  ...HOSTILE_CHECKS,
  // The preview's hero on each generator's site (issue 13): test/e2e/siteChecks.ts.
  ...SITE_CHECKS,
  ...SITE_REPORT_CHECKS,
];
