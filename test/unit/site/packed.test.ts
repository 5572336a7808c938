/**
 * The site model keeps each article packed (site/packed.ts): unpacking must give back exactly the
 * entry that was packed, whatever its texts, ranges and links, and the numbers' encoding must keep
 * every value it can hold, at both ends of its range.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { SiteArticle, SiteRange } from '../../../src/core/site/entry';
import { decodeNumbers, encodeNumbers, pack, SharedValues, unpack } from '../../../src/core/site/packed';
import { ShardedMap } from '../../../src/core/site/shardedMap';
import { runsPerProperty } from '../helpers/fuzzConfig';

const offset = fc.oneof(fc.nat({ max: 200 }), fc.nat({ max: 2 ** 30 - 2 }), fc.constantFrom(126, 127, 128, 16382, 16383, 16384, 2 ** 30 - 2));
const range: fc.Arbitrary<SiteRange> = fc.record({ start: offset, end: offset, line: offset, column: offset, endLine: offset, endColumn: offset });
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', 'Sourdough at Altitude', '日本語', '\u0000', '\ud800'));
const entry: fc.Arbitrary<SiteArticle> = fc.record(
  {
    path: fc.constant('/site/posts/a.md'),
    root: fc.constant('/site'),
    profile: fc.constantFrom('astro', 'hugo', 'generic'),
    relativePath: fc.constant('posts/a.md'),
    url: text,
    routeKey: text,
    aliases: fc.array(fc.constantFrom('/old', '/2019/trip', '/a b'), { minLength: 1, maxLength: 3 }),
    language: text,
    group: fc.constantFrom('posts', ''),
    firstLine: range,
    urlRange: range,
    title: text,
    titleRange: range,
    description: text,
    descriptionRange: range,
    anchors: fc.array(fc.record({ id: text, text, level: fc.integer({ min: 1, max: 6 }), range }), { maxLength: 4 }),
    links: fc.array(
      fc.record({ kind: fc.constantFrom('markdown', 'html', 'ref', 'relref', 'post_url', 'link'), target: text, range, targetRange: range }, { requiredKeys: ['kind', 'target', 'range'] }),
      { maxLength: 4 },
    ),
    listPage: fc.constant(true),
    siteUrl: fc.constantFrom('https://example.com', 'https://example.com/blog'),
    publicDirs: fc.constantFrom(['/site/public'], [], ['/site/static', '/site/assets']),
    impliedRoutes: fc.array(text, { minLength: 1, maxLength: 3 }),
    inNavigation: fc.constant(true),
    importsContent: fc.constant(true),
    refDirs: fc.constantFrom(['/site/content'], ['/site/content.fr', '/site/content']),
    routes: fc.constantFrom(['/', '/page/*'], ['/index.xml']),
    sourcesElsewhere: fc.constantFrom(['pages/showcase.html'], ['src/feed.njk', 'src/api/data.11ty.js']),
    linkRenderHook: fc.constant(true),
    caseInsensitiveRoutes: fc.constant(true),
  },
  { requiredKeys: ['path', 'root', 'profile', 'relativePath', 'group', 'firstLine', 'urlRange', 'anchors', 'links', 'publicDirs'] },
);

/** The entry without its absent (undefined) properties: unpack writes every optional key, set or not. */
function defined(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('packed site entries (site/packed.ts)', () => {
  it('unpack gives back exactly the entry packed (property)', () => {
    const shared = new SharedValues();
    fc.assert(
      fc.property(entry, (article) => {
        assert.deepStrictEqual(defined(unpack(pack(article, shared))), defined(article));
        assert.deepStrictEqual(defined(unpack(pack(article))), defined(article));
      }),
      { numRuns: Math.max(500, runsPerProperty() * 2) },
    );
  });

  it('numbers keep their values from -1 to 2^30 - 2, in one Latin-1 character below 127', () => {
    const numbers = [-1, 0, 1, 126, 127, 128, 16382, 16383, 0x7fff, 0x8000, 65535, 1_000_000, 2 ** 30 - 2];
    const encoded = encodeNumbers(numbers);
    assert.deepEqual(decodeNumbers(encoded), numbers);
    assert.ok(/^[\x00-\xff]*$/.test(encoded));
    assert.equal(encodeNumbers([-1, 0, 126]).length, 3);
    assert.equal(encodeNumbers([127]).length, 2);
    assert.equal(encodeNumbers([16383]).length, 3);
    assert.equal(encodeNumbers([2 ** 30 - 2]).length, 5);
    // Out of range: clamped, never a crash.
    assert.deepEqual(decodeNumbers(encodeNumbers([2 ** 30 + 5, -7, Number.NaN, 1.5])), [2 ** 30 - 2, -1, 0, 1]);
    const many = Array.from({ length: 100_000 }, (_, index) => index * 7);
    assert.deepEqual(decodeNumbers(encodeNumbers(many)), many);
  });

  it('articles of one site share one copy of its root, profile and public folders', () => {
    const shared = new SharedValues();
    const base = { path: '/site/a.md', root: '/site', profile: 'hugo', relativePath: 'a.md', group: '', firstLine: { start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 }, anchors: [], links: [] };
    const first = pack({ ...base, urlRange: base.firstLine, publicDirs: ['/site/static'] }, shared);
    const second = pack({ ...base, path: '/site/b.md', root: ['/si', 'te'].join(''), urlRange: base.firstLine, publicDirs: ['/site/static'] }, shared);
    assert.equal(first.publicDirs, second.publicDirs);
    assert.equal(first.root, second.root);
  });
});

describe('sharded maps (site/shardedMap.ts)', () => {
  it('answer as one Map does, whatever the sets and deletes (property)', () => {
    const key = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('/site/posts/a.md', '/site/posts/b.md', 's0|/a/', ''));
    const operation = fc.tuple(fc.constantFrom('set', 'delete'), key, fc.nat());
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const sharded = new ShardedMap<number>();
        const plain = new Map<string, number>();
        for (const [kind, name, value] of operations) {
          if (kind === 'set') {
            sharded.set(name, value);
            plain.set(name, value);
          } else assert.equal(sharded.delete(name), plain.delete(name));
          assert.equal(sharded.size, plain.size);
          assert.equal(sharded.get(name), plain.get(name));
          assert.equal(sharded.has(name), plain.has(name));
        }
        assert.deepEqual([...sharded.keys()].sort(), [...plain.keys()].sort());
        assert.deepEqual([...sharded.values()].sort(), [...plain.values()].sort());
      }),
      { numRuns: Math.max(300, runsPerProperty()) },
    );
  });
});
