/**
 * Property tests of the engine and the renderer (issue 8) with fast-check: arbitrary text and
 * generated hostile articles (article-arbitraries.ts). Each property runs FUZZ_RUNS cases
 * (helpers/fuzzConfig.ts): a few hundred under `npm test`, 100,000 in all under `npm run fuzz`.
 *
 * - analyzeArticle never throws, terminates, reports no internal rule error, and every finding's
 *   range lies inside the text with line/column agreeing with the offsets (an independent count);
 * - it is deterministic: the same findings twice, also after other texts went through the caches,
 *   and the caller's results are never changed by later analyses;
 * - every fix edits only inside the text, never splits a surrogate pair or a CRLF, changes nothing
 *   outside its ranges, and makes its own finding go away; safe fixes never break the YAML, and
 *   once all safe fixes are applied no safe fix is offered again;
 * - renderArticle never throws, and the HTML it produces (parsed by a real HTML5 parser) has no
 *   script, no event handler, no script URL, no frame, meta, base or style;
 * - the body parsed segment by segment while it is edited (bodyParse.ts) gives exactly the tokens of
 *   one parse of the whole body (markdown-arbitraries.ts: open fences and HTML blocks, lists, CR/CRLF).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { allRules, analyzeArticle, applyEdits, defaultConfig, markdownParser, parseArticle, type Finding, type TextEdit } from '../../src/core';
import { type AnalysisResult } from '../../src/core/analyze/analyze';
import { type BodyKind } from '../../src/core/parse/markdown';
import { ArticleState } from '../../src/core/parse/articleState';
import { SLICED_PARSE_FROM } from '../../src/core/parse/bodyParse';
import { parseArticleInSlices } from '../../src/core/parse/parse';
import { renderArticle } from '../../src/core/render/article';
import { safeFixEdits } from '../../src/core/fixes/safeFixes';
import { anyInput, anyText, article, body, hostileHtml } from './helpers/articleArbitraries';
import { asTyped, memoryFs } from './helpers/engine';
import { bodyArbitrary as markdownBody, editArbitrary as bodyEdit, plain } from './helpers/markdownArbitraries';
import { assertInertHtml } from './helpers/htmlInert';
import { PROPERTY_COUNT, runsPerProperty } from './helpers/fuzzConfig';
import { disableComments, isDisabled } from '../../src/core/facts/disableComments';

const RUNS = runsPerProperty();
/** A case that takes longer than this fails: "terminates" (generated inputs are a few KB). */
const CASE_TIMEOUT_MS = 10_000;
const SITE = path.resolve('virtual-site');
const FILES = {
  [path.join(SITE, 'public', 'hero.png')]: 'png',
  [path.join(SITE, 'src', 'content', 'blog', 'jar.png')]: 'png',
};
const fs = memoryFs(FILES);
const config = defaultConfig(allRules, SITE);

const counts = { properties: 0, cases: 0 };
const fileName = fc.constantFrom('post.md', 'post.md', 'post.mdx', 'notes.md');
const forced = fc.constantFrom<boolean | undefined>(undefined, undefined, true);

function filePathOf(name: string): string {
  return name === 'notes.md' ? path.join(SITE, 'notes', name) : path.join(SITE, 'src', 'content', 'blog', name);
}

function analyze(text: string, name = 'post.md', isArticle?: boolean): Promise<AnalysisResult> {
  return analyzeArticle(text, { filePath: filePathOf(name), fs, config, isArticle });
}

/** Runs a property with FUZZ_RUNS cases and counts them. */
async function check<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<Ts> | fc.IProperty<Ts>, runs = RUNS): Promise<void> {
  counts.properties++;
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  await fc.assert(property as fc.IAsyncProperty<Ts>, { numRuns: runs, timeout: CASE_TIMEOUT_MS, endOnFailure: false, ...(seed === undefined ? {} : { seed }) });
}

/** Line and column of an offset, counted independently of LineIndex: lines end at LF, CRLF or a lone CR. */
function oracle(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match && match.index + match[0].length <= offset; match = breaks.exec(text)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, column: offset - lineStart + 1 };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when an offset falls between the halves of a surrogate pair or of a CRLF. */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (isHigh(before) && isLow(after)) || (before === 13 && after === 10);
}

