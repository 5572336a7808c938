import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { allRules, analyzeArticle, defaultConfig, loadConfig } from '../../../src/core';
import { findConfigFile, formatConfigProblem, matchesInclude, parseConfig } from '../../../src/core/config/config';
import { ruleRegistry } from '../../../src/core/rules/index';
import { memoryFs, nodeFs, REPO } from '../helpers/engine';
import { runCli } from '../helpers/cli';
import { siteNames } from '../../../src/core/generators/registry';

const root = path.resolve('/site');
const file = path.join(root, '.article-lint.json');

function problemsOf(json: string) {
  return parseConfig(json, file, allRules).problems;
}

describe('configuration (.article-lint.json)', () => {
  it('finds the nearest file walking up from the article', async () => {
    const host = memoryFs({
      [path.join(root, '.article-lint.json')]: '{}',
      [path.join(root, 'blog', '.article-lint.json')]: '{"rules":{"faq-missing":"error"}}',
      [path.join(root, 'blog', 'deep', 'post.md')]: '',
      [path.join(root, 'docs', 'page.md')]: '',
    });
    assert.equal(await findConfigFile(path.join(root, 'blog', 'deep'), host), path.join(root, 'blog', '.article-lint.json'));
    const near = await loadConfig({ rules: allRules, fs: host, forPath: path.join(root, 'blog', 'deep', 'post.md') });
    assert.equal(near.config.rules['faq-missing'].severity, 'error');
    assert.equal(near.config.baseDir, path.join(root, 'blog'));
    const far = await loadConfig({ rules: allRules, fs: host, forPath: path.join(root, 'docs', 'page.md') });
    assert.equal(far.config.file, path.join(root, '.article-lint.json'));
    const none = await loadConfig({ rules: allRules, fs: memoryFs({}), forPath: path.join(root, 'x.md'), defaultBaseDir: root });
    assert.deepEqual(none.problems, []);
    assert.equal(none.config.baseDir, root);
    assert.equal(none.config.rules['title-length'].severity, 'warning');
  });

  it('resolves the documented example: include, publicDir, schema, severities and options', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({
        include: ['src/content/blog/**/*.md'],
        publicDir: 'public',
        schema: 'schemas/post.schema.json',
        rules: { 'faq-missing': 'error', 'title-length': ['warning', { max: 60 }], 'keyword-unused': 'off' },
      }),
      file,
      allRules,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.include, ['src/content/blog/**/*.md']);
    assert.equal(config.publicDir, path.join(root, 'public'));
    assert.deepEqual(config.schema, { path: path.join(root, 'schemas', 'post.schema.json') });
    assert.equal(config.rules['faq-missing'].severity, 'error');
    assert.deepEqual(config.rules['title-length'], { severity: 'warning', options: { min: 20, max: 60 } });
    assert.equal(config.rules['keyword-unused'].severity, 'off');
    assert.equal(matchesInclude(config, path.join(root, 'src', 'content', 'blog', 'a.md')), true);
    assert.equal(matchesInclude(config, path.join(root, 'README.md')), false);
  });

  it('reports every bad value with the file, the key and its position, never throwing', () => {
    const text = [
      '{',
      '  "include": [3],',
      '  "publicDir": true,',
      '  "schema": 42,',
      '  "rulez": {},',
      '  "rules": {',
      '    "faq-mising": "error",',
      '    "title-length": "loud",',
      '    "description-length": ["warning", { "max": "sixty", "width": 3 }],',
      '    "reading-time-mismatch": ["warning", { "tolerance": -1 }],',
      '    "faq-too-few": ["info", { "minQuestions": 2.5 }],',
      '    "title-length": ["warning", { "min": 80, "max": 60 }]',
      '  }',
      '}',
    ].join('\n');
    const problems = problemsOf(text);
    const summary = problems.map((problem) => `${problem.line}:${problem.key}`);
    assert.deepEqual(summary, [
      '5:rulez',
      '2:include[0]',
      '3:publicDir',
      '4:schema',
      '7:rules.faq-mising',
      '12:rules.title-length[1]',
      '9:rules.description-length[1].max',
      '9:rules.description-length[1].width',
      '10:rules.reading-time-mismatch[1].tolerance',
      '11:rules.faq-too-few[1].minQuestions',
    ]);
    assert.match(problems[4].message, /unknown rule "faq-mising"\. Did you mean "faq-missing"\?/);
    assert.match(problems[0].message, /Did you mean "rules"\?/);
    for (const problem of problems) assert.equal(problem.file, file);
    assert.match(formatConfigProblem(problems[4]), /\.article-lint\.json:7:5: rules\.faq-mising: unknown rule/);
  });

  it('reports a bad severity', () => {
    const [problem] = problemsOf('{"rules":{"title-length":"loud"}}');
    assert.equal(problem.key, 'rules.title-length');
    assert.match(problem.message, /"off", "info", "warning" or "error", got "loud"/);
  });

  it('reports invalid JSON and a non-object with a position', () => {
    const [syntax] = problemsOf('{\n  "rules": {,}\n}');
    assert.match(syntax.message, /not valid JSON/);
    assert.equal(syntax.key, '');
    assert.equal(problemsOf('[1]')[0].message.includes('JSON object'), true);
    assert.doesNotThrow(() => problemsOf('\u0000\u0001binary'));
  });

  it('reports a schema file or public folder that does not exist', async () => {
    const host = memoryFs({ [file]: '{"publicDir":"static","schema":{"blog/**":"missing.json"}}' });
    const { problems } = await loadConfig({ rules: allRules, fs: host, configFile: file });
    assert.deepEqual(problems.map((problem) => problem.key), ['publicDir', 'schema.blog/**']);
  });

  it('reports an unreadable --config file', async () => {
    const { problems, config } = await loadConfig({ rules: allRules, fs: memoryFs({}), configFile: file });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /cannot be read/);
    assert.equal(config.rules['faq-missing'].severity, 'warning');
  });

  it('has a JSON Schema (schemas/article-lint.schema.json) generated from the registry', async () => {
    const onDisk = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'article-lint.schema.json'), 'utf8'));
    const script = (await import(pathToFileURL(path.join(REPO, 'scripts', 'config-schema.mjs')).href)) as {
      configJsonSchema(rules: typeof allRules, siteNames: readonly string[]): unknown;
    };
    assert.deepEqual(onDisk, script.configJsonSchema(allRules, siteNames), 'run npm run config-schema');
    // With the formats (siteUrl is a "uri"), as editors validate the file.
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(onDisk as object);
    assert.equal(validate({ rules: { 'title-length': ['warning', { max: 60 }], 'faq-missing': 'error' }, include: ['a/**'] }), true);
    assert.equal(validate({ rules: { 'title-lenght': 'warning' } }), false);
    assert.equal(validate({ rules: { 'faq-missing': ['warning', { x: 1 }] } }), false);
    assert.equal(validate({ siteUrl: 'not a url' }), false);
  });

  it('knows every rule with its default severity', () => {
    const config = defaultConfig(allRules);
    assert.equal(Object.keys(config.rules).length, allRules.length);
    assert.equal(ruleRegistry.length, 25);
    assert.equal(allRules.length, 30);
    assert.equal(config.rules['link-broken'].severity, 'warning');
    assert.equal(config.rules['duplicate-url'].severity, 'error');
  });

  describe('siteUrl in .article-lint.json', () => {
    it('takes an http(s) address and names the key of anything else', () => {
      const file = path.resolve('/site/.article-lint.json');
      assert.equal(parseConfig('{ "siteUrl": "https://example.com/blog" }', file, allRules).config.siteUrl, 'https://example.com/blog');
      for (const bad of ['"example.com"', '"ftp://example.com"', '42']) {
        const { problems } = parseConfig(`{ "siteUrl": ${bad} }`, file, allRules);
        assert.equal(problems.length, 1, bad);
        assert.equal(problems[0].key, 'siteUrl');
        assert.match(problems[0].message, /must be the site's address/);
      }
    });
  });
});

