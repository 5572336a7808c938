import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatGithub } from '../../../src/cli/formatters/github';
import { formatJson } from '../../../src/cli/formatters/json';
import { formatSarif } from '../../../src/cli/formatters/sarif';
import { formatStylish } from '../../../src/cli/formatters/stylish';
import { useColor } from '../../../src/cli/main';
import type { FileReport, RuleInfo } from '../../../src/cli/report';
import * as fs from 'node:fs';
import { EXAMPLES, REPO_ROOT, runCli, sarifSchemaErrors } from '../helpers/cli';

const cwd = path.resolve('site');
const stats = { words: 120, readingMinutes: 1, keywordsUsed: 1, keywordsTotal: 2, faqQuestions: 0, readability: 64.2, titleWidth: 412.5, descriptionWidth: null };

const reports: FileReport[] = [
  {
    file: 'blog/a b.md',
    absolutePath: path.join(cwd, 'blog', 'a b.md'),
    stats,
    diagnostics: [
      { ruleId: 'title-length', severity: 'warning', message: 'Title is 4 characters; aim for 20–70.', line: 2, column: 8, endLine: 2, endColumn: 14, fixable: false },
      { ruleId: 'frontmatter-schema', severity: 'error', message: 'pubDate: "sometime soon" is not a date.', line: 6, column: 10, endLine: 6, endColumn: 25, fixable: false },
      { ruleId: 'slug-format', severity: 'warning', message: 'Slug is not kebab-case.', line: 4, column: 7, endLine: 4, endColumn: 27, fixable: true },
      { ruleId: 'faq-too-few', severity: 'info', message: 'Only 2 questions.', line: 27, column: 1, endLine: 27, endColumn: 7, fixable: false },
    ],
  },
  { file: 'blog/clean.md', absolutePath: path.join(cwd, 'blog', 'clean.md'), stats, diagnostics: [] },
];

const rules: RuleInfo[] = [
  { id: 'frontmatter-schema', defaultSeverity: 'error', description: 'A frontmatter value breaks the schema.' },
  { id: 'title-length', defaultSeverity: 'warning', description: 'Title length outside the band.' },
  { id: 'slug-format', defaultSeverity: 'warning', description: 'Slug is not kebab-case ASCII.' },
  { id: 'faq-too-few', defaultSeverity: 'info', description: 'Too few FAQ questions.' },
];

