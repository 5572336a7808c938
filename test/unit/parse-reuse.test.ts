/**
 * The body's tokens are reused while only the frontmatter changes (parseArticle): findings must be
 * exactly those of an analysis from scratch, wherever the body now starts.
 */
import * as assert from 'node:assert/strict';
import { analyzeArticle, clearTextCaches, defaultConfig, parseArticle } from '../../src/core';

const BODY = [
  '# Winter tyres',
  '',
  'Text with an image without alt ![](/a.png) and <img src="/b.png"> inline.',
  '',
  '> quoted ![](/c.png)',
  '> - listed ![](/d.png)',
  '',
].join('\n');

const FRONTMATTERS = [
  '---\ntitle: "Winter Tyres: How to Choose Them for Snow"\n---\n',
  '---\nextra: 1\ntitle: "Winter Tyres: How to Choose Them for Snow"\n---\n',
  '---\n# a comment\n# and another, longer one\ntitle: "Winter Tyres: How to Choose Them for Snow"\n---\n',
  '---\r\ntitle: x\r\n---\r\n',
];

describe('parse: body tokens reused across frontmatter edits', () => {
  it('shares the tokens of an unchanged body', () => {
    const first = parseArticle(FRONTMATTERS[0] + BODY);
    const second = parseArticle(FRONTMATTERS[1] + BODY);
    assert.equal(second.tokens, first.tokens);
    assert.notEqual(parseArticle(FRONTMATTERS[1] + BODY + 'more\n').tokens, first.tokens);
  });

  it('gives the findings of an analysis from scratch', async () => {
    const config = defaultConfig();
    for (const frontmatter of [...FRONTMATTERS, ...FRONTMATTERS.slice().reverse()]) {
      const text = frontmatter + BODY;
      const reused = await analyzeArticle(text, { config, isArticle: true });
      clearTextCaches();
      const fresh = await analyzeArticle(text, { config, isArticle: true });
      assert.deepEqual(reused.findings, fresh.findings);
      assert.ok(fresh.findings.some((finding) => finding.ruleId === 'image-alt-missing'));
    }
  });
});
