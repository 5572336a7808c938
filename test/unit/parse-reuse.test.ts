/**
 * The body's tokens are reused while only the frontmatter changes (parseArticle): findings must be
 * exactly those of an analysis from scratch, wherever the body now starts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle, clearTextCaches, defaultConfig, parseArticle, type AnalysisResult } from '../../src/core';

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

describe('reused work (body segments, word counts, keyword text) across edits', () => {
  // Long enough for the body to be parsed by segments (bodyParse.ts), with images whose findings
  // carry exact positions in segments that an edit above them moves.
  const SECTION = [
    'Winter tyres keep their grip in snow. Check the tread depth ![](/a.png) before you go.',
    '',
    '- snow chains help <img src="/b.png">',
    '- tyre pressure drops in the cold',
    '',
    '> A quote with ![](/c.png) in it',
    '',
    '<p>HTML block with grip</p>',
    '',
  ];
  const ARTICLE = [
    '---',
    'title: "Winter Tyres: How to Choose Them for Snow"',
    'keywords: [winter tyres, snow chains, tread depth, Tyre-Pressure, grip]',
    '---',
    '# Winter tyres',
    '',
    ...Array.from({ length: 12 }, (_, index) => [`## Part ${index}`, '', ...SECTION]).flat(),
  ].join('\n');
  const ALPHABET = ['a', 'e', 's', ' ', '-', '\n', '\n\n', 'tyres', 'grip', 'Snow', '*', '#', '<b>', '`'];

  it('give the stats and findings (with their positions) of an analysis from scratch after every edit', async () => {
    const config = defaultConfig();
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.constantFrom(...ALPHABET) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        // As in the editor: each version analyzed in turn, with what the previous ones left cached.
        clearTextCaches();
        let text = ARTICLE;
        await analyzeArticle(text, { config, isArticle: true });
        const versions: { text: string; cached: AnalysisResult }[] = [];
        for (const { at, remove, insert } of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
          versions.push({ text, cached: await analyzeArticle(text, { config, isArticle: true }) });
        }
        // Then each version again from scratch.
        for (const { text: version, cached } of versions) {
          clearTextCaches();
          const fresh = await analyzeArticle(version, { config, isArticle: true });
          assert.deepEqual(cached.stats, fresh.stats);
          assert.deepEqual(cached.findings, fresh.findings);
        }
      }),
      { numRuns: 150 },
    );
  });
});
