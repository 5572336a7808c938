/**
 * Markdown bodies for the segment-by-segment body parse (src/core/parse/bodyParse.ts) and the edits typed
 * into them: fences and HTML blocks left open, lists and blockquotes across blank lines, CRLF and lone
 * CR line ends, reference definitions, and the syntax beyond CommonMark (footnotes, alerts,
 * admonitions, MDX comments, ESM, expressions and JSX tags, Liquid paired tags and Hugo shortcodes, open
 * or closed). Not a test file: mocha only loads `*.test.js`.
 */
import fc from 'fast-check';
import type { Token } from '../../../src/core/parse/token';

export interface PlainToken {
  type: string;
  tag: string;
  map: [number, number] | null;
  nesting: number;
  level: number;
  content: string;
  markup: string;
  info: string;
  attrs: [string, string][] | null;
  block: boolean;
  hidden: boolean;
  children: PlainToken[] | null;
}

/** A token's fields as plain data, to compare token streams. */
export function plain(token: Token): PlainToken {
  return {
    type: token.type,
    tag: token.tag,
    map: token.map as [number, number] | null,
    nesting: token.nesting,
    level: token.level,
    content: token.content,
    markup: token.markup,
    info: token.info,
    attrs: token.attrs as [string, string][] | null,
    block: token.block,
    hidden: token.hidden,
    children: token.children ? token.children.map(plain) : null,
  };
}

const FRAGMENTS = [
  'A paragraph with **bold** words and an ![image](/a.png) in it.',
  'Another line of text',
  '# Heading',
  '## Frequently Asked Questions',
  '### Is it a question?',
  '- item one',
  '- item two',
  '  - nested item',
  '1. first',
  '2) second',
  '* star item',
  '> quoted text',
  '> - quoted list',
  '```js',
  '```',
  '~~~',
  '    indented code',
  '<div>',
  '</div>',
  '<!-- a comment',
  '-->',
  '<script>',
  '</script>',
  '<pre>',
  '</pre>',
  '| a | b |',
  '|---|---|',
  '---',
  '***',
  '===',
  '[ref]: /target',
  'A [ref] link',
  '  continued with two spaces',
  '\t tab start',
  '> [!NOTE]',
  '> > [!TIP]',
  ':::note',
  '::::tip[Title]',
  ':::',
  '::::',
  '[^1]: a footnote',
  '    ![](/b.png) continued',
  'Text with a note[^1]',
  '{/*',
  '*/}',
  '{/* one line */}',
  '{props.value}',
  '{',
  '}',
  "import x from 'y';",
  'export const a = {',
  '{% raw %}',
  '{% endraw %}',
  '{% comment %}',
  '{% endcomment %}',
  '{% include a.html %} and {{ site.title }}',
  '{% highlight "bash" %}',
  '{%- highlight js -%} code on the tag line',
  '{% endhighlight %}',
  '{%- set codeBlock %}{% raw %}',
  '{% endraw %}{%- endset %}',
  '{% set x %}',
  '{% set y = 1 %}',
  '{% endset %}',
  '{% capture c %}',
  '{% endcapture %} after',
  '{% verbatim %}',
  '{% endverbatim %}',
  "<Picture src={hero} formats={['avif', 'webp']} />",
  '<Picture',
  '  onLoad={() => x > 1}',
  "  alt={`a } b`} title='c > d'",
  '  {...props}',
  '/>',
  'Text <Image src={x} data={{ a: [1] }} /> more',
  '{{< figure src="/a.png" >}}',
  '{{< figure',
  '    src="x.png" >}}',
  '{{% note %}} odd "quote >}}',
  '',
  '',
  '',
];

export const bodyArbitrary = fc
  .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 10, maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, lineBreak]) => {
    let body = lines.join(lineBreak);
    // Long enough to be parsed by segments.
    while (body.length < 2600) body += lineBreak + lineBreak + 'Padding paragraph number ' + body.length + '.';
    return body + lineBreak;
  });

export const editArbitrary = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.constantFrom('', 'x', ' ', '\n', '\n\n', '`', '```\n', '~~~', '-', '- ', '1. ', '>', '<!--', '-->', '<div>', '#', '    ', '|', ']: /u', '\r\n', '{/*', '*/}', '{', '}', ':::', '\n:::\n', '{% raw %}', '{% comment %}', '{{<', '>}}', '[!NOTE]', '{% highlight js %}', '{% endhighlight %}', '{% set x %}', '{% endset %}', '<Picture src={x}', ' />', '={[1, 2]}'),
});

