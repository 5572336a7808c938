#!/usr/bin/env node
// `npm run screenshots`: refreshes the README's images in docs/images, on purpose only (npm test never
// writes there). It draws the workbench screenshot (the demo, examples/workspace, with an article
// open after "Article: Update Reading Time"), takes the other four from test-results/screenshots,
// where the Playwright checks of the last `npm test` (or `npm run test:vscode`) saved them, and
// writes each as a compressed WebP, so the packaged extension stays small.
//
//   npm run screenshots          (builds the extension first)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, ensureInstalled, startServer, workbenchUrl } from './vscode-host.mjs';

const SHOTS = path.join(REPO, 'test-results/screenshots');
const OUTPUT = path.join(REPO, 'docs/images');
/** Taken by the Playwright checks (test/e2e): copied from the last run. */
const FROM_TESTS = ['preview-dark.png', 'preview-light.png', 'problems-panel.png', 'quick-fix-menu.png'];
/** Drawn here from the demo (the checks' own workbench.png shows the test workspace). */
const DEMO = 'demo-workbench.png';
const ARTICLE = 'cast-iron-care.md';
const TIMEOUT = 120_000;
/** WebP quality (0-1): text stays sharp, each image about half its PNG. */
const QUALITY = 0.8;

const missing = FROM_TESTS.filter((name) => !fs.existsSync(path.join(SHOTS, name)));
if (missing.length > 0) {
  console.error(`screenshots: ${missing.join(', ')} not in ${path.relative(REPO, SHOTS)}: run npm test (or npm run test:vscode) first.`);
  process.exit(1);
}

ensureInstalled();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  await drawWorkbench(path.join(SHOTS, DEMO));
  const page = await browser.newPage();
  for (const name of [DEMO, ...FROM_TESTS]) {
    const png = fs.readFileSync(path.join(SHOTS, name));
    const webp = await toWebp(page, png);
    const target = path.join(OUTPUT, name === DEMO ? 'workbench.webp' : name.replace(/\.png$/, '.webp'));
    fs.writeFileSync(target, webp);
    console.log(`${path.relative(REPO, target)}: ${Math.round(webp.length / 1024)} KB (PNG ${Math.round(png.length / 1024)} KB)`);
  }
} finally {
  await browser.close();
}

/** The demo workbench after Article: Update Reading Time, as a PNG at `file`. */
async function drawWorkbench(file) {
  const server = await startServer();
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
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    console.log(`${path.relative(REPO, file)}: status bar "${await item.textContent()}"`);
    await page.close();
  } finally {
    server.stop();
  }
}

/** Re-encodes a PNG as WebP with the browser's own encoder (no image library needed). */
async function toWebp(page, png) {
  const dataUrl = await page.evaluate(
    async ({ base64, quality }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      canvas.getContext('2d').drawImage(image, 0, 0);
      return canvas.toDataURL('image/webp', quality);
    },
    { base64: png.toString('base64'), quality: QUALITY },
  );
  if (!dataUrl.startsWith('data:image/webp;base64,')) throw new Error('this Chromium cannot encode WebP');
  return Buffer.from(dataUrl.slice('data:image/webp;base64,'.length), 'base64');
}
