/**
 * Tests by example file, as markdownlint does: every test/fixtures/rules/**.md(x) has a sibling
 * .json with a description, an optional configuration and the exact findings expected
 * (`rule line:column-endLine:endColumn`). Each file is also checked with a BOM and CRLF line ends
 * (same findings), and every fix is applied and the result analyzed again: the finding is gone,
 * nothing new appears, and every byte outside the edit is unchanged (a fix that leaves the cursor
 * for the author, such as an empty alt text, is applied with a description typed there).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, applyEdits, defaultConfig, ruleRegistry, type Finding, type ResolvedConfig } from '../../src/core';
import { asTyped, compact, configFrom, nodeFs, RULE_FIXTURES } from './engine-helpers';

interface FixtureSpec {
  description: string;
  config?: unknown;
  findings: string[];
}

function fixtureFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...fixtureFiles(full));
    else if (/\.mdx?$/.test(entry.name)) files.push(full);
  }
  return files.sort();
}

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

describe('rule fixtures (test/fixtures/rules)', () => {
  it('make every rule fire somewhere, and clean.md silences them all', () => {
    const fired = new Set<string>();
    for (const file of fixtureFiles(RULE_FIXTURES)) {
      const spec = JSON.parse(fs.readFileSync(file.replace(/\.mdx?$/, '.json'), 'utf8')) as FixtureSpec;
      for (const finding of spec.findings) fired.add(finding.split(' ')[0]);
    }
    assert.deepEqual(ruleRegistry.map((rule) => rule.id).filter((id) => !fired.has(id)), []);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(RULE_FIXTURES, 'clean.json'), 'utf8')).findings, []);
  });

  for (const file of fixtureFiles(RULE_FIXTURES)) {
    const name = path.relative(RULE_FIXTURES, file).split(path.sep).join('/');
    const spec = JSON.parse(fs.readFileSync(file.replace(/\.mdx?$/, '.json'), 'utf8')) as FixtureSpec;
    const config: ResolvedConfig = spec.config ? configFrom(RULE_FIXTURES, spec.config) : defaultConfig(RULE_FIXTURES);
    const text = fs.readFileSync(file, 'utf8');
    const run = (source: string) => analyzeArticle(source, { filePath: file, fs: nodeFs, config });

    describe(name, () => {
      it(spec.description || 'gets exactly the expected findings', async () => {
        const result = await run(text);
        assert.deepEqual(result.findings.map(compact), spec.findings);
        for (const finding of result.findings) {
          assert.ok(finding.message.length > 10, `a message for ${compact(finding)}`);
          assert.equal(result.article.lines.positionAt(finding.start).line, finding.line);
        }
      });

      it('gets the same findings with a BOM and CRLF line ends', async () => {
        const crlf = await run(`\uFEFF${text.replace(/\r?\n/g, '\r\n')}`);
        assert.deepEqual(crlf.findings.map(compact), spec.findings);
        assert.deepEqual(
          crlf.findings.map((finding) => finding.message),
          (await run(text)).findings.map((finding) => finding.message),
        );
      });

      it('applies every fix minimally: the finding goes, nothing else changes', async () => {
        const before = await run(text);
        const counts = countByRule(before.findings);
        for (const finding of before.findings) {
          if (!finding.fix) continue;
          // A fix that leaves the cursor for the author (an empty alt text) is done once they type there.
          const edits = asTyped(finding.fix.edits);
          const fixed = applyEdits(before.article.text, edits);
          const first = Math.min(...edits.map((edit) => edit.start));
          const last = Math.max(...edits.map((edit) => edit.end));
          assert.equal(fixed.slice(0, first), text.slice(0, first), `bytes before the fix of ${compact(finding)}`);
          const tail = text.length - last;
          assert.equal(fixed.slice(fixed.length - tail), text.slice(last), `bytes after the fix of ${compact(finding)}`);
          const after = countByRule((await run(fixed)).findings);
          assert.equal(after.get(finding.ruleId) ?? 0, (counts.get(finding.ruleId) ?? 0) - 1, `${finding.fix.title} removes ${compact(finding)}`);
          for (const [ruleId, count] of after) {
            assert.ok(count <= (counts.get(ruleId) ?? 0), `${finding.fix.title} adds no ${ruleId} finding`);
          }
        }
      });
    });
  }
});
