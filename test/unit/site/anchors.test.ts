/** Heading anchors (anchors.ts): githubSlug and the anchors of an article's headings. */
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../src/core/parse/parse';
import { definitionTermAnchors, githubSlug, headingAnchors } from '../../../src/core/site/anchors';

describe('githubSlug and headingAnchors', () => {
  describe('heading anchors as GitHub makes them', () => {
    it('lowercases, drops punctuation, turns spaces into dashes, numbers repeats, honours {#id}', () => {
      assert.equal(githubSlug('Which Flour?'), 'which-flour');
      assert.equal(githubSlug('Q1. Why does dough rise faster at altitude?'), 'q1-why-does-dough-rise-faster-at-altitude');
      assert.equal(githubSlug('C++ & Rust: a_b  c'), 'c--rust-a_b--c');
      assert.equal(githubSlug('Crème brûlée'), 'crème-brûlée');
      const parsed = parseArticle('# Intro\n\n## Intro\n\n## Intro\n\n## Custom {#my-id}\n\n## `code` and *emphasis*\n');
      assert.deepEqual(headingAnchors(parsed).map((a) => a.id), ['intro', 'intro-1', 'intro-2', 'my-id', 'code-and-emphasis']);
    });
  });

  describe('definition-list terms (Hugo’s autoDefinitionTermID)', () => {
    it('gives each term before a `: definition` line an anchor, after the headings’ ids', () => {
      const text = [
        '## Options',
        '',
        '`publishDate`',
        ': The date the page is published.',
        '',
        'First term',
        'Second *term*',
        ': Both defined here.',
        '',
        'Options',
        '',
        ': A definition after a blank line defines the paragraph before it.',
        '',
        'Not a term, only a paragraph.',
        '',
        '```',
        'inCode',
        ': no term in code',
        '```',
        '',
        '## After a heading',
        '',
        ': nothing before it to define.',
      ].join('\n');
      const parsed = parseArticle(text);
      const headings = headingAnchors(parsed).map((anchor) => anchor.id);
      const terms = definitionTermAnchors(parsed, headings);
      assert.deepEqual(terms.map((anchor) => [anchor.id, anchor.text, anchor.line]), [
        ['publishdate', 'publishDate', 2],
        ['first-term', 'First term', 5],
        ['second-term', 'Second term', 6],
        ['options-1', 'Options', 9],
      ]);
      assert.equal(text.slice(terms[0].start, terms[0].end), '`publishDate`');
    });
  });
});
