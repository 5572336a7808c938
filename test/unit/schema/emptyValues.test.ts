/**
 * A key written with no value, as each generator reads it: absent on Eleventy and Next.js; absent
 * but for dates on Hugo and Jekyll (which fail on an empty date); a type error where the generator's
 * own validation rejects it (Astro, Docusaurus) and in the article format itself.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeArticle } from '../../../src/core';
import { memoryFs } from '../helpers/engine';

const ROOT = path.resolve('/site');

const sites: Record<string, { marker: Record<string, string>; file: string }> = {
  eleventy: { marker: { 'eleventy.config.js': '' }, file: 'posts/a.md' },
  nextjs: { marker: { 'next.config.js': '' }, file: '_posts/a.md' },
  hugo: { marker: { 'hugo.toml': '' }, file: 'content/posts/a.md' },
  jekyll: { marker: { '_config.yml': '' }, file: '_posts/2026-01-02-a.md' },
  astro: { marker: { 'astro.config.mjs': '' }, file: 'src/content/blog/a.md' },
  docusaurus: { marker: { 'docusaurus.config.js': '' }, file: 'blog/a.md' },
};

async function schemaFindings(site: string, frontmatter: string): Promise<string[]> {
  const { marker, file } = sites[site];
  const root = path.join(ROOT, site);
  const files = Object.fromEntries(Object.entries(marker).map(([name, text]) => [path.join(root, name), text]));
  const text = `---\n${frontmatter}\n---\n\n# A\n\nText.\n`;
  const result = await analyzeArticle(text, { filePath: path.join(root, ...file.split('/')), fs: memoryFs(files) });
  return result.findings.filter((finding) => finding.ruleId === 'frontmatter-schema').map((finding) => finding.message);
}

describe('empty values, as each generator reads them', () => {
  it('are absent on Eleventy and Next.js, nested ones too, dates included', async () => {
    assert.deepEqual(await schemaFindings('eleventy', 'title: "A Title"\ndescription:\ndate:\neleventyNavigation:\n  key: A\n  excerpt:'), []);
    assert.deepEqual(await schemaFindings('nextjs', 'title: "A Title"\nexcerpt:\ndate:'), []);
    // A value of the wrong type is still one.
    assert.deepEqual(await schemaFindings('eleventy', 'title: "A Title"\ndescription: [a]'), ['description: expected text, found a list.']);
  });

  it('are absent on Hugo and Jekyll, but an empty date stays an error (they fail on it)', async () => {
    assert.deepEqual(await schemaFindings('hugo', 'title: "A Title"\ndescription:\nsummary:\nweight:\nlastmod:'), ['lastmod has no value; expected text.']);
    assert.deepEqual(await schemaFindings('hugo', 'title: "A Title"\nLastMod:'), ['lastmod has no value; expected text.']);
    assert.deepEqual(await schemaFindings('jekyll', 'title: "A Title"\ndescription:\ndate:'), ['date has no value; expected text.']);
  });

  it('are type errors on Astro and Docusaurus, whose validation rejects them', async () => {
    assert.deepEqual(await schemaFindings('astro', 'title: "A Title"\ndescription:\npubDate: 2026-01-02'), ['description has no value; expected text.']);
    assert.deepEqual(await schemaFindings('docusaurus', 'title: "A Title"\ndescription:'), ['description has no value; expected text.']);
  });
});
