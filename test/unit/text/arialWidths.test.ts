/**
 * How a page shows in search, measured: the Arial width table against widths computed by hand from
 * the font's advance widths (2048 units per em), the cut a search result makes, reading ease, the
 * focus keyword's places, and what makes an alt text useless.
 */
import * as assert from 'node:assert/strict';
import { parseArticle, readabilityOf } from '../../../src/core';
import { altProblem } from '../../../src/core/facts/altQuality';
import { keywordPlacement } from '../../../src/core/facts/keywordPlacement';
import { declaredLanguage, isEnglish } from '../../../src/core/facts/readability';
import { urlLastPart } from '../../../src/core/facts/searchFields';
import { advanceUnits, cutToWidth, DESKTOP_DESCRIPTION, DESKTOP_TITLE, MOBILE_TITLE, textWidth } from '../../../src/core/text/arialWidths';

describe('Arial widths', () => {
  it('pins the table to Arial Regular advance widths', () => {
    const units = (text: string) => [...text].map((character) => advanceUnits(character.codePointAt(0)!));
    assert.deepEqual(units(' iIlMWmw'), [569, 455, 569, 455, 1706, 1933, 1706, 1479]);
    assert.deepEqual(units('aeo0:.,-'), [1139, 1139, 1139, 1139, 569, 569, 569, 682]);
    // Accented letters as their base letter; typographic punctuation; € as a digit.
    assert.deepEqual(units('éćłß'), [1139, 1024, 455, 1251]);
    assert.deepEqual(units('–—…“”’€'), [1139, 2048, 2048, 682, 682, 455, 1139]);
  });

  it('measures strings as sums of advance widths times the font size', () => {
    // T 1251 + y 1024 + r 682 + e 1139 = 4096 units = 2 em: 40 px at 20 px.
    assert.equal(textWidth('Tyre', 20), 40);
    // H 1479 + e 1139 + l 455 + l 455 + o 1139 = 4667 units; × 20 / 2048.
    assert.equal(textWidth('Hello', 20), (4667 * 20) / 2048);
    // 60 W: 60 × 1933 × 20 / 2048 = 1132.6 px; 70 i: 70 × 455 × 20 / 2048 = 311.0 px.
    assert.equal(textWidth('W'.repeat(60), 20), (60 * 1933 * 20) / 2048);
    assert.equal(textWidth('i'.repeat(70), 20), (70 * 455 * 20) / 2048);
  });

  it('counts characters outside the table as wide as M', () => {
    assert.equal(advanceUnits('中'.codePointAt(0)!), 1706);
    assert.equal(advanceUnits('😀'.codePointAt(0)!), 1706);
    assert.equal(textWidth('中文', 14), (2 * 1706 * 14) / 2048);
  });

  it('cuts where a desktop result would: 60 W do not fit, 70 i do', () => {
    const wide = cutToWidth('W'.repeat(60), DESKTOP_TITLE);
    assert.equal(wide.truncated, true);
    assert.equal(wide.width, 1132.6);
    assert.ok(wide.text.endsWith('…'));
    assert.ok(textWidth(wide.text, 20) <= 600);
    // One word wider than the box is cut inside: as many W as fit with the ellipsis (2048 units).
    assert.equal(wide.text, `${'W'.repeat(Math.floor((600 * 2048) / 20 / 1933 - 2048 / 1933))}…`);
    const narrow = cutToWidth('i'.repeat(70), DESKTOP_TITLE);
    assert.deepEqual(narrow, { text: 'i'.repeat(70), truncated: false, width: 311, maxWidth: 600, cutAt: 70 });
  });

  it('cuts on a word boundary, drops trailing punctuation, and measures collapsed white space', () => {
    const title = 'WOODWORKING MALLETS: MAKING THEM WITH MAPLE, WALNUTS, OAK';
    const cut = cutToWidth(title, DESKTOP_TITLE);
    assert.equal(cut.truncated, true);
    assert.equal(cut.text, 'WOODWORKING MALLETS: MAKING THEM WITH MAPLE…');
    assert.equal(cut.cutAt, 'WOODWORKING MALLETS: MAKING THEM WITH MAPLE'.length);
    assert.equal(cutToWidth('Fill in forms, fix tiny lists: little file-listing tricks in six lines', DESKTOP_TITLE).truncated, false);
    assert.equal(cutToWidth('a\n  b', DESKTOP_TITLE).text, 'a b');
    // Mobile results show more of the title (two lines).
    assert.equal(cutToWidth(title, MOBILE_TITLE).truncated, false);
    assert.equal(DESKTOP_DESCRIPTION.fontPx, 14);
  });
});

