/**
 * Playwright check of Article: Show Site Report on the real workbench: run from the Command Palette,
 * its webview lists the site's broken link and most-linked articles, a click on a finding opens the
 * article at that line, and a screenshot goes to the run's (ignored) screenshots folder.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { E2eCheck } from './checks';
import { showQuickInput } from './quickInput';

// Evaluated in the webview's page, where `document` exists.
declare const document: any;

const UI_TIMEOUT_MS = 60_000;
const LIST = 'sitewide/posts/reading-list.md';

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function reportFrame(page: Page): Promise<Frame> {
  return until(async () => {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/webview/browser/pre/')) continue;
      const text = await frame.evaluate(() => document.getElementById('site-report-root')?.textContent ?? '').catch(() => '');
      if (text.includes('Most linked')) return frame;
    }
    return undefined;
  }, 'the site report webview');
}

export const SITE_REPORT_CHECKS: E2eCheck[] = [
  {
    title: 'site report: "Article: Show Site Report" lists the broken link and the most-linked articles; a click opens the article (site-report.png)',
    async run({ page, screenshots }) {
      const open = await showQuickInput(page, 'Control+P');
      await open.fill(LIST);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'reading-list.md' }).first();
      await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await row.click();
      await page.locator('.tabs-container .tab.active', { hasText: 'reading-list.md' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

      const palette = await showQuickInput(page, 'F1');
      await palette.fill('>Article: Show Site Report');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Site Report' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');

      const frame = await reportFrame(page);
      const text = await frame.evaluate(() => document.getElementById('site-report-root')?.textContent ?? '');
      assert.match(text, /Broken link to \.\/scoring-patterns\.md/);
      // The report is the active article's site's (the workspace holds many), whenever it is asked for.
      assert.match(text, /2 articles and pages of the site in sitewide\./);
      assert.match(text, /A Guide to Shaping Sourdough Loaves/);
      const shot = await page.screenshot();
      assert.equal(shot.subarray(1, 4).toString('latin1'), 'PNG');
      fs.mkdirSync(screenshots, { recursive: true });
      fs.writeFileSync(path.join(screenshots, 'site-report.png'), shot);

      await frame.locator('a[data-path]', { hasText: 'reading-list.md:11' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'reading-list.md' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    },
  },
];
