/**
 * Tests by example file, as markdownlint does: every test/fixtures/rules/**.md(x) has a sibling
 * .json with a description, an optional configuration and the exact findings expected
 * (`rule line:column-endLine:endColumn`). Each file is also checked with a BOM and CRLF line ends
 * (same findings). A fixture with a fix has `<name>.fixed.md` and `<name>.fixed.json` (see
 * helpers/fixedTexts.ts): each fix alone is minimal (the finding is gone, nothing new appears, every byte
 * outside the edit is unchanged), and every fix in turn gives exactly that text and those findings,
 * also from the BOM and CRLF spelling. A fixture without a fix is checked to offer none.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, analyzeArticle, defaultConfig, type ResolvedConfig } from '../../../src/core';
import { ruleRegistry } from '../../../src/core/rules/index';
import { compact, configFrom, nodeFs, RULE_FIXTURES } from '../helpers/engine';
import { hasFixedText, isFixedFile, itFixes } from '../helpers/fixedTexts';

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
    else if (/\.mdx?$/.test(entry.name) && !isFixedFile(full)) files.push(full);
  }
  return files.sort();
}

const withBomAndCrlf = (text: string) => `\uFEFF${text.replace(/\r?\n/g, '\r\n')}`;

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

  it('make every rule that says it is fixable offer its fix, and only those; only a rule marked `fix` offers a safe one', async () => {
    const offered = new Map<string, boolean>();
    for (const file of fixtureFiles(RULE_FIXTURES)) {
      const spec = JSON.parse(fs.readFileSync(file.replace(/\.mdx?$/, '.json'), 'utf8')) as FixtureSpec;
      const config = spec.config ? configFrom(RULE_FIXTURES, spec.config) : defaultConfig(allRules, RULE_FIXTURES);
      const result = await analyzeArticle(fs.readFileSync(file, 'utf8'), { filePath: file, fs: nodeFs, config });
      for (const finding of result.findings) {
        if (finding.fix) offered.set(finding.ruleId, (offered.get(finding.ruleId) ?? false) || finding.fix.safe);
      }
    }
    const fixable = ruleRegistry.filter((rule) => rule.fixable).map((rule) => `${rule.id} ${rule.fixable}`).sort();
    assert.deepEqual([...offered].map(([id, safe]) => `${id} ${safe ? 'fix' : 'quick-fix'}`).sort(), fixable);
  });

  it('have fixes to check: some fixtures have an expected fixed text', () => {
    const files = fixtureFiles(RULE_FIXTURES);
    assert.ok(files.length >= 20, `${files.length} fixtures`);
    assert.ok(files.filter(hasFixedText).length >= 5, `${files.filter(hasFixedText).length} fixtures with a fixed text`);
  });

  for (const file of fixtureFiles(RULE_FIXTURES)) {
    const name = path.relative(RULE_FIXTURES, file).split(path.sep).join('/');
    const spec = JSON.parse(fs.readFileSync(file.replace(/\.mdx?$/, '.json'), 'utf8')) as FixtureSpec;
    const config: ResolvedConfig = spec.config ? configFrom(RULE_FIXTURES, spec.config) : defaultConfig(allRules, RULE_FIXTURES);
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
        const crlf = await run(withBomAndCrlf(text));
        assert.deepEqual(crlf.findings.map(compact), spec.findings);
        assert.deepEqual(
          crlf.findings.map((finding) => finding.message),
          (await run(text)).findings.map((finding) => finding.message),
        );
      });

      itFixes(file, run, [{ name: 'a BOM and CRLF line ends', spell: withBomAndCrlf }]);
    });
  }
});
