/** Messages a blogger can act on: one finding per defect, numbers that agree with their limit, the site's own keys. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { allRules, analyzeArticle, applyEdits, defaultConfig } from '../../../src/core';
import { parseConfig } from '../../../src/core/config/config';
import { memoryFs } from '../helpers/engine';
import { namesOf } from '../../../src/core/rules/util';

const findings = async (text: string, config = defaultConfig(allRules)) => (await analyzeArticle(text, { isArticle: true, config })).findings;

describe('rule messages', () => {
  const longTitle = 'How to choose, fit and look after winter tyres for snow, ice and the cold months';

  it('a title over the character band is reported by title-length alone, not also as cut in results', async () => {
    const found = (await findings(`---\ntitle: "${longTitle}"\n---\n`)).map((finding) => finding.ruleId);
    assert.ok(found.includes('title-length'), found.join());
    assert.ok(!found.includes('serp-title-truncated'), found.join());
    const withoutBand = parseConfig('{ "rules": { "title-length": "off" } }', path.resolve('/c/.article-lint.json'), allRules).config;
    const cut = (await findings(`---\ntitle: "${longTitle}"\n---\n`, withoutBand)).map((finding) => finding.ruleId);
    assert.ok(cut.includes('serp-title-truncated'), 'reported when the band does not report it');
  });

  it('a Chinese, Japanese or Korean title or description is measured by width: never "2 characters long", a band in px and in such characters', async () => {
    const title = (await findings('---\ntitle: "入门"\n---\n')).find((finding) => finding.ruleId === 'title-length')?.message ?? '';
    assert.equal(title, 'Title is 33 px wide in Arial 20 px; aim for 184 px to 644 px (about 11 to 39 Chinese, Japanese or Korean characters) so it says enough to be chosen.');
    const description = (await findings('---\ntitle: T\ndescription: "冬用タイヤの選び方"\n---\n')).find((finding) => finding.ruleId === 'description-length')?.message ?? '';
    assert.match(description, /^Description is 105 px wide in Arial 14 px; aim for 451 px to 1030 px \(about 39 to 88 Chinese, Japanese or Korean characters\)/);
    // The band follows the options: 10 to 30 characters are 92 px to 276 px.
    const config = parseConfig('{ "rules": { "title-length": ["warning", { "min": 10, "max": 30 }] } }', path.resolve('/c/.article-lint.json'), allRules).config;
    const within = (await findings('---\ntitle: "冬季轮胎怎么选"\n---\n', config)).map((finding) => finding.ruleId);
    assert.ok(!within.includes('title-length'), '7 characters, 117 px: inside 92 to 276 px');
    const over = (await findings('---\ntitle: "冬季轮胎怎么选：胎纹深度与防滑钉的规定"\n---\n', config)).find((finding) => finding.ruleId === 'title-length')?.message ?? '';
    assert.match(over, /^Title is 317 px wide in Arial 20 px; aim for 92 px to 276 px/);
    // A Latin title is still counted in characters.
    const latin = (await findings('---\ntitle: "Tips"\n---\n')).find((finding) => finding.ruleId === 'title-length')?.message ?? '';
    assert.match(latin, /^Title is 4 characters long/);
  });

  it('a width just over the limit is not rounded down to it', async () => {
    const config = parseConfig('{ "rules": { "title-length": "off", "serp-title-truncated": ["info", { "maxWidth": 300 }] } }', path.resolve('/c/.article-lint.json'), allRules).config;
    let checked = 0;
    for (let words = 3; words < 12; words++) {
      const title = `Winter tyres grip${' and more'.repeat(words)}`;
      const message = (await findings(`---\ntitle: "${title}"\n---\n`, config)).find((finding) => finding.ruleId === 'serp-title-truncated')?.message;
      if (!message) continue;
      const width = /is ([\d.]+) px wide/.exec(message)![1];
      assert.ok(Number(width) > 300, `${message} (shown ${width} px against 300 px)`);
      checked++;
    }
    assert.ok(checked > 0, 'some titles are cut');
  });

  it('readability names each line of a long sentence once', async () => {
    const sentence = 'The considerably complicated administrative regulations concerning international transportation necessitate extraordinarily comprehensive documentation procedures';
    const body = Array.from({ length: 8 }, () => `${sentence}. ${sentence}. ${sentence}.`).join('\n\n');
    const message = (await findings(`---\ntitle: T\n---\n\n${body}\n`)).find((finding) => finding.ruleId === 'readability')?.message ?? '';
    const lines = [...message.matchAll(/line (\d+)/g)].map((match) => match[1]);
    assert.ok(lines.length > 0, message);
    assert.equal(new Set(lines).size, lines.length, message);
  });

  it('frontmatter-missing asks for the site’s own keys (date on Hugo, pubDate in the article format)', async () => {
    const fs = memoryFs({ [path.resolve('/hugo/hugo.toml')]: 'title = "x"\n', [path.resolve('/hugo/content/posts/a.md')]: '# A\n' });
    const hugo = await analyzeArticle('# A\n', { filePath: path.resolve('/hugo/content/posts/a.md'), fs, isArticle: true });
    assert.match(hugo.findings.find((finding) => finding.ruleId === 'frontmatter-missing')!.message, /at least title, description and date\.$/);
    const generic = await findings('# A\n');
    assert.match(generic.find((finding) => finding.ruleId === 'frontmatter-missing')!.message, /at least title, description and pubDate\.$/);
  });

  it('a "#" that cuts an unquoted title short says what is read and what to write; a comment after a setting says nothing', async () => {
    const cut = (await findings('---\ntitle: Learn C #1 tricks\ndraft: true # until review\nlayout: post # default\n---\n')).filter((finding) => finding.ruleId === 'frontmatter-syntax');
    assert.deepEqual(
      cut.map((finding) => [finding.severity, finding.message, finding.line, finding.column, finding.endColumn]),
      [['warning', '" #" starts a comment, so title is read as "Learn C": to keep "#1 tricks", quote the value: write title: "Learn C #1 tricks".', 2, 8, 25]],
    );
    // A description is a sentence: a spaced comment after it is text too. Hugo reads keys in any case.
    const fs = memoryFs({ [path.resolve('/hugo/hugo.toml')]: 'title = "x"\n', [path.resolve('/hugo/content/posts/a.md')]: '' });
    const hugo = await analyzeArticle('---\nTitle: Fit them # before the frost\ncategories:\n  - tyres # the main one\n---\n', { filePath: path.resolve('/hugo/content/posts/a.md'), fs, isArticle: true });
    assert.deepEqual(
      hugo.findings.filter((finding) => finding.ruleId === 'frontmatter-syntax').map((finding) => finding.message),
      ['" #" starts a comment, so Title is read as "Fit them": to keep "# before the frost", quote the value: write Title: "Fit them # before the frost".'],
    );
    // Quoted values and TOML have no such comment.
    assert.deepEqual((await findings('---\ntitle: "Learn C #1 tricks"\n---\n')).filter((finding) => finding.ruleId === 'frontmatter-syntax'), []);
    assert.deepEqual((await findings('+++\ntitle = "Learn C" #1 tricks\n+++\n')).filter((finding) => finding.ruleId === 'frontmatter-syntax' && finding.severity === 'warning'), []);
    // A rule set to info never reports a warning.
    const info = parseConfig('{ "rules": { "frontmatter-syntax": "info" } }', path.resolve('/c/.article-lint.json'), allRules).config;
    assert.deepEqual((await findings('---\ntitle: Learn C #1 tricks\n---\n', info)).filter((finding) => finding.ruleId === 'frontmatter-syntax').map((finding) => finding.severity), ['info']);
  });

  it('a list of other pages names three and counts the rest', () => {
    assert.equal(namesOf(['a.md', 'b.md']), 'a.md, b.md');
    assert.equal(namesOf(['a.md', 'b.md', 'c.md', 'd.md']), 'a.md, b.md, c.md, d.md');
    assert.equal(namesOf(['a.md', 'b.md', 'c.md', 'd.md', 'e.md']), 'a.md, b.md, c.md and 2 more');
  });

  it('a key renamed to the title’s by its quick fix may bring the cut-value warning, never a syntax error (npm test, seed -1907034466)', async () => {
    const text = '---\nTitle: ( #\n---\n\n\n';
    const before = await findings(text);
    const rename = before.find((finding) => finding.ruleId === 'frontmatter-unknown-key')?.fix;
    assert.equal(rename?.title, 'Rename Title to title');
    const after = await findings(applyEdits(text, rename!.edits));
    assert.deepEqual(after.filter((finding) => finding.ruleId === 'frontmatter-syntax').map((finding) => [finding.severity, finding.message]), [
      ['warning', '" #" starts a comment, so title is read as "(": to keep "#", quote the value: write title: "( #".'],
    ]);
  });
});
