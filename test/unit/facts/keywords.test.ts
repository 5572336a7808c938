/**
 * Keyword matching while an author types (src/core/facts/keywords.ts): phraseUsed carries what it found
 * from one version of the body to the next (a block that still contains the keyword; no need to look
 * again in blocks that did not). Whatever the edits, and with other articles analyzed in between, it
 * must answer as a fresh whole-word search of the body's joined text does.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ArticleState, parseArticle, type ParsedArticle } from '../../../src/core';
import { containsPhrase, keywordText, normalizeForMatching, phraseUsed } from '../../../src/core/facts/keywords';

const KEYWORDS = ['winter tyres', 'tyre', 'tyres', 'snow chains', 'tread depth', 'a', 'c++', 'x-ray', 'über größe', 'grip', 'bad\u0001break', 'missing keyword'];
const NORMALIZED = KEYWORDS.map(normalizeForMatching);

const FRAGMENTS = [
  'Winter tyres grip better on snow.',
  'winter-tyres and WINTER\ntyres',
  'tyres',
  'A tyre.',
  'snow chains',
  'Use `winter tyres` in code, not here.',
  'A [winter tyres](/tyres) link and ![snow chains](/chains.png).',
  '<div>tread depth in HTML</div>',
  '<!-- tread depth in a comment -->',
  'c++ and x-ray and Über Größe',
  '# Tread depth',
  '- grip item',
  '> quoted snow chains',
  '```\nwinter tyres in a fence\n```',
  '',
  '',
  '',
];

const bodyArbitrary = fc
  .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 10, maxLength: 50 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, lineBreak]) => {
    let body = lines.join(lineBreak);
    // Long enough for the body to be parsed by segments (bodyParse.ts), as in a real article.
    while (body.length < 2600) body += `${lineBreak}${lineBreak}Padding paragraph ${body.length}.`;
    return body + lineBreak;
  });

const editArbitrary = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 14 }),
  insert: fc.constantFrom('', 'x', ' ', 's', '-', '\n', '\n\n', '`', 'winter tyres', 'tyres', 'snow chains', '<div>', 'c++'),
  /** Ask about the keywords in another order, or analyze another article in between. */
  order: fc.nat(),
  other: fc.boolean(),
});

function assertMatchesFresh(article: ParsedArticle, order: number, what: string) {
  const text = keywordText(article);
  const rotated = NORMALIZED.map((_, index) => NORMALIZED[(index + order) % NORMALIZED.length]);
  for (const keyword of rotated) {
    assert.equal(phraseUsed(article, keyword), containsPhrase(text, keyword), `${what}: "${keyword}"`);
  }
}

describe('keyword matching across versions of a body', function () {
  it('answers as a fresh search of the joined text after every edit (property)', function () {
    let usedChanges = 0;
    fc.assert(
      fc.property(bodyArbitrary, bodyArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 15 }), (start, other, edits) => {
        // Each document with its own state, as the editor's document store keeps them.
        const state = new ArticleState();
        const otherState = new ArticleState();
        let body = start;
        let previous = parseArticle(`---\ntitle: t\n---\n${body}`, state);
        assertMatchesFresh(previous, 0, 'first version');
        for (const { at, remove, insert, order, other: analyzeOther } of edits) {
          const position = at % (body.length + 1);
          body = body.slice(0, position) + insert + body.slice(position + remove);
          if (analyzeOther) assertMatchesFresh(parseArticle(`---\ntitle: other\n---\n${other}`, otherState), order, 'another article');
          const article = parseArticle(`---\ntitle: t\n---\n${body}`, state);
          assertMatchesFresh(article, order, 'edited version');
          // An older version asked again, after a newer one: it no longer looks back.
          assertMatchesFresh(previous, order + 1, 'previous version asked again');
          for (const keyword of NORMALIZED) if (phraseUsed(article, keyword) !== phraseUsed(previous, keyword)) usedChanges++;
          previous = article;
        }
      }),
      { numRuns: 300 },
    );
    // The edits did make keywords appear and disappear, so the carried-over answers were put to the test.
    assert.ok(usedChanges > 50, `keyword use changed ${usedChanges} times`);
  });

  it('a keyword used in a block that the edit left alone is still used; one removed is not', function () {
    const blocks = Array.from({ length: 40 }, (_, index) => `Paragraph ${index} about ovens.`);
    blocks[5] = 'Winter tyres here.';
    blocks[30] = 'Snow chains here.';
    const state = new ArticleState();
    const version = (list: string[]) => parseArticle(`---\ntitle: t\n---\n${list.join('\n\n')}\n`, state);
    const first = version(blocks);
    assert.equal(phraseUsed(first, 'winter tyres'), true);
    assert.equal(phraseUsed(first, 'snow chains'), true);
    assert.equal(phraseUsed(first, 'tread depth'), false);
    const edited = [...blocks];
    edited[30] = 'Snow chins here.';
    edited[20] = 'Now tread depth too.';
    const second = version(edited);
    assert.equal(phraseUsed(second, 'winter tyres'), true);
    assert.equal(phraseUsed(second, 'snow chains'), false);
    assert.equal(phraseUsed(second, 'tread depth'), true);
  });
});
