import * as assert from 'node:assert/strict';
import { articleStats } from '../../../src/core/analyze/analyze';
import { parseArticle } from '../../../src/core/parse/parse';
import {
  completionSiteAt,
  flowListItems,
  frontmatterKeyAt,
  frontmatterListItemAt,
  presentFrontmatterKeys,
  valueInsertText,
  type ValueSite,
} from '../../../src/core/editor/cursorSites';
import { frontmatterKeywords, keywordSortTexts } from '../../../src/core/editor/keywordChoices';
import { isoToday, keySnippet, yamlValueText } from '../../../src/core/editor/keySnippets';
import { schemaFields } from '../../../src/core/schema/schemaFields';
import { aggregateValues, indexedValues } from '../../../src/core/editor/frontmatterValues';
import { countPhrase, keywordOccurrenceAt, keywordUsages } from '../../../src/core/facts/keywordUsage';

import builtinSchemaJson from '../../../schemas/article.schema.json';

const builtin: unknown = builtinSchemaJson;

/** Parses a text with `|` marking the cursor; returns the article and the cursor's offset. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  assert.notEqual(offset, -1, 'the text needs a | cursor');
  return { article: parseArticle(textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1)), offset };
}

/** An Astro 5 generated collection schema, trimmed. */
const astroSchema = {
  $ref: '#/definitions/blog',
  definitions: {
    blog: {
      type: 'object',
      properties: {
        title: { type: 'string', markdownDescription: 'The **post** title.' },
        pubDate: {
          anyOf: [
            { type: 'string', format: 'date-time' },
            { type: 'string', format: 'date' },
            { type: 'integer', format: 'unix-time' },
          ],
        },
        status: { type: 'string', enum: ['draft', 'review', 'published'], description: 'Where the post is.' },
        series: { type: 'string', description: 'The series the post belongs to.' },
        tags: { type: 'array', items: { type: 'string', enum: ['astro', 'seo'] } },
        $schema: { type: 'string' },
      },
      required: ['title', 'pubDate'],
      additionalProperties: false,
    },
  },
  $schema: 'http://json-schema.org/draft-07/schema#',
};

describe('schemaFields', () => {
  it('reads the built-in schema: types, documentation (markdown first), required', () => {
    const fields = schemaFields(builtin);
    const names = fields.map((field) => field.name);
    assert.deepEqual(names.slice(0, 5), ['title', 'description', 'slug', 'keywords', 'pubDate']);
    const byName = new Map(fields.map((field) => [field.name, field]));
    assert.equal(byName.get('title')?.required, true);
    assert.equal(byName.get('slug')?.required, false);
    assert.equal(byName.get('title')?.documentationIsMarkdown, true);
    assert.match(byName.get('title')?.documentation ?? '', /20 and 70 characters/);
    assert.deepEqual(byName.get('pubDate')?.types, ['date']);
    assert.deepEqual(byName.get('keywords')?.types, ['array']);
    assert.deepEqual(byName.get('draft')?.types, ['boolean']);
    assert.deepEqual(byName.get('readingTime')?.types.sort(), ['number', 'string']);
  });

  it('follows a root $ref, unions and enums of an Astro collection schema, leaving out $schema', () => {
    const fields = schemaFields(astroSchema);
    assert.deepEqual(
      fields.map((field) => field.name),
      ['title', 'pubDate', 'status', 'series', 'tags'],
    );
    const byName = new Map(fields.map((field) => [field.name, field]));
    assert.deepEqual(byName.get('pubDate')?.types, ['date']);
    assert.deepEqual(byName.get('status')?.enum, ['draft', 'review', 'published']);
    assert.deepEqual(byName.get('tags')?.itemEnum, ['astro', 'seo']);
    assert.equal(byName.get('title')?.documentation, 'The **post** title.');
    assert.equal(byName.get('pubDate')?.required, true);
  });

  it('never throws on strange schemas', () => {
    assert.deepEqual(schemaFields(undefined), []);
    assert.deepEqual(schemaFields({ $ref: '#/nowhere' }), []);
    const cyclic = { $ref: '#/definitions/a', definitions: { a: { $ref: '#/definitions/a' } } };
    assert.deepEqual(schemaFields(cyclic), []);
    assert.deepEqual(schemaFields({ properties: { x: true, y: { type: 42 } } }).map((f) => f.name), ['x', 'y']);
  });
});

