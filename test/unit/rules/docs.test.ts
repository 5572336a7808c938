/** docs/rules/<id>.md: one page per rule of the registry, in step with its severity and options. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules as ruleRegistry } from '../../../src/core/rules/index';
import { REPO_ROOT } from '../helpers/cli';

const docs = path.join(REPO_ROOT, 'docs', 'rules');

describe('rule documentation (docs/rules)', () => {
  it('has a page for every rule and no page for a rule that does not exist', () => {
    const pages = fs.readdirSync(docs).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
    assert.deepEqual(pages, ruleRegistry.map((rule) => rule.id).sort());
  });

  it('docs/cli.md has the rules table written from the registry (npm run rules-table)', async () => {
    const script = (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'rules-table.mjs')).href)) as {
      withRulesTable(document: string, rules: readonly unknown[]): string | undefined;
      rulesTable(rules: readonly unknown[]): string;
    };
    const document = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
    assert.equal(script.withRulesTable(document, ruleRegistry), document, 'run npm run rules-table');
    // Every rule has its row, with its default severity and whether --fix applies its fix.
    const rows = [...script.rulesTable(ruleRegistry).matchAll(/^\| \[([a-z0-9-]+)\]\(rules\/\1\.md\) \| (\w+) \| ([^|]*) \|/gm)];
    assert.deepEqual(rows.map((row) => `${row[1]} ${row[2]}`), ruleRegistry.map((rule) => `${rule.id} ${rule.defaultSeverity}`));
    assert.deepEqual(rows.filter((row) => row[3].includes('--fix')).map((row) => row[1]), ['reading-time-mismatch']);
  });

  for (const rule of ruleRegistry) {
    it(`${rule.id}: what, why, a failing and a passing example, its options and how to configure it`, () => {
      const page = fs.readFileSync(path.join(docs, `${rule.id}.md`), 'utf8');
      assert.ok(page.startsWith(`# ${rule.id}\n`));
      for (const section of ['## What it finds', '## Why it matters', '## Examples', '## Options', '## Configure']) {
        assert.ok(page.includes(`\n${section}\n`), `${section} missing`);
      }
      assert.match(page, /Failing/);
      assert.match(page, /Passing/);
      // The header table's default severity, and every option with its default value.
      assert.match(page, new RegExp(`^\\| ${rule.defaultSeverity} \\|`, 'm'));
      for (const [name, value] of Object.entries(rule.defaultOptions)) {
        assert.ok(page.includes(`| \`${name}\` | ${value} |`), `option ${name} (${value}) not in the options table`);
      }
      if (Object.keys(rule.defaultOptions).length === 0) assert.match(page, /## Options\n\nNone/);
      // "Articles only" exactly for the rules that never run on a site's pages.
      assert.equal(/\*\*Articles only\*\*/.test(page), Boolean(rule.articlesOnly), 'the page says whether the rule runs on pages');
      // Fixable by --fix exactly when the page says so.
      assert.equal(/^\| \w+ \| yes \(`--fix`/m.test(page), rule.fixable === 'fix');
      assert.equal(/^\| \w+ \| editor quick fix only/m.test(page), rule.fixable === 'quick-fix');
      // The configuration example is valid JSON naming the rule.
      const json = /## Configure\n\n```json\n([\s\S]*?)```/.exec(page)?.[1];
      assert.ok(json, 'a JSON configuration example');
      assert.ok(JSON.stringify(JSON.parse(json)).includes(rule.id) || rule.id === 'frontmatter-schema');
    });
  }

  it('says honestly what FAQ markup and length bands do for search', () => {
    const faq = fs.readFileSync(path.join(docs, 'faq-missing.md'), 'utf8');
    assert.match(faq, /stopped showing FAQ\s+rich results in Search in May\s+2026/);
    assert.match(fs.readFileSync(path.join(docs, 'title-length.md'), 'utf8'), /Google publishes no length limit/);
    assert.match(fs.readFileSync(path.join(docs, 'description-length.md'), 'utf8'), /Google gives no length/);
  });
});