describe('reading ease', () => {
  const article = (frontmatter: string, body: string) => parseArticle(`---\ntitle: x\n${frontmatter}---\n${body}`);

  it('is Flesch reading ease over paragraphs, with the longest sentences and their lines', () => {
    const result = readabilityOf(article('', '# A heading with considerable institutional terminology\n\nThe cat sat. The dog ran to the big red barn and back again.\n\n```\nunconsidered administrative methodologies\n```\n'))!;
    // 14 words (the heading and the code are not prose), 2 sentences, 15 syllables (all one but "again").
    assert.equal(result.words, 14);
    assert.equal(result.sentences, 2);
    assert.equal(result.syllables, 15);
    assert.equal(result.score, Math.round((206.835 - 1.015 * (14 / 2) - 84.6 * (15 / 14)) * 10) / 10);
    // 0-based lines of the article text: the paragraph is on line 5.
    assert.deepEqual(result.longest.map((sentence) => [sentence.line, sentence.words]), [[5, 11], [5, 3]]);
  });

  it('keeps "Dr. Smith" in one sentence and finds each sentence\'s line', () => {
    const result = readabilityOf(article('', 'Dr. Smith came home late.\nShe was tired and\nhungry. Then she slept.\n'))!;
    assert.equal(result.sentences, 3);
    assert.deepEqual(result.longest.map((sentence) => [sentence.line, sentence.words]), [[3, 5], [4, 5], [5, 3]]);
  });

  it('does not read URLs, image paths or code spans as prose', () => {
    const result = readabilityOf(article('', 'Go to <https://example.com/internationalization> and see ![alt](/organizational.png) `x.y()` now.\n'))!;
    assert.equal(result.words, 5);
  });

  it('scores English bodies only: lang, language or locale name another language', () => {
    assert.equal(declaredLanguage({ lang: 'fr' }), 'fr');
    assert.equal(declaredLanguage({ locale: 'de_DE' }), 'de_DE');
    assert.equal(declaredLanguage({ title: 'x' }), undefined);
    for (const english of [undefined, 'en', 'en-GB', 'EN_us', 'English']) assert.equal(isEnglish(english), true, String(english));
    for (const other of ['fr', 'de-DE', 'eng-x', 'es']) assert.equal(isEnglish(other), false, other);
    assert.equal(readabilityOf(article('language: de\n', 'Der Hund lief nach Hause.\n')), undefined);
    assert.ok(readabilityOf(article('locale: en-GB\n', 'The dog ran home.\n')));
    assert.equal(readabilityOf(article('', '# Only a heading\n')), undefined);
  });
});

describe('the focus keyword\'s places', () => {
  it('reads the URL\'s last part from the slug, else the file name without a date, else an index file\'s folder', () => {
    const withSlug = parseArticle('---\nslug: "guides/winter-tyres/"\n---\n');
    assert.equal(urlLastPart(withSlug, '/site/blog/x.md')?.value, 'winter-tyres');
    const without = parseArticle('---\ntitle: x\n---\n');
    assert.equal(urlLastPart(without, '/site/blog/2026-03-03-winter-tyres.md')?.value, 'winter-tyres');
    assert.equal(urlLastPart(without, '/site/content/posts/winter-tyres/index.md')?.value, 'winter-tyres');
    assert.equal(urlLastPart(without, 'C:\\site\\blog\\2026-03-03-snow-chains\\index.mdx')?.value, 'snow-chains');
    assert.equal(urlLastPart(without, undefined), undefined);
  });

  it('checks each place the article has, matched as keywords are', () => {
    const text = [
      '---',
      'title: "Winter-Tyres for Snow"',
      'keywords: [winter tyres]',
      '---',
      '',
      '![Winter tyres on a car](/a.png)',
      '',
      'Snow needs grip.',
      '',
      '## Winter tyres, explained',
      '',
    ].join('\n');
    const placement = keywordPlacement(parseArticle(text), '/blog/snow-guide.md')!;
    assert.equal(placement.keyword, 'winter tyres');
    assert.deepEqual(
      placement.places.map((place) => [place.id, place.found]),
      [['title', true], ['url', false], ['first-paragraph', false], ['h2', true]],
    );
  });
});

describe('useless alt text', () => {
  const problem = (alt: string, src = '/img/a-b.png', title?: string) => altProblem(alt, src, title, 125)?.problem;

  it('finds file names, camera names, placeholders, "image of", length and the title', () => {
    assert.equal(problem('IMG_2034', '/IMG_2034.jpg'), 'file-name');
    assert.equal(problem('hero-image', '/hero-image.png'), 'file-name');
    assert.equal(problem('Starter jar', '/img/starter-jar.png'), 'file-name');
    assert.equal(problem('photo.jpg'), 'file-name');
    assert.equal(problem('DSC0042'), 'file-name');
    for (const placeholder of ['image', 'Picture', 'photo', 'Screenshot', 'alt text', 'TODO', 'picture 2']) assert.equal(problem(placeholder), 'placeholder', placeholder);
    assert.equal(problem('Image of a loaf'), 'image-of');
    assert.equal(problem('A picture of a loaf'), 'image-of');
    assert.equal(problem('x'.repeat(126)), 'too-long');
    assert.equal(problem('x'.repeat(125)), undefined);
    assert.equal(problem('Winter Tyres: A Guide', '/a.png', 'Winter tyres: a guide'), 'title');
  });

  it('accepts a description', () => {
    assert.equal(problem('A glass jar of bubbly sourdough starter', '/starter-jar.png'), undefined);
    assert.equal(problem('Imagery from a snowy pass'), undefined);
    assert.equal(problem('  '), undefined);
  });
});
