/** Reading a TypeScript source's imports and exports from its text, for the tests that guard the layering. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Module specifiers of every import, re-export, dynamic import and require of a TypeScript source. */
export function importSpecifiers(source: string): string[] {
  return importSpecifiersAt(source).map((found) => found.specifier);
}

/** The same, each with the offset of its statement. */
export function importSpecifiersAt(source: string): { specifier: string; at: number }[] {
  const found: { specifier: string; at: number }[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from '…', export { x } from '…'
    /\bimport\s*['"]([^'"]+)['"]/g, // import '…'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require('…')
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push({ specifier: match[1], at: match.index });
  return found.sort((a, b) => a.at - b.at);
}

/** What a source file exports besides its default export (names, or `*` for a star re-export). */
export function namedExports(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/^\s*export\s+(?!default\b)(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(function\*?|const|let|var|class|interface|type|enum|namespace)\s+([\w$]+)/gm)) names.push(match[2]);
  for (const match of source.matchAll(/^\s*export\s+(?:type\s+)?\{([^}]*)\}/gm)) names.push(...match[1].split(',').map((name) => name.trim()).filter(Boolean));
  for (const _ of source.matchAll(/^\s*export\s+\*/gm)) names.push('*');
  return names;
}

/** The file a relative specifier names (`./x` → `x.ts` or `x/index.ts`); undefined for packages. */
export function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return undefined;
}

export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name)) files.push(full);
  }
  return files.sort();
}
