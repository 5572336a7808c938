import * as assert from 'node:assert/strict';
import { analyzeArticle, applyEdits, parseArticle } from '../../../src/core';
import { boldKeyword, faqSectionEdit, markdownImage, newArticleText, slugFromTitle } from '../../../src/core/editor/authoring';
import { insertFaqQuestion } from '../../../src/core/fixes/faqSkeleton';
import { safeFixEdits } from '../../../src/core/fixes/safeFixes';

describe('authoring text (src/core/edit/authoring.ts)', () => {
  it('makes kebab-case ASCII slugs from titles', () => {
    assert.equal(slugFromTitle('Sourdough at Altitude: Why Your Loaf Collapses Above 2,000 m'), 'sourdough-at-altitude-why-your-loaf-collapses-above-2000-m');
    assert.equal(slugFromTitle('Winter Tyres & Snow Chains: A Buyer’s Guide'), 'winter-tyres-and-snow-chains-a-buyers-guide');
    assert.equal(slugFromTitle("Mara Ilić's Straße Café"), 'mara-ilics-strasse-cafe');
    assert.equal(slugFromTitle('  ***  '), '');
    assert.ok(slugFromTitle('x'.repeat(200)).length <= 80);
  });

  it('a new article has the article format and only the findings an empty draft should have', async () => {
    const text = newArticleText({ title: 'Baking Bread in the Mountains, Step by Step', slug: 'baking-bread-in-the-mountains', date: '2026-03-03' });
    assert.ok(text.startsWith('---\ntitle: "Baking Bread in the Mountains, Step by Step"\ndescription: ""\nslug: "baking-bread-in-the-mountains"\n'));
    const { findings } = await analyzeArticle(text);
    const rules = new Set(findings.map((f) => f.ruleId));
    // What the author still has to write: a description. The skeleton is otherwise well-formed.
    assert.ok(rules.has('description-length') || rules.has('frontmatter-schema'), [...rules].join());
    for (const rule of ['frontmatter-syntax', 'slug-format', 'faq-missing', 'faq-too-few', 'faq-answer-missing', 'faq-question-format', 'heading-multiple-h1', 'reading-time-mismatch']) {
      assert.ok(!rules.has(rule), `${rule} on a new article`);
    }
  });

  it('appends the faq-missing skeleton after one blank line, in the text\'s line breaks, and it satisfies the FAQ rules', async () => {
    const frontmatter = '---\ntitle: x\n---\n';
    for (const [body, separator] of [
      ['# T\n\nText.\n', '\n'],
      ['# T\n\nText.', '\n\n'],
      ['# T\n\nText.\n\n', ''],
    ] as const) {
      const text = frontmatter + body;
      const edit = faqSectionEdit(parseArticle(text))!;
      assert.equal(edit.start, text.length);
      assert.ok(edit.newText.startsWith(`${separator}## Frequently Asked Questions (FAQs)\n\n### Q1. `), JSON.stringify(edit.newText));
      const { findings } = await analyzeArticle(applyEdits(text, [edit]), { isArticle: true });
      assert.deepEqual(findings.filter((f) => f.ruleId.startsWith('faq-')), []);
    }
    const crlf = faqSectionEdit(parseArticle('---\r\ntitle: x\r\n---\r\n# T\r\n\r\nText.\r\n'))!;
    assert.ok(!/[^\r]\n/.test(crlf.newText), 'CRLF only');
    // An article that ends in an unclosed code fence gets the fence closed first.
    const fenced = `${frontmatter}# T\n\n\`\`\`js\nlet x;\n`;
    const { findings } = await analyzeArticle(applyEdits(fenced, [faqSectionEdit(parseArticle(fenced))!]), { isArticle: true });
    assert.deepEqual(findings.filter((f) => f.ruleId === 'faq-missing'), []);
    assert.equal(faqSectionEdit(parseArticle(`${frontmatter}## FAQ\n\n### Q1. Why?\nBecause.\n`)), undefined);
  });

  it('inserts the next FAQ question where asked', () => {
    const text = '## FAQ\n\n### Q1. One?\nYes.\n';
    const edit = insertFaqQuestion(text, text.length, 3, 2);
    assert.equal(applyEdits(text, [edit]), '## FAQ\n\n### Q1. One?\nYes.\n\n### Q2. Another question?\nAnswer it here.\n');
  });

  it('escapes what would end an image alt or destination, and bolds keywords', () => {
    assert.equal(markdownImage('A [big] jar', '/jar.png'), '![A \\[big\\] jar](/jar.png)');
    assert.equal(markdownImage('Jar', '/my jar (1).png'), '![Jar](</my jar (1).png>)');
    assert.equal(boldKeyword('oven spring'), '**oven spring**');
  });
});

describe('safeFixEdits (src/core/fixes/safeFixes.ts)', () => {
  it('takes the safe fixes in text order and leaves overlapping ones for another pass', async () => {
    const text = '---\ntitle: "Sourdough at Altitude, a Mountain Guide"\nslug: "Bad Slug"\nreadingTime: "9 minutes"\n---\n\nA few words.\n';
    const { findings } = await analyzeArticle(text, { isArticle: true });
    const edits = safeFixEdits(findings);
    // The slug's fix moves the page: never among the safe ones.
    assert.equal(edits.length, 1);
    const fixed = applyEdits(text, edits);
    assert.ok(fixed.includes('slug: "Bad Slug"\n') && fixed.includes('readingTime: "1 minute"\n'), fixed);
    const overlapping = [
      { ...findings[0], fix: { title: 'a', safe: true, edits: [{ start: 5, end: 9, newText: 'x' }] } },
      { ...findings[0], fix: { title: 'b', safe: true, edits: [{ start: 7, end: 12, newText: 'y' }] } },
      { ...findings[0], fix: { title: 'c', safe: false, edits: [{ start: 20, end: 21, newText: 'z' }] } },
    ];
    assert.deepEqual(safeFixEdits(overlapping), [{ start: 5, end: 9, newText: 'x' }]);
  });
});
