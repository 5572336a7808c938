/**
 * A small site per generator (test/fixtures/sites/<generator>/), written from each generator's
 * documentation: every Markdown file is analyzed as the CLI does (its site detected, its nearest
 * configuration loaded) and gets exactly the findings of the site's expected.json (rule
 * line:column-endLine:endColumn, severities too); well-made articles get none (a few still do not place
 * their focus keyword everywhere: keyword-placement's info, listed). Every fix is
 * applied and the file analyzed again: that finding is gone and nothing new appears.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, applyEdits } from '../../../src/core';
import { asTyped, compact, FIXTURES, nodeFs } from '../helpers/engine';

export const SITE_FIXTURES = path.join(FIXTURES, 'sites');

interface Expected {
  description: string;
  site: string;
  /** article, page, list, or false (not content). */
  kind: 'article' | 'page' | 'list' | false;
  findings: string[];
}

function markdownFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...markdownFiles(full));
    else if (/\.(md|mdx|markdown|mkdn|mkd|mkdown)$/.test(entry.name)) files.push(full);
  }
  return files.sort();
}

const withSeverity = (finding: { severity: string }, text: string) => `${text} ${finding.severity}`;

describe('site fixtures (test/fixtures/sites)', () => {
  for (const site of fs.readdirSync(SITE_FIXTURES).sort()) {
    const root = path.join(SITE_FIXTURES, site);
    const expected = JSON.parse(fs.readFileSync(path.join(root, 'expected.json'), 'utf8')) as Record<string, Expected>;
    describe(site, () => {
      const files = markdownFiles(root);
      it('lists every Markdown file of the site in expected.json', () => {
        assert.deepEqual(files.map((file) => path.relative(root, file).split(path.sep).join('/')).sort(), Object.keys(expected).sort());
      });
      for (const file of files) {
        const name = path.relative(root, file).split(path.sep).join('/');
        const spec = expected[name];
        it(`${name}: ${spec?.description ?? ''}`, async () => {
          const text = fs.readFileSync(file, 'utf8');
          const result = await analyzeArticle(text, { filePath: file, fs: nodeFs });
          assert.equal(result.site.profile.name, spec.site);
          assert.equal(result.kind ?? false, spec.kind, result.kindReason);
          assert.equal(result.isContent, spec.kind !== false);
          assert.deepEqual(result.findings.map((finding) => withSeverity(finding, compact(finding))), spec.findings);
          for (const finding of result.findings) {
            if (!finding.fix) continue;
            // A fix that leaves the cursor for the author (an empty alt text) is done once they type there.
            const fixed = applyEdits(result.article.text, asTyped(finding.fix.edits));
            const again = await analyzeArticle(fixed, { filePath: file, fs: nodeFs });
            const after = again.findings.map((other) => `${other.ruleId} ${other.message}`);
            assert.ok(!after.includes(`${finding.ruleId} ${finding.message}`), `${finding.fix.title} removes the finding`);
            // Nothing of a new kind appears (a fix may change another finding's wording, e.g. a did-you-mean it made moot).
            const before = new Set(result.findings.filter((other) => other !== finding).map((other) => other.ruleId));
            for (const other of again.findings) assert.ok(before.has(other.ruleId), `${finding.fix.title} adds nothing: ${other.ruleId} ${other.message}`);
          }
        });
      }
    });
  }
});
