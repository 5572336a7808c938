/**
 * fast-check generators of article texts for the property tests: arbitrary text, and articles built
 * from hostile parts (frontmatter with wrong types and YAML oddities, headings, images, raw HTML, a
 * FAQ, code fences), then put through BOM, line-ending, truncation and garbage mutations.
 */
import fc from 'fast-check';

/** Characters and sequences that trip up offset arithmetic. */
export const ODD_PIECES = [
  'é', 'e\u0301', 'n\u0303\u0323', 'a\u20dd', '😀', '👩‍👩‍👧', '🇫🇷', '𝔘𝔫𝔦', '\uD83D', '\uDE00', '\u0000', '\u200B', '\u202E',
  '\uFEFF', '\r', '\r\n', '\n', '\t', ' ', '\u00a0', 'ß', 'İ', 'ﬃ', '\u2028', '\u2029', '\u0085', '\u000b', '\f', '\\', '`',
  '&amp;', '&#0;', '&#xD800;', '*', '_', '~', '[', ']', '(', ')', '<', '>', '"', "'", ':', '#', '|', '!', '---', '...',
];

const WORDS = ['sourdough', 'oven spring', 'altitude', 'FAQ', 'Question?', 'a', 'the', 'Winter Tyres', 'crumb', 'ÉTÉ', '日本語', 'word'];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** A run of words on one line (may contain odd characters, including line breaks). */
export const inlineText = fc.array(word, { maxLength: 10 }).map((words) => words.join(' '));

const SCALARS = [
  '', '~', 'null', 'true', 'no', 'yes', 'on', '0', '-1', '1e309', '.nan', '-.inf', '0x1F', '0o17', '007', '1_000',
  '2026-03-05', '2026-02-30', '2026-13-45', '2026-03-05T10:00:00Z', 'Mar 03 2026', 'yesterday',
  '"5 minutes"', "'3 min'", '5', '"5"', '"0 minutes"', '"-3 minutes"', '"99999999999999999999 minutes"', '5 min read', '"1.5 minutes"',
  '"unterminated', "'also unterminated", '[a, b', '{a: 1', '}', ']', '*undefinedAlias', '&anchor value', '!!binary aGVsbG8=',
  '!!str 12', '!!int "x"', '!!js/function "function(){ globalThis.__fuzzCanary = 1 }"', '!!js/regexp /x/', '!custom x',
  '|\n  block\n  text', '>-\n  folded\n  text', '|+\n\n', '- item', '? complex', '@reserved', '`tick', '%TAG', 'a: b: c',
  '"\\u0000"', '"\\uD800"', '"\\x00"', '"\\"', 'Winter Tyres Guide', 'winter-tyres-guide', 'Ünïcödé Slug!', '--', '-a-', 'a--b',
  '"<script>window.__fuzzCanary=1</script>"', '"javascript:alert(1)"', '/hero.png', './jar.png', '"https://example.com/x.png"',
  '[sourdough, sourdough, "oven spring", ""]', '[1, 2, 3]', '[[nested]]', '{}', '[]', '{title: x}', '"  "', '\t',
];

/** A frontmatter value as YAML text: plain, quoted, flow and block collections, odd scalars. */
const yamlValue: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: fc.constantFrom(...SCALARS) },
    { weight: 2, arbitrary: inlineText.map((text) => JSON.stringify(text)) },
    { weight: 2, arbitrary: inlineText.map((text) => text.replace(/[\r\n]/g, ' ')) },
    { weight: 1, arbitrary: inlineText.map((text) => `'${text.replace(/'/g, "''")}'`) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.array(inlineText, { maxLength: 4 }).map((items) => `[${items.map((item) => JSON.stringify(item)).join(', ')}]`) },
    { weight: 1, arbitrary: fc.array(inlineText, { maxLength: 3 }).map((items) => items.map((item) => `\n  - ${JSON.stringify(item)}`).join('')) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom('question', 'answer', 'a', 'b', 'alt', '<<'), tie('value') as fc.Arbitrary<string>), { maxLength: 3 })
        .map((pairs) => pairs.map(([key, value]) => `\n  ${key}: ${value.replace(/\n/g, '\n  ')}`).join('')),
    },
  ),
})).value;

