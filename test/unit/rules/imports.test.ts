/**
 * Rules use helpers, they never provide them: a rule file (`src/core/rules/<id>.ts`) imports no
 * other rule file and exports only its rule, and nothing but the registry (`rules/index.ts`) imports
 * a rule file, site-wide rules included. Shared code lives in helpers (`rules/util.ts`, `facts/`, `text/`, `fixes/`).
 * Read from the source files' import and export statements.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../src/core/rules/index';
import { REPO } from '../helpers/engine';
import { importSpecifiers, namedExports, resolveRelative, sourceFiles } from '../helpers/imports';

const SRC = path.join(REPO, 'src');
const RULES = path.join(SRC, 'core', 'rules');
const REGISTRY = path.join(RULES, 'index.ts');

const relative = (file: string) => path.relative(REPO, file).split(path.sep).join('/');

describe('rules use helpers, never provide them', () => {
  const ruleFiles = allRules.map((rule) => path.join(RULES, `${rule.id}.ts`));
  const isRuleFile = new Set(ruleFiles);

  it('finds every kind of import and export statement it looks for', () => {
    const source = [
      "import a from './a';",
      "import type { B } from '../b';",
      'import {\n  c,\n  d,\n} from "./cd";',
      "export { e } from './e';",
      "export * from './f';",
      "import './g';",
      "const h = await import('./h');",
      "const i = require('./i');",
      'export function j() {}',
      'export const k = 1;',
      'export interface L {}',
      'export { m, n as o };',
      'export default {};',
    ].join('\n');
    assert.deepEqual(importSpecifiers(source).sort(), ['../b', './a', './cd', './e', './f', './g', './h', './i']);
    assert.deepEqual(namedExports(source).sort(), ['*', 'L', 'e', 'j', 'k', 'm', 'n as o']);
  });

  it('has one file per registered rule, named by its id', () => {
    assert.ok(ruleFiles.length >= 18, `the registry lists ${ruleFiles.length} rules`);
    for (const file of ruleFiles) assert.ok(fs.existsSync(file), `${relative(file)} exists`);
  });

  it('no rule file imports another rule file', () => {
    let imports = 0;
    for (const file of ruleFiles) {
      for (const specifier of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
        imports++;
        const target = resolveRelative(file, specifier);
        assert.ok(!target || !isRuleFile.has(target), `${relative(file)} imports the rule ${relative(target ?? specifier)}: move the shared code into a helper`);
      }
    }
    assert.ok(imports >= ruleFiles.length, 'every rule file imports at least defineRule');
  });

  it('a rule file exports its rule and nothing else', () => {
    for (const file of ruleFiles) {
      const source = fs.readFileSync(file, 'utf8');
      assert.match(source, /^export default define(?:Site)?Rule\(/m, `${relative(file)} exports its rule`);
      assert.deepEqual(namedExports(source), [], `${relative(file)} exports only its rule: helpers go in a helper module`);
    }
  });

  it('only the registry imports rule files', () => {
    const files = sourceFiles(SRC);
    assert.ok(files.includes(REGISTRY));
    let registryImports = 0;
    for (const file of files) {
      for (const specifier of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
        const target = resolveRelative(file, specifier);
        if (!target || !isRuleFile.has(target)) continue;
        if (file === REGISTRY) registryImports++;
        else assert.fail(`${relative(file)} imports the rule file ${relative(target)}: use a helper, or the registry`);
      }
    }
    assert.equal(registryImports, ruleFiles.length);
  });
});
