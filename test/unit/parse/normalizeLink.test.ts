/**
 * The parse skips markdown-it's normalizeLink for destinations it returns unchanged
 * (parse/normalizeLink.ts): on every generated destination, the parser's normalizeLink must give
 * exactly what markdown-it's own gives, and the skip must be taken for the common shapes.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { markdownParser } from '../../../src/core/parse/markdown';
import { normalizesToItself } from '../../../src/core/parse/normalizeLink';
import { runsPerProperty } from '../helpers/fuzzConfig';

const published = new MarkdownIt();

const PIECES = [
  'http://', 'https://', 'HTTPS://', 'mailto:', 'ftp://', 'javascript:', 'data:', '//', '/', './', '../', 'C:', 'a:',
  'example', 'Example', 'com', 'xn--bcher-kva', 'bücher', '.', '..', '-', '_', '+', '@', ':', ':80', ':', '?', '#', '&', '=', ';', ',', '$', '!', '~', '*', "'", '(', ')',
  '%', '%20', '%2f', '%zz', '%4', ' ', '\t', '\\', '^', '`', '{', '}', '|', '<', '>', '"', '[', ']',
  'é', '日本', '🍞', '\u00a0', '\ud800', 'a'.repeat(63), 'b'.repeat(64), `${'c'.repeat(60)}.`,
];
const destination = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
/** Destinations of the shapes the skip is for, with a part from anywhere. */
const common = fc
  .tuple(fc.constantFrom('', 'http://', 'https://', '/', '../'), fc.array(fc.constantFrom(...PIECES.slice(9)), { maxLength: 8 }))
  .map(([start, parts]) => start + parts.join(''));

describe("the parser's normalizeLink (parse/normalizeLink.ts)", () => {
  const ours = markdownParser('md');

  it("equals markdown-it's on every generated destination (property)", () => {
    let skipped = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.oneof(destination, common, fc.string(), fc.webUrl()), (url) => {
        total++;
        if (normalizesToItself(url)) skipped++;
        assert.equal(ours.normalizeLink(url), published.normalizeLink(url), JSON.stringify(url));
      }),
      { numRuns: Math.max(5000, runsPerProperty() * 10) },
    );
    assert.ok(skipped > total * 0.1 && skipped < total, `skipped ${skipped} of ${total}`);
  });

  it("equals markdown-it's on destinations near the edges of the skip", () => {
    const edges = [
      'https://example.com:/x', 'https://example:/', 'https://a:b@example.com/', 'https://example.com:8080/a', 'http://[::1]/', 'https://EXAMPLE.com/',
      `https://${'a'.repeat(63)}.com/`, `https://${'a'.repeat(64)}.com/`, `https://${`${'a'.repeat(60)}.`.repeat(5)}com/`, 'https://a..b/', 'https://a.b./',
      'https://-a.b/', 'https://a_b.c/', 'https://a+b.c/', 'http:/x', 'http:x', 'x:y', '1.2:3', '/a%2', '/a%2g', '/%', '#%41', '?a=%zz', "/it's(1)", '//x', '///x',
    ];
    for (const url of edges) assert.equal(ours.normalizeLink(url), published.normalizeLink(url), url);
  });

  it('skips the usual destinations and not the others', () => {
    for (const url of ['../guide/index.md#setup', '/images/hero.webp', 'https://example.com/a/b?x=1&y=2#top', 'http://a-b.example.org', 'page%20two.md', ''])
      assert.ok(normalizesToItself(url), url);
    for (const url of ['https://bücher.example/', 'mailto:a@b.c', '//cdn.example/x', 'a b.md', 'https://example.com:8080/', 'HTTPS://Example.com', `https://${'a'.repeat(64)}.com/`, '%zz', 'C:\\x'])
      assert.ok(!normalizesToItself(url), url);
  });
});
