/**
 * Body syntax beyond CommonMark (README, "Body syntax beyond CommonMark"): what readers never see (MDX
 * comments, expressions and ESM, Liquid, Hugo shortcodes) is no word and no keyword; footnotes,
 * alerts and admonitions are content; `.md` and `.mdx` differ only where MDX differs.
 */
import * as assert from 'node:assert/strict';
import readingTime from 'reading-time';
import { markdownParser, parseArticle, readingStats } from '../../../src/core';
import { normalizeForMatching, phraseUsed } from '../../../src/core/facts/keywords';
import { hiddenRanges } from '../../../src/core/facts/hidden';
import { headingsOf } from '../../../src/core/facts/headings';
import { imagesOf } from '../../../src/core/facts/images';
import { linksOf } from '../../../src/core/facts/links';
import { elementAnchors } from '../../../src/core/site/anchors';
import { jsxAttributes, jsxTagEnd } from '../../../src/core/parse/syntax/jsx';
import { BodyParser } from '../../../src/core/parse/bodyParse';
import { renderArticle } from '../../../src/core/render/article';
import { assertInertHtml } from '../helpers/htmlInert';

const FRONTMATTER = '---\ntitle: Words\n---\n';

function words(body: string, kind: 'md' | 'mdx' = 'md'): number {
  return readingStats(parseArticle(FRONTMATTER + body, undefined, { kind })).words;
}

const keywordUsed = (article: Parameters<typeof phraseUsed>[0], keyword: string) => phraseUsed(article, normalizeForMatching(keyword));

