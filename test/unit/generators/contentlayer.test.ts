/** Contentlayer's document types, read as text: each type's fields are the schema of the files its pattern matches. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeArticle, detectSite, documentTypeOf, schemaForArticle } from '../../../src/core';
import { contentlayerContentDir, contentlayerDocumentTypes } from '../../../src/core/generators/contentlayer';
import { memoryFs } from '../helpers/engine';

const ROOT = path.resolve('/site');

const CONFIG = `
import { defineDocumentType, makeSource } from 'contentlayer2/source-files'
const shared = { layout: { type: 'string' } }
export const Blog = defineDocumentType(() => ({
  name: 'Blog',
  filePathPattern: 'blog/**/*.mdx',
  fields: {
    title: { type: 'string', required: true },
    date: { type: 'date', required: true },
    tags: { type: 'list', of: { type: 'string' }, default: [] },
    "canonical-url": { type: 'string', description: 'Where the post lives first: {braces} in a string' },
    layout: { type: 'enum', options: ['PostSimple', 'PostLayout'] },
    images: { type: 'json' },
    draft: { type: 'boolean' }, // a comment: { not: 'a field' }
  },
  computedFields: { slug: { type: 'string', resolve: (doc) => doc._raw.flattenedPath } },
}))
export const Authors = defineDocumentType(() => ({
  name: 'Authors',
  filePathPattern: 'authors/**/*.mdx',
  fields: { name: { type: 'string', required: true }, avatar: { type: 'image' } },
}))
export const Pages = defineDocumentType(() => ({ name: 'Pages', filePathPattern: 'pages/*.md', fields: { ...shared, title: { type: 'string' } } }))
export default makeSource({ contentDirPath: './data', documentTypes: [Blog, Authors, Pages] })
`;

describe('Contentlayer document types', () => {
  it('reads each type’s name, pattern and fields (types, required, enum options, list items), and the content folder', () => {
    const types = contentlayerDocumentTypes(CONFIG);
    assert.deepEqual(types.map((type) => [type.name, type.filePathPattern]), [['Blog', 'blog/**/*.mdx'], ['Authors', 'authors/**/*.mdx'], ['Pages', 'pages/*.md']]);
    const blog = types[0].schema as { properties: Record<string, Record<string, unknown>>; required: string[]; additionalProperties: boolean };
    assert.deepEqual(Object.keys(blog.properties), ['title', 'date', 'tags', 'canonical-url', 'layout', 'images', 'draft']);
    assert.deepEqual(blog.required, ['title', 'date']);
    assert.deepEqual(blog.properties.tags, { type: 'array', items: { type: 'string' }, description: 'A field of the Blog document type.' });
    assert.deepEqual(blog.properties.layout.enum, ['PostSimple', 'PostLayout']);
    assert.equal(blog.properties.date.format, 'date');
    assert.equal(blog.properties['canonical-url'].description, 'Where the post lives first: {braces} in a string');
    assert.equal(blog.additionalProperties, false);
    assert.equal(types[2].schema, undefined, 'fields with a spread are not known whole: no schema');
    assert.equal(contentlayerContentDir(CONFIG), './data');
    assert.equal(contentlayerContentDir('makeSource({ contentDirPath: root + "/data" })'), undefined);
  });

  const files = {
    [path.join(ROOT, 'next.config.js')]: 'module.exports = {}',
    [path.join(ROOT, 'contentlayer.config.ts')]: CONFIG,
  };
  const post = path.join(ROOT, 'data', 'blog', 'nested', 'a.mdx');
  const author = path.join(ROOT, 'data', 'authors', 'ada.mdx');

  it('gives each file its type’s schema, and exposes the types in the site’s conventions', async () => {
    const fs = memoryFs(files);
    const site = await detectSite(post, fs);
    assert.deepEqual(site.conventions!.documentTypes.map(({ name, filePathPattern, contentDirPath }) => ({ name, filePathPattern, contentDirPath })), [
      { name: 'Blog', filePathPattern: 'blog/**/*.mdx', contentDirPath: './data' },
      { name: 'Authors', filePathPattern: 'authors/**/*.mdx', contentDirPath: './data' },
      { name: 'Pages', filePathPattern: 'pages/*.md', contentDirPath: './data' },
    ]);
    assert.equal(documentTypeOf(post, site.conventions)?.name, 'Blog');
    assert.equal(documentTypeOf(author, site.conventions)?.name, 'Authors');
    assert.equal(documentTypeOf(path.join(ROOT, 'data', 'blog', 'a.md'), site.conventions), undefined, 'an .md file is not a blog/**/*.mdx document');
    const { schema } = await schemaForArticle(author, undefined, fs, true, site.profile, site.conventions);
    assert.deepEqual(schema.knownKeys, ['name', 'avatar']);
    assert.equal(schema.source, path.join(ROOT, 'contentlayer.config.ts'));
  });

  it('reports what the type does not name and values its fields reject; the team’s own schema still wins', async () => {
    const text = '---\ntitle: "Planting Garlic Before the Ground Freezes"\ndate: 2026-10-28\ntags: [garden]\nlayout: Wide\nsubtitle: x\ncanonical-url: https://example.org/a\n---\n\n# Garlic\n\nText.\n';
    const findings = async (extra: Record<string, string> = {}) =>
      (await analyzeArticle(text, { filePath: post, fs: memoryFs({ ...files, [post]: text, ...extra }) })).findings
        .filter((finding) => finding.ruleId.startsWith('frontmatter'))
        .map((finding) => `${finding.ruleId} ${finding.line}`);
    assert.deepEqual(await findings(), ['frontmatter-schema 5', 'frontmatter-unknown-key 6']);
    const team = { [path.join(ROOT, '.article-lint.json')]: '{ "schema": "team.schema.json" }', [path.join(ROOT, 'team.schema.json')]: '{ "type": "object", "properties": { "title": {}, "subtitle": {} } }' };
    assert.deepEqual(await findings(team), ['frontmatter-unknown-key 3', 'frontmatter-unknown-key 4', 'frontmatter-unknown-key 5', 'frontmatter-unknown-key 7']);
  });
});
