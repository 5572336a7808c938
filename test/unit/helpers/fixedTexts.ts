/**
 * Fixes compared with expected texts. A fixture with at least one fix (a finding whose `fix` has
 * edits) has, beside it, `<name>.fixed.md` (`.fixed.mdx` for MDX): the text after **every fix
 * applied in turn**, the way an author who accepts each quick fix gets it: analyze, apply the fix of
 * the first finding (in text order) that has one, analyze the result again, and so on until no
 * finding offers a fix. A fix that leaves the cursor for the author (an empty alt text) is applied
 * with the author's text typed there (helpers/engine.ts's AUTHOR_TEXT). Unsafe fixes are applied too (each is what its quick fix writes); the safe
 * subset that `--fix` and Fix All apply is tested by the CLI and editor tests. And
 * `<name>.fixed.json`: the fixes applied, in order (`rule-id: title`), and the exact findings of the
 * fixed text (`rule line:column-endLine:endColumn`). A fixture without a fix has neither file and is
 * checked to offer none, so no case checks nothing.
 *
 * `FIXED_TEXTS=write` writes the expected files of every fixture that has a fix (new or changed ones)
 * and fails each test that wrote something, naming the file: review the diff, then run again.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, type Finding } from '../../../src/core';
import { type AnalysisResult } from '../../../src/core/analyze/analyze';
import { asTyped, compact, REPO } from './engine';

export interface FixedSpec {
  /** `rule-id: fix title` of each fix applied, in order. */
  fixes: string[];
  /** The findings of the fixed text, compact. */
  findings: string[];
}

export type Analyze = (text: string) => Promise<AnalysisResult>;

/** Every fix in turn stops here: fixes may enable others, but they must settle. */
const MAX_FIXES = 100;

/**
 * Where a fixture's expected fixed text is: beside it (`x.md` → `x.fixed.md`). Folders that are a
 * site of their own keep their articles alone (a fixed copy beside an article would be another
 * article of its site, with the same title): the demo workspace (`examples/workspace/`, opened by
 * `npm run demo` and drawn in the README) has its expected texts under `test/fixtures/demo-workspace/`,
 * the shared examples' copy (`test/fixtures/examples/`) under `test/fixtures/examples-fixed/`, at the
 * same relative path.
 */
export function fixedPathOf(file: string): string {
  const apart: [string, string][] = [
    [path.join(REPO, 'examples', 'workspace'), path.join(REPO, 'test', 'fixtures', 'demo-workspace')],
    [path.join(REPO, 'test', 'fixtures', 'examples'), path.join(REPO, 'test', 'fixtures', 'examples-fixed')],
  ];
  let beside = file;
  for (const [folder, fixedFolder] of apart) {
    const relative = path.relative(folder, file);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) beside = path.join(fixedFolder, relative);
  }
  return beside.replace(/\.(mdx?)$/, '.fixed.$1');
}

/** True for an expected fixed text or its findings (not a fixture of its own). */
export function isFixedFile(file: string): boolean {
  return /\.fixed\.(?:mdx?|json)$/.test(file);
}

/** Whether the fixture has its expected fixed text (and so must offer at least one fix). */
export function hasFixedText(file: string): boolean {
  return fs.existsSync(fixedPathOf(file));
}

/** The fixed text's findings file (`x.fixed.md` → `x.fixed.json`). */
function fixedSpecPath(file: string): string {
  return fixedPathOf(file).replace(/\.mdx?$/, '.json');
}

/** Every fix applied in turn (see the file comment): the fixed text, the fixes applied, its analysis. */
export async function applyEveryFix(text: string, analyze: Analyze): Promise<{ text: string; fixes: string[]; result: AnalysisResult }> {
  let result = await analyze(text);
  let current = result.article.text;
  const fixes: string[] = [];
  for (;;) {
    const next = result.findings.find((finding) => finding.fix && finding.fix.edits.length > 0);
    if (!next) return { text: current, fixes, result };
    assert.ok(fixes.length < MAX_FIXES, `fixes never settle; the last ones applied: ${fixes.slice(-3).join(' | ')}`);
    const fixed = applyEdits(current, asTyped(next.fix!.edits));
    assert.notEqual(fixed, current, `${compact(next)}: "${next.fix!.title}" changes nothing`);
    fixes.push(`${next.ruleId}: ${next.fix!.title}`);
    current = fixed;
    result = await analyze(current);
  }
}

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * The tests of a fixture's fixes, inside its `describe`. With an expected fixed text: each fix alone
 * is minimal (its finding goes, no other appears, every byte outside its edit stays) and every fix in
 * turn gives exactly `<name>.fixed.md` and `<name>.fixed.json`. Without one: no finding has a fix.
 * `variants` are other spellings of the same fixture (CRLF line ends) that must fix to the same
 * text in that spelling.
 */