describe('keySnippet', () => {
  const fields = new Map(schemaFields(builtin).map((field) => [field.name, field]));
  const astro = new Map(schemaFields(astroSchema).map((field) => [field.name, field]));

  it('gives each type its value snippet', () => {
    assert.equal(keySnippet(fields.get('pubDate')!, '2026-11-25'), 'pubDate: ${1:2026-11-25}');
    assert.equal(keySnippet(fields.get('keywords')!, '2026-11-25'), 'keywords: [$1]');
    assert.equal(keySnippet(fields.get('draft')!, '2026-11-25'), 'draft: ${1|false,true|}');
    assert.equal(keySnippet(fields.get('title')!, '2026-11-25'), 'title: "$1"');
    assert.equal(keySnippet(astro.get('status')!, '2026-11-25'), 'status: ${1|draft,review,published|}');
    assert.equal(keySnippet(astro.get('pubDate')!, '2026-11-25'), 'pubDate: ${1:2026-11-25}');
  });

  it('quotes enum values YAML would read otherwise, and escapes choices', () => {
    assert.equal(yamlValueText('yes'), 'yes');
    assert.equal(yamlValueText('true'), '"true"');
    assert.equal(yamlValueText('2026-01-01'), '"2026-01-01"');
    assert.equal(yamlValueText('a: b'), '"a: b"');
    const field = { ...astro.get('status')!, enum: ['a,b', 'c|d', 1] };
    assert.equal(keySnippet(field, '2026-11-25'), 'status: ${1|a\\,b,c\\|d,1|}');
  });

  it('formats today as ISO in local time', () => {
    assert.equal(isoToday(new Date(2026, 10, 5, 23, 59)), '2026-11-05');
  });
});

describe('completionSiteAt', () => {
  const head = '---\ntitle: "Hello"\n';

  it('offers keys on an empty frontmatter line, knowing which keys are present', () => {
    const { article, offset } = at(`${head}|\npubDate: 2026-01-01\n---\nBody\n`);
    const site = completionSiteAt(article, offset);
    assert.equal(site?.kind, 'key');
    if (site?.kind !== 'key') return;
    assert.equal(site.prefix, '');
    assert.deepEqual([...site.presentKeys].sort(), ['pubDate', 'title']);
    assert.equal(site.hasColon, false);
  });

  it('offers keys while the YAML is invalid (a bare word being typed)', () => {
    const { article, offset } = at(`${head}descr|\n---\n`);
    assert.ok(article.frontmatter?.errors.length, 'the YAML is invalid while typing');
    const site = completionSiteAt(article, offset);
    assert.equal(site?.kind, 'key');
    if (site?.kind !== 'key') return;
    assert.equal(site.prefix, 'descr');
    assert.equal(site.end - site.start, 5);
    assert.deepEqual([...site.presentKeys], ['title']);
  });

  it('offers keys in an unterminated frontmatter (a new article)', () => {
    const { article, offset } = at('---\ntitle: x\n|');
    assert.equal(completionSiteAt(article, offset)?.kind, 'key');
  });

  it('knows the key of a value, with or without a space or quote', () => {
    let { article, offset } = at(`${head}category: Fo|\n---\n`);
    let site = completionSiteAt(article, offset) as ValueSite;
    assert.equal(site.kind, 'value');
    assert.equal(site.key, 'category');
    assert.equal(site.prefix, 'Fo');
    assert.equal(site.inList, false);
    assert.equal(site.needsSpace, false);
    assert.equal(article.text.slice(site.start, site.end), 'Fo');

    ({ article, offset } = at(`${head}author:|\n---\n`));
    site = completionSiteAt(article, offset) as ValueSite;
    assert.equal(site.key, 'author');
    assert.equal(site.needsSpace, true);
    assert.equal(valueInsertText(site, 'Mara', 'Mara'), ' Mara');

    ({ article, offset } = at(`${head}author: "Ma|"\n---\n`));
    site = completionSiteAt(article, offset) as ValueSite;
    assert.equal(site.quote, '"');
    assert.equal(site.prefix, 'Ma');
    assert.equal(article.text.slice(site.start, site.end), 'Ma');
    assert.equal(valueInsertText(site, '"Mara Ilić"', 'Mara Ilić'), 'Mara Ilić');
  });

  it('knows the item of a flow list and the other items', () => {
    const { article, offset } = at(`${head}tags: [baking, "bread, rye", alt|]\n---\n`);
    const site = completionSiteAt(article, offset) as ValueSite;
    assert.equal(site.kind, 'value');
    assert.equal(site.key, 'tags');
    assert.equal(site.inList, true);
    assert.equal(site.prefix, 'alt');
    assert.deepEqual(site.listItems, ['baking', 'bread, rye']);
    assert.equal(article.text.slice(site.start, site.end), 'alt');
  });

  it('knows an empty flow list item right after [ or a comma', () => {
    let { article, offset } = at(`${head}keywords: [|]\n---\n`);
    let site = completionSiteAt(article, offset) as ValueSite;
    assert.equal(site.key, 'keywords');
    assert.equal(site.prefix, '');
    assert.deepEqual(site.listItems, []);
    ({ article, offset } = at(`${head}keywords: [a,|]\n---\n`));
    site = completionSiteAt(article, offset) as ValueSite;
    assert.deepEqual(site.listItems, ['a']);
    ({ article, offset } = at(`${head}keywords: [a]|\n---\n`));
    assert.equal(completionSiteAt(article, offset), undefined);
  });

  it('knows the key of a block list item', () => {
    const { article, offset } = at(`${head}tags:\n  - baking\n  - |\n  - bread\ndraft: false\n---\n`);
    const site = completionSiteAt(article, offset) as ValueSite;
    assert.equal(site.kind, 'value');
    assert.equal(site.key, 'tags');
    assert.equal(site.inList, true);
    assert.deepEqual(site.listItems.sort(), ['baking', 'bread']);
  });

  it('offers nothing on the delimiter lines or before the colon of an existing key', () => {
    let { article, offset } = at(`-|--\ntitle: x\n---\nBody\n`);
    assert.equal(completionSiteAt(article, offset), undefined);
    ({ article, offset } = at(`---\ntitle: x\n--|-\nBody\n`));
    assert.equal(completionSiteAt(article, offset), undefined);
    ({ article, offset } = at(`---\ntitle: x\nnested:\n  inner: |\n---\nBody\n`));
    assert.equal(completionSiteAt(article, offset), undefined);
  });

  it('in the body: the word typed and the stars before it', () => {
    let { article, offset } = at(`${head}---\nBaking **sour|\n`);
    let site = completionSiteAt(article, offset);
    assert.equal(site?.kind, 'body');
    if (site?.kind !== 'body') return;
    assert.equal(site.prefix, 'sour');
    assert.equal(site.stars, 2);
    assert.equal(article.text.slice(site.start, site.end), '**sour');

    ({ article, offset } = at(`${head}---\nBaking *|\n`));
    site = completionSiteAt(article, offset);
    assert.equal(site?.kind === 'body' && site.stars, 1);

    ({ article, offset } = at(`${head}---\nBaking sou|rdough\n`));
    site = completionSiteAt(article, offset);
    assert.equal(site?.kind === 'body' && site.prefix, 'sou');
    assert.equal(site?.kind === 'body' && site.stars, 0);

    // `**|**` (closing stars already there) is replaced as a whole.
    ({ article, offset } = at(`${head}---\nBaking **|**\n`));
    site = completionSiteAt(article, offset);
    assert.equal(site && article.text.slice(site.start, site.end), '****');
  });

  it('offers nothing in code', () => {
    let { article, offset } = at(`${head}---\n\n\`\`\`js\nconst a = **x|\n\`\`\`\n`);
    assert.equal(completionSiteAt(article, offset), undefined);
    ({ article, offset } = at(`${head}---\n\nSome \`code **x| here\n`));
    assert.equal(completionSiteAt(article, offset), undefined);
    ({ article, offset } = at(`${head}---\n\n    indented **x|\n`));
    assert.equal(completionSiteAt(article, offset), undefined);
  });

  it('works in an article without frontmatter (body only)', () => {
    const { article, offset } = at('Just text **a|\n');
    assert.equal(completionSiteAt(article, offset)?.kind, 'body');
  });
});

