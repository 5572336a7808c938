/**
 * The hostile corpus in the real preview (issue 8): every case of test/fixtures/hostile/manifest.json
 * marked `preview` is copied into the workspace, opened, shown in the preview, its links clicked and
 * hovered, and then the canary global must be unset in the preview frame, the webview host frame and
 * the workbench page, with no script, frame, handler or script URL in the article's DOM. The same
 * proof as the preview's own hostile check (previewChecks.ts), over the whole corpus.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { generators, HOSTILE_DIR, readManifest } from '../unit/helpers/hostileCorpus';
import type { E2eCheck } from './checks';
import { frameText, palette, previewFrame, quickOpen, until, UI_TIMEOUT_MS } from './previewChecks';

declare const document: any;
declare const window: any;

async function articleDom(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.getElementById('article-preview-root')!;
    const all = [...root.querySelectorAll('*')] as any[];
    return {
      scriptsInRoot: [...root.querySelectorAll('script')].length,
      forbidden: all.filter((el) => /^(script|iframe|frame|frameset|object|embed|meta|base|link|style|svg|math|form|portal|input|marquee)$/i.test(el.tagName)).map((el) => el.tagName),
      handlers: all.flatMap((el) => [...el.attributes].filter((a: any) => /^on/i.test(a.name)).map((a: any) => `${el.tagName}.${a.name}`)),
      styles: all.filter((el) => el.hasAttribute('style')).map((el) => el.tagName),
      scriptUrls: all.flatMap((el) => [...el.attributes].filter((a: any) => /^\s*(javascript|vbscript|data:text)/i.test(a.value.replace(/[\u0000-\u0020]/g, ''))).map((a: any) => `${el.tagName}.${a.name}`)),
      frames: window.frames.length,
      ourScriptRan: root.dataset.version !== undefined,
    };
  });
}

export const HOSTILE_CHECKS: E2eCheck[] = [
  {
    title: 'preview: every case of the hostile corpus (test/fixtures/hostile, preview: true) runs no script in any frame, after clicks and hovers',
    async run({ page, folder }) {
      const manifest = readManifest();
      const cases = manifest.cases.filter((entry) => entry.preview);
      assert.ok(cases.length >= 8, 'the corpus has its HTML cases');
      fs.mkdirSync(path.join(folder, 'hostile'), { recursive: true });
      for (const entry of cases) {
        const target = path.join(folder, 'hostile', entry.file);
        if (entry.generate) fs.writeFileSync(target, generators[entry.generate]());
        else fs.copyFileSync(path.join(HOSTILE_DIR, entry.file), target);
      }
      let opened = false;
      for (const entry of cases) {
        const relative = `hostile/${entry.file}`;
        // Clicks in the preview leave the focus in its webview: give it back to the workbench page,
        // then open the next file in the editor's group.
        await page.mainFrame().evaluate(() => document.activeElement?.blur?.());
        await page.keyboard.press('Control+1');
        await quickOpen(page, relative);
        if (!opened) {
          // The preview of the earlier checks follows the active editor; open one when there is none.
          const hasPreview = () => page.frames().some((f) => f.url().includes('/webview/browser/pre/'));
          for (let waited = 0; !hasPreview() && waited < 5000; waited += 250) await page.waitForTimeout(250);
          if (!hasPreview()) await palette(page, 'Article: Open Preview to the Side');
          opened = true;
        }
        const frame = await previewFrame(page, relative);
        await until(async () => (await frameText(frame)).includes('End of hostile case.') || undefined, UI_TIMEOUT_MS, `${entry.file} in the preview`);
        const url = frame.url();
        // Click every neutralized link (its unsafe href removed) and hover: handlers and URLs get their
        // chance. Safe links are left alone: they open editors or the external-link dialog.
        for (const link of await frame.locator('#article-preview-root a:not([href])').all()) await link.click({ timeout: 2000 }).catch(() => undefined);
        await frame.locator('#article-preview-root div, #article-preview-root p, #article-preview-root span').first().hover({ timeout: 2000 }).catch(() => undefined);
        await page.waitForTimeout(800);
        const targets: Array<[string, Frame | null]> = [['preview frame', frame], ['webview host frame', frame.parentFrame()], ['workbench page', page.mainFrame()]];
        for (const [where, target] of targets) {
          if (!target) continue;
          const value = await target.evaluate((name) => (window as Record<string, unknown>)[name], manifest.canary);
          assert.equal(value, undefined, `${entry.file}: a script ran in the ${where}: ${manifest.canary} = ${String(value)}`);
        }
        const dom = await articleDom(frame);
        assert.equal(dom.scriptsInRoot, 0, `${entry.file}: a script element`);
        assert.deepEqual(dom.forbidden, [], `${entry.file}: forbidden elements`);
        assert.deepEqual(dom.handlers, [], `${entry.file}: event handlers`);
        assert.deepEqual(dom.styles, [], `${entry.file}: style attributes`);
        assert.deepEqual(dom.scriptUrls, [], `${entry.file}: script URLs`);
        assert.equal(dom.frames, 0, `${entry.file}: a frame inside the preview`);
        assert.ok(dom.ourScriptRan, 'positive control: the preview script did run');
        assert.equal(frame.url(), url, `${entry.file}: the preview frame navigated`);
      }
    },
  },
];
