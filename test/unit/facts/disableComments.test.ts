/** Disable comments: what they turn off, where, in Markdown and MDX, for article and site-wide rules. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, analyzeArticle, applyEdits, defaultConfig, parseArticle } from '../../../src/core';
import { checkSiteArticle } from '../../../src/core/analyze/siteRules';
import { disableRuleEdit, ruleIdAt, ruleIdSiteAt } from '../../../src/core/editor/disableEdits';
import { disableComments, isDisabled } from '../../../src/core/facts/disableComments';
import { rolesFor } from '../../../src/core/site/directory';
import { siteEntry } from '../../../src/core/site/entry';
import { SiteModel } from '../../../src/core/site/model';
import { pack, unpack } from '../../../src/core/site/packed';
import { runCli, tempDir } from '../helpers/cli';

const FRONTMATTER = '---\ntitle: "Storing winter squash until spring comes"\n---\n';
const TWO_H1 = `${FRONTMATTER}\n# First\n\n# Second\n`;

const ruleIdsOf = async (text: string, filePath?: string) =>
  (await analyzeArticle(text, { isArticle: true, filePath, config: defaultConfig(allRules) })).findings.map((finding) => `${finding.ruleId}@${finding.line}`);

describe('disable comments', () => {
  it('reads every form, with its ids and lines, and none inside code', () => {
    const text = [
      FRONTMATTER.trimEnd(),
      '<!-- article-lint-disable faq-missing, readability -->',
      'Text <!-- article-lint-disable-line image-alt-missing --> more.',
      '',
      '<!-- article-lint-disable-next-line -->',
      '<!-- article-lint-enable -->',
      '<!--article-lint-disable-file title-length-->',
      '',
      '```',
      '<!-- article-lint-disable-file faq-missing -->',
      '```',
      '',
      'And `<!-- article-lint-disable-file readability -->` in a code span.',
      '',
    ].join('\n');
    const comments = disableComments(parseArticle(text));
    assert.deepEqual(
      comments.map(({ kind, ids, line, endLine }) => `${kind} [${ids.join(',')}] ${line}-${endLine}`),
      ['disable [faq-missing,readability] 4-4', 'disable-line [image-alt-missing] 5-5', 'disable-next-line [] 7-7', 'enable [] 8-8', 'disable-file [title-length] 9-9'],
    );
    const [first] = comments;
    assert.deepEqual(first.idRanges.map(([start, end]) => text.slice(start, end)), ['faq-missing', 'readability']);
    assert.equal(text.slice(first.start, first.end), '<!-- article-lint-disable faq-missing, readability -->');
  });

  it('reads MDX comments ({/* … */}) in .mdx files', () => {
    const text = `${FRONTMATTER}\n{/* article-lint-disable-next-line heading-multiple-h1 */}\n# Second\n`;
    const comments = disableComments(parseArticle(text, undefined, { kind: 'mdx' }));
    assert.deepEqual(comments.map(({ kind, ids, line }) => `${kind} ${ids.join(',')} ${line}`), ['disable-next-line heading-multiple-h1 5']);
  });

  it('turns rules off: a range up to enable, the next line, the same line, the whole file; an id or every rule', () => {
    const at = (kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file', line: number, ids: string[] = []) => ({ kind, ids, line, endLine: line });
    const comments = [at('disable', 5, ['a']), at('enable', 9, ['a']), at('disable-next-line', 11, ['b']), at('disable-line', 14), at('disable', 20), at('enable', 22, ['c'])];
    assert.equal(isDisabled(comments, 'a', 4), false);
    assert.equal(isDisabled(comments, 'a', 5), true);
    assert.equal(isDisabled(comments, 'a', 8), true);
    assert.equal(isDisabled(comments, 'a', 9), false);
    assert.equal(isDisabled(comments, 'b', 12), true);
    assert.equal(isDisabled(comments, 'b', 13), false);
    assert.equal(isDisabled(comments, 'z', 14), true);
    assert.equal(isDisabled(comments, 'z', 15), false);
    assert.equal(isDisabled(comments, 'z', 21), true);
    assert.equal(isDisabled(comments, 'c', 23), false, 'enabled by name after disabling all');
    assert.equal(isDisabled([at('disable-file', 30, ['d'])], 'd', 1), true, 'the whole file, frontmatter included');
  });

  it('an analysis reports nothing the comments turn off, and still reports the rest', async () => {
    assert.ok((await ruleIdsOf(TWO_H1)).includes('heading-multiple-h1@7'));
    const nextLine = TWO_H1.replace('# Second', '<!-- article-lint-disable-next-line heading-multiple-h1 -->\n# Second');
    assert.ok(!(await ruleIdsOf(nextLine)).some((found) => found.startsWith('heading-multiple-h1')));
    const otherRule = TWO_H1.replace('# Second', '<!-- article-lint-disable-next-line faq-missing -->\n# Second');
    assert.ok((await ruleIdsOf(otherRule)).includes('heading-multiple-h1@8'));
    const file = `${TWO_H1}\n<!-- article-lint-disable-file title-length faq-missing -->\n`;
    const left = await ruleIdsOf(`${FRONTMATTER.replace('Storing winter squash until spring comes', 'Short')}\n# One\n\n<!-- article-lint-disable-file title-length faq-missing -->\n`);
    assert.ok(!left.some((found) => found.startsWith('title-length') || found.startsWith('faq-missing')), left.join());
    assert.ok((await ruleIdsOf(file)).includes('heading-multiple-h1@7'));
    const mdx = `${FRONTMATTER}\n# First\n\n{/* article-lint-disable-next-line heading-multiple-h1 */}\n# Second\n`;
    assert.ok(!(await ruleIdsOf(mdx, path.resolve('/blog/post.mdx'))).some((found) => found.startsWith('heading-multiple-h1')));
  });

  it('an unknown id is an info on the id, with "did you mean"', async () => {
    const text = `${TWO_H1}\n<!-- article-lint-disable-file heading-multiple-h2 faq-missing -->\n`;
    const result = await analyzeArticle(text, { isArticle: true, config: defaultConfig(allRules) });
    const unknown = result.findings.filter((finding) => finding.ruleId === 'disable-unknown-rule');
    assert.deepEqual(unknown.map((finding) => [finding.severity, text.slice(finding.start, finding.end), finding.message]), [
      ['info', 'heading-multiple-h2', '"heading-multiple-h2" is not a rule: this comment turns nothing off for it. Did you mean "heading-multiple-h1"?'],
    ]);
  });

  it('turns site-wide rules off in the article that says so, kept through the packed entry', async () => {
    const root = path.resolve('/site');
    const entry = (name: string, body: string) =>
      siteEntry({ article: parseArticle(`---\ntitle: Same title here\n---\n\n${body}\n`), path: path.join(root, name), root, profile: 'generic', roles: rolesFor('generic'), settings: {}, publicDirs: [] });
    const quiet = entry('a.md', '<!-- article-lint-disable-file duplicate-title article-orphan -->');
    assert.deepEqual(unpack(pack(quiet)), quiet);
    assert.deepEqual(quiet.disables, [{ kind: 'disable-file', ids: ['duplicate-title', 'article-orphan'], line: 5, endLine: 5 }]);
    const site = new SiteModel();
    site.set(quiet);
    site.set(entry('b.md', 'Text.'));
    const config = defaultConfig(allRules);
    assert.deepEqual((await checkSiteArticle(site, path.join(root, 'a.md'), { config })).map((finding) => finding.ruleId), []);
    assert.deepEqual((await checkSiteArticle(site, path.join(root, 'b.md'), { config })).map((finding) => finding.ruleId).sort(), ['article-orphan', 'duplicate-title']);
  });
});