describe('CLI output formats', () => {
  describe('json', () => {
    it('prints exactly the documented shape, with nothing else', () => {
      const output = JSON.parse(formatJson(reports));
      assert.equal(output.length, 2);
      assert.deepEqual(Object.keys(output[0]), ['file', 'site', 'diagnostics', 'stats']);
      assert.deepEqual(Object.keys(output[0].diagnostics[0]), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
      assert.deepEqual(Object.keys(output[0].stats), ['words', 'readingMinutes', 'keywordsUsed', 'keywordsTotal', 'faqQuestions', 'readability', 'titleWidth', 'descriptionWidth']);
      assert.deepEqual(output[1], { file: 'blog/clean.md', site: 'generic', diagnostics: [], stats });
    });

    it('prints an empty array when nothing was checked', () => {
      assert.deepEqual(JSON.parse(formatJson([])), []);
    });
  });

  describe('stylish', () => {
    const plain = formatStylish(reports, { color: false });

    it('groups findings by file as line:column  severity  message  rule-id', () => {
      const lines = plain.split('\n');
      assert.ok(lines.includes('blog/a b.md'));
      assert.ok(!plain.includes('clean.md'), 'files without findings are not listed');
      assert.match(plain, /^ {2}2:8 {3}warning {2}Title is 4 characters; aim for 20–70\. {2}.* {2}title-length$/m);
      assert.match(plain, /^ {2}6:10 {2}error {4}pubDate: "sometime soon" is not a date\. +frontmatter-schema$/m);
    });

    it('ends with the summary line and the fixable count', () => {
      assert.match(plain, /✖ 4 problems \(1 error, 2 warnings, 1 info\)\n/);
      assert.match(plain, /1 problem can be fixed with the --fix option\./);
    });

    it('has no colour unless asked, and colour when asked', () => {
      assert.ok(!plain.includes('\u001b['));
      assert.ok(formatStylish(reports, { color: true }).includes('\u001b[31m'));
    });

    it('says so when there is nothing to report', () => {
      assert.equal(formatStylish([reports[1]], { color: false }), '✔ No problems (1 file checked)\n');
    });

    it('uses colour only on a TTY, and never with NO_COLOR', () => {
      assert.equal(useColor({ env: {}, stdout: { write: () => true, isTTY: true } }), true);
      assert.equal(useColor({ env: {}, stdout: { write: () => true, isTTY: false } }), false);
      assert.equal(useColor({ env: { NO_COLOR: '1' }, stdout: { write: () => true, isTTY: true } }), false);
    });
  });

  describe('sarif', () => {
    const log = JSON.parse(formatSarif(reports, rules, cwd));
    const run = log.runs[0];

    it('is valid against the SARIF 2.1.0 JSON Schema', () => {
      assert.deepEqual(sarifSchemaErrors(log), []);
      assert.equal(log.version, '2.1.0');
    });

    it('describes the tool and every rule', () => {
      const driver = run.tool.driver;
      assert.equal(driver.name, 'article-lint');
      assert.match(driver.version, /^\d+\.\d+\.\d+/);
      assert.match(driver.informationUri, /^https:\/\//);
      assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), rules.map((r) => r.id));
      const faq = driver.rules[3];
      assert.equal(faq.shortDescription.text, 'Too few FAQ questions.');
      assert.match(faq.helpUri, /^https:\/\/.*\/docs\/rules\/faq-too-few\.md$/);
      assert.equal(faq.defaultConfiguration.level, 'note');
      assert.equal(driver.rules[0].defaultConfiguration.level, 'error');
    });

    it('gives each result its rule index, level, message and relative region', () => {
      assert.equal(run.results.length, 4);
      const [title, schema, , info] = run.results;
      assert.equal(title.ruleId, 'title-length');
      assert.equal(run.tool.driver.rules[title.ruleIndex].id, 'title-length');
      assert.equal(title.level, 'warning');
      assert.equal(schema.level, 'error');
      assert.equal(info.level, 'note');
      assert.equal(title.message.text, 'Title is 4 characters; aim for 20–70.');
      const location = title.locations[0].physicalLocation;
      assert.deepEqual(location.artifactLocation, { uri: 'blog/a%20b.md', uriBaseId: '%SRCROOT%', index: 0 });
      assert.deepEqual(location.region, { startLine: 2, startColumn: 8, endLine: 2, endColumn: 14 });
      assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
      assert.equal(run.columnKind, 'utf16CodeUnits');
    });

    it('is valid with no results too', () => {
      assert.deepEqual(sarifSchemaErrors(JSON.parse(formatSarif([], rules, cwd))), []);
    });
  });
});

