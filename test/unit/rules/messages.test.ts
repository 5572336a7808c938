/** Messages a blogger can act on: one finding per defect, numbers that agree with their limit, the site's own keys. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { allRules, analyzeArticle, defaultConfig } from '../../../src/core';
import { parseConfig } from '../../../src/core/config/config';
import { memoryFs } from '../helpers/engine';

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
});