const KEYS = [
  'title', 'description', 'slug', 'pubDate', 'updatedDate', 'readingTime', 'keywords', 'heroImage', 'heroImageAlt', 'category', 'tags',
  'author', 'draft', 'faq', 'titel', 'descripton', 'slgu', 'Title', 'hero_image', '<<', '"quoted key"', "'single'", '? explicit', 'x', '1',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];

const entry = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYS), yamlValue).map(([key, value]) => `${key}: ${value}`) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), yamlValue).map(([key, value]) => `${key}: ${value}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '# a comment', '', '  ', '\t', 'not a pair', '- list item', '...', '  indented: x', 'key:value', 'key :value', ': no key',
      'a: &a [x, x, x]', 'b: &b [*a, *a, *a]', 'c: [*b, *b, *b]', '<<: *a', 'ref: *a', 'anchor: &x {k: v}', 'merge:\n  <<: *x',
      '%YAML 1.2', '--- # second document', 'title: one\ntitle: two', 'tags:\n- a\n-  b\n - c', 'keywords:\n  - sourdough\n  - sourdough',
    ),
  },
);

/** A frontmatter block: opening line (maybe another language), entries, closing line (maybe none). */
export const frontmatter = fc
  .tuple(
    fc.constantFrom('---', '---', '---', '---yaml', '--- yaml', '---yml', '---js', '---javascript', '---coffee', '---json', '---toml', '----', '--- ', '---\t'),
    fc.array(entry, { maxLength: 10 }),
    fc.constantFrom('---', '---', '---', '--- ', '---\t', '...', '', '----'),
  )
  .map(([open, entries, close]) => [open, ...entries, ...(close === '' ? [] : [close])].join('\n') + '\n');

const IMAGE_SOURCES = [
  '/hero.png', './jar.png', 'jar.png', '../public/hero.png', 'https://example.com/a.png', 'http://example.com/a.png', 'javascript:alert(1)',
  'JaVaScRiPt:alert(1)', 'data:image/png;base64,AAAA', 'data:text/html,<script>alert(1)</script>', '', '<with space.png>', '/missing.png',
  '../../../../etc/passwd', 'hero.png?x#y', '%ZZ', '/ünï.png', 'vbscript:x', '//evil.example/x.png', 'C:\\\\x.png', 'file:///etc/passwd',
];

const HTML_FRAGMENTS = [
  '<script>window.__fuzzCanary=1</script>', '<script src="https://evil.example/x.js"></script>', '</script>', '<img src=x onerror=alert(1)>',
  '<img src="/hero.png" alt="ok" onload="alert(1)">', '<img src="/hero.png">', '<a href="javascript:alert(1)">x</a>', '<a href="java\tscript:alert(1)">t</a>',
  '<a href="&#106;avascript:alert(1)">e</a>', '<a href="data:text/html,<script>alert(1)</script>">d</a>', '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>', '<iframe srcdoc="<script>alert(1)</script>">', '<object data="x"></object>', '<embed src="x">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<base href="javascript:alert(1)//">', '<link rel=stylesheet href=x>',
  '<style>body{display:none}</style>', '<div style="background:url(javascript:alert(1))">s</div>', '<details open ontoggle=alert(1)>d</details>',
  '<form action="javascript:alert(1)"><button formaction=javascript:alert(1)>b</button></form>', '<math><mtext><script>alert(1)</script></mtext></math>',
  '<!-- <script>alert(1)</script> -->', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', '<template><script>alert(1)</script></template>',
  '<textarea><script>alert(1)</script></textarea>', '<title><script>alert(1)</script></title>', '<xmp><script>alert(1)</script></xmp>',
  '<IMG SRC=JaVaScRiPt:alert(1)>', '<img """><script>alert(1)</script>">', '<a href=" javascript:alert(1)">s</a>', '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>', '<video><source onerror=alert(1)></video>', '<marquee onstart=alert(1)>m</marquee>', '<div>', '</div>',
  '<span onclick="x()">s</span>', '<b>bold</b>', '<a id="x" name="y" href="#z">z</a>', '<', '>', '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</script>', '<img src=`x` onerror=alert(1)>', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<a href="vbscript:msgbox(1)">v</a>', '<isindex action=javascript:alert(1) type=image>', '<frameset onload=alert(1)>', '<keygen autofocus onfocus=alert(1)>',
];

/** One raw HTML fragment from the hostile list, or a mix of them. */
export const hostileHtml = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HTML_FRAGMENTS) }, { weight: 1, arbitrary: inlineText }), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''));

const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), inlineText).map(([level, text]) => `${'#'.repeat(level)} ${text}`);
const setextHeading = fc.tuple(inlineText, fc.constantFrom('===', '---', '=')).map(([text, line]) => `${text}\n${line}`);
const image = fc
  .tuple(inlineText, fc.constantFrom(...IMAGE_SOURCES), fc.constantFrom('', ' "title"', " 'x'", ' (t)', ' "unclosed'))
  .map(([alt, src, title]) => `![${alt}](${src}${title})`);
const refImage = fc.tuple(inlineText, fc.constantFrom(...IMAGE_SOURCES)).map(([alt, src]) => `![${alt}][ref]\n\n[ref]: ${src || '<>'}`);
const htmlImage = fc
  .tuple(fc.constantFrom(...IMAGE_SOURCES), fc.option(inlineText))
  .map(([src, alt]) => `<img src="${src}"${alt === null ? '' : ` alt="${alt.replace(/"/g, '&quot;')}"`}>`);
const faq = fc
  .array(fc.tuple(inlineText, fc.option(inlineText)), { maxLength: 4 })
  .chain((questions) =>
    fc.constantFrom('## FAQ', '## Frequently Asked Questions', '# FAQ', '## faq').map(
      (title) => `${title}\n\n${questions.map(([question, answer]) => `### ${question}?\n${answer ?? ''}`).join('\n\n')}`,
    ),
  );
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'yaml', 'html'), fc.array(inlineText, { maxLength: 3 }), fc.boolean())
  .map(([marker, lang, lines, closed]) => `${marker}${lang}\n${lines.join('\n')}${closed ? `\n${marker}` : ''}`);
const other = fc.constantFrom(
  '- one\n- two\n  - nested', '1. first\n2) second', '> quote\n> > nested', '| a | b |\n|---|---|\n| 1 | 2 |', '***', '---', '[link](https://example.com)',
  '[bad](javascript:alert(1))', '<https://example.com>', '<javascript:alert(1)>', '**sourdough** and oven spring', '    indented code', '\\', '&nbsp;',
  '\n\n\n\n', '   \n \t \n', '\u0000\u0000', '[^1]: footnote', '*'.repeat(60), '['.repeat(50) + ']'.repeat(50), '>'.repeat(40) + ' deep',
  '- '.repeat(40) + 'deep list', '<div>'.repeat(30) + 'deep' + '</div>'.repeat(30),
);

/** Disable comments of every form, naming real rules, none, or a misspelled one; open, in code, or in MDX's syntax. */
export const disableComment = fc
  .tuple(
    fc.constantFrom('disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file', 'disable-files'),
    fc.array(fc.constantFrom('image-alt-missing', 'heading-multiple-h1', 'faq-missing', 'title-length', 'readability', 'keyword-placement', 'faq-mising'), { maxLength: 3 }),
    fc.constantFrom('<!-- @ -->', '<!--@-->', '{/* @ */}', '`<!-- @ -->`', '<!-- @', '<!-- @ --> text after'),
    fc.constantFrom(' ', ', ', ','),
  )
  .map(([kind, ids, form, separator]) => form.replace('@', `article-lint-${kind}${ids.length ? ' ' : ''}${ids.join(separator)}`));

/** What a paired tag's body may hold that must not be read as Markdown: headings, images, links, other tags. */
const pairedBody = fc
  .array(
    fc.oneof(
      inlineText.map((text) => `# ${text}`),
      image,
      fc.constantFrom('[a link](/nowhere/)', '<img src="/missing.png">', '{% raw %}{{ x }}{% endraw %}', '{% endset %}', '{% endhighlight', '', '    indented', '```', '- item'),
      inlineText,
    ),
    { maxLength: 4 },
  )
  .map((lines) => lines.join('\n'));

