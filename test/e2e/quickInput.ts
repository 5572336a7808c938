/**
 * Opens Quick Open or the Command Palette by its key, as a user would. A key pressed while the focus
 * is inside a webview (after a click in the preview) reaches the workbench only if the webview
 * forwards it, and that forward can be lost; so when the quick input has not shown, the focus goes
 * back to the workbench page and the key is pressed again.
 */
import type { Locator, Page } from 'playwright-core';

declare const document: any;

const ATTEMPT_TIMEOUT_MS = 10_000;
const ATTEMPTS = 4;

export async function showQuickInput(page: Page, key: 'Control+P' | 'F1'): Promise<Locator> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: ATTEMPT_TIMEOUT_MS });
      return input;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw new Error(`${key} did not show the quick input after ${ATTEMPTS} tries: ${String(error)}`);
    }
    console.log(`      (${key} showed no quick input within ${ATTEMPT_TIMEOUT_MS / 1000} s; focus back to the workbench, try ${attempt + 1})`);
    // Take the focus out of any frame (a webview) so that the workbench's own key handler gets the key.
    await page.mainFrame().evaluate(() => (document.activeElement as { blur?: () => void } | null)?.blur?.());
    await page.keyboard.press('Escape');
  }
}
