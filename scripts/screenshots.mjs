#!/usr/bin/env node
// Redraws docs/images/workbench.png, the README's screenshot: the demo (examples/workspace) with an
// article open, after "Article: Update Reading Time". Run after `npm run build`.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, ensureInstalled, startServer, workbenchUrl } from './vscode-host.mjs';

const ARTICLE = 'cast-iron-care.md';
const OUTPUT = path.join(REPO, 'docs/images/workbench.png');
const TIMEOUT = 120_000;

ensureInstalled();
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
  await page.goto(workbenchUrl({ ...server, folder: path.join(REPO, 'examples/workspace') }));
  await page.locator('.part.statusbar').waitFor({ timeout: TIMEOUT });

  const pick = async (keys, text, row) => {
    await page.keyboard.press(keys);
    await page.locator('.quick-input-widget input').fill(text);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().click({ timeout: TIMEOUT });
  };
  await pick('Control+P', ARTICLE, ARTICLE);
  const item = page.locator('[id="article-authoring.article-authoring.articleAuthoring.readingTime"]');
  await item.waitFor({ timeout: TIMEOUT });
  await pick('F1', '>Article: Update Reading Time', 'Article: Update Reading Time');
  await page.locator('.view-line', { hasText: 'readingTime' }).waitFor({ timeout: TIMEOUT });
  // Let the diagnostics catch up with the edit (they are debounced).
  await page.waitForTimeout(1500);
  await page.screenshot({ path: OUTPUT });
  console.log(`${path.relative(REPO, OUTPUT)}: status bar "${await item.textContent()}"`);
} finally {
  await browser.close();
  server.stop();
}
