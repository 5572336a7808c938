/** The preview's HTML (renderArticle), its search snippet and social card, and calendar dates. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../../src/core';
import { renderArticle, type RenderOptions } from '../../../src/core/render/article';
import { parseCalendarDate } from '../../../src/core/render/meta';
import { truncateOnWord } from '../../../src/core/render/snippet';
import { textWidth } from '../../../src/core/text/arialWidths';
import { siteProfile } from '../../../src/core/generators/registry';

const resolveAll: RenderOptions['resolveImage'] = (src) => ({ url: `https://webview.test/root${src.startsWith('/') ? '' : '/'}${src}` });

function render(text: string, options: Partial<RenderOptions> = {}) {
  return renderArticle(parseArticle(text), { resolveImage: resolveAll, ...options });
}

const ARTICLE = [
  '---',
  'title: "Sourdough at Altitude: Why Your Loaf Collapses Above 2,000 m"',
  'description: "Lower air pressure changes fermentation, oven spring and crumb."',
  'slug: sourdough-at-altitude',
  'keywords: [sourdough, oven spring]',
  'pubDate: "Mar 03 2026"',
  'heroImage: "/hero.png"',
  'heroImageAlt: "A loaf on a rack"',
  'category: Food',
  'author: "Mara Ilić"',
  '---',
  '',
  '# Sourdough at Altitude',
  '',
  '![A loaf on a rack](/hero.png)',
  '',
  '## Introduction',
  '',
  'Some **sourdough** text with ![jar](./jar.png "The jar") inline.',
  '',
  '- one',
  '- two',
  '',
  '```js',
  'const x = 1;',
  '```',
  '',
  '| a | b |',
  '|--:|:-:|',
  '| 1 | 2 |',
  '',
  '## FAQ',
  '',
  '### Why?',
  'Because.',
  '',
  '### How?',
  '- like this',
  '',
  '## After',
  '',
  'The end.',
  '',
].join('\n');

/** Every way a rendered page could run script or leave the page. */
function assertInert(html: string): void {
  assert.doesNotMatch(html, /<\s*script/i, 'a <script> element');
  assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, 'an on… event handler attribute');
  assert.doesNotMatch(html, /<[^>]*(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|vbscript|data:text|livescript)/i, 'a script URL in an attribute');
  assert.doesNotMatch(html, /<\s*(iframe|frame|object|embed|meta|base|link|style|svg|math|form|template)\b/i, 'a forbidden element');
  assert.doesNotMatch(html, /<[^>]*\s(style|id|name|srcdoc)\s*=/i, 'a forbidden attribute');
}