describe('"Disable <rule> for this line / for this file" (editor/disableEdits.ts)', () => {
  const edited = (text: string, line: number, scope: 'line' | 'file', kind: 'md' | 'mdx' = 'md') => {
    const edit = disableRuleEdit(parseArticle(text, undefined, { kind }), 'heading-multiple-h1', line, scope);
    return edit ? applyEdits(text, [edit]) : undefined;
  };

  it('a line that starts a block gets a disable-next-line comment above it; the finding is gone', async () => {
    const fixed = edited(TWO_H1, 7, 'line')!;
    assert.equal(fixed, TWO_H1.replace('# Second', '<!-- article-lint-disable-next-line heading-multiple-h1 -->\n# Second'));
    assert.ok(!(await ruleIdsOf(fixed)).some((found) => found.startsWith('heading-multiple-h1')));
  });

  it('a line inside a paragraph gets disable-line at its end (the paragraph is not split); CRLF kept', () => {
    const text = `${FRONTMATTER}\nOne line\nanother line\n`.replace(/\n/g, '\r\n');
    assert.equal(edited(text, 6, 'line'), text.replace('another line', 'another line <!-- article-lint-disable-line heading-multiple-h1 -->'));
  });

  it('the file: a comment after the frontmatter, or one more id in the disable-file comment already there; MDX syntax in .mdx', () => {
    assert.equal(edited(TWO_H1, 7, 'file'), TWO_H1.replace('---\n\n', '---\n<!-- article-lint-disable-file heading-multiple-h1 -->\n\n'));
    const existing = `${FRONTMATTER}<!-- article-lint-disable-file faq-missing -->\n${TWO_H1.slice(FRONTMATTER.length)}`;
    assert.equal(edited(existing, 8, 'file'), existing.replace('faq-missing -->', 'faq-missing heading-multiple-h1 -->'));
    assert.equal(edited(TWO_H1, 7, 'file', 'mdx'), TWO_H1.replace('---\n\n', '---\n{/* article-lint-disable-file heading-multiple-h1 */}\n\n'));
    assert.equal(edited(TWO_H1, 7, 'line', 'mdx'), TWO_H1.replace('# Second', '{/* article-lint-disable-next-line heading-multiple-h1 */}\n# Second'));
  });

  it('a line of the frontmatter can only be disabled with the file', () => {
    assert.equal(edited(TWO_H1, 2, 'line'), undefined);
  });
});