function assertFindingsValid(result: AnalysisResult): void {
  const text = result.article.text;
  let previous: Finding | undefined;
  for (const finding of result.findings) {
    const where = `${finding.ruleId} ${finding.start}-${finding.end} of ${text.length}`;
    assert.ok(!/^Internal error/.test(finding.message), `a rule threw: ${finding.message}`);
    assert.ok(Number.isInteger(finding.start) && Number.isInteger(finding.end), where);
    assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, `range outside the text: ${where}`);
    assert.deepEqual({ line: finding.line, column: finding.column }, oracle(text, finding.start), `start position of ${where}`);
    assert.deepEqual({ line: finding.endLine, column: finding.endColumn }, oracle(text, finding.end), `end position of ${where}`);
    assert.ok(finding.message.length > 0, `empty message: ${where}`);
    if (previous) assert.ok(previous.start < finding.start || (previous.start === finding.start && previous.end <= finding.end), 'findings are sorted');
    previous = finding;
    if (finding.fix) {
      assert.ok(finding.fix.title.length > 0, `fix without a title: ${where}`);
      assertEditsValid(text, finding.fix.edits, where);
    }
  }
}

function assertEditsValid(text: string, edits: readonly TextEdit[], where: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let end = 0;
  for (const edit of sorted) {
    assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length, `edit outside the text: ${where}`);
    assert.ok(edit.start >= end, `overlapping edits: ${where}`);
    assert.ok(!splitsPair(text, edit.start) && !splitsPair(text, edit.end), `an edit splits a surrogate pair or CRLF: ${where}`);
    end = edit.end;
  }
}

