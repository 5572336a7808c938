/**
 * The sentence scan (text/sentences.ts) must find exactly the sentence starts ICU's segmenter finds,
 * on every text it accepts: generated text mixes words, numbers, abbreviations, terminators, quotes,
 * brackets, dashes, spaces and line breaks, and characters the scan leaves to ICU.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { clearSyllableMemo, readabilityOf } from '../../../src/core/facts/readability';
import { parseArticle } from '../../../src/core/parse/parse';
import { forEachScannedWord, icuSentenceStarts, scanSentenceStarts } from '../../../src/core/text/sentences';

const sentenceStarts = (text: string) => scanSentenceStarts(text) ?? icuSentenceStarts(text);
import { runsPerProperty } from '../helpers/fuzzConfig';

const PIECES = [
  'the', 'a', 'word', 'Smith', 'U', 'S', 'e', 'g', 'i', 'A', 'Dr', 'etc', 'café', 'Éclair', 'ß', 'ª', 'µ', 'º', 'Øre', 'ÿ', 'x', 'Z',
  '3', '42', '2026', '0.5', '½', '²', '¹',
  '.', '.', '.', '!', '?', '...', '?!', '.)', '."', ".'", '.”', '.’', '!)', '?]', '.}', '»', '«', '(', ')', '[', ']', '"', "'", '‘', '’', '“', '”',
  ',', ';', ':', '-', '–', '—', '…', '&', '#', '/', '*', '_', '`', '@', '%', '+', '=', '<', '>', '|', '~', '^', '\\', '$', '§', '°', '·', '¿', '¡', '×', '÷', '©', '´', '¨', '¸',
  ' ', ' ', ' ', ' ', '  ', '\t', '\u00a0', '\n', '\r\n', '\r', '\n\n',
  // Outside the scan: ICU decides.
  '\u00ad', '\u0085', '\u2028', '\u2029', '\u200b', '\u0301', '。', '日本', 'Ω', '\u000b', '\u000c', '\u0000', '\u2024', '‼', '🍞',
];
const piece = fc.constantFrom(...PIECES);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
/** Text the scan always accepts, so most runs compare something. */
const scannable = fc.array(fc.constantFrom(...PIECES.filter((part) => scanSentenceStarts(part) !== undefined)), { maxLength: 40 }).map((parts) => parts.join(''));

function assertSameAsIcu(source: string): boolean {
  const scanned = scanSentenceStarts(source);
  if (scanned === undefined) return false;
  assert.deepStrictEqual(scanned, icuSentenceStarts(source), JSON.stringify(source));
  return true;
}

describe('sentence starts by the scan, as ICU finds them (text/sentences.ts)', () => {
  it('equal ICU on every generated text the scan accepts (property)', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.oneof(text, scannable), (source) => {
        total++;
        if (assertSameAsIcu(source)) accepted++;
      }),
      { numRuns: Math.max(3000, runsPerProperty() * 10) },
    );
    assert.ok(accepted > total * 0.5 && accepted < total, `the scan read ${accepted} of ${total}`);
  });

  it('words of scanned text: exactly what the word pattern finds, within any range (property)', () => {
    const WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu;
    fc.assert(
      fc.property(scannable, fc.nat(), fc.nat(), (source, a, b) => {
        const from = source.length === 0 ? 0 : a % (source.length + 1);
        const to = from + (source.length === 0 ? 0 : b % (source.length - from + 1));
        const scanned: string[] = [];
        forEachScannedWord(source, from, to, (start, end) => scanned.push(source.slice(start, end)));
        assert.deepStrictEqual(scanned, [...source.slice(from, to).matchAll(WORD)].map((match) => match[0]), JSON.stringify([source, from, to]));
      }),
      { numRuns: Math.max(2000, runsPerProperty() * 5) },
    );
    const words: string[] = [];
    const example = "It's the cafés' owner’s ’tis don't";
    forEachScannedWord(example, 0, example.length, (start, end) => words.push(example.slice(start, end)));
    assert.deepEqual(words, ["It's", 'the', 'cafés', 'owner’s', 'tis', "don't"]);
  });

  it('reading ease counts the same words and syllables whatever the case of Latin-1 letters (lower-cased on the fly) (property)', () => {
    const word = fc.constantFrom('hydration', 'Lamination', 'ÉCLAIR', 'café', 'Ñandú', 'ÀLA', 'façade', 'Øre', 'ß', 'naïve', 'MÜNCHEN', 'it’s', "DON'T", 'µm', 'x');
    const paragraph = fc
      .array(fc.tuple(word, fc.constantFrom(' ', ', ', '. ', '! ', '\n')), { minLength: 1, maxLength: 30 })
      .map((parts) => parts.flat().join('').trim());
    const counts = (text: string) => {
      const result = readabilityOf(parseArticle(`---\ntitle: t\n---\n${text}\n`));
      return result && { words: result.words, syllables: result.syllables };
    };
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 3 }), (paragraphs) => {
        const body = paragraphs.join('\n\n');
        clearSyllableMemo();
        const asWritten = counts(body);
        // Lower case: first with the words already in the memo (found as written), then from an empty memo.
        assert.deepStrictEqual(counts(body.toLowerCase()), asWritten, body);
        clearSyllableMemo();
        assert.deepStrictEqual(counts(body.toLowerCase()), asWritten, body);
      }),
      { numRuns: Math.max(300, runsPerProperty()) },
    );
  });

  it('equal ICU on every single character of Latin-1 and the typographic marks it knows, in context', () => {
    const contexts = ['Go{c}. Then', 'Go.{c} Then', 'Go. {c}then', 'Go.{c}then', 'U{c}.S. now', 'It is 3{c}.5 m. Next', 'Why?{c} no', 'End.{c}\nNext'];
    for (let code = 0; code < 0x100; code++) {
      for (const context of contexts) assertSameAsIcu(context.replace('{c}', String.fromCharCode(code)));
    }
    for (const char of '‘’“”–—…') {
      for (const context of contexts) assertSameAsIcu(context.replace('{c}', char));
    }
  });

  it('splits prose as a reader expects and leaves other scripts to ICU', () => {
    const prose = 'Dr. Smith arrived at 3.5 p.m. in the U.S. capital. "Really?" she asked (twice). Yes! e.g. this one.';
    assert.deepEqual(scanSentenceStarts(prose), icuSentenceStarts(prose));
    assert.deepEqual(
      sentenceStarts(prose).map((start, index, starts) => prose.slice(start, starts[index + 1])),
      ['Dr. ', 'Smith arrived at 3.5 p.m. in the U.S. capital. ', '"Really?" ', 'she asked (twice). ', 'Yes! ', 'e.g. this one.'],
    );
    assert.equal(scanSentenceStarts('日本語です。次の文。'), undefined);
    assert.deepEqual(sentenceStarts('日本語です。次の文。'), [0, 6]);
    assert.deepEqual(sentenceStarts(''), []);
  });
});