/**
 * Paired Liquid and Nunjucks tags whose body is not Markdown (highlight, set, capture, raw, verbatim,
 * comment), with whitespace control, nested, open, inline or on their own lines, and the one-tag
 * `{% set x = 1 %}` that is no pair.
 */
const pairedTag = fc
  .tuple(
    fc.constantFrom('highlight "bash"', 'highlight ruby linenos', "highlight 'js'", 'set codeBlock', 'set x = 1', 'capture note', 'raw', 'verbatim', 'comment', 'highlight'),
    fc.constantFrom(['{% ', ' %}'], ['{%- ', ' -%}'], ['{%-', '-%}'], ['{% ', ' -%}']),
    pairedBody,
    fc.constantFrom('block', 'block', 'inline', 'nested', 'open'),
    inlineText,
  )
  .map(([tag, [open, close], inside, shape, text]) => {
    const name = /^\w+/.exec(tag)![0];
    const start = `${open}${tag}${close}`;
    const end = `${open}end${name}${close}`;
    switch (shape) {
      case 'inline':
        return `${text} ${start}${inside.replace(/\n/g, ' ')}${end} ${text}`;
      case 'nested':
        return `${start}\n${start}${inside}${end}\n${inside}\n${end}`;
      case 'open':
        return `${start}\n${inside}`;
      default:
        return `${start}\n${inside}\n${end}`;
    }
  });