describe('github output', () => {
  it('prints one workflow command per finding: errors, warnings and infos as notices, in report order', () => {
    assert.equal(
      formatGithub(reports),
      [
        '::warning file=blog/a b.md,line=2,col=8,endLine=2,endColumn=14,title=article-lint (title-length)::Title is 4 characters; aim for 20–70.',
        '::error file=blog/a b.md,line=6,col=10,endLine=6,endColumn=25,title=article-lint (frontmatter-schema)::pubDate: "sometime soon" is not a date.',
        '::warning file=blog/a b.md,line=4,col=7,endLine=4,endColumn=27,title=article-lint (slug-format)::Slug is not kebab-case.',
        '::notice file=blog/a b.md,line=27,col=1,endLine=27,endColumn=7,title=article-lint (faq-too-few)::Only 2 questions.',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there is nothing to report', () => {
    assert.equal(formatGithub([reports[1]]), '');
    assert.equal(formatGithub([]), '');
  });

  it('encodes what would end a message or a property: %, CR, LF, and in properties : and ,', () => {
    const report: FileReport = {
      file: 'posts/100%, done: yes.md',
      absolutePath: path.join(cwd, 'posts', '100%, done: yes.md'),
      stats,
      diagnostics: [
        { ruleId: 'readability', severity: 'info', message: 'Reads at 30%:\r\nhard, for most readers.', line: 3, column: 1, endLine: 5, endColumn: 2, fixable: false },
      ],
    };
    assert.equal(
      formatGithub([report]),
      '::notice file=posts/100%25%2C done%3A yes.md,line=3,col=1,endLine=5,endColumn=2,title=article-lint (readability)::Reads at 30%25:%0D%0Ahard, for most readers.\n',
    );
  });

  it('is what the CLI prints for the flawed example, one line per finding of its json output', async () => {
    const github = await runCli(['--format', 'github', 'flawed-article.md'], { cwd: EXAMPLES });
    const json = await runCli(['--format', 'json', 'flawed-article.md'], { cwd: EXAMPLES });
    assert.equal(github.code, 1);
    const findings: { ruleId: string; severity: string; message: string; line: number; column: number }[] = JSON.parse(json.stdout)[0].diagnostics;
    const lines = github.stdout.trimEnd().split('\n');
    assert.equal(lines.length, findings.length);
    findings.forEach((finding, index) => {
      const command = { error: 'error', warning: 'warning', info: 'notice' }[finding.severity];
      assert.ok(
        lines[index].startsWith(`::${command} file=flawed-article.md,line=${finding.line},col=${finding.column},`),
        lines[index],
      );
      assert.ok(lines[index].endsWith(`title=article-lint (${finding.ruleId})::${finding.message.replace(/%/g, '%25')}`), lines[index]);
    });
  });

  it('prints the example of docs/cli.md for the flawed example', async () => {
    const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
    const example = /### github[\s\S]*?```\n([\s\S]*?)```/.exec(docs)?.[1];
    assert.ok(example, 'docs/cli.md has a github example');
    const run = await runCli(['--format', 'github', 'flawed-article.md'], { cwd: EXAMPLES });
    assert.ok(run.stdout.split('\n').includes(example.trimEnd()), `${example}\nis not in\n${run.stdout}`);
  });
});

describe('the stylish example of docs/cli.md', () => {
  it('is what the CLI prints for test/fixtures/examples/flawed-article.md', async () => {
    const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
    const example = /### stylish[\s\S]*?```\n([\s\S]*?)```/.exec(docs)?.[1];
    assert.ok(example, 'docs/cli.md has a stylish example');
    const run = await runCli(['flawed-article.md'], { cwd: EXAMPLES });
    assert.equal(run.stdout.replace(/^\n/, ''), example);
  });

  it('says when no file could be checked, and keeps long messages from padding the others', () => {
    assert.equal(formatStylish([], { color: false }), '✖ No file could be checked\n');
    const long = 'x'.repeat(300);
    const report: FileReport = {
      file: 'a.md',
      absolutePath: path.resolve('a.md'),
      stats,
      diagnostics: [
        { ruleId: 'title-length', severity: 'warning', message: 'Short.', line: 1, column: 1, endLine: 1, endColumn: 2, fixable: false },
        { ruleId: 'readability', severity: 'info', message: long, line: 2, column: 1, endLine: 2, endColumn: 2, fixable: false },
      ],
    };
    const lines = formatStylish([report], { color: false, columns: 80 }).split('\n');
    assert.ok(lines.filter((line) => line.includes('Short.')).every((line) => line.length <= 80), lines.join('\n'));
  });
});