describe('renderArticle', () => {
  it('renders the header: hero with its alt, title, description, author, date, category, reading time, keyword chips', () => {
    const { headerHtml, meta, hero } = render(ARTICLE);
    assert.match(headerHtml, /<img src="https:\/\/webview\.test\/root\/hero\.png" alt="A loaf on a rack" class="hero-image"/);
    assert.equal(hero.outcome.kind, 'image');
    assert.match(headerHtml, /<h1 class="title code-line" data-line="1">Sourdough at Altitude: Why Your Loaf Collapses Above 2,000 m<\/h1>/);
    assert.match(headerHtml, /class="description[^"]*"[^>]*>Lower air pressure/);
    assert.match(headerHtml, /<span class="author">Mara Ilić<\/span>/);
    assert.match(headerHtml, /<time class="date" datetime="2026-03-03">March 3, 2026<\/time>/);
    assert.match(headerHtml, /<span class="category-name">Food<\/span>/);
    assert.match(headerHtml, /\d+ min read/);
    assert.match(headerHtml, /<li class="chip">sourdough<\/li><li class="chip">oven spring<\/li>/);
    assert.equal(meta.readingMinutes, 1);
  });

  it('puts data-line (absolute 0-based source line) and code-line on block elements', () => {
    const { bodyHtml } = render(ARTICLE);
    const lines = ARTICLE.split('\n');
    const tagged = [...bodyHtml.matchAll(/<(\w+)[^>]*class="[^"]*code-line[^"]*"[^>]*data-line="(\d+)"/g)];
    assert.ok(tagged.length >= 10, `only ${tagged.length} tagged elements`);
    const at = (tag: string, text: string) => tagged.find(([, t, line]) => t === tag && lines[Number(line)].includes(text));
    assert.ok(at('h1', '# Sourdough at Altitude'), 'h1 line');
    assert.ok(at('h2', '## Introduction'), 'h2 line');
    assert.ok(at('p', 'Some **sourdough**'), 'paragraph line');
    assert.ok(at('ul', '- one'), 'list line');
    assert.ok(at('li', '- two'), 'list item line');
    assert.ok(at('pre', '```js'), 'fence line');
    assert.ok(at('table', '| a | b |'), 'table line');
    // Header lines point into the frontmatter.
    assert.match(render(ARTICLE).headerHtml, /class="hero code-line" data-line="6"/);
  });

  it('is stable across line endings: CRLF and a BOM give the same data-line values', () => {
    const lf = render(ARTICLE).html;
    const crlf = render('\uFEFF' + ARTICLE.replace(/\n/g, '\r\n')).html.replace(/\r/g, '');
    assert.deepEqual([...crlf.matchAll(/data-line="(\d+)"/g)].map((m) => m[1]), [...lf.matchAll(/data-line="(\d+)"/g)].map((m) => m[1]));
  });

  it('never changes the shared tokens (the rules read the same parse)', () => {
    const article = parseArticle(ARTICLE + '\n<img src="/a.png" onerror="x()">\n\n| x |\n|--:|\n| 1 |\n');
    const before = JSON.stringify(article.tokens);
    renderArticle(article, { resolveImage: resolveAll });
    renderArticle(article, { resolveImage: () => ({ missingPath: '/nowhere' }), allowHtml: false });
    assert.equal(JSON.stringify(article.tokens), before);
  });

  it('rewrites Markdown and HTML image sources through resolveImage', () => {
    const { bodyHtml } = render(ARTICLE + '\n<p><img src="./b.png" alt="b"></p>\n');
    assert.match(bodyHtml, /<img src="https:\/\/webview\.test\/root\/\.\/jar\.png" alt="jar" title="The jar"/);
    assert.match(bodyHtml, /<img src="https:\/\/webview\.test\/root\/\.\/b\.png" alt="b"/);
  });

  it('turns table alignment into classes (inline styles are blocked by the CSP)', () => {
    const { bodyHtml } = render(ARTICLE);
    assert.match(bodyHtml, /<th class="align-right">a<\/th>/);
    assert.match(bodyHtml, /<td class="align-center">2<\/td>/);
  });

  it('structures the FAQ section: heading, items, questions, answers', () => {
    const { bodyHtml } = render(ARTICLE);
    const faq = /<section class="faq">([\s\S]*?)<\/section>/.exec(bodyHtml)?.[1] ?? '';
    assert.match(faq, /<h2 class="code-line faq-heading" data-line="\d+">FAQ<\/h2>/);
    assert.equal([...faq.matchAll(/<div class="faq-item">/g)].length, 2);
    assert.match(faq, /faq-question" data-line="\d+">Why\?<\/h3>\n<div class="faq-answer">\n<p[^>]*>Because\.<\/p>/);
    assert.match(faq, /How\?<\/h3>\n<div class="faq-answer">\n<ul/);
    assert.doesNotMatch(faq, /After/, 'the section ends at the next heading of the same level');
    assert.match(bodyHtml, /<\/section>\n<h2[^>]*>After<\/h2>/);
  });

  it('does not take a heading that merely mentions FAQ, or one inside code, for the FAQ', () => {
    const { bodyHtml } = render('---\ntitle: t\n---\n## No FAQ here\n\n```\n## FAQ\n```\n');
    assert.doesNotMatch(bodyHtml, /class="faq"/);
  });
});

describe('renderArticle: hero image', () => {
  it('shows a placeholder naming the path looked for when the hero is not found, never an <img>', () => {
    const { headerHtml, hero } = render(ARTICLE, { resolveImage: (src) => ({ missingPath: `/site/public${src}` }) });
    assert.equal(hero.outcome.kind, 'missing');
    const figure = /<figure[^>]*>[\s\S]*?<\/figure>/.exec(headerHtml)?.[0] ?? '';
    assert.doesNotMatch(figure, /<img/);
    assert.match(figure, /hero-placeholder/);
    assert.match(figure, /Hero image not found/);
    assert.match(figure, /\/site\/public\/hero\.png/);
  });

  it('shows a placeholder when the frontmatter has no heroImage', () => {
    const { headerHtml } = render('---\ntitle: Just a title\n---\nText\n');
    assert.match(headerHtml, /hero-placeholder[\s\S]*No hero image[\s\S]*heroImage/);
    assert.doesNotMatch(headerHtml, /<img/);
  });

  it('blocks plain http hero images (the CSP would) with a placeholder that says so', () => {
    const { headerHtml } = render(ARTICLE.replace('"/hero.png"', '"http://example.com/h.png"'), { resolveImage: (src) => ({ url: src }) });
    assert.match(headerHtml, /Hero image not shown[\s\S]*https/);
    assert.doesNotMatch(headerHtml, /<img/);
  });

  it('shows a body image that repeats the hero only once, and its paragraph not at all', () => {
    const { html, bodyHtml } = render(ARTICLE);
    assert.equal([...html.matchAll(/<img [^>]*hero\.png/g)].length, 2, 'hero + social card image');
    assert.doesNotMatch(bodyHtml, /hero\.png/);
    assert.doesNotMatch(bodyHtml, /<p[^>]*>\s*<\/p>/, 'no empty paragraph left');
  });

  it('dedupes a repeat written differently (./, query, encoding) or as HTML', () => {
    const text = ARTICLE.replace('![A loaf on a rack](/hero.png)', '![x](/hero.png?v=2) and <img src="/her%6f.png" alt="y">');
    assert.doesNotMatch(render(text).bodyHtml, /hero/);
  });

  it('keeps the repeat when dedupeHero is false', () => {
    const { bodyHtml } = render(ARTICLE, { dedupeHero: false });
    assert.match(bodyHtml, /<img src="https:\/\/webview\.test\/root\/hero\.png" alt="A loaf on a rack"/);
  });

  it('shows a missing body image as a placeholder naming the path', () => {
    const { bodyHtml } = render(ARTICLE, { resolveImage: (src) => (src.includes('jar') ? { missingPath: '/a/jar.png' } : { url: 'https://x/' + src }) });
    assert.match(bodyHtml, /image-placeholder[\s\S]*Image not found[\s\S]*\/a\/jar\.png/);
  });
});

describe('renderArticle: hostile input', () => {
  const HOSTILE = [
    '---',
    'title: "<script>window.canary=1</script>"',
    'description: "\\"><img src=x onerror=alert(1)>"',
    'heroImage: "javascript:alert(1)"',
    'heroImageAlt: "\\" onerror=\\"alert(1)"',
    'keywords: ["<b onmouseover=alert(1)>k</b>"]',
    'author: "<svg onload=alert(1)>"',
    'category: "</p><iframe src=javascript:alert(1)>"',
    '---',
    '<script>window.canary = 1</script>',
    '',
    '<img src="/x.png" onerror="window.canary=2" onload="window.canary=3">',
    '',
    'Inline <script>window.canary=4</script> and <span onclick="x()">s</span> <style>*{}</style>',
    '',
    '[md](javascript:alert(1)) [v](vbscript:msgbox(1)) [d](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(1)>',
    '',
    '<a href="javascript:alert(1)">a</a> <a href="JaVaScRiPt:alert(1)">b</a> <a href="java&#x09;script:alert(1)">c</a>',
    '<a href=" &#106;avascript:alert(1)">d</a> <a href="\x01javascript:alert(1)">e</a> <a href="vbscript:x">f</a>',
    '',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>parent.canary=5</script>"></iframe>',
    '',
    '<svg><script>window.canary=6</script></svg> <svg onload="window.canary=7"><circle/></svg>',
    '',
    '<math><mtext><script>alert(1)</script></mtext></math>',
    '',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
    '<details open ontoggle="alert(1)"><summary>s</summary>x</details>',
    '<div style="background:url(javascript:alert(1))" id="root" name="x">styled</div>',
    '<img src=x:y onerror=alert(1)//',
    '',
    '<IMG SRC=JaVaScRiPt:alert(1)> <img """><script>alert(1)</script>">',
    '',
    '![img](javascript:alert(1)) ![svg](data:image/svg+xml;base64,PHN2Zz4=)',
    '',
    '<!-- <script>alert(1)</script> -->',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<template><script>alert(1)</script></template>',
    '',
  ].join('\n');

  it('produces no script, no handlers, no javascript: URLs, no frames, meta or base', () => {
    for (const allowHtml of [true, false]) {
      const { html } = render(HOSTILE, { allowHtml, resolveImage: (src) => ({ url: src }) });
      assertInert(html);
    }
  });

  it('keeps harmless HTML when allowHtml is on, and escapes all of it when off', () => {
    const on = render(HOSTILE).html;
    assert.match(on, /<span>s<\/span>/);
    assert.match(on, /<details open><summary>s<\/summary>x<\/details>/);
    const off = render(HOSTILE, { allowHtml: false }).bodyHtml;
    assert.match(off, /&lt;span onclick=&quot;x\(\)&quot;&gt;s&lt;\/span&gt;/);
    assert.doesNotMatch(off, /<span/);
  });

  it('drops the text of an inline script instead of showing it', () => {
    const { bodyHtml } = render(HOSTILE);
    assert.doesNotMatch(bodyHtml, /canary=4/);
    assert.doesNotMatch(bodyHtml, /\[removed\]/);
  });

  it('neutralizes unsafe links while keeping their text', () => {
    const { bodyHtml } = render('---\ntitle: t\n---\n<a href="javascript:alert(1)">click</a> [ok](https://example.com) [rel](other.md#x) [mail](mailto:a@b.c)\n');
    assert.match(bodyHtml, /<a>click<\/a>/);
    assert.match(bodyHtml, /<a href="https:\/\/example\.com" class="external-link">ok<\/a>/);
    assert.match(bodyHtml, /<a href="other\.md#x">rel<\/a>/);
    assert.match(bodyHtml, /<a href="mailto:a@b\.c" class="external-link">mail<\/a>/);
  });

  it('never renders script for arbitrary mixes of hostile fragments (property)', () => {
    const fragments = [
      '<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:x">', '</a>', '<svg onload=x>', '<iframe>',
      '<style>', '"', "'", '>', '<', '`', '\n\n', '\n', '[x](javascript:y)', '![x](', ')', '<!--', '-->', 'java\tscript:', '&#106;',
      '<div>', '</div>', ' onclick=a ', '<b>', '<meta http-equiv=refresh>', '<base href=x>', '```', '# ', '- ', '> ', '|', 'text',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), fc.boolean(), (parts, allowHtml) => {
        const text = `---\ntitle: t\n---\n${parts.join('')}\n`;
        assertInert(render(text, { allowHtml, resolveImage: (src) => ({ url: src }) }).html);
      }),
      { numRuns: 400 },
    );
  });

  it('renderArticle: a slug with a lone surrogate does not throw (encodeURI)', () => {
    const { searchSnippet } = renderArticle(parseArticle('---\nslug: "\\ude00"\n---\n'), { resolveImage: () => ({}) });
    assert.equal(searchSnippet.url, 'https://example.com/%EF%BF%BD');
  });
});