/** JSX attributes of every form: expressions with brackets, braces and `>`, strings, template literals, spreads, booleans, and broken ones. */
const JSX_ATTRIBUTES = [
  'src={hero}', "formats={['avif', 'webp']}", 'title="grip > wear"', "label={'}'}", 'caption={`tread } > ${depth}`}', 'onLoad={() => x > 1}',
  '{...props}', 'loading', 'alt=""', 'alt={caption}', 'alt="Studded tyres"', 'alt={"IMG_2034.jpg"}', 'data={{ a: { b: [1, 2] } }}', '{/* note > */}',
  'src="/hero.png"', 'src="/missing.png"', "alt='it}s'", 'src={hero', 'alt="open', 'widths={[240, 540]}\n', 'x=y',
];

const jsxTag = fc
  .tuple(
    fc.constantFrom('Picture', 'Image', 'img', 'Figure'),
    fc.array(fc.constantFrom(...JSX_ATTRIBUTES), { maxLength: 5 }),
    fc.constantFrom(' ', '\n  ', '\n> '),
    fc.constantFrom(' />', '>', '\n/>', ''),
    fc.constantFrom('block', 'inline', 'quote'),
    inlineText,
  )
  .map(([name, attributes, separator, end, shape, text]) => {
    const tag = `<${name}${attributes.map((attribute) => separator + attribute).join('')}${end}`;
    return shape === 'inline' ? `${text} ${tag} ${text}` : shape === 'quote' ? `> ${tag.replace(/\n/g, '\n> ')}` : tag;
  });

/** The syntax beyond CommonMark, whole, nested, open or oddly quoted. */
const beyondCommonMark = fc.oneof(
  fc.tuple(inlineText, image).map(([text, img]) => `Text[^n] ${text}\n\n[^n]: ${text}\n\n    ${img}`),
  fc.tuple(fc.constantFrom('NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION', 'note', 'OTHER'), inlineText, image).map(([kind, text, img]) => `> [!${kind}]\n> ${text}\n> ${img}`),
  fc.tuple(inlineText, image).map(([text, img]) => `> [!NOTE]\n> > [!TIP]\n> > ${img}\n> ${text}`),
  fc.tuple(fc.constantFrom(':::note', ':::tip[Title]', ':::danger A title', ':::other'), inlineText, image, fc.boolean()).map(
    ([open, text, img, closed]) => `${open}\n${text}\n\n${img}${closed ? '\n:::' : ''}`,
  ),
  fc.tuple(inlineText, image).map(([text, img]) => `::::tip\n:::note\n${img}\n:::\n${text}\n::::`),
  fc.tuple(inlineText, image, fc.boolean()).map(([text, img, closed]) => `{/* ${text}\n\n# Old title\n\n${img}\n\n## FAQ${closed ? '\n*/}' : ''}`),
  fc.tuple(inlineText, image).map(([text, img]) => `${text} {/* ${img} */} {props.x} { unclosed ${text}`),
  fc.constantFrom("import { Image } from 'astro:assets';\nexport const x = { a: 1 };", 'export default function Layout() {', '<Picture src="/hero.png" />', '<Picture src={hero} alt="" />'),
  fc.tuple(fc.constantFrom(...IMAGE_SOURCES), inlineText, fc.constantFrom('"', "'", '`', '')).map(
    ([src, text, quote]) => `{{< figure src=${quote}${src}${quote} alt="${text}" caption="${text}" >}}`,
  ),
  fc.tuple(inlineText, fc.constantFrom('{{< figure src="x', '{{% figure src=`/hero.png` %}}', '{{< youtube "a" >}}', '{{< /details >}}', '{{<', '{{< figure\n  src="/hero.png"\n  alt=""\n>}}')).map(([text, code]) => `${text} ${code} ${text}`),
  fc.tuple(inlineText, image, fc.boolean()).map(([text, img, closed]) => `{% comment %}\n${img}\n\n# ${text}${closed ? '\n{% endcomment %}' : ''}`),
  fc.tuple(inlineText, fc.boolean()).map(([text, closed]) => `{% raw %}{{ ${text} }}${closed ? '{% endraw %}' : ''} {% if x %}${text}{% endif %} {{ site.baseurl }}`),
  fc.tuple(inlineText, fc.constantFrom('{{ site.baseurl }}/hero.png', '{{ "/hero.png" | relative_url }}', '{{ x }', '{% link a.png %}', '{{site.url}}'), fc.constantFrom('', ' "t"', ' "open', ')')).map(
    ([alt, src, title]) => `![${alt}](${src}${title})`,
  ),
  fc.tuple(inlineText, fc.constantFrom('&nbsp;', '&#160;', '&#xA0;', ' &nbsp; ')).map(([text, blank]) => `![${blank}](/hero.png) <img src="{{ site.baseurl }}/hero.png" alt="${blank}"> ${text}`),
);

