import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import readingTime from 'reading-time';
import { ArticleState, countWords, parseArticle, readingStats } from '../../../src/core';
import { countWordsIncremental } from '../../../src/core/facts/reading';

// Characters that exercise every branch of reading-time's counting: bounds, punctuation, CJK, letters.
const pieces = ['a', 'word', ' ', '\n', '\n\n', '\r\n', '\t', '.', '!', '-', '#', '>', '中', '文', 'あ', '한', '。', '，', '\uff01', 'é', '1', '`', '* '];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((parts) => parts.join(''));

describe('reading time', () => {
  it('counts words exactly as the reading-time package (property)', () => {
    fc.assert(
      fc.property(text, (sample) => countWords(sample) === readingTime(sample).words),
      { numRuns: 2000 },
    );
  });

  it('block by block with the cache, the sum equals reading-time for the whole text (property)', () => {
    fc.assert(
      fc.property(text, (sample) => {
        const state = new ArticleState();
        const words = countWordsIncremental(sample, state);
        // Twice: the second run counts block by block, through the state's cache; a third from it.
        return (
          words === readingTime(sample).words &&
          countWordsIncremental(sample, state) === words &&
          countWordsIncremental(sample, state) === words &&
          words / 200 === readingTime(sample).minutes
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('also on arbitrary unicode text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (sample) => {
      const state = new ArticleState();
      countWordsIncremental(sample, state);
      return countWordsIncremental(sample, state) === readingTime(sample).words;
    }), { numRuns: 1000 });
  });

  it('readingStats uses reading-time minutes, rounded up, over the body only', () => {
    const body = `${'word '.repeat(401)}\n`;
    const stats = readingStats(parseArticle(`---\ntitle: ${'long '.repeat(500)}\n---\n${body}`));
    assert.equal(stats.words, 401);
    assert.equal(stats.minutes, Math.ceil(readingTime(body).minutes));
    assert.equal(stats.minutes, 3);
  });
});
