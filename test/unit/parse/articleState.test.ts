/**
 * What a document's state lets parseArticle reuse (the body's tokens while only the frontmatter
 * changes, body segments, word counts, keyword text): findings must be exactly those of an analysis
 * from scratch, wherever the body now starts, whatever order documents are edited in. Without a
 * state nothing is reused.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderArticle } from '../../../src/core/render/article';
import { allRules, analyzeArticle, ArticleState, defaultConfig, parseArticle } from '../../../src/core';
import { type AnalysisResult } from '../../../src/core/analyze/analyze';
import { parseWork } from '../../../src/core/parse/parseWork';
import { type Token } from '../../../src/core/parse/token';

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
  it('shares the tokens of an unchanged body within one document state', () => {
    const state = new ArticleState();
    const first = parseArticle(FRONTMATTERS[0] + BODY, state);
    const second = parseArticle(FRONTMATTERS[1] + BODY, state);
    assert.equal(second.tokens, first.tokens);
    assert.equal(second.bodyCache, first.bodyCache);
    assert.notEqual(parseArticle(FRONTMATTERS[1] + BODY + 'more\n', state).tokens, first.tokens);
    // Another document's state shares nothing.
    assert.notEqual(parseArticle(FRONTMATTERS[1] + BODY, new ArticleState()).tokens, first.tokens);
  });

  it('without a state, parsing the same text twice reuses nothing', () => {
    const text = FRONTMATTERS[0] + BODY.repeat(40);
    const body = text.slice(FRONTMATTERS[0].length);
    const before = { ...parseWork };
    const first = parseArticle(text);
    const second = parseArticle(text);
    assert.equal(parseWork.bodyCharacters - before.bodyCharacters, 2 * body.length);
    assert.equal(parseWork.frontmatterBlocks - before.frontmatterBlocks, 2);
    assert.notEqual(second.tokens, first.tokens);
    assert.notEqual(second.frontmatter, first.frontmatter);
    // And with a state, the second parse of the same text parses nothing.
    const state = new ArticleState();
    parseArticle(text, state);
    const afterFirst = { ...parseWork };
    parseArticle(text, state);
    assert.equal(parseWork.bodyCharacters, afterFirst.bodyCharacters);
    assert.equal(parseWork.frontmatterBlocks, afterFirst.frontmatterBlocks);
  });

  it('gives the findings of an analysis from scratch', async () => {
    const config = defaultConfig(allRules);
    const state = new ArticleState();
    for (const frontmatter of [...FRONTMATTERS, ...FRONTMATTERS.slice().reverse()]) {
      const text = frontmatter + BODY;
      const reused = await analyzeArticle(text, { config, isArticle: true, state });
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
    const config = defaultConfig(allRules);
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.constantFrom(...ALPHABET) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        // As in the editor: each version analyzed in turn, with what the previous ones left in the document's state.
        const state = new ArticleState();
        let text = ARTICLE;
        await analyzeArticle(text, { config, isArticle: true, state });
        const versions: { text: string; cached: AnalysisResult }[] = [];
        for (const { at, remove, insert } of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
          versions.push({ text, cached: await analyzeArticle(text, { config, isArticle: true, state }) });
        }
        // Then each version again from scratch.
        for (const { text: version, cached } of versions) {
          const fresh = await analyzeArticle(version, { config, isArticle: true });
          assert.deepEqual(cached.stats, fresh.stats);
          assert.deepEqual(cached.findings, fresh.findings);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Freezes every token (and its children, attributes and map) so that any write to it throws. */
function deepFreeze(tokens: readonly Token[]): void {
  for (const token of tokens) {
    if (Object.isFrozen(token)) continue;
    if (token.children) deepFreeze(token.children);
    for (const attr of token.attrs ?? []) Object.freeze(attr);
    if (token.attrs) Object.freeze(token.attrs);
    if (token.map) Object.freeze(token.map);
    if (token.children) Object.freeze(token.children);
    Object.freeze(token);
  }
}

describe('two documents edited in turn, each with its own state', () => {
  const articleOf = (title: string, paragraphs: string[]) =>
    [
      '---',
      `title: "${title}"`,
      'keywords: [winter tyres, snow chains, tread depth, grip, oven spring]',
      'readingTime: 1',
      '---',
      '# Heading',
      '',
      ...paragraphs.flatMap((paragraph, index) => [index % 5 === 0 ? `## Part ${index}` : paragraph, '']),
    ].join('\n');
  const PARAGRAPHS = Array.from({ length: 40 }, (_, index) =>
    ['Winter tyres grip in snow ![](/a.png).', 'Snow chains <img src="/b.png"> help.', '> Tread depth ![x](/c.png)', '- oven spring\n- grip'][index % 4] + ` ${index}`,
  );
  const ALPHABET = ['a', ' ', '-', '\n', '\n\n', 'tyres', 'grip', 'snow chains', '#', '![](/z.png)', '```', '---', 'title: x\n'];

  it('every analysis equals an analysis from scratch, with frozen tokens (property)', async () => {
    const config = defaultConfig(allRules);
    const edit = fc.record({ document: fc.nat({ max: 1 }), at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.constantFrom(...ALPHABET) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
        const documents = [
          { text: articleOf('Winter Tyres: How to Choose Them for Snow', PARAGRAPHS), state: new ArticleState() },
          { text: articleOf('Sourdough at Altitude and Why Loaves Collapse', PARAGRAPHS.slice().reverse()), state: new ArticleState() },
        ];
        for (const document of documents) deepFreeze((await analyzeArticle(document.text, { config, isArticle: true, state: document.state })).article.tokens);
        for (const { document: which, at, remove, insert } of edits) {
          const document = documents[which];
          const position = at % (document.text.length + 1);
          document.text = document.text.slice(0, position) + insert + document.text.slice(position + remove);
          const incremental = await analyzeArticle(document.text, { config, isArticle: true, state: document.state });
          deepFreeze(incremental.article.tokens);
          // The preview renders the same shared tokens: it must not write to them either.
          renderArticle(incremental.article, { resolveImage: () => ({}) });
          const fresh = await analyzeArticle(document.text, { config, isArticle: true });
          assert.deepEqual(incremental.stats, fresh.stats);
          assert.deepEqual(incremental.findings, fresh.findings);
        }
      }),
      { numRuns: 120 },
    );
  });
});