const block = fc.oneof(
  { weight: 2, arbitrary: beyondCommonMark },
  { weight: 4, arbitrary: inlineText },
  { weight: 2, arbitrary: heading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 2, arbitrary: image },
  { weight: 1, arbitrary: refImage },
  { weight: 1, arbitrary: htmlImage },
  { weight: 2, arbitrary: hostileHtml },
  { weight: 1, arbitrary: faq },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: pairedTag },
  { weight: 1, arbitrary: jsxTag },
  { weight: 2, arbitrary: other },
  { weight: 2, arbitrary: disableComment },
  { weight: 1, arbitrary: fc.tuple(inlineText, disableComment).map(([text, comment]) => `${text} ${comment}`) },
);

export const body = fc.array(block, { maxLength: 12 }).map((blocks) => blocks.join('\n\n'));

export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed';

function withLineEndings(text: string, mode: LineEndings): string {
  if (mode === 'lf') return text;
  if (mode === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (mode === 'cr') return text.replace(/\r?\n/g, '\r');
  let count = 0;
  return text.replace(/\n/g, () => (count++ % 2 === 0 ? '\r\n' : '\n'));
}

/** A generated article: frontmatter (or none) and a body, then BOM, line endings, cuts and garbage. */
export const article = fc
  .record({
    frontmatter: fc.option(frontmatter, { freq: 6 }),
    body,
    bom: fc.boolean(),
    endings: fc.constantFrom<LineEndings>('lf', 'lf', 'crlf', 'crlf', 'cr', 'mixed'),
    // Cut the text somewhere (possibly inside a surrogate pair or a CRLF), or not.
    cut: fc.option(fc.nat(), { freq: 5 }),
    // Splice some garbage in somewhere.
    garbage: fc.option(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...ODD_PIECES), fc.string({ unit: 'binary', maxLength: 6 }))), { freq: 4 }),
  })
  .map(({ frontmatter: head, body: text, bom, endings, cut, garbage }) => {
    let result = withLineEndings(`${head ?? ''}\n${text}\n`, endings);
    if (cut !== null) result = result.slice(0, cut % (result.length + 1));
    if (garbage !== null) {
      const at = garbage[0] % (result.length + 1);
      result = result.slice(0, at) + garbage[1] + result.slice(at);
    }
    return (bom ? '\uFEFF' : '') + result;
  });

/** Arbitrary text, unicode of every plane and lone surrogates included, or text made of odd pieces. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom(...ODD_PIECES, ...WORDS, '---\n', '\n---\n', 'title: x\n'), maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 200 }),
);

/** Either kind of input. */
export const anyInput = fc.oneof({ weight: 3, arbitrary: article }, { weight: 1, arbitrary: anyText });
