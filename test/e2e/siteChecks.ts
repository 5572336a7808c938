/**
 * Playwright checks of the preview's hero on generators' sites (the fixture sites copied into the
 * workspace as sites/<generator>/): the hero comes from the site's hero role, a Hugo `[cover]`
 * table's `image` and a Jekyll `image.path`, and loads with the alt text beside it. Screenshots go
 * to test-results/screenshots/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckContext, E2eCheck } from './checks';
import { UI_TIMEOUT_MS, palette, previewFrame, quickOpen, until } from './previewChecks';

declare const document: any;
type HTMLImageElement = { complete: boolean; naturalWidth: number; alt: string; getAttribute(name: string): string | null };

const ALT = 'A ridge path above a lake';

async function heroOf(context: CheckContext, article: string, shot: string, openPreview = true): Promise<{ alt: string; src: string }> {
  const { page } = context;
  // Clicks in a preview (the checks before) leave the focus in its webview, which hides the palette's
  // preview command: give it back to the workbench page and the editor's group first.
  await page.mainFrame().evaluate(() => (document as { activeElement?: { blur?(): void } }).activeElement?.blur?.());
  await page.keyboard.press('Control+1');
  await quickOpen(page, article);
  // A preview left open by the checks before follows the active editor; open one when there is none.
  if (openPreview) {
    const hasPreview = () => page.frames().some((frame) => frame.url().includes('/webview/browser/pre/'));
    for (let waited = 0; !hasPreview() && waited < 3000; waited += 250) await page.waitForTimeout(250);
    if (!hasPreview()) await palette(page, 'Article: Open Preview to the Side');
  }
  const frame = await previewFrame(page, article);
  const hero = frame.locator('img.hero-image');
  await hero.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  const image = await until(
    () => hero.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? { alt: img.alt, src: img.getAttribute('data-src') ?? img.getAttribute('src') ?? '' } : undefined)),
    UI_TIMEOUT_MS,
    `the hero image of ${article} to load`,
  );
  assert.equal(await frame.locator('.hero-placeholder').count(), 0, 'no placeholder box beside the hero');
  fs.mkdirSync(context.screenshots, { recursive: true });
  fs.writeFileSync(path.join(context.screenshots, shot), await page.screenshot());
  return image;
}

export const SITE_CHECKS: E2eCheck[] = [
  {
    title: 'sites: the preview of a Hugo page with +++ TOML shows the hero of its [cover] table, with cover.alt, and its URL from baseURL and slug in the search result (screenshot site-hugo-cover.png)',
    async run(context) {
      const article = 'sites/hugo/content/posts/toml-post.md';
      const image = await heroOf(context, article, 'site-hugo-cover.png');
      assert.equal(image.alt, ALT);
      // The site model's URL: hugo.toml's baseURL (https://example.org/) and the post's slug below its section.
      const frame = await previewFrame(context.page, article);
      assert.equal(await frame.locator('.serp-desktop .snippet-url').textContent(), 'example.org › posts › high-pass');
    },
  },
  {
    title: 'sites: the preview of a Jekyll .markdown post shows the hero of image.path, with image.alt (screenshot site-jekyll-image.png)',
    async run(context) {
      const image = await heroOf(context, 'sites/jekyll/_posts/2026-03-03-lake-loop.markdown', 'site-jekyll-image.png');
      assert.equal(image.alt, ALT);
    },
  },
  {
    title: 'sites: on a Hugo post whose description is its summary, the SEO panel shows the description width, never "No description" (screenshot site-hugo-summary-seo.png)',
    async run(context) {
      const article = 'sites/hugo/content/posts/summary-post.md';
      // The preview is open from the checks before: it follows to this article.
      await heroOf(context, article, 'site-hugo-summary.png', false);
      const frame = await previewFrame(context.page, article);
      const panel = frame.locator('.seo-panel');
      await panel.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
      const text = await until(async () => {
        const shown = (await panel.textContent()) ?? '';
        return shown.includes('Description:') ? shown : undefined;
      }, UI_TIMEOUT_MS, 'the SEO panel to show the description width');
      assert.doesNotMatch(text, /No description/);
      await panel.scrollIntoViewIfNeeded();
      fs.writeFileSync(path.join(context.screenshots, 'site-hugo-summary-seo.png'), await context.page.screenshot());
    },
  },
  {
    title: 'sites: the open preview follows to a Hugo page bundle and shows the featured_image beside its index.md (screenshot site-hugo-bundle.png)',
    async run(context) {
      const image = await heroOf(context, 'sites/hugo/content/posts/bundle/index.md', 'site-hugo-bundle.png', false);
      assert.match(image.src, /cover\.png/);
      // The checks that follow start without the preview (its tab names the article it follows).
      await palette(context.page, 'View: Close All Editors');
    },
  },
];