describe('nested configuration (test/fixtures/config-nested)', () => {
  const nested = path.join(REPO, 'test', 'fixtures', 'config-nested');
  const load = (relative: string) => loadConfig({ rules: allRules, fs: nodeFs, forPath: path.join(nested, relative) });

  it('extends the files above it: each rule it names replaces theirs, options merged option by option', async () => {
    const { config, problems } = await load('blog/squash.md');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.files, [path.join(nested, 'blog', '.article-lint.json'), path.join(nested, '.article-lint.json')]);
    assert.equal(config.file, path.join(nested, 'blog', '.article-lint.json'));
    assert.equal(config.rules['faq-missing'].severity, 'off', 'inherited from the root file');
    assert.equal(config.rules['article-orphan'].severity, 'off', 'inherited from the root file');
    assert.equal(config.rules.readability.severity, 'off', 'set by the nearer file');
    assert.deepEqual(config.rules['title-length'], { severity: 'warning', options: { min: 10, max: 60 } });
    assert.deepEqual(config.include, ['**/*.md']);
    assert.equal(config.baseDir, nested, 'include globs stay relative to the file that set them');
  });

  it('three deep: the nearest severity wins and keeps the inherited options; schema globs resolve from their own file', async () => {
    const { config, problems } = await load('blog/guides/squash.md');
    assert.deepEqual(problems, []);
    assert.equal(config.files?.length, 3);
    assert.deepEqual(config.rules['title-length'], { severity: 'error', options: { min: 10, max: 60 } });
    assert.equal(config.rules.readability.severity, 'off');
    assert.equal(config.schemaBaseDir, path.join(nested, 'blog', 'guides'));
    const result = await analyzeArticle(fs.readFileSync(path.join(nested, 'blog', 'guides', 'squash.md'), 'utf8'), {
      filePath: path.join(nested, 'blog', 'guides', 'squash.md'),
      fs: nodeFs,
    });
    assert.equal(result.schemaSource, path.join(nested, 'post.schema.json'));
  });

  it('"root": true stops there: the files above it do not apply', async () => {
    const { config, problems } = await load('standalone/squash.md');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.files, [path.join(nested, 'standalone', '.article-lint.json')]);
    assert.equal(config.rules['faq-missing'].severity, 'warning');
    assert.deepEqual(config.rules['title-length'], { severity: 'warning', options: { min: 20, max: 70 } });
    assert.equal(config.includeConfigured, undefined);
  });

  it('the findings follow: faq-missing and readability are gone below blog/, faq-missing is back under root: true', async () => {
    const ruleIds = async (relative: string) => {
      const file = path.join(nested, relative);
      const result = await analyzeArticle(fs.readFileSync(file, 'utf8'), { filePath: file, fs: nodeFs });
      return result.findings.map((finding) => finding.ruleId);
    };
    const blog = await ruleIds('blog/squash.md');
    assert.ok(!blog.includes('faq-missing') && !blog.includes('readability'), blog.join(', '));
    const standalone = await ruleIds('standalone/squash.md');
    assert.ok(standalone.includes('faq-missing'), standalone.join(', '));
    assert.ok(!standalone.includes('readability'), standalone.join(', '));
  });

  it('--print-config lists the files that made the configuration, the nearest first', async () => {
    const run = await runCli(['--print-config', 'blog/guides/squash.md'], { cwd: nested });
    assert.equal(run.code, 0, run.stderr);
    const shown = JSON.parse(run.stdout) as { config: string; configFiles: string[]; rules: Record<string, unknown> };
    assert.equal(shown.config, 'blog/guides/.article-lint.json');
    assert.deepEqual(shown.configFiles, ['blog/guides/.article-lint.json', 'blog/.article-lint.json', '.article-lint.json']);
    assert.deepEqual(shown.rules['title-length'], ['error', { min: 10, max: 60 }]);
    assert.equal(shown.rules['faq-missing'], 'off');
  });

  it('a problem in a file above is reported with that file; "root" must be a boolean', async () => {
    const files = memoryFs({
      '/a/.article-lint.json': '{ "rules": { "faq-mising": "off" } }',
      '/a/b/.article-lint.json': '{ "root": "yes" }',
      '/a/b/post.md': '---\ntitle: T\n---\n',
    });
    const { problems } = await loadConfig({ rules: allRules, fs: files, forPath: path.resolve('/a/b/post.md') });
    assert.deepEqual(
      problems.map((problem) => `${path.relative(path.resolve('/a'), problem.file)} ${problem.key}`),
      [`${path.join('b', '.article-lint.json')} root`, '.article-lint.json rules.faq-mising'],
    );
  });
});
