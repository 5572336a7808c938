/** The CLI end to end: the shared examples through its JSON output, exit codes, bad input. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, copyFixtures, runCli, sarifSchemaErrors, tempDir, writeTree, REPO_ROOT } from '../helpers/cli';
import { displayPath } from '../../../src/cli/lint';

interface Expected {
  ruleId: string;
  severity: string;
  line: number;
  column?: number;
}

interface JsonFile {
  file: string;
  diagnostics: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }>;
  stats: Record<string, number>;
}

function readExpected(file: string): Expected[] {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The findings as the expected lists give them: rule, severity, line, and column where given. */
function comparable(actual: JsonFile['diagnostics'], expected: Expected[]): { actual: string[]; expected: string[] } {
  const key = (d: Expected) => `${d.line}${d.column === undefined ? '' : `:${d.column}`} ${d.severity} ${d.ruleId}`;
  const withColumns = new Set(expected.filter((e) => e.column !== undefined).map((e) => `${e.ruleId}@${e.line}`));
  return {
    actual: actual
      .map((d) => key({ ruleId: d.ruleId, severity: d.severity, line: d.line, column: withColumns.has(`${d.ruleId}@${d.line}`) ? d.column : undefined }))
      .sort(),
    expected: expected.map(key).sort(),
  };
}

async function lintJson(args: string[], cwd: string): Promise<{ code: number; files: JsonFile[]; stderr: string }> {
  const run = await runCli(['--format', 'json', ...args], { cwd });
  assert.equal(run.stderr.includes('\n    at '), false, `no stack trace: ${run.stderr}`);
  return { code: run.code, files: run.stdout ? JSON.parse(run.stdout) : [], stderr: run.stderr };
}