describe('frontmatter hover targets', () => {
  it('finds the key under the cursor', () => {
    const { article, offset } = at('---\nti|tle: x\npubDate: 2026-01-01\n---\n');
    assert.deepEqual(frontmatterKeyAt(article, offset), { key: 'title', start: 4, end: 9 });
    const value = at('---\ntitle: x|\n---\n');
    assert.equal(frontmatterKeyAt(value.article, value.offset), undefined);
  });

  it('finds the keyword under the cursor in a flow or block list', () => {
    let { article, offset } = at('---\nkeywords: [oven spring, "high alt|itude baking"]\n---\n');
    let item = frontmatterListItemAt(article, 'keywords', offset);
    assert.equal(item?.text, 'high altitude baking');
    assert.equal(article.text.slice(item!.start, item!.end), '"high altitude baking"');

    ({ article, offset } = at('---\nkeywords:\n  - oven spring\n  - sour|dough # main\n---\n'));
    item = frontmatterListItemAt(article, 'keywords', offset);
    assert.equal(item?.text, 'sourdough');
    assert.equal(article.text.slice(item!.start, item!.end), 'sourdough');

    ({ article, offset } = at('---\ntags: [sour|dough]\n---\n'));
    assert.equal(frontmatterListItemAt(article, 'keywords', offset), undefined);
  });

  it('splits flow lists with quotes and commas', () => {
    assert.deepEqual(
      flowListItems('a, "b, c", \'d\'\'e\'').map((item) => item.text),
      ['a', 'b, c', "d'e"],
    );
  });
});

