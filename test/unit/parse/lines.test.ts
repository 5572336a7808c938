/** LineIndex (lines.ts): where lines break, so findings and fixes land on their text. */
import * as assert from 'node:assert/strict';
import { analyzeArticle, applyEdits } from '../../../src/core';
import { asTyped } from '../helpers/engine';

describe('LineIndex: lone CR line breaks', () => {
  it('LineIndex breaks lines at a lone CR as markdown-it and VS Code do, so body findings and fixes land on their text', async () => {
    const text = '# Title\r\rSome text.\r\r<img src="/x.png">\r\r![](/y.png)\r';
    const { findings, article } = await analyzeArticle(text, { isArticle: true });
    assert.equal(article.lines.lineCount, 8);
    const alts = findings.filter((f) => f.ruleId === 'image-alt-missing');
    assert.deepEqual(alts.map((f) => [f.line, text.slice(f.start, f.end)]), [[5, '<img src="/x.png">'], [7, '![](/y.png)']]);
    for (const finding of alts) {
      // The fix leaves an empty alt with the cursor inside: what the author types there ends the finding.
      const fixed = applyEdits(text, asTyped(finding.fix!.edits));
      const again = await analyzeArticle(fixed, { isArticle: true });
      assert.equal(again.findings.filter((f) => f.ruleId === 'image-alt-missing').length, 1, fixed);
    }
  });
});
