/**
 * The direction of knowledge in src/: the engine's layers in the order src/core/README.md lists
 * them, no import cycle (type-only imports included), and adapters that reach the engine only
 * through src/core/index.ts. Read from the import lines of every file, with no list of exceptions.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './helpers/engine';
import { importSpecifiersAt, resolveRelative, sourceFiles } from './helpers/imports';

const SRC = path.join(REPO, 'src');
const CORE = path.join(SRC, 'core');

export interface ImportEdge {
  from: string;
  to: string;
  line: number;
}

/** Every relative import of a file that names a file of the tree (a `.ts` source, or another file such as JSON). */
export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const lines = lineStarts(text);
  for (const { specifier, at } of importSpecifiersAt(text)) {
    const target = resolveRelative(file, specifier);
    if (target) edges.push({ from: file, to: target, line: lineAt(lines, at) });
  }
  return edges;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return line + 1;
}

/** The import cycles of a graph (Tarjan's strongly connected components with more than one file, or a file importing itself). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** The layers of src/core/README.md's numbered list, in order; names on one line share a rank. */
export function layersOf(readme: string): string[][] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Layers'));
  assert.ok(section, 'src/core/README.md has a "## Layers" section');
  const layers: string[][] = [];
  for (const line of section.split('\n')) {
    const item = /^\d+\.\s+(.*?)\s+—/.exec(line);
    if (item) layers.push([...item[1].matchAll(/`([^`]+)`/g)].map((name) => name[1].replace(/\/$/, '')));
  }
  return layers;
}

/** A file's layer: the rank of its folder (or of the file itself at the root of src/core). */
export function rankOf(layers: readonly string[][], relative: string): { rank: number; name: string } | undefined {
  const top = relative.split('/')[0];
  const rank = layers.findIndex((names) => names.includes(top));
  return rank === -1 ? undefined : { rank, name: top };
}

/** Imports against the direction: to a later layer, or to a sibling of the same rank. */
export function layerViolations(layers: readonly string[][], edges: readonly ImportEdge[]): string[] {
  const violations: string[] = [];
  for (const edge of edges) {
    const from = rankOf(layers, path.relative(CORE, edge.from).split(path.sep).join('/'));
    const to = rankOf(layers, path.relative(CORE, edge.to).split(path.sep).join('/'));
    if (!from || !to) continue;
    if (to.rank > from.rank || (to.rank === from.rank && to.name !== from.name)) {
      violations.push(`${path.relative(REPO, edge.from)}:${edge.line} imports ${path.relative(REPO, edge.to)} (${to.name} comes after ${from.name})`);
    }
  }
  return violations;
}

describe('layering (src/core/README.md)', () => {
  const files = sourceFiles(SRC);
  const edges = files.flatMap((file) => importsOf(file, fs.readFileSync(file, 'utf8')));
  const layers = layersOf(fs.readFileSync(path.join(CORE, 'README.md'), 'utf8'));

  it('lists the layers in order, and every file of src/core is in one', () => {
    assert.ok(layers.length >= 10, `${layers.length} layers read from the README`);
    const outside = files.filter((file) => file.startsWith(CORE + path.sep) && !file.endsWith('.d.ts') && !rankOf(layers, path.relative(CORE, file).split(path.sep).join('/')));
    assert.deepEqual(outside.map((file) => path.relative(REPO, file)), []);
  });

  it('has no import against the direction of the layers', () => {
    assert.deepEqual(layerViolations(layers, edges), []);
  });

  it('has no import cycle in src/, type-only imports included', () => {
    const graph = new Map<string, string[]>(files.map((file) => [file, []]));
    for (const edge of edges) if (graph.has(edge.to)) graph.get(edge.from)!.push(edge.to);
    assert.deepEqual(importCycles(graph).map((cycle) => cycle.map((file) => path.relative(REPO, file))), []);
  });

  it('lets the CLI, the extension, the language server and the webview reach the engine only through src/core/index.ts, and not each other', () => {
    const wrong: string[] = [];
    for (const edge of edges) {
      const from = path.relative(SRC, edge.from).split(path.sep)[0];
      const to = path.relative(SRC, edge.to).split(path.sep);
      if (from === 'core' || to[0] === '..' || (from === to[0] && from !== 'webview')) continue;
      const where = `${path.relative(REPO, edge.from)}:${edge.line} imports ${path.relative(REPO, edge.to)}`;
      if (to[0] === 'core') {
        if (edge.to !== path.join(CORE, 'index.ts')) wrong.push(where);
      } else if (from !== 'webview' || edge.to !== path.join(SRC, 'extension', 'preview', 'messages.ts')) wrong.push(where);
    }
    assert.deepEqual(wrong, []);
  });

  it('catches an import against the direction, and a cycle', () => {
    const parse = path.join(CORE, 'parse', 'parse.ts');
    const rules = path.join(CORE, 'rules', 'index.ts');
    const render = path.join(CORE, 'render', 'article.ts');
    const editor = path.join(CORE, 'editor', 'authoring.ts');
    assert.equal(layerViolations(layers, [{ from: parse, to: rules, line: 1 }]).length, 1);
    assert.equal(layerViolations(layers, [{ from: render, to: editor, line: 1 }]).length, 1);
    assert.deepEqual(layerViolations(layers, [{ from: rules, to: parse, line: 1 }]), []);
    const cycle = importCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]));
    assert.deepEqual(cycle, [['a', 'b', 'c']]);
    assert.deepEqual(
      importsOf(parse, "import type { X } from './token';\n\nexport { y } from '../text/strings';").map((edge) => `${path.relative(CORE, edge.to)}:${edge.line}`),
      [`${path.join('parse', 'token.ts')}:1`, `${path.join('text', 'strings.ts')}:3`],
    );
  });
});