describe('article-lint CLI', () => {
  describe('the shared examples, through the JSON output', () => {
    it('sample-article.md gets no finding (exit 0)', async () => {
      const { code, files, stderr } = await lintJson(['sample-article.md'], EXAMPLES);
      assert.equal(stderr, '');
      assert.equal(files.length, 1);
      assert.equal(files[0].file, 'sample-article.md');
      assert.deepEqual(files[0].diagnostics, []);
      assert.equal(code, 0);
      assert.ok(files[0].stats.words > 500);
      assert.equal(files[0].stats.faqQuestions, 4);
      assert.equal(files[0].stats.keywordsUsed, files[0].stats.keywordsTotal);
    });

    it('flawed-article.md gets exactly flawed-article.expected.json (exit 1: it has an error)', async () => {
      const { code, files } = await lintJson(['flawed-article.md'], EXAMPLES);
      const { actual, expected } = comparable(files[0].diagnostics, readExpected(path.join(EXAMPLES, 'flawed-article.expected.json')));
      assert.deepEqual(actual, expected);
      assert.equal(code, 1);
    });

    it("the Astro site's article gets exactly its expected.json", async () => {
      const site = path.join(EXAMPLES, 'astro-site');
      const { files } = await lintJson(['src/content/blog/markets-of-lisbon.md'], site);
      assert.equal(files[0].file, 'src/content/blog/markets-of-lisbon.md');
      const { actual, expected } = comparable(files[0].diagnostics, readExpected(path.join(site, 'expected.json')));
      assert.deepEqual(actual, expected);
    });

    it('gives every diagnostic a message and a range in 1-based lines and columns', async () => {
      const { files } = await lintJson(['flawed-article.md'], EXAMPLES);
      for (const d of files[0].diagnostics) {
        assert.ok(d.message.length > 0);
        assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line);
        assert.ok(d.endLine > d.line || d.endColumn >= d.column);
      }
    });

    it('checks a folder: every article of the examples folder (the Astro site is searched too)', async () => {
      const { files } = await lintJson(['.'], EXAMPLES);
      assert.deepEqual(
        files.map((f) => f.file),
        ['astro-site/src/content/blog/markets-of-lisbon.md', 'flawed-article.md', 'sample-article.md'],
      );
    });
  });

  describe('exit codes and messages', () => {
    it('exits 2 with a one-line message for a missing path', async () => {
      const run = await runCli(['no-such-article.md'], { cwd: EXAMPLES });
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^article-lint: no-such-article\.md: no such file or folder\n$/);
    });

    it('exits 2 for a glob that matches no Markdown file', async () => {
      const run = await runCli(['nothing-here/**/*.md'], { cwd: EXAMPLES });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^article-lint: no Markdown file matches "nothing-here\/\*\*\/\*\.md"\n$/);
    });

    it('exits 2 for bad usage', async () => {
      const run = await runCli(['--format', 'xml'], { cwd: EXAMPLES });
      assert.equal(run.code, 2);
      assert.equal(run.stderr.split('\n').length, 2);
    });

    it('prints the help and the version (exit 0)', async () => {
      const help = await runCli(['--help'], { cwd: EXAMPLES });
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: article-lint/);
      const version = await runCli(['--version'], { cwd: EXAMPLES });
      assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
    });

    it('exits 2 naming the file and the key for a bad configuration', async () => {
      const dir = copyFixtures('examples/sample-article.md', 'examples/public');
      fs.writeFileSync(path.join(dir, '.article-lint.json'), '{\n  "rules": {\n    "title-lenght": "warning"\n  }\n}\n');
      const run = await runCli(['sample-article.md'], { cwd: dir });
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.split('\n').length, 2, run.stderr);
      assert.match(run.stderr, /\.article-lint\.json/);
      assert.match(run.stderr, /rules\.title-lenght/);
    });

    it('exits 2 for a bad severity, an unparseable file and a missing --config file', async () => {
      const dir = copyFixtures('examples/sample-article.md', 'examples/public');
      fs.writeFileSync(path.join(dir, 'bad-severity.json'), '{ "rules": { "faq-missing": "loud" } }');
      fs.writeFileSync(path.join(dir, 'not-json.json'), '{ "rules": ');
      const severity = await runCli(['--config', 'bad-severity.json', 'sample-article.md'], { cwd: dir });
      assert.equal(severity.code, 2);
      assert.match(severity.stderr, /bad-severity\.json.*rules\.faq-missing/);
      const broken = await runCli(['--config', 'not-json.json', 'sample-article.md'], { cwd: dir });
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /not-json\.json/);
      const missing = await runCli(['--config', 'nope.json', 'sample-article.md'], { cwd: dir });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.json/);
      for (const run of [severity, broken, missing]) assert.equal(run.stderr.split('\n').length, 2, run.stderr);
    });

    it('applies --config: a rule turned off, a severity raised', async () => {
      const dir = copyFixtures('examples/flawed-article.md');
      fs.writeFileSync(
        path.join(dir, 'strict.json'),
        JSON.stringify({ rules: { 'keyword-unused': 'off', 'faq-question-format': 'error' } }),
      );
      const { files } = await lintJson(['--config', 'strict.json', 'flawed-article.md'], dir);
      const rules = files[0].diagnostics.map((d) => `${d.ruleId}:${d.severity}`);
      assert.ok(!rules.some((r) => r.startsWith('keyword-unused')));
      assert.ok(rules.includes('faq-question-format:error'));
    });

    it('--max-warnings: exit 1 only when there are more warnings than allowed', async () => {
      const dir = copyFixtures('examples/public');
      const sample = fs.readFileSync(path.join(EXAMPLES, 'sample-article.md'), 'utf8');
      // One warning: a title below 20 characters (and an info: the focus keyword is no longer in it).
      fs.writeFileSync(path.join(dir, 'short-title.md'), sample.replace(/^title: .*$/m, 'title: "Sourdough"'));
      const { files, code } = await lintJson(['short-title.md'], dir);
      assert.deepEqual(files[0].diagnostics.map((d) => `${d.ruleId}:${d.severity}`), ['title-length:warning', 'keyword-placement:info']);
      assert.equal(code, 0);
      assert.equal((await runCli(['--max-warnings', '1', 'short-title.md'], { cwd: dir })).code, 0);
      const over = await runCli(['--max-warnings', '0', 'short-title.md'], { cwd: dir });
      assert.equal(over.code, 1);
      assert.match(over.stderr, /1 warnings?, more than the 0/);
    });

    it('infos never fail a run', async () => {
      const dir = copyFixtures('examples/public');
      const sample = fs.readFileSync(path.join(EXAMPLES, 'sample-article.md'), 'utf8');
      fs.writeFileSync(path.join(dir, 'typo.md'), sample.replace(/^category:/m, 'categroy:'));
      const { files, code } = await lintJson(['--max-warnings', '0', 'typo.md'], dir);
      assert.deepEqual(files[0].diagnostics.map((d) => `${d.ruleId}:${d.severity}`), ['frontmatter-unknown-key:info']);
      assert.equal(code, 0);
    });
  });

  describe('what is checked', () => {
    const article = '---\ntitle: "x"\n---\n\nBody.\n';

    it('searches folders for .md and .mdx, skipping node_modules and dot-folders', async () => {
      const dir = tempDir();
      writeTree(dir, {
        'posts/one.md': article,
        'posts/two.mdx': article,
        'posts/deep/three.md': article,
        'posts/image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]),
        'posts/notes.txt': article,
        'node_modules/pkg/readme.md': article,
        'posts/node_modules/x.md': article,
        '.hidden/secret.md': article,
        'posts/.drafts/draft.md': article,
      });
      const { files } = await lintJson([], dir);
      assert.deepEqual(files.map((f) => f.file), ['posts/deep/three.md', 'posts/one.md', 'posts/two.mdx']);
      const { files: named } = await lintJson(['posts'], dir);
      assert.deepEqual(named.map((f) => f.file), ['posts/deep/three.md', 'posts/one.md', 'posts/two.mdx']);
    });

    it('takes only articles from folders and globs, but always checks a file named on the command line', async () => {
      const dir = tempDir();
      writeTree(dir, {
        'README.md': '# Project\n\nNot an article.\n',
        'docs/guide.md': '# Guide\n\nNo frontmatter, outside include.\n',
        'content/no-frontmatter.md': '# An article by include\n\nText.\n',
        'docs/post.md': article,
      });
      const { files } = await lintJson([], dir);
      assert.deepEqual(files.map((f) => f.file), ['content/no-frontmatter.md', 'docs/post.md']);
      const missing = files[0].diagnostics.map((d) => d.ruleId);
      assert.ok(missing.includes('frontmatter-missing'), missing.join());

      const { files: globbed } = await lintJson(['docs/*.md'], dir);
      assert.deepEqual(globbed.map((f) => f.file), ['docs/post.md']);

      const { files: named, code } = await lintJson(['README.md'], dir);
      assert.deepEqual(named.map((f) => f.file), ['README.md']);
      assert.deepEqual(named[0].diagnostics, []);
      assert.equal(code, 0);
    });

    it('lists each file once, sorted by path, however it was named', async () => {
      const dir = tempDir();
      writeTree(dir, { 'b/z.md': article, 'a/y.md': article, 'a/x.md': article });
      const { files } = await lintJson(['b', 'a/x.md', '**/*.md', 'a'], dir);
      assert.deepEqual(files.map((f) => f.file), ['a/x.md', 'a/y.md', 'b/z.md']);
    });
  });

  describe('SARIF through the CLI', () => {
    it('is valid SARIF 2.1.0 describing all 30 rules, each with its docs page', async () => {
      const run = await runCli(['--format', 'sarif', 'flawed-article.md', 'sample-article.md'], { cwd: EXAMPLES });
      const log = JSON.parse(run.stdout);
      assert.deepEqual(sarifSchemaErrors(log), []);
      const rules: Array<{ id: string; helpUri: string }> = log.runs[0].tool.driver.rules;
      assert.equal(rules.length, 30);
      for (const rule of rules) {
        assert.ok(rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`), rule.helpUri);
        assert.ok(fs.existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md`);
      }
      const results: Array<{ ruleId: string; ruleIndex: number; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> =
        log.runs[0].results.filter((result: { ruleId: string }) => result.ruleId !== 'article-orphan');
      assert.equal(results.length, readExpected(path.join(EXAMPLES, 'flawed-article.expected.json')).length);
      for (const result of results) {
        assert.equal(rules[result.ruleIndex].id, result.ruleId);
        assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'flawed-article.md');
      }
    });
  });
});

describe('the paths reports show', () => {
  it('are relative to the working folder with / below it, and absolute outside it', () => {
    const cwd = path.resolve('/site');
    assert.equal(displayPath(path.join(cwd, 'posts', 'a.md'), cwd), 'posts/a.md');
    assert.equal(displayPath([cwd, 'posts', '..', 'b.md'].join(path.sep), cwd), 'b.md');
    assert.equal(displayPath(path.resolve('/elsewhere/c.md'), cwd), path.resolve('/elsewhere/c.md'));
    assert.equal(displayPath(path.resolve('/site-other/d.md'), cwd), path.resolve('/site-other/d.md'));
    assert.equal(displayPath(path.join(cwd, 'e.md'), `${cwd}${path.sep}`), 'e.md');
  });
});
