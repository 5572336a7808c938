/**
 * Playwright checks of the authoring features (issue 5) on the real workbench, through the UI: the
 * Problems panel lists the flawed article's findings, and Ctrl+. on an image without alt text opens
 * the quick fix menu, whose preferred fix leaves the cursor inside the empty alt for the author; the keyword
 * coverage item sits in the status bar and lists the keywords when clicked. The README's
 * screenshots of the first two are taken here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { E2eCheck } from './checks';
import { showQuickInput } from './quickInput';

const FLAWED = 'lint/posts/flawed-article.md';
const UI_TIMEOUT_MS = 60_000;
/** VS Code gives an extension's status bar entry the DOM id `<publisher>.<name>.<item id>`. */
const KEYWORD_ITEM_ID = 'article-authoring.article-authoring.articleAuthoring.keywordCoverage';

async function quickOpen(page: Page, text: string, waitForTab?: string): Promise<void> {
  const input = await showQuickInput(page, 'Control+P');
  await input.fill(text);
  if (waitForTab) {
    const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: waitForTab }).first();
    await entry.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await entry.click();
    await page.locator('.tabs-container .tab.active', { hasText: waitForTab }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  } else {
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }
}

async function palette(page: Page, title: string): Promise<void> {
  const input = await showQuickInput(page, 'F1');
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

async function editorLines(page: Page): Promise<string[]> {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').allTextContents();
  return lines.map((line) => line.replace(/\u00a0/g, ' '));
}

async function until(condition: () => Promise<boolean>, what: () => Promise<string> | string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${await what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Saves a screenshot beside the run's other ones (`npm run screenshots` takes the README's from there). */
function save(bytes: Buffer, name: string, screenshots: string): void {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(bytes.length > 10_000, `${name} is suspiciously small`);
  fs.mkdirSync(screenshots, { recursive: true });
  fs.writeFileSync(path.join(screenshots, name), bytes);
}

export const AUTHORING_CHECKS: E2eCheck[] = [
  {
    title: 'authoring: the Problems panel lists the flawed article\'s findings with their rule ids (problems-panel.png)',
    async run({ page, screenshots }) {
      await palette(page, 'View: Close All Editors');
      await quickOpen(page, FLAWED, path.basename(FLAWED));
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      // Only this article's problems (other checks leave findings in other files).
      const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
      await filter.fill('flawed-article.md');
      // Errors first, then by line: these are at the top of the (virtualised) list.
      for (const rule of ['frontmatter-schema', 'title-length', 'description-length']) {
        await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      }
      const rows = await panel.locator('.monaco-list-row', { hasText: 'article-lint' }).count();
      assert.ok(rows >= 6, `only ${rows} article-lint rows in the Problems panel`);
      save(await page.screenshot(), 'problems-panel.png', screenshots);
    },
  },
  {
    title: 'authoring: Ctrl+. on an image without alt text opens the quick fix menu; its preferred fix leaves the cursor inside the empty brackets, to write the alt text (quick-fix-menu.png)',
    async run({ page, screenshots }) {
      await quickOpen(page, FLAWED, path.basename(FLAWED));
      // Line 16 is `![](/starter-jar.png)`: put the cursor on it, at its end (a click also gives the editor the focus).
      await quickOpen(page, ':16');
      await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: '![](/starter-jar.png)' }).first().click();
      await page.keyboard.press('End');
      const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
      // On a loaded machine a keystroke can land while the editor is still busy and open nothing: press
      // again, as an author would (the light bulb shows the actions are there).
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        const shown = await menu.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS / 4 }).then(() => true, () => false);
        if (shown) break;
        if (attempt === 4) throw new Error('Ctrl+. opened no quick fix menu, four times');
      }
      const fix = menu.locator('.monaco-list-row', { hasText: /^\s*Add alt text\s*$/ }).first();
      await fix.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      save(await page.screenshot(), 'quick-fix-menu.png', screenshots);

      await fix.click();
      // The cursor is inside the brackets: line 16, column 3 (after `![`).
      const status = page.locator('[id="status.editor.selection"]');
      await until(
        async () => /^Ln 16, Col 3(?!\d)/.test(((await status.textContent()) ?? '').trim()),
        async () => `the cursor inside the empty alt (Ln 16, Col 3); the status bar says ${await status.textContent().catch(() => '?')}`,
      );
      // What the author types is the alt text; no file name was written.
      await page.keyboard.type('Jar');
      await until(
        async () => (await editorLines(page)).includes('![Jar](/starter-jar.png)'),
        async () => `the typed alt text; the editor shows:\n${(await editorLines(page)).join('\n').slice(0, 1200)}`,
      );
      for (let undo = 0; undo < 3 && !(await editorLines(page)).includes('![](/starter-jar.png)'); undo++) {
        await page.keyboard.press('Control+Z');
        await page.waitForTimeout(200);
      }
      await until(
        async () => (await editorLines(page)).includes('![](/starter-jar.png)'),
        async () => `undo back to the original line; the editor shows:\n${(await editorLines(page)).join('\n').slice(0, 1200)}`,
      );
      // Leave the workbench as the other checks expect it: no filter, no panel.
      await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('').catch(() => undefined);
      await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: '![](/starter-jar.png)' }).first().click();
      await page.keyboard.press('Control+J');
      await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    },
  },
  {
    title: 'authoring: the status bar shows the keyword coverage beside the reading time; clicking it lists the keywords as used or unused',
    async run({ page }) {
      await quickOpen(page, FLAWED, path.basename(FLAWED));
      // winter tyres (twice in the list), tread depth and studded tyres occur in the body; snow chains does not.
      const item = page.locator(`[id="${KEYWORD_ITEM_ID}"]`);
      await until(
        async () => ((await item.textContent()) ?? '').trim() === '3/4 keywords',
        async () => `the keyword item to read "3/4 keywords"; it reads ${JSON.stringify(await item.textContent().catch(() => null))}`,
      );
      await item.locator('a, .statusbar-item-label').first().click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      const unused = page.locator('.quick-input-list .monaco-list-row', { hasText: 'snow chains' }).first();
      await unused.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      assert.match((await unused.textContent()) ?? '', /unused/);
      assert.match((await page.locator('.quick-input-list .monaco-list-row', { hasText: 'tread depth' }).first().textContent()) ?? '', /used 1 time/);
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    },
  },
];
