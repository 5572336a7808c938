/**
 * Rules use helpers, they never provide them: a rule file (`src/core/rules/<id>.ts`) imports no
 * other rule file and exports only its rule, and nothing but the registry (`rules/index.ts`) imports
 * a rule file. Shared code lives in helpers (`rules/util.ts`, `facts/`, `text/`, `edit/`).
 * Read from the source files' import and export statements.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleRegistry } from '../../../src/core/rules/index';
import { REPO } from '../helpers/engine';

const SRC = path.join(REPO, 'src');
const RULES = path.join(SRC, 'core', 'rules');
const REGISTRY = path.join(RULES, 'index.ts');

/** Module specifiers of every import, re-export, dynamic import and require of a TypeScript source. */
function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from '…', export { x } from '…'
    /\bimport\s*['"]([^'"]+)['"]/g, // import '…'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require('…')
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** What a source file exports besides its default export (names, or `*` for a star re-export). */
function namedExports(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/^\s*export\s+(?!default\b)(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(function\*?|const|let|var|class|interface|type|enum|namespace)\s+([\w$]+)/gm)) names.push(match[2]);
  for (const match of source.matchAll(/^\s*export\s+(?:type\s+)?\{([^}]*)\}/gm)) names.push(...match[1].split(',').map((name) => name.trim()).filter(Boolean));
  for (const _ of source.matchAll(/^\s*export\s+\*/gm)) names.push('*');
  return names;
}

/** The file a relative specifier names (`./x` → `x.ts` or `x/index.ts`); undefined for packages. */
function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return undefined;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name)) files.push(full);
  }
  return files.sort();
}

const relative = (file: string) => path.relative(REPO, file).split(path.sep).join('/');

describe('rules use helpers, never provide them', () => {
  const ruleFiles = ruleRegistry.map((rule) => path.join(RULES, `${rule.id}.ts`));
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
      assert.match(source, /^export default defineRule\(/m, `${relative(file)} exports its rule`);
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
