/**
 * Every message the rules write on the fixtures, per rule, for reading by eye: `PRINT_MESSAGES=1`
 * prints the list. The checks hold for all of them: a sentence that ends, no value the code failed
 * to fill in, no place named twice.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { allRules } from '../../../src/core/rules/index';
import { FIXTURES, runCli } from '../helpers/cli';

interface JsonReport {
  file: string;
  diagnostics: { ruleId: string; message: string }[];
}

/** The fixture trees the CLI checks, each as its own run (a site is read as its generator reads it). */
const TREES = ['rules', 'examples', 'sitewide/astro', 'sitewide/hugo', 'sitewide/jekyll', 'sites/hugo', 'sites/jekyll', 'sites/docusaurus', 'sites/eleventy', 'sites/nextjs'];

describe('the messages of every rule on the fixtures', () => {
  const byRule = new Map<string, Set<string>>();

  before(async function () {
    this.timeout(60_000);
    for (const tree of TREES) {
      const run = await runCli(['--format', 'json', '--report-unused-disables', '.'], { cwd: path.join(FIXTURES, tree) });
      assert.ok(run.code !== 2, `${tree}: ${run.stderr}`);
      for (const report of JSON.parse(run.stdout) as JsonReport[]) {
        for (const { ruleId, message } of report.diagnostics) {
          if (!byRule.has(ruleId)) byRule.set(ruleId, new Set());
          byRule.get(ruleId)!.add(message);
        }
      }
    }
    if (process.env.PRINT_MESSAGES) {
      for (const [ruleId, messages] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
        console.log(`\n${ruleId}\n${[...messages].sort().map((message) => `  ${message}`).join('\n')}`);
      }
    }
  });

  it('has messages of every rule', () => {
    assert.deepEqual(allRules.map((rule) => rule.id).filter((id) => !byRule.has(id)), []);
  });

  it('writes sentences that end, with every value filled in and each place named once', () => {
    for (const [ruleId, messages] of byRule) {
      for (const message of messages) {
        const where = `${ruleId}: ${message}`;
        assert.match(message, /^\S/, where);
        assert.match(message, /[.?)"]$/, `${where} (ends as a sentence)`);
        // Quoted values are the author's text, spaces and all.
        const own = message.replace(/"[^"]*"/g, '""');
        assert.doesNotMatch(own, /\b(undefined|NaN|null)\b|\[object |\s{2}/, where);
        const places = [...message.matchAll(/\bline (\d+)\b/g)].map((match) => match[1]);
        assert.equal(new Set(places).size, places.length, `${where} (a line named twice)`);
      }
    }
  });
});