describe('body syntax beyond CommonMark', () => {
  it('counts ordinary Markdown as reading-time counts the raw source', () => {
    const body = '# Title\n\nSome *text* with `code` and [a link](https://x.y).\n\n> quoted > words\n';
    assert.equal(words(body), readingTime(body).words);
    assert.equal(words(body, 'mdx'), readingTime(body).words);
  });

  it('leaves MDX comments, expressions and ESM lines out of the word count (.mdx only)', () => {
    const body = "import A from 'a';\nexport const b = { c: 1 };\n\none two {/* three four */} five {props.six}\n\n{/*\nseven eight\n\nnine\n*/}\n\nten\n";
    assert.equal(words(body, 'mdx'), readingTime('one two five\n\nten').words);
    // In an ordinary Markdown file, the same text is text (a `{…}` there is Liquid only with `{{` or `{%`).
    assert.equal(words(body, 'md'), readingTime(body).words);
  });

  it('leaves Liquid and Hugo shortcodes out of the word count, and keeps {% raw %} text', () => {
    const body = 'one {% include a.html x="y z" %} two {{ site.title | upcase }} three\n\n{{< youtube id="abc" >}} four {{% note %}} five {{% /note %}}\n\n{% raw %}{{ six }}{% endraw %}\n\n{% comment %}\nseven\n\neight\n{% endcomment %}\n';
    assert.equal(words(body), readingTime('one two three\n\nfour five\n\n{{ six }}').words);
  });

  it('matches no keyword inside Liquid, shortcodes or MDX comments, and matches callouts and footnotes', () => {
    const md = parseArticle(`${FRONTMATTER}{% include studded.html title="winter tyres" %}\n\n{{< figure src="/a.png" caption="snow chains" >}}\n\n> [!TIP]\n> all season\n\n:::note\ntread depth\n:::\n\nText[^1]\n\n[^1]: rubber compound\n`);
    assert.equal(keywordUsed(md, 'winter tyres'), false);
    assert.equal(keywordUsed(md, 'snow chains'), false);
    for (const keyword of ['all season', 'tread depth', 'rubber compound']) assert.equal(keywordUsed(md, keyword), true, keyword);
    const mdx = parseArticle(`${FRONTMATTER}{/* winter tyres */}\n\nText {/* snow chains */} here.\n`, undefined, { kind: 'mdx' });
    assert.equal(keywordUsed(mdx, 'winter tyres'), false);
    assert.equal(keywordUsed(mdx, 'snow chains'), false);
  });

  it('reads no heading or image inside an MDX comment, an unclosed one hiding the rest (as MDX refuses the file)', () => {
    const article = parseArticle(`${FRONTMATTER}# One\n\n{/*\n# Two\n\n![](x.png)\n*/}\n\n## Three\n\n{/* open\n\n## Four\n`, undefined, { kind: 'mdx' });
    assert.deepEqual(headingsOf(article).map((heading) => heading.text), ['One', 'Three']);
    assert.deepEqual(imagesOf(article, true), []);
  });

  it('keeps every hidden range inside the document and in order', () => {
    const text = `${FRONTMATTER}a {{< x "y >}} b {% if %} {{ c }}\r\n\r\n> {% raw %}{{ d }}{% endraw %}\r\n\r\n{% comment %}\r\nx\r\n`;
    const article = parseArticle(text);
    const ranges = hiddenRanges(article);
    assert.deepEqual(
      ranges.map(([start, end]) => text.slice(start, end)),
      ['{{< x "y >}}', '{% if %}', '{{ c }}', '{% raw %}', '{% endraw %}', '{% comment %}\r\nx'],
    );
  });

  it('ends a {…} expression the same whether the body is parsed by segments or whole (found by npm run fuzz: seed -1501966447)', () => {
    // A template literal opened in the expression used to run on past blank lines to a backtick far below.
    const padding = Array.from({ length: 80 }, (_, index) => `Padding paragraph number ${index}.`).join('\n\n');
    const start = `{\n\`\`\`\n*/}\nA paragraph.\n\n${padding}\n`;
    const edited = `${start.slice(0, 1500)}\`\`\`\n${start.slice(1500)}`;
    const parser = new BodyParser(() => markdownParser('mdx'));
    parser.parse(start);
    const strip = (tokens: readonly { type: string; map: [number, number] | null; content: string }[]) => tokens.map((token) => [token.type, token.map, token.content]);
    assert.deepEqual(strip(parser.parse(edited)), strip(markdownParser('mdx').parse(edited, {})));
  });

  describe('paired Liquid and Nunjucks tags whose body is not Markdown', () => {
    const PAIRS = [
      '{% highlight "bash" %}\n# Local project\n[code](/in-code/) ![](/code.png)\n{% endhighlight %}',
      '{%- highlight js -%}\n# js\n{%- endhighlight -%}',
      '{% set codeBlock %}\n# The current directory\n\n[set](/in-set/) ![](/set.png)\n{% endset %}',
      '{%- set codeBlock -%}{% raw %}\n# A layout\n{% endset %}\n{% endraw %}{%- endset %}',
      '{% capture note %}\n# Captured [capture](/in-capture/)\n{% endcapture %}',
      '{% raw %}\n# Raw ![](/raw.png)\n{% endraw %}',
      '{% verbatim %}\n# Verbatim [verbatim](/in-verbatim/)\n{% endverbatim %}',
      '{% comment %}\n{% comment %}{% endcomment %}\n# Still a comment\n{% endcomment %}',
      '{% highlight ruby %}\n{% highlight js %}x{% endhighlight %}\n# Still code\n{% endhighlight %}',
    ];

    it('hold no heading, image or link, and a real one beside each still counts', () => {
      for (const pair of PAIRS) {
        const article = parseArticle(`${FRONTMATTER}# Title\n\n${pair}\n\n# Real\n\n![](/real.png) [real](/real/)\n`);
        assert.deepEqual(headingsOf(article).map((heading) => heading.text), ['Title', 'Real'], pair);
        assert.deepEqual(imagesOf(article).map((image) => image.src), ['/real.png'], pair);
        assert.deepEqual(linksOf(article).map((link) => link.target), ['/real/'], pair);
      }
    });

    it('hold no link, image or element id inside an HTML block either, and real ones in the same block still count', () => {
      // A `<div>` line opens an HTML block that runs to the next blank line, tags and pairs in it.
      const body = [
        '<div id="real-panel" role="tabpanel">',
        '<a href="/real-before/">before</a>',
        '{%- set codeBlock %}',
        '<a href="my-template.md">Home</a> <img src="/in-set.png"> <span id="in-set"></span>',
        '[Home](my-template.md)',
        '{%- endset %}',
        '{% highlight "html" %}',
        '<a href="/in-code/">code</a><img src="/in-code.png"><b id="in-code"></b>',
        '{% endhighlight %}',
        '{% raw %}<a href="/in-raw/">raw</a>{% endraw %}',
        '<a href="/real-after/">after</a><img src="/real.png"><i id="real-after"></i>',
        '</div>',
        '',
        '<p>{% comment %}<a href="/unclosed/">{% endcomment',
        '<a href="/still-in-comment/"></p>',
      ].join('\n');
      const text = `${FRONTMATTER}${body}\n`;
      const article = parseArticle(text);
      assert.deepEqual(linksOf(article).map((link) => link.target), ['/real-before/', '/in-raw/', '/real-after/']);
      assert.deepEqual(imagesOf(article).map((image) => image.src), ['/real.png']);
      assert.deepEqual(elementAnchors(article).map((anchor) => anchor.id), ['real-panel', 'real-after']);
      // The same mechanism as everywhere: the pairs' parts are hidden ranges (the highlight's code is not).
      const hidden = hiddenRanges(article).map(([start, end]) => text.slice(start, end));
      assert.deepEqual(hidden, [
        '{%- set codeBlock %}\n<a href="my-template.md">Home</a> <img src="/in-set.png"> <span id="in-set"></span>\n[Home](my-template.md)\n{%- endset %}',
        '{% highlight "html" %}',
        '{% endhighlight %}',
        '{% raw %}',
        '{% endraw %}',
        '{% comment %}<a href="/unclosed/">{% endcomment\n<a href="/still-in-comment/"></p>',
      ]);
    });

    it('leave an HTML block without paired tags as it was: its links, images and ids all count', () => {
      const article = parseArticle(`${FRONTMATTER}<div id="panel">\n{{ page.url }} {% include "x.njk" %}\n<a href="my-template.md">Home</a><img src="/a.png">\n</div>\n`);
      assert.deepEqual(linksOf(article).map((link) => link.target), ['my-template.md']);
      assert.deepEqual(imagesOf(article).map((image) => image.src), ['/a.png']);
      assert.deepEqual(elementAnchors(article).map((anchor) => anchor.id), ['panel']);
    });

    it('reads {% set x = 1 %} as one tag: what follows it is Markdown', () => {
      const article = parseArticle(`${FRONTMATTER}{% set width = 4 %}\n# Real\n\n{%- set height = "a %} b" -%}\n\n## Also real\n`);
      assert.deepEqual(headingsOf(article).map((heading) => heading.text), ['Real', 'Also real']);
    });

    it('counts a highlight block as code is counted (its tags hidden), a set or capture body as nothing', () => {
      const body = 'one\n\n{% highlight "bash" %}\nnpm install tyres\n{% endhighlight %}\n\n{% set note %}\nseven hidden words in a variable here\n{% endset %}\n\ntwo {% capture x %}three four{% endcapture %} five\n';
      assert.equal(words(body), readingTime('one\n\nnpm install tyres\n\ntwo five').words);
      const fenced = 'one\n\n```\nnpm install tyres\n```\n';
      assert.equal(words(fenced), readingTime(fenced).words);
    });

    it('hides their tags (and a hidden block, whole lines) in order, inside the document', () => {
      const text = `${FRONTMATTER}{% highlight "js" %}\r\nlet a;\r\n{% endhighlight %}\r\n\r\n> {%- set x -%}\r\n> # no\r\n> {%- endset -%}\r\n\r\nA {% capture y %}b{% endcapture %} c\r\n`;
      const ranges = hiddenRanges(parseArticle(text)).map(([start, end]) => text.slice(start, end));
      assert.deepEqual(ranges, ['{% highlight "js" %}', '{% endhighlight %}', '> {%- set x -%}\r\n> # no\r\n> {%- endset -%}', '{% capture y %}b{% endcapture %}']);
    });

    it('matches no keyword inside a set, capture or highlight body', () => {
      const article = parseArticle(`${FRONTMATTER}{% set x %}\nwinter tyres\n{% endset %}\n\n{% highlight "text" %}\nsnow chains\n{% endhighlight %}\n\nText {% capture y %}tread depth{% endcapture %}.\n`);
      for (const keyword of ['winter tyres', 'snow chains', 'tread depth']) assert.equal(keywordUsed(article, keyword), false, keyword);
    });

    it('shows a highlight block as a code block in its language, a set body as nothing', () => {
      const html = renderArticle(parseArticle(`${FRONTMATTER}{% highlight "bash" %}\n# Local <project>\n{% endhighlight %}\n\n{% set x %}\n# Hidden\n{% endset %}\n\nAfter.\n`), { resolveImage: (src) => ({ url: src }) }).bodyHtml;
      assert.equal(html, '<pre class="code-line" data-line="3"><code class="language-bash"># Local &lt;project&gt;\n</code></pre>\n<p class="code-line" data-line="11">After.</p>\n');
    });

    it('reads a pair the same whether the body is parsed by segments or whole', () => {
      const padding = Array.from({ length: 80 }, (_, index) => `Padding paragraph number ${index}.`).join('\n\n');
      const start = `{% set x %}\n# A\n\n# B\n{% endset %}\n\n${padding}\n\n{% highlight js %}\n\n# C\n{% endhighlight %} after\n`;
      const parser = new BodyParser(() => markdownParser('md'));
      const strip = (tokens: readonly { type: string; map: [number, number] | null; content: string }[]) => tokens.map((token) => [token.type, token.map, token.content]);
      parser.parse(start);
      for (const edited of [`${start.slice(0, 1500)}x${start.slice(1500)}`, start.replace('{% endset %}', '{% endset'), start.replace(' after', '')]) {
        assert.deepEqual(strip(parser.parse(edited)), strip(markdownParser('md').parse(edited, {})));
      }
    });
  });

  describe('MDX tags with attributes of any JSX form', () => {
    it('end where JSX ends them: strings holding > or }, nested brackets, template literals, arrow functions, spreads, lines', () => {
      const tags = [
        "<Picture src={hero} formats={['avif', 'webp']} />",
        '<Image title="a > b" label={\'}\'} data={{ a: { b: [1, 2] } }} />',
        '<Image caption={`x } > ${y}`} onLoad={() => x > 1} loading>',
        '<Picture {...props} {/* a comment > */} alt="x"\n  widths={[1, 2]}\n/>',
      ];
      for (const tag of tags) assert.equal(jsxTagEnd(`${tag} after`, 0, tag.length + 6), tag.length, tag);
      for (const open of ['<Picture src={hero', '<Picture src="x />', '<Picture src=x />', '<3 hearts>', '<Picture / >']) assert.equal(jsxTagEnd(open, 0, open.length), -1, open);
    });

    it('read attributes: strings, literal and other expressions, booleans, spreads', () => {
      const { values, spread } = jsxAttributes("<Picture src={hero} alt={\"Tyres > snow\"} title='a }' loading formats={['avif']} {...rest} />");
      assert.deepEqual(Object.fromEntries(values), {
        src: { text: '{hero}', expression: true },
        alt: { text: 'Tyres > snow', expression: false },
        title: { text: 'a }', expression: false },
        loading: { text: 'true', expression: false },
        formats: { text: "{['avif']}", expression: true },
      });
      assert.equal(spread, true);
    });

    it('find <Image> and <Picture> however their attributes are written, and only a spread or alt expression stands for alt', () => {
      const article = parseArticle(
        `${FRONTMATTER}<Picture src={hero} formats={['avif', 'webp']} />\n\n<Picture\n  src={hero}\n  onLoad={() => x > 1}\n  alt={caption}\n/>\n\nA <Image {...image} /> and <img src="/a.png" data={{ w: 2 }} alt={"Tread"} />.\n`,
        undefined,
        { kind: 'mdx' },
      );
      const images = imagesOf(article, true).map(({ name, alt, altExpression }) => ({ name, alt, altExpression }));
      assert.deepEqual(images, [
        { name: 'Picture', alt: undefined, altExpression: undefined },
        { name: 'Picture', alt: '{caption}', altExpression: true },
        { name: 'Image', alt: undefined, altExpression: true },
        { name: 'img', alt: 'Tread', altExpression: undefined },
      ]);
    });
  });

  describe('in the preview', () => {
    const render = (body: string, kind: 'md' | 'mdx' = 'md') =>
      renderArticle(parseArticle(FRONTMATTER + body, undefined, { kind }), {
        resolveImage: (src) => (src.includes('missing') ? { missingPath: `/site/public${src}` } : { url: `https://cdn.test${src}` }),
      }).bodyHtml;

    it('shows a figure shortcode as its image (resolved like other images) with its caption, other shortcodes as a labelled placeholder', () => {
      const html = render('{{< figure src="/a.png" alt="Tread" caption="Four millimetres" >}}\n\n{{% figure src="/missing.png" alt="Gone" %}}\n\nSee {{< youtube id="x1" >}} here.{{< /details >}}\n');
      assert.match(html, /<div class="shortcodes code-line" data-line="3"><figure class="shortcode-figure"><img src="https:\/\/cdn\.test\/a\.png" alt="Tread" data-src="\/a\.png"><figcaption>Four millimetres<\/figcaption><\/figure><\/div>/);
      assert.match(html, /<figure class="shortcode-figure"><span class="image-placeholder" role="img" aria-label="Gone">.*Looked for <code>\/site\/public\/missing\.png<\/code>/);
      assert.match(html, /<p class="code-line" data-line="7">See <span class="shortcode" title="\{\{&lt; youtube id=&quot;x1&quot; &gt;\}\}">youtube<\/span> here\.<\/p>/);
      assert.doesNotMatch(html, /details/);
    });

    it('shows alerts and admonitions as callouts, footnotes as footnotes', () => {
      const html = render('> [!WARNING]\n> Check the **tread**.\n\n:::tip[Before winter]\nFit them in October.\n:::\n\nText[^1].\n\n[^1]: A footnote.\n');
      assert.match(html, /<div class="callout callout-warning code-line" data-line="3"><p class="callout-title">Warning<\/p>\n<p class="code-line" data-line="4">Check the <strong>tread<\/strong>\.<\/p>\n<\/div>/);
      assert.match(html, /<div class="callout callout-tip code-line" data-line="6"><p class="callout-title">Before winter<\/p>\n<p class="code-line" data-line="7">Fit them in October\.<\/p>\n<\/div>/);
      assert.match(html, /Text<sup class="footnote-ref"><a href="#fn1" data-anchor="fnref1">\[1\]<\/a><\/sup>\./);
      assert.match(html, /<section class="footnotes">\n<ol class="footnotes-list">\n<li class="footnote-item" data-anchor="fn1"><p class="code-line" data-line="12">A footnote\. <a href="#fnref1" class="footnote-backref"/);
      assertInertHtml(html);
    });

    it('renders nothing for MDX comments, expressions and ESM, or Liquid tags; {% raw %} text as written', () => {
      const mdx = render("import A from 'a';\n\n{/*\n# Old\n*/}\n\nKept {/* gone */} text {props.x}.\n", 'mdx');
      assert.equal(mdx, '<p class="code-line" data-line="9">Kept  text .</p>\n');
      const md = render('{% include x.html %}\n\nA {{ page.title }} b.\n\n{% raw %}{{ shown }}{% endraw %}\n');
      assert.equal(md, '<p class="code-line" data-line="5">A  b.</p>\n<p class="code-line" data-line="7">{{ shown }}</p>\n');
    });

    it('runs no script from a hostile shortcode or Liquid tag', () => {
      const html = render(
        '{{< figure src="javascript:alert(1)" alt="x" caption="<script>alert(1)</script>" title="<img src=x onerror=alert(1)>" >}}\n\n' +
          '{{< "><script>alert(1)</script> >}} {{< x" onmouseover="alert(1) >}}\n\n' +
          '{% raw %}<script>alert(1)</script><img src=x onerror=alert(1)>{% endraw %} {{ "<script>" }}\n\n' +
          '> [!NOTE]\n> <img src=x onerror=alert(1)>\n\n:::note[<script>alert(1)</script>]\nx\n:::\n',
      );
      assertInertHtml(html);
      assert.doesNotMatch(html, /<script/i);
    });
  });
});