describe('rule ids in a disable comment: completion and hover (editor/disableEdits.ts)', () => {
  it('completes the id being typed, in an open or a closed comment, Markdown or MDX, not in the frontmatter', () => {
    const typed = `${FRONTMATTER}\n<!-- article-lint-disable faq-missing, head`;
    const site = ruleIdSiteAt(parseArticle(typed), typed.length)!;
    assert.deepEqual({ prefix: site.prefix, present: site.present, replaced: typed.slice(site.start, site.end) }, { prefix: 'head', present: ['faq-missing'], replaced: 'head' });
    const closed = `${FRONTMATTER}\n{/* article-lint-disable-next-line  */}\n`;
    const at = closed.indexOf('line ') + 5;
    assert.deepEqual(ruleIdSiteAt(parseArticle(closed, undefined, { kind: 'mdx' }), at)?.prefix, '');
    assert.equal(ruleIdSiteAt(parseArticle(typed), typed.indexOf('article-lint') + 5), undefined, 'not while the directive is typed');
    assert.equal(ruleIdSiteAt(parseArticle('---\n# <!-- article-lint-disable \n---\n'), 30), undefined);
  });

  it('hovers an id of a closed comment', () => {
    const text = `${FRONTMATTER}\n<!-- article-lint-disable-file faq-missing title-length -->\n`;
    const found = ruleIdAt(parseArticle(text), text.indexOf('title-length') + 3);
    assert.deepEqual(found && text.slice(found.start, found.end), 'title-length');
    assert.equal(ruleIdAt(parseArticle(text), text.indexOf('disable-file')), undefined);
  });
});

describe('disable-unused and --report-unused-disables', () => {
  const article = `${TWO_H1}\n<!-- article-lint-disable-next-line faq-missing -->\nText.\n\n<!-- article-lint-disable-line heading-multiple-h1 -->\n`;

  it('is off by default; on, it reports a comment that turns nothing off, never one that names a site-wide rule or none', async () => {
    assert.ok(!(await ruleIdsOf(article)).some((found) => found.startsWith('disable-unused')));
    const config = defaultConfig(allRules);
    config.rules['disable-unused'] = { severity: 'warning', options: {} };
    const withSite = `${article}<!-- article-lint-disable-file duplicate-title -->\n<!-- article-lint-disable -->\n`;
    const found = (await analyzeArticle(withSite, { isArticle: true, config })).findings.filter((finding) => finding.ruleId === 'disable-unused');
    assert.deepEqual(found.map((finding) => [finding.line, finding.message]), [
      [9, 'This disable-next-line comment turns nothing off: remove it.'],
      [12, 'This disable-line comment turns nothing off: remove it.'],
    ]);
  });

  it('--report-unused-disables reports them as warnings in the CLI', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'post.md'), `${FRONTMATTER}\n<!-- article-lint-disable-next-line image-alt-missing -->\nText.\n`);
    const quiet = await runCli(['--format', 'json', 'post.md'], { cwd: dir });
    assert.ok(!quiet.stdout.includes('disable-unused'));
    const run = await runCli(['--format', 'json', '--report-unused-disables', 'post.md'], { cwd: dir });
    const diagnostics = JSON.parse(run.stdout)[0].diagnostics as { ruleId: string; severity: string; line: number }[];
    assert.deepEqual(diagnostics.filter((d) => d.ruleId === 'disable-unused').map((d) => `${d.severity} ${d.line}`), ['warning 5']);
  });
});
