/**
 * The frontmatter values read without a YAML document (parse/yamlFast.ts) must be exactly what the
 * `yaml` package reads (YAML 1.2, core schema), and the fast path may accept only blocks in which
 * `yaml` finds no error: generated blocks mix the subset with everything just outside it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, parseDocument } from 'yaml';
import { analyzeArticle, parseArticle } from '../../../src/core';
import { fastYamlMapping } from '../../../src/core/parse/yamlFast';
import { REPO } from '../helpers/engine';
import { runsPerProperty } from '../helpers/fuzzConfig';

function viaDocument(source: string): { data?: unknown; errors: number } {
  const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  if (doc.errors.length > 0) return { errors: doc.errors.length };
  if (doc.contents !== null && !isMap(doc.contents)) return { errors: 1 };
  return { data: doc.toJS() ?? {}, errors: 0 };
}

function assertSameAsDocument(source: string): boolean {
  const fast = fastYamlMapping(source);
  if (fast === undefined) return false;
  const reference = viaDocument(source);
  assert.equal(reference.errors, 0, `the fast path read a block yaml rejects: ${JSON.stringify(source)}`);
  assert.deepStrictEqual(fast, reference.data, JSON.stringify(source));
  return true;
}

const SCALARS = [
  'word', 'two words', 'Sourdough at Altitude', 'https://example.com/a?b=c#d', 'a#b', 'a #b', 'a: b', 'a:b', 'a:', ':a', '-a', '- a', '?a', '? a',
  '[a', 'a]', '{a}', 'a, b', 'a [b]', '@a', '`a', '%a', '&a', '*a', '!a', '|', '>', '|-', "it's", 'say "hi"', '"quoted"', "'single'",
  '"with \\" escape"', '"tab\\tnew\\nline"', '"\\u00e9t\\u00e9"', '"bad \\q escape"', "'it''s'", "'open", '"open', '"a" b', "'a' # c", '"a" # c',
  '1', '-0', '+12', '007', '0o17', '0o8', '0x1F', '0xG', '1.5', '.5', '1.', '-.5', '1e3', '1.5E-2', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'NaN', 'inf',
  '12345678901234567890', '2026-03-03', '2026-03-03T10:00:00Z', '2026-03-03 08:30:00 +0100', 'Nov 22 2025',
  'null', 'Null', 'NULL', '~', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', 'off', 'y',
  'Mara Ilić', '日本語', 'emoji 🍞', '', ' ', 'trailing  ', 'a  # comment', '__proto__', 'constructor',
];
const KEYS = ['title', 'description', 'slug', 'tags', 'keywords', 'pubDate', 'draft', 'weight', 'a', 'A_b', 'hero-image', '_x', 'x1', '__proto__', 'constructor', 'toString'];

const scalar = fc.constantFrom(...SCALARS);
const flowItem = fc.constantFrom(...SCALARS.filter((value) => value !== ''));
const flowList = fc.array(flowItem, { maxLength: 4 }).chain((items) =>
  fc.constantFrom(`[${items.join(', ')}]`, `[${items.join(',')}]`, `[ ${items.join(' , ')} ]`, `[${items.join(', ')}, ]`, `[${items.join(', ')}] # c`),
);
const blockList = fc.tuple(fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '  ', ' ')).map(([items, indent]) => items.map((item) => `\n${indent}- ${item}`.replace(/ $/, '')).join(''));
const entry = fc.tuple(fc.constantFrom(...KEYS), fc.oneof(scalar, flowList, blockList, fc.constant(''))).map(([key, value]) =>
  value.startsWith('\n') ? `${key}:${value}` : `${key}: ${value}`,
);
const noise = fc.constantFrom('', '# a comment', '  # indented comment', '  continued', '\tkey: tab', 'nested:\n  child: 1', '---', '...', '? complex', 'key : spaced', '- stray', '%YAML 1.2', 'k: &a x', 'k2: *a', 'k3: !!str 1', 'k4: |\n  block', 'k5: >-\n  folded');
const block = fc.array(fc.oneof({ weight: 5, arbitrary: entry }, { weight: 1, arbitrary: noise }), { maxLength: 10 }).chain((lines) =>
  fc.constantFrom(lines.join('\n'), lines.join('\r\n'), `${lines.join('\n')}\n`),
);

describe('frontmatter values without a YAML document (yamlFast)', () => {
  it('equal what yaml reads, wherever the fast path reads a block, and yaml finds no error there (property)', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(block, (source) => {
        total++;
        if (assertSameAsDocument(source)) accepted++;
      }),
      { numRuns: Math.max(2000, runsPerProperty() * 5) },
    );
    // The generator reaches both sides: blocks the fast path reads and blocks it leaves to yaml.
    assert.ok(accepted > total * 0.15 && accepted < total * 0.95, `fast path read ${accepted} of ${total}`);
  });

  it('reads the frontmatter of every example and fixture article as yaml does (or leaves it to yaml)', () => {
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const item of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, item.name);
        if (item.isDirectory()) walk(full);
        else if (/\.(md|mdx|markdown)$/.test(item.name)) files.push(full);
      }
    };
    for (const folder of ['examples', 'test/fixtures', 'test/integration/workspace']) walk(path.join(REPO, folder));
    let read = 0;
    for (const file of files) {
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(fs.readFileSync(file, 'utf8'));
      if (match && assertSameAsDocument(match[1])) read++;
    }
    assert.ok(read > 20, `${read} of ${files.length} read by the fast path`);
  });

  it('builds the YAML document only when something needs its ranges', async () => {
    const clean = '---\ntitle: "Winter Tyres: How to Choose Them for Snow and Ice"\nkeywords: [winter tyres]\n---\nWinter tyres.\n';
    const article = parseArticle(clean);
    const descriptor = Object.getOwnPropertyDescriptor(article.frontmatter!, 'doc');
    assert.equal(typeof descriptor?.get, 'function', 'a lazy document');
    // A finding on a key needs its range: the document is built then, and the range is the key's.
    const { findings } = await analyzeArticle('---\ntitle: x\nheroImgAlt: y\n---\nBody.\n', { isArticle: true });
    const unknown = findings.find((finding) => finding.ruleId === 'frontmatter-unknown-key');
    assert.deepEqual([unknown?.line, unknown?.column, unknown?.endColumn], [3, 1, 11]);
  });
});
