/**
 * The indexes the token rules of parse/syntax/ ask instead of scanning ahead from every `{`, tag or
 * line (scan.ts: BraceEnds, TemplateEnds, ScanIndex; pairedTags.ts: PairedTags; the JSX block rule's
 * reading from the source): on any text, the same answers as the one scan each stands for. How long
 * hostile texts take is checked in test/unit/hostile.test.ts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { jsxTagEnd } from '../../../src/core/parse/syntax/jsx';
import { mdx } from '../../../src/core/parse/syntax/mdx';
import { closingTagScan, PairedTags } from '../../../src/core/parse/syntax/pairedTags';
import { BraceEnds, braceEnd, braceEndIn, lineAtOffset, TemplateEnds, templateEnd, templateEndIn } from '../../../src/core/parse/syntax/scan';
import { runsPerProperty } from '../helpers/fuzzConfig';

const RUNS = Math.max(500, runsPerProperty());

/** Text made of the characters a scanner looks at, and a place in it. */
function textOf(pieces: string[], maxLength = 60): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));
}

const BRACE_TEXT = textOf(['{', '}', '{', '}', '"', "'", '`', '/', '*', '\\', '\n', 'a', ' ', '/*', '*/', '//', '\\"', "\\'", '\\`', '"}"', "'{'", '`}`']);
const TEMPLATE_TEXT = textOf(['{', '%', '}', '>', '<', '"', '`', "'", 'a', ' ', '\n', '%}', '}}', '>}}', '%}}', '{%', '{{']);
const TAG_TEXT = textOf(
  [
    '{% raw %}', '{% endraw %}', '{%- verbatim -%}', '{% endverbatim %}', '{% comment %}', '{%- endcomment -%}', '{% set x %}', '{% set x = 1 %}',
    '{% endset %}', '{% capture y %}', '{% endcapture %}', '{% highlight "js" %}', '{% endhighlight %}', '{% if x %}', '{% endif %}', '{%', '%}',
    '{% raw', 'endraw %}', '{{ x }}', 'a', ' ', '\n',
  ],
  30,
);
const PAIRED_NAMES = ['raw', 'verbatim', 'comment', 'set', 'capture', 'highlight'];

/** Offsets just past each `%}`: where the rules ask for a paired tag's end (past its opening tag). */
function pastTagEnds(src: string): number[] {
  const places: number[] = [];
  for (let at = src.indexOf('%}'); at !== -1; at = src.indexOf('%}', at + 1)) places.push(at + 2);
  return places;
}

