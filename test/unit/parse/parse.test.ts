/** parseArticle: frontmatter and body, their positions, and frontmatter edits in the block's own format. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { applyEdits, parseArticle, readingTimeEdit, readingStats, setFrontmatterScalar } from '../../../src/core';
import { REPO } from '../helpers/engine';

const article = ['---', 'title: "Hello" # the title', "pubDate: 2026-03-03", 'readingTime: "9 minutes"', '---', '', '# Hi', '', 'Some words here.', ''].join('\n');

describe('parseArticle', () => {
  it('splits frontmatter and body with exact offsets', () => {
    const parsed = parseArticle(article);
    assert.equal(parsed.frontmatter?.terminated, true);
    assert.deepEqual(parsed.frontmatter?.data, { title: 'Hello', pubDate: '2026-03-03', readingTime: '9 minutes' });
    assert.equal(parsed.bodyLine, 5);
    assert.equal(parsed.body, '\n# Hi\n\nSome words here.\n');
    assert.equal(parsed.tokens.find((t) => t.type === 'heading_open')?.map?.[0], 1);
  });

  it('gives the same positions for BOM + CRLF as for LF', () => {
    const crlf = parseArticle('\uFEFF' + article.replace(/\n/g, '\r\n'));
    const lf = parseArticle(article);
    assert.equal(crlf.hadBom, true);
    assert.equal(crlf.bodyLine, lf.bodyLine);
    assert.deepEqual(crlf.frontmatter?.data, lf.frontmatter?.data);
    const offset = crlf.text.indexOf('Some');
    assert.deepEqual(crlf.lines.positionAt(offset), lf.lines.positionAt(lf.text.indexOf('Some')));
  });

  it('never evaluates ---js frontmatter', () => {
    const marker = `__evaluated_${Date.now()}`;
    const parsed = parseArticle(`---js\n{ title: (globalThis.${marker} = 1, "x") }\n---\nbody\n`);
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
    assert.equal(parsed.frontmatter?.errors[0]?.kind, 'unsupported-language');
    assert.equal(parsed.frontmatter?.data, undefined);
  });

  it('reports an unterminated block, a duplicate key and an alias bomb', () => {
    assert.equal(parseArticle('---\ntitle: x\n\nbody').frontmatter?.errors[0]?.kind, 'unterminated');
    const duplicate = parseArticle('---\ntitle: a\ntitle: b\n---\n');
    assert.equal(duplicate.frontmatter?.errors[0]?.kind, 'duplicate-key');
    assert.equal(duplicate.lines.positionAt(duplicate.frontmatter!.errors[0].start).line, 3);
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const bomb = parseArticle(`---\n${levels.join('\n')}\n---\n`);
    assert.equal(bomb.frontmatter?.errors[0]?.kind, 'alias-limit');
  });

  it('a YAML key that is a collection writes no process warning to stderr (the CLI promises one-line messages)', () => {
    const script = `require(${JSON.stringify(path.join(REPO, 'out', 'src', 'core', 'parse', 'parse.js'))}).parseArticle('---\\n? [a, b]\\n: x\\n? {k: v}: y\\n---\\n')`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
  });
});

describe('frontmatter edits', () => {
  it('rewrites only the reading time value, keeping comments and quotes', () => {
    const parsed = parseArticle(article);
    const minutes = readingStats(parsed).minutes;
    assert.equal(minutes, 1);
    const edit = readingTimeEdit(parsed);
    assert.ok(edit);
    assert.equal(applyEdits(parsed.text, [edit]), article.replace('"9 minutes"', '"1 minute"'));
    assert.equal(readingTimeEdit(parseArticle(applyEdits(parsed.text, [edit]))), undefined);
  });

  it('adds a missing key after its anchor with the file line breaks', () => {
    const text = '---\r\ntitle: x # keep\r\npubDate: 2026-01-01\r\nauthor: me\r\n---\r\nword\r\n';
    const parsed = parseArticle(text);
    const edit = setFrontmatterScalar(parsed, 'readingTime', '1 minute', ['pubDate']);
    assert.equal(applyEdits(text, [edit!]), text.replace('author:', 'readingTime: "1 minute"\r\nauthor:'));
  });
});

describe('YAML mistakes bloggers make, with what to write instead', () => {
  const messages = (yaml: string) => (parseArticle(`---\n${yaml}---\n`).frontmatter?.errors ?? []).map((error) => error.message);

  it('an unquoted value that holds ": "', () => {
    assert.deepEqual(messages('title: My post: a guide\n'), ['YAML syntax error: a value that holds ": " must be quoted: write title: "My post: a guide".']);
  });

  it('a tab used for indentation', () => {
    assert.deepEqual(messages('cover:\n\timage: /a.png\n'), ['YAML syntax error: indentation must be spaces, not tabs: replace the tab at the start of this line with spaces.']);
  });

  it('an unclosed quote', () => {
    assert.deepEqual(messages('title: "Unclosed\n'), ['YAML syntax error: a "quoted" value is not closed: add the closing ".']);
  });
});

describe('TOML mistakes bloggers make, with what to write instead', () => {
  const messages = (toml: string) => (parseArticle(`+++\n${toml}+++\n`).frontmatter?.errors ?? []).map((error) => error.message);

  it('unquoted text', () => {
    assert.deepEqual(messages('title = My post\n'), ['TOML syntax error: text must be quoted in TOML: write title = "My post".']);
  });

  it('a key with no value', () => {
    assert.deepEqual(messages('draft = false\ntitle = \n'), ['TOML syntax error: title has no value after "=": write one, e.g. title = "…".']);
    const error = parseArticle('+++\ndraft = false\ntitle = \n+++\n').frontmatter!.errors[0];
    assert.deepEqual([error.start, error.end], [18, 26], 'on the key’s line');
  });

  it('an unclosed quote, a date that is none, and the parser’s own words otherwise', () => {
    assert.deepEqual(messages('title = "Unclosed\n'), ['TOML syntax error: a "quoted" value is not closed: add the closing quote.']);
    assert.deepEqual(messages('date = 2026-13-01\n'), ['TOML syntax error: this is not a date: write it as 2026-03-03.']);
    assert.deepEqual(messages('tags = ["a", "b"\n'), ['TOML syntax error: Unterminated array.']);
  });
});