export function itFixes(file: string, analyze: Analyze, variants: { name: string; spell: (text: string) => string }[] = []): void {
  const text = fs.readFileSync(file, 'utf8');
  const fixedPath = fixedPathOf(file);
  const shown = path.relative(REPO, fixedPath).split(path.sep).join('/');
  if (process.env.FIXED_TEXTS === 'write') {
    it(`writes ${shown} when the fixture has a fix`, async () => {
      const { text: fixed, fixes, result } = await applyEveryFix(text, analyze);
      if (fixes.length === 0) return;
      const spec: FixedSpec = { fixes, findings: result.findings.map(compact) };
      const json = `${JSON.stringify(spec, null, 2)}\n`;
      const read = (target: string) => (fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined);
      if (read(fixedPath) === fixed && read(fixedSpecPath(file)) === json) return;
      fs.mkdirSync(path.dirname(fixedPath), { recursive: true });
      fs.writeFileSync(fixedPath, fixed);
      fs.writeFileSync(fixedSpecPath(file), json);
      assert.fail(`wrote ${shown} and its .json: review them, then run the tests again without FIXED_TEXTS`);
    });
    return;
  }
  if (!fs.existsSync(fixedPath)) {
    it(`offers no fix (a fixture with one has ${path.basename(fixedPath)})`, async () => {
      const { findings } = await analyze(text);
      assert.deepEqual(findings.filter((finding) => finding.fix).map((finding) => `${compact(finding)} ${finding.fix!.title}`), []);
      assert.ok(!fs.existsSync(fixedSpecPath(file)), `${path.basename(fixedSpecPath(file))} without ${path.basename(fixedPath)}`);
    });
    return;
  }

  it('applies every fix minimally: the finding goes, nothing else changes', async () => {
    const before = await analyze(text);
    const counts = countByRule(before.findings);
    const withFix = before.findings.filter((finding) => finding.fix);
    assert.ok(withFix.length > 0, `has a fix to apply (else remove ${shown})`);
    const source = before.article.text;
    for (const finding of withFix) {
      // A fix that leaves the cursor for the author (an empty alt text) is done once they type there.
      const edits = asTyped(finding.fix!.edits);
      const fixed = applyEdits(source, edits);
      const first = Math.min(...edits.map((edit) => edit.start));
      const last = Math.max(...edits.map((edit) => edit.end));
      assert.equal(fixed.slice(0, first), source.slice(0, first), `bytes before the fix of ${compact(finding)}`);
      const tail = source.length - last;
      assert.equal(fixed.slice(fixed.length - tail), source.slice(last), `bytes after the fix of ${compact(finding)}`);
      const after = countByRule((await analyze(fixed)).findings);
      assert.equal(after.get(finding.ruleId) ?? 0, (counts.get(finding.ruleId) ?? 0) - 1, `${finding.fix!.title} removes ${compact(finding)}`);
      for (const [ruleId, count] of after) {
        assert.ok(count <= (counts.get(ruleId) ?? 0), `${finding.fix!.title} adds no ${ruleId} finding`);
      }
    }
  });

  it(`every fix in turn gives ${path.basename(fixedPath)}, whose findings are ${path.basename(fixedSpecPath(file))}`, async () => {
    const expected = fs.readFileSync(fixedPath, 'utf8');
    const spec = JSON.parse(fs.readFileSync(fixedSpecPath(file), 'utf8')) as FixedSpec;
    const { text: fixed, fixes, result } = await applyEveryFix(text, analyze);
    assert.ok(fixes.length > 0, 'applies at least one fix');
    assert.equal(fixed, expected, `the text after every fix differs from ${shown}`);
    assert.deepEqual(fixes, spec.fixes);
    assert.deepEqual(result.findings.map(compact), spec.findings);
    // The fixed text, analyzed as it is on disk, has the same findings.
    assert.deepEqual((await analyze(expected)).findings.map(compact), spec.findings);
  });

  for (const variant of variants) {
    it(`with ${variant.name}, every fix in turn gives ${path.basename(fixedPath)} with ${variant.name}`, async () => {
      const { text: fixed, fixes } = await applyEveryFix(variant.spell(text), analyze);
      // The fixed text never has a BOM (offsets exclude it), so the spelling is compared without one.
      assert.equal(fixed, variant.spell(fs.readFileSync(fixedPath, 'utf8')).replace(/^\uFEFF/, ''));
      const spec = JSON.parse(fs.readFileSync(fixedSpecPath(file), 'utf8')) as FixedSpec;
      assert.deepEqual(fixes, spec.fixes);
    });
  }
}