describe('the indexes of the syntax rules give the answers of their scans', () => {
  it('BraceEnds: braceEnd at every `{` from any low place, up to any end (property)', () => {
    fc.assert(
      fc.property(BRACE_TEXT, fc.nat(), fc.nat(), (src, lowSeed, endSeed) => {
        const end = endSeed % (src.length + 1);
        const low = lowSeed % (end + 1);
        const index = new BraceEnds(src, low, end);
        for (let at = low; at < end; at++) {
          if (src[at] === '{') assert.equal(index.at(at), braceEnd(src, at, end), `{ at ${at} in ${JSON.stringify(src)} up to ${end}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('TemplateEnds: templateEnd from every place, for each closing delimiter (property)', () => {
    fc.assert(
      fc.property(TEMPLATE_TEXT, fc.nat(), fc.nat(), fc.constantFrom('%}', '}}', '>}}', '%}}'), (src, lowSeed, endSeed, close) => {
        const end = endSeed % (src.length + 1);
        const low = lowSeed % (end + 1);
        const index = new TemplateEnds(src, low, end, close);
        for (let at = low; at <= end; at++) {
          assert.equal(index.at(at), templateEnd(src, at, end, close), `${close} from ${at} in ${JSON.stringify(src)} up to ${end}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('braceEndIn and templateEndIn: the scans, asked in any order and as often as a rule asks (property)', () => {
    fc.assert(
      fc.property(BRACE_TEXT, TEMPLATE_TEXT, fc.array(fc.nat(), { minLength: 1, maxLength: 200 }), (braces, template, asks) => {
        // A state per text, as markdown-it gives each token rule.
        const braceState = { src: braces };
        const templateState = { src: template };
        const openings = [...braces].flatMap((char, at) => (char === '{' ? [at] : []));
        for (const ask of asks) {
          if (openings.length) {
            const at = openings[ask % openings.length];
            assert.equal(braceEndIn(braceState, at, braces.length), braceEnd(braces, at, braces.length));
          }
          const from = ask % (template.length + 1);
          assert.equal(templateEndIn(templateState, from, template.length, '%}'), templateEnd(template, from, template.length, '%}'));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('PairedTags: closingTagScan for every paired name, past every `%}`, up to any end (property)', () => {
    fc.assert(
      fc.property(TAG_TEXT, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (src, endSeeds) => {
        const tags = new PairedTags(src);
        const ends = [src.length, ...endSeeds.map((seed) => seed % (src.length + 1))];
        for (const from of [0, ...pastTagEnds(src)]) {
          for (const name of PAIRED_NAMES) {
            for (const end of ends) {
              assert.deepEqual(tags.closingTag(name, from, end), closingTagScan(src, name, from, end), `${name} from ${from} up to ${end} in ${JSON.stringify(src)}`);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('lineAtOffset: the last line at or before an offset, as a walk over the lines finds it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (gaps, firstSeed, offset) => {
        const marks: number[] = [];
        gaps.reduce((at, gap) => (marks.push(at + gap), at + gap), 0);
        const first = firstSeed % marks.length;
        let walked = first;
        while (walked + 1 < marks.length && marks[walked + 1] <= offset % 400) walked++;
        assert.equal(lineAtOffset(marks, first, marks.length, offset % 400), walked);
      }),
      { numRuns: RUNS },
    );
  });

  it('the MDX JSX block rule reads the tags the lines up to the next blank line hold, in blockquotes and lists too (property)', () => {
    // The rule as it reads with no index: every line up to the next blank line, then the tag in them.
    const linesOnly = (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
      if (state.sCount[startLine] - state.blkIndent >= 4) return false;
      if (state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]) !== 0x3c) return false;
      let last = startLine;
      while (last + 1 < endLine && !state.isEmpty(last + 1)) last++;
      const lines = state.getLines(startLine, last + 1, state.blkIndent, false);
      const tagStart = lines.indexOf('<');
      if (!/[a-z]/i.test(lines.charAt(tagStart + 1))) return false;
      let close = jsxTagEnd(lines, tagStart, lines.length);
      if (close !== -1 && !lines.slice(tagStart, close).includes('{')) close = -1;
      if (close === -1) return false;
      const lineEnd = lines.indexOf('\n', close);
      if (!/^[ \t]*$/.test(lines.slice(close, lineEnd === -1 ? lines.length : lineEnd))) return false;
      if (silent) return true;
      let tagLine = startLine;
      for (let at = lines.indexOf('\n'); at !== -1 && at < close; at = lines.indexOf('\n', at + 1)) tagLine++;
      const token = state.push('html_block', '', 0);
      token.map = [startLine, tagLine + 1];
      token.content = state.getLines(startLine, tagLine + 1, state.blkIndent, true);
      state.line = tagLine + 1;
      return true;
    };
    const ours = new MarkdownIt({ html: true }).use(mdx);
    const reference = new MarkdownIt({ html: true }).use(mdx);
    reference.block.ruler.at('mdx_jsx_block', linesOnly);
    // Tags in containers, their attributes on one line or many (blockquote markers, indentation,
    // lazy and blank lines between), open or closed, then what follows them.
    const separator = fc.constantFrom(' ', ' ', '\n', '\n> ', '\n>  ', '\n  ', '\n\t', '\n>\n> ', '\n\n');
    const attribute = fc.constantFrom('src={x}', 'b={', 'c={"}"}', "d='>'", 'e="', '{...p}', 'f={`\n> }`}', 'g={/* > */}', '}', '"', 'h');
    const tag = fc
      .tuple(
        fc.constantFrom('', '> ', '- ', '> - ', '- > ', '1. ', '  '),
        fc.constantFrom('<Picture', '<a', '<3'),
        fc.array(fc.tuple(separator, attribute), { maxLength: 5 }),
        fc.constantFrom(' />', '>', '', '\n/>', '\n> />', ' /> x'),
      )
      .map(([container, name, attributes, end]) => `${container}${name}${attributes.map(([space, value]) => space + value).join('')}${end}`);
    const text = fc
      .array(fc.tuple(tag, fc.constantFrom('\n', '\n\n', '\n# h\n', '\n> x\n', '\nx\n')), { minLength: 1, maxLength: 4 })
      .map((blocks) => blocks.map(([block, after]) => block + after).join(''));
    fc.assert(
      fc.property(text, (src) => {
        const plain = (tokens: MarkdownIt.Token[]) => tokens.map((token) => [token.type, token.content, token.map]);
        assert.deepEqual(plain(ours.parse(src, {})), plain(reference.parse(src, {})), JSON.stringify(src));
      }),
      { numRuns: RUNS },
    );
  });
});
