/**
 * The body parsed by segments (bodyParse.ts) reuses the tokens of unchanged segments. That it always
 * gives the tokens of one parse of the whole body is a property in properties.test.ts (also run by
 * `npm run fuzz`).
 */
import * as assert from 'node:assert/strict';
import { ArticleState, markdownParser } from '../../../src/core';
import { BodyParser, parseBodyInSlices, SLICED_PARSE_FROM } from '../../../src/core/parse/bodyParse';
import { type Token } from '../../../src/core/parse/token';
import { plain } from '../helpers/markdownArbitraries';

describe('body parse by segments', () => {
  it('reuses the tokens of unchanged segments, with their lines moved where the text above grew', () => {
    const paragraphs = Array.from({ length: 80 }, (_, index) => `Paragraph ${index} with some words in it.`);
    const body = paragraphs.join('\n\n') + '\n';
    const parser = new BodyParser(markdownParser);
    parser.parse(body);
    // After a whole parse, the next version is parsed segment by segment...
    const first = parser.parse(body.replace('Paragraph 79', 'Paragraph 79a'));
    // ...and from then on an edit inside the last paragraph reuses every earlier token object.
    const edited = body.replace('Paragraph 79', 'Paragraph 79b');
    const second = parser.parse(edited);
    assert.equal(second[0], first[0]);
    assert.equal(second.at(-4), first.at(-4));
    assert.notEqual(second.at(-2), first.at(-2));
    // A line added at the top: the later segments' tokens are copies with shifted maps.
    const grown = 'New first line\n' + edited;
    const third = parser.parse(grown);
    assert.deepEqual(third.map(plain), markdownParser().parse(grown, {}).map(plain));
    const before = second.at(-3)!.map as [number, number];
    assert.deepEqual(third.at(-3)!.map, [before[0] + 1, before[1] + 1]);
  });

  it('parses the rest of the body once when a fence is left open, not once per following segment', () => {
    const paragraphs = Array.from({ length: 400 }, (_, index) => `Paragraph ${index} with some words in it.`);
    const body = paragraphs.join('\n\n') + '\n';
    let parsedCharacters = 0;
    const counting = () => ({
      parse(text: string, env: Record<string, unknown>) {
        parsedCharacters += text.length;
        return markdownParser().parse(text, env);
      },
    });
    const parser = new BodyParser(counting as unknown as typeof markdownParser);
    parser.parse(body);
    parser.parse(body.replace('Paragraph 1 ', 'Paragraph 1b '));
    parsedCharacters = 0;
    // An opening fence near the top with no closing one: it runs to the end of the body.
    const open = body.replace('Paragraph 2 ', '```\n\nParagraph 2 ');
    assert.deepEqual(parser.parse(open).map(plain), markdownParser().parse(open, {}).map(plain));
    assert.ok(parsedCharacters <= 2 * open.length, `parsed ${parsedCharacters} characters for a body of ${open.length}`);
  });

  it('an edit undone, or one elsewhere after it, reparses nothing the version before last had', () => {
    const paragraphs = Array.from({ length: 80 }, (_, index) => `Paragraph ${index} with some words in it.`);
    const body = paragraphs.join('\n\n') + '\n';
    const parsed: string[] = [];
    const recording = () => ({
      parse(text: string, env: Record<string, unknown>) {
        parsed.push(text);
        return markdownParser().parse(text, env);
      },
    });
    const parser = new BodyParser(recording as unknown as typeof markdownParser);
    parser.parse(body);
    const first = body.replace('Paragraph 79 ', 'Paragraph 79x ');
    parser.parse(first);
    const seventhEdited = first.replace('Paragraph 7 ', 'Paragraph 7b ');
    parser.parse(seventhEdited);
    // Paragraph 7 as it was, and paragraph 40 edited (an undo, then an edit elsewhere): the original
    // paragraph 7 is the version before last's; only paragraph 40 is new.
    parsed.length = 0;
    const fortiethEdited = first.replace('Paragraph 40 ', 'Paragraph 40c ');
    assert.deepEqual(parser.parse(fortiethEdited).map(plain), markdownParser().parse(fortiethEdited, {}).map(plain));
    assert.deepEqual(parsed, ['Paragraph 40c with some words in it.\n\n']);
    // Back to the version before last: every segment is known.
    parsed.length = 0;
    assert.deepEqual(parser.parse(seventhEdited).map(plain), markdownParser().parse(seventhEdited, {}).map(plain));
    assert.deepEqual(parsed, []);
  });

  // npm run fuzz, seed -266504827: a `{` at the start of a line is an MDX expression that ends at its
  // matching brace, past blank lines and strings; a backtick typed into it, and one typed far below,
  // moved that end past the segments, so the parse by segments no longer equalled a whole parse.
  it('an MDX flow expression whose end lies past the segment it starts in gives the tokens of a whole parse', () => {
    const head = 'A paragraph.\r\n{props.value}\r\n---\r\n{{< figure src="/a.png" >}}\r\n- item one\r\n\r\n';
    let text = head + Array.from({ length: 70 }, (_, i) => `Padding paragraph number ${200 + i * 33}.\r\n`).join('\r\n');
    const parser = new ArticleState().bodyParser('mdx');
    parser.parse(text);
    const inside = text.indexOf('{{<') + 1;
    text = `${text.slice(0, inside)}\`${text.slice(inside)}`;
    parser.parse(text);
    const below = text.length - 40;
    text = `${text.slice(0, below)}\`${text.slice(below)}`;
    const shape = (tokens: readonly Token[]) => tokens.map((token) => [token.type, token.map, token.content]);
    assert.deepEqual(shape(parser.parse(text)), shape(markdownParser('mdx').parse(text, {})));
  });

  it('parses a long body in pieces with turns between, giving the tokens of one whole parse; what must be parsed whole is', async () => {
    const sections = Array.from({ length: 1000 }, (_, index) => `## Section ${index}\n\nParagraph ${index} with *some* words and [a link](./page-${index}.md).\n\n- item ${index}\n- another`);
    const body = sections.join('\n\n') + '\n';
    assert.ok(body.length > 2 * SLICED_PARSE_FROM);
    const parse = async (text: string) => {
      let turns = 0;
      const tokens = await parseBodyInSlices(text, markdownParser(), undefined, async () => {
        turns++;
      });
      assert.deepEqual(tokens.map(plain), markdownParser().parse(text, {}).map(plain));
      return turns;
    };
    assert.ok((await parse(body)) >= 2);
    // A fence opened partway and never closed: the rest in one parse, the same tokens.
    const open = body.replace('## Section 400\n', '```\n## Section 400\n');
    const beforeFence = await parse(open);
    assert.ok(beforeFence >= 1 && beforeFence < (await parse(body)));
    // A reference definition anywhere: one parse, no turn.
    assert.equal(await parse(`${body}\n[a link]: ./elsewhere.md\n`), 0);
    // Short: one parse.
    assert.equal(await parse(sections.slice(0, 3).join('\n\n')), 0);
  });
});