describe('search snippet and social card', () => {
  it('truncates on a word with an ellipsis, within the width', () => {
    const long = 'Sourdough at Altitude: Why Your Loaf Collapses Above 2,000 m and What To Do About It';
    const cut = truncateOnWord(long, 60);
    assert.equal(cut.truncated, true);
    assert.ok(cut.text.length <= 60, cut.text);
    assert.ok(cut.text.endsWith('…'));
    assert.ok(long.startsWith(cut.text.slice(0, -1)), 'a prefix of the original');
    assert.match(long.slice(cut.text.length - 1), /^[\s,]/, 'cut at a word boundary');
    assert.deepEqual(truncateOnWord('Short title', 60), { text: 'Short title', truncated: false });
  });

  it('builds the URL from the slug and the configured site URL', () => {
    const { searchSnippet } = render(ARTICLE, { siteUrl: 'https://bakery.example/blog/' });
    assert.equal(searchSnippet.url, 'https://bakery.example/blog/sourdough-at-altitude');
    assert.equal(searchSnippet.breadcrumb, 'bakery.example › blog › sourdough-at-altitude');
    const noSlug = render(ARTICLE.replace('slug: sourdough-at-altitude\n', ''), { fallbackSlug: 'My File' });
    assert.equal(noSlug.searchSnippet.url, 'https://example.com/my-file');
  });

  it('cuts title and description by width, as a desktop and a mobile result would, and shows the widths', () => {
    const description = 'word '.repeat(60).trim();
    const { searchSnippet, seoHtml } = render(ARTICLE.replace(/description: .*/, `description: "${description}"`));
    // "word " is 569 + 3 × 1139 + 682 … units: 60 of them are far wider than 920 px of Arial 14 px.
    assert.equal(searchSnippet.description.truncated, true);
    assert.equal(searchSnippet.description.maxWidth, 920);
    assert.ok(searchSnippet.description.text.endsWith('word…'));
    assert.ok(textWidth(searchSnippet.description.text, 14) <= 920);
    assert.ok(textWidth(`${searchSnippet.description.text.slice(0, -1)} word…`, 14) > 920, 'no further word would fit');
    assert.equal(searchSnippet.mobile.description.maxWidth, 680);
    assert.ok(searchSnippet.mobile.description.text.length < searchSnippet.description.text.length);
    assert.match(seoHtml, /snippet-description truncated/);
    // The title (60 characters) fits: 569 px of 600.
    assert.equal(searchSnippet.title.truncated, false);
    assert.match(seoHtml, /569 px of 600 px \(Arial 20 px\)/);
    assert.match(seoHtml, /<span role="button" tabindex="0" class="serp-mode" data-serp-mode="mobile" aria-pressed="false">Mobile<\/span>/);
  });

  it('has a collapsible SEO panel whose items point at their places in the source', () => {
    const { seoHtml } = render(ARTICLE, { filePath: '/site/blog/sourdough-at-altitude.md' });
    assert.match(seoHtml, /<details class="seo-panel" open>/);
    const jumps = (section: string) => {
      const html = new RegExp(`data-seo-section="${section}">([\\s\\S]*?)</section>`).exec(seoHtml)?.[1] ?? '';
      return [...html.matchAll(/<li class="seo-item seo-(\w+)[^"]*"><span role="button" tabindex="0" class="seo-jump" data-jump="([\d:]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    };
    // Focus keyword "sourdough": title (line 1), description (line 2: not in it), slug (line 3), first paragraph, an H2.
    assert.deepEqual(jumps('placement'), ['ok 1:7:1:69', 'missing 2:13:2:78', 'ok 3:6:3:27', 'ok 18:0:18:64', 'missing 16:0:16:15']);
    assert.deepEqual(jumps('usage'), ['ok 4:11:4:20', 'missing 4:22:4:33']);
    assert.deepEqual(jumps('widths'), ['ok 1:7:1:69', 'ok 2:13:2:78']);
    // "jar" (its file name's word) first, then the hero's alt and the body image that repeats it.
    assert.deepEqual(jumps('alt'), ['missing 18:29:18:56', 'ok 7:14:7:32', 'ok 14:0:14:30']);
    assert.match(seoHtml, /jar.png: “jar” <span class="seo-reason">it only repeats the file name/);
  });

  it('shows the hero in the social card with the domain, title and description', () => {
    const { socialCard, seoHtml } = render(ARTICLE, { siteUrl: 'https://www.bakery.example' });
    assert.equal(socialCard.domain, 'bakery.example');
    assert.equal(socialCard.imageUrl, 'https://webview.test/root/hero.png');
    assert.match(seoHtml, /class="social-card-image" src="https:\/\/webview\.test\/root\/hero\.png" alt="A loaf on a rack"/);
  });
});

describe('parseCalendarDate', () => {
  it('reads the accepted forms and rejects junk', () => {
    assert.deepEqual(parseCalendarDate('2026-03-03'), { year: 2026, month: 2, day: 3 });
    assert.deepEqual(parseCalendarDate('Nov 22 2025'), { year: 2025, month: 10, day: 22 });
    assert.deepEqual(parseCalendarDate('November 22, 2025'), { year: 2025, month: 10, day: 22 });
    assert.deepEqual(parseCalendarDate('22 Nov 2025'), { year: 2025, month: 10, day: 22 });
    assert.equal(parseCalendarDate('soon 1'), undefined);
    assert.equal(parseCalendarDate('2026-02-30'), undefined);
  });
});

describe('renderArticle: size', () => {
  // How fast is the bench's business (npm run bench: the 1 MB article's render); here, that it renders whole and inert.
  it('renders a 1 MB article (with raw HTML to sanitize) whole and inert', () => {
    let text = ARTICLE;
    for (let i = 0; text.length < 1024 * 1024; i++) {
      text += `\n## Section ${i}\n\nSome **bold** words, a [link](https://example.com/${i}) and ![img](/i${i}.png).\n\n<div class="note"><img src="/x${i}.png" alt="x" onerror="x()"> <b>raw</b></div>\n\n- a\n- b\n`;
    }
    const article = parseArticle(text);
    const { bodyHtml } = renderArticle(article, { resolveImage: resolveAll });
    assert.ok(bodyHtml.length > text.length / 2);
    const sections = (text.match(/\n## Section \d+\n/g) ?? []).length;
    assert.ok(sections > 1000);
    assert.equal((bodyHtml.match(/<h2[ >]/g) ?? []).length >= sections, true);
    assertInert(bodyHtml);
  });
});

describe('the SEO panel reads the fields as the rules do (the site profile)', () => {
  it('a Hugo post whose description is summary and whose hero is cover.image: no "No description", the hero with its cover.alt', () => {
    const text = [
      '---',
      'title: "Typesetting mathematics in a Hugo blog post"',
      'summary: "How to write equations in Markdown and have Hugo render them with KaTeX, inline and as blocks."',
      'cover:',
      '  image: /cover.png',
      '  alt: "A chalkboard of equations"',
      '---',
      '',
      'Body.',
      '',
    ].join('\n');
    const { seoHtml } = render(text, { site: siteProfile('hugo') });
    assert.doesNotMatch(seoHtml, /No description/);
    assert.match(seoHtml, /Description: [\d.]+ px of [\d.]+ px/);
    assert.match(seoHtml, /Hero: “A chalkboard of equations”/);
    const generic = render(text).seoHtml;
    assert.match(generic, /No description/, 'the generic site has no summary role');
  });
});

describe('an image the rules do not check is not "not found" in the preview', () => {
  it('says why it is not checked', () => {
    const reason = 'Not checked: no public/ or static/ folder at or above the article, so root-relative images are not looked for';
    const { headerHtml } = render('---\ntitle: T\nheroImage: /hero.png\n---\n\nBody.\n', { resolveImage: () => ({ unchecked: reason }) });
    assert.doesNotMatch(headerHtml, /not found/);
    assert.match(headerHtml, /Hero image not shown/);
    assert.ok(headerHtml.includes(reason), headerHtml);
  });
});