/** Applies edits by hand: the text between and around the edits must come through unchanged. */
function assertOnlyInsideRanges(text: string, edits: readonly TextEdit[], result: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let expected = '';
  let at = 0;
  for (const edit of sorted) {
    expected += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  expected += text.slice(at);
  assert.equal(result, expected, 'applying the fix changed text outside its ranges');
}

function snapshot(result: AnalysisResult): string {
  return JSON.stringify({ findings: result.findings, stats: result.stats, isArticle: result.isContent, schemaSource: result.schemaSource });
}

const resolveImage = (src: string) =>
  src.startsWith('/missing') ? { missingPath: src } : { url: `https://file+.vscode-resource.vscode-cdn.net/site${src.startsWith('/') ? '' : '/'}${src}` };

describe('properties of the engine and the renderer (fast-check)', function () {
  this.timeout(Math.max(120_000, RUNS * 300));

  after(() => {
    console.log(`      fuzz: ${counts.properties} properties, ${counts.cases} inputs tried (FUZZ_RUNS=${RUNS} each)`);
  });

  it(`the property count in helpers/fuzzConfig.ts matches this file (${PROPERTY_COUNT})`, function () {
    const source = this.test?.parent?.tests.filter((test) => /^property:/.test(test.title)).length;
    assert.equal(source, PROPERTY_COUNT);
  });

  it('property: analyzeArticle never throws or hangs, and every finding lies inside the text with matching line/column', async () => {
    await check(
      fc.asyncProperty(anyInput, fileName, forced, async (text, name, isArticle) => {
        counts.cases++;
        assertFindingsValid(await analyze(text, name, isArticle));
      }),
    );
  });

  it('property: arbitrary text analysed as an article (every rule runs) never throws, ranges inside', async () => {
    await check(
      fc.asyncProperty(anyText, fc.boolean(), async (text, bom) => {
        counts.cases++;
        assertFindingsValid(await analyze((bom ? '\uFEFF' : '') + text, 'post.md', true));
      }),
    );
  });

  it('property: a rule that a disable comment turns off never reports there (article and MDX bodies)', async () => {
    await check(
      fc.asyncProperty(anyInput, fileName, async (text, name) => {
        counts.cases++;
        const result = await analyze(text, name, true);
        const comments = disableComments(result.article);
        for (const finding of result.findings) {
          assert.ok(!isDisabled(comments, finding.ruleId, finding.line), `${finding.ruleId} at line ${finding.line} is turned off by a comment`);
        }
      }),
    );
  });

  it('property: analysis is deterministic, also after other texts went through the caches, and never changes earlier results', async () => {
    await check(
      fc.asyncProperty(anyInput, anyInput, fileName, async (text, other, name) => {
        counts.cases++;
        const first = await analyze(text, name);
        const firstSnapshot = snapshot(first);
        const again = await analyze(text, name);
        assert.equal(snapshot(again), firstSnapshot, 'the same text twice');
        await analyze(other, name);
        await analyze(other, 'notes.md', true);
        assert.equal(snapshot(await analyze(text, name)), firstSnapshot, 'after another text');
        assert.equal(snapshot(first), firstSnapshot, 'later analyses changed an earlier result');
      }),
    );
  });

  it('property: parseArticle splits consistently (BOM, frontmatter offsets, body, line index)', async () => {
    await check(
      fc.property(anyInput, (input) => {
        counts.cases++;
        const parsed = parseArticle(input);
        assert.equal(parsed.hadBom, input.charCodeAt(0) === 0xfeff);
        assert.equal(parsed.text, parsed.hadBom ? input.slice(1) : input);
        const fm = parsed.frontmatter;
        if (fm) {
          assert.ok(0 === fm.start && fm.contentStart <= fm.contentEnd && fm.contentEnd <= fm.end && fm.end <= parsed.text.length, `${fm.start} ${fm.contentStart} ${fm.contentEnd} ${fm.end} of ${parsed.text.length}`);
          for (const error of fm.errors) assert.ok(0 <= error.start && error.start <= error.end && error.end <= parsed.text.length, error.message);
        }
        assert.equal(parsed.body, parsed.text.slice(parsed.bodyOffset));
        assert.equal(parsed.bodyLine + 1, oracle(parsed.text, parsed.bodyOffset).line);
        assert.equal(parsed.lines.lineCount, parsed.text.split(/\r\n|\r|\n/).length);
        const again = parseArticle(input);
        assert.deepEqual(again.frontmatter?.data, fm?.data);
        assert.deepEqual(again.frontmatter?.errors, fm?.errors);
      }),
    );
  });

  it('property: each fix changes nothing outside its ranges, keeps the rest parseable, and makes its finding go away', async () => {
    await check(
      fc.asyncProperty(article, fileName, fc.nat(), async (text, name, pick) => {
        counts.cases++;
        const result = await analyze(text, name);
        const fixable = result.findings.filter((finding) => finding.fix && finding.fix.edits.length > 0);
        if (fixable.length === 0) return;
        const finding = fixable[pick % fixable.length];
        const fix = finding.fix!;
        // A fix that leaves the cursor for the author (an empty alt) is complete once they type there.
        const edits = asTyped(fix.edits);
        const fixed = applyEdits(result.article.text, edits);
        assertOnlyInsideRanges(result.article.text, edits, fixed);
        const after = await analyze((result.article.hadBom ? '\uFEFF' : '') + fixed, name);
        assertFindingsValid(after);
        const sameFix = (f: Finding) => f.ruleId === finding.ruleId && f.fix?.title === fix.title;
        assert.ok(
          after.findings.filter(sameFix).length < result.findings.filter(sameFix).length,
          `"${fix.title}" (${finding.ruleId}) is offered again after it was applied`,
        );
        // Errors only: a fix may rightly bring a warning of its own (a key renamed to the title's, whose value a `#` cuts short).
        const syntax = (r: AnalysisResult) => r.findings.filter((f) => f.ruleId === 'frontmatter-syntax' && f.severity === 'error').length;
        assert.ok(syntax(after) <= syntax(result), `"${fix.title}" broke the frontmatter`);
      }),
    );
  });

  it('property: applying all safe fixes at once, then analysing again, offers no safe fix (idempotent)', async () => {
    await check(
      fc.asyncProperty(article, fileName, async (text, name) => {
        counts.cases++;
        const result = await analyze(text, name);
        const edits = safeFixEdits(result.findings);
        if (edits.length === 0) return;
        const fixed = applyEdits(result.article.text, edits);
        assertOnlyInsideRanges(result.article.text, edits, fixed);
        const after = await analyze((result.article.hadBom ? '\uFEFF' : '') + fixed, name);
        assertFindingsValid(after);
        const left = after.findings.filter((finding) => finding.fix?.safe && finding.fix.edits.length > 0);
        assert.deepEqual(left.map((finding) => finding.fix!.title), [], 'a safe fix is offered again');
        assert.equal(applyEdits(after.article.text, safeFixEdits(after.findings)), after.article.text);
      }),
    );
  });

  it('property: renderArticle never throws and never emits script, handlers or script URLs (HTML on and off)', async () => {
    await check(
      fc.property(anyInput, fc.boolean(), fc.boolean(), fc.constantFrom<BodyKind>('md', 'mdx'), (text, allowHtml, dedupeHero, kind) => {
        counts.cases++;
        const rendered = renderArticle(parseArticle(text, undefined, { kind }), { resolveImage, allowHtml, dedupeHero, siteUrl: 'https://example.com/blog' });
        assertInertHtml(rendered.html);
      }),
    );
  });

  it('property: generated hostile HTML in the body and the frontmatter renders inert', async () => {
    const hostileArticle = fc
      .tuple(hostileHtml, hostileHtml, body, fc.array(hostileHtml, { minLength: 1, maxLength: 6 }))
      .map(([title, alt, rest, blocks]) =>
        ['---', `title: ${JSON.stringify(title)}`, `description: ${JSON.stringify(alt)}`, `heroImage: ${JSON.stringify(alt)}`, `heroImageAlt: ${JSON.stringify(alt)}`, `author: ${JSON.stringify(title)}`, `keywords: [${JSON.stringify(title)}]`, '---', '', ...blocks, rest, ...blocks.map((b) => `- ${b}`), ...blocks.map((b) => `> ${b}`)].join('\n'),
      );
    await check(
      fc.property(hostileArticle, fc.boolean(), (text, allowHtml) => {
        counts.cases++;
        const rendered = renderArticle(parseArticle(text), { resolveImage: (src) => ({ url: src }), allowHtml });
        assertInertHtml(rendered.html);
      }),
    );
  });

  it('property: no fix edit reaches past the end of the text it was computed for', async () => {
    // The editor re-analyses before applying; this checks the engine side: edits for text A, applied
    // to a text B that only appended to A, still only touch A's ranges.
    await check(
      fc.asyncProperty(article, inlineAppend(), fileName, async (text, appended, name) => {
        counts.cases++;
        const result = await analyze(text, name);
        const longer = result.article.text + appended;
        for (const finding of result.findings) {
          if (!finding.fix) continue;
          const fixed = applyEdits(longer, finding.fix.edits);
          assert.ok(fixed.endsWith(appended), 'an edit reached past the end of the text it was computed for');
        }
      }),
    );
  });

  it('property: the body parsed by segments while it is edited (and edits undone) gives the tokens of one whole parse', async () => {
    await check(
      fc.property(markdownBody, fc.array(fc.tuple(bodyEdit, fc.boolean()), { minLength: 1, maxLength: 12 }), fc.constantFrom<BodyKind>('md', 'mdx'), (start, steps, kind) => {
        counts.cases++;
        // The document state's parser for this kind of body, as parseArticle uses it.
        const parser = new ArticleState().bodyParser(kind);
        let text = start;
        const versions = [text];
        parser.parse(text);
        for (const [{ at, remove, insert }, undo] of steps) {
          // An undo goes back two versions: segments the last version did not have come back.
          if (undo && versions.length >= 3) text = versions[versions.length - 3];
          else {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + insert + text.slice(position + remove);
          }
          versions.push(text);
          assert.deepEqual(parser.parse(text).map(plain), markdownParser(kind).parse(text, {}).map(plain));
        }
      }),
    );
  });

  it('property: a long article parsed in slices (a site index in the background) gives the tokens of one whole parse', async () => {
    await check(
      fc.asyncProperty(fc.array(markdownBody, { minLength: 1, maxLength: 6 }), fc.constantFrom<BodyKind>('md', 'mdx'), async (bodies, kind) => {
        counts.cases++;
        // Repeated past the length from which the parse goes in pieces.
        let text = '';
        while (text.length < SLICED_PARSE_FROM + 1) text += `${bodies.join('\n\n')}\n\n`;
        const sliced = await parseArticleInSlices(text, { kind }, async () => undefined);
        const whole = parseArticle(text, undefined, { kind });
        assert.deepEqual(sliced.tokens.map(plain), whole.tokens.map(plain));
        assert.equal(sliced.body, whole.body);
      }),
      Math.max(1, Math.floor(RUNS / 10)),
    );
  });
});

function inlineAppend(): fc.Arbitrary<string> {
  return fc.string({ unit: 'grapheme', maxLength: 20 }).map((text) => `\n${text}`);
}
