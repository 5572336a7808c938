/** Heading anchors (anchors.ts): githubSlug and the anchors of an article's headings. */
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../src/core/parse/parse';
import { githubSlug, headingAnchors } from '../../../src/core/site/anchors';

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
});