describe('keywords in the body', () => {
  it('lists distinct frontmatter keywords (first spelling kept)', () => {
    const article = parseArticle('---\nkeywords: [Oven Spring, oven-spring, sourdough, 42]\n---\n');
    assert.deepEqual(frontmatterKeywords(article), ['Oven Spring', 'sourdough', '42']);
  });

  it('counts keywords as distinct exactly as the coverage does (one normaliser: case, runs of spaces, tabs, no-break spaces and `-` alike)', () => {
    const article = parseArticle('---\nkeywords: ["Oven Spring", "oven\\u00a0spring", "OVEN  -  SPRING", "oven\\tspring", "crumb", "Crumb "]\n---\nThe crumb.\n');
    assert.deepEqual(frontmatterKeywords(article), ['Oven Spring', 'crumb']);
    assert.equal(articleStats(article).keywordsTotal, frontmatterKeywords(article).length);
  });

  it('sorts unused keywords first, then the least used, keeping the list order', () => {
    const sort = keywordSortTexts([
      { keyword: 'a', count: 3 },
      { keyword: 'b', count: 0 },
      { keyword: 'c', count: 1 },
      { keyword: 'd', count: 0 },
    ]);
    const order = [...sort].sort((x, y) => x[1].localeCompare(y[1])).map(([keyword]) => keyword);
    assert.deepEqual(order, ['b', 'd', 'c', 'a']);
  });

  it('knows the keys already present', () => {
    const article = parseArticle('---\ntitle: a\n"quoted key": b\n# comment: no\n  nested: no\ndraft: true\n---\n');
    assert.deepEqual([...presentFrontmatterKeys(article)], ['title', 'quoted key', 'draft']);
  });
});

describe('workspace values', () => {
  it('reads only the indexed fields of the frontmatter', () => {
    const values = indexedValues('---\ntitle: T\ncategory: Food\nauthor: "Mara Ilić"\ntags: [bread, bread, baking]\nkeywords:\n  - rye\n---\n# Body\n');
    assert.deepEqual(values, { category: ['Food'], author: ['Mara Ilić'], tags: ['bread', 'baking'], keywords: ['rye'] });
    assert.equal(indexedValues('# No frontmatter\n'), undefined);
    assert.equal(indexedValues('---\ncategory: [unclosed\n---\n'), undefined);
    assert.equal(indexedValues('---\ncategory: Food\n'), undefined, 'an unterminated block is not read');
    assert.deepEqual(indexedValues('\uFEFF---\r\ncategory: Food\r\n---\r\n'), { category: ['Food'] });
  });

  it('aggregates values, most used first', () => {
    const used = aggregateValues(
      [{ category: ['Food'] }, { category: ['Travel'] }, { category: ['Food'] }, {}],
      'category',
    );
    assert.deepEqual(used, [
      { value: 'Food', count: 2 },
      { value: 'Travel', count: 1 },
    ]);
  });
});

describe('keyword usage', () => {
  const text = [
    '---',
    'keywords: [oven spring, tyre, AI powered treatment, unused one]',
    '---',
    '# Oven Spring at altitude',
    'Good **oven spring** needs heat; oven-',
    'spring again. Tyres are not a tyre. `oven spring` in code is not text.',
    'An AI-Powered Treatment.',
    '',
  ].join('\n');
  const article = parseArticle(text);

  it('counts whole-word occurrences in the visible text, like keyword-unused', () => {
    const counts = Object.fromEntries(keywordUsages(article, frontmatterKeywords(article)).map((u) => [u.keyword, u.count]));
    assert.deepEqual(counts, { 'oven spring': 3, tyre: 1, 'AI powered treatment': 1, 'unused one': 0 });
    assert.equal(countPhrase('a b a b', 'a b'), 2);
    assert.equal(countPhrase('tyres', 'tyre'), 0);
  });

  it('finds the keyword occurrence under an offset, also across a line break', () => {
    const keywords = frontmatterKeywords(article);
    const bold = text.indexOf('oven spring**') + 3;
    const found = keywordOccurrenceAt(article, bold, keywords);
    assert.equal(found?.keyword, 'oven spring');
    assert.equal(text.slice(found!.start, found!.end), 'oven spring');
    const wrapped = text.indexOf('spring again') + 2;
    const across = keywordOccurrenceAt(article, wrapped, keywords);
    assert.equal(across && text.slice(across.start, across.end), 'oven-\nspring');
    assert.equal(keywordOccurrenceAt(article, text.indexOf('Tyres') + 1, keywords), undefined);
    assert.equal(keywordOccurrenceAt(article, text.indexOf('unused'), keywords), undefined, 'not in the frontmatter');
  });
});
