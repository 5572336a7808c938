/**
 * TOML frontmatter (`+++` blocks, as Hugo reads them) with source ranges: toml-eslint-parser gives
 * an AST with ranges, which is turned into the same node tree the YAML frontmatter has (maps, lists
 * and scalars of the `yaml` package, ranges relative to the block's content), so that every rule,
 * range lookup and edit works on one view whatever the format. Date and time literals keep their
 * source text (`2026-03-03T09:00:00+01:00`), as a quoted date would.
 */
import { lineAround } from '../text/strings';
import { parseTOML } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import { Document, isMap, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

export interface FormatReadResult {
  doc?: Document.Parsed;
  data?: Record<string, unknown>;
  /** Offsets relative to the content. */
  error?: { message: string; start: number; end: number; duplicate?: boolean };
}

type Range = [number, number, number];

function scalar(value: unknown, range: [number, number]): Scalar {
  const node = new Scalar(value);
  node.range = [range[0], range[1], range[1]];
  return node;
}

function keyParts(key: AST.TOMLKey): { name: string; range: [number, number] }[] {
  return key.keys.map((part) => ({ name: part.type === 'TOMLBare' ? part.name : part.value, range: part.range }));
}

function findPair(map: YAMLMap, name: string): Pair | undefined {
  return map.items.find((pair) => (pair.key as Scalar).value === name) as Pair | undefined;
}

/** The map at `parts` below `map`, created as needed (dotted keys, `[table]` headers). */
function mapAt(map: YAMLMap, parts: { name: string; range: [number, number] }[], wholeRange?: [number, number]): YAMLMap {
  let current = map;
  parts.forEach((part, index) => {
    let pair = findPair(current, part.name);
    if (!pair) {
      const child = new YAMLMap();
      if (index === parts.length - 1 && wholeRange) (child as { range?: Range }).range = [wholeRange[0], wholeRange[1], wholeRange[1]];
      pair = new Pair(scalar(part.name, part.range), child);
      current.items.push(pair);
    }
    let value = pair.value as Node;
    if (isSeq(value)) value = value.items[value.items.length - 1] as Node;
    current = isMap(value) ? value : current;
  });
  return current;
}

function valueNode(source: string, node: AST.TOMLContentNode): Node {
  if (node.type === 'TOMLArray') {
    const seq = new YAMLSeq();
    seq.flow = true;
    for (const item of node.elements) seq.items.push(valueNode(source, item));
    seq.range = [node.range[0], node.range[1], node.range[1]];
    return seq;
  }
  if (node.type === 'TOMLInlineTable') {
    const map = new YAMLMap();
    map.flow = true;
    for (const entry of node.body) addKeyValue(source, map, entry);
    map.range = [node.range[0], node.range[1], node.range[1]];
    return map;
  }
  const kind: string = node.kind;
  const raw: unknown = node.value;
  const value = kind === 'offset-date-time' || kind === 'local-date-time' || kind === 'local-date' || kind === 'local-time'
    ? source.slice(node.range[0], node.range[1])
    : typeof raw === 'bigint' ? Number(raw) : raw;
  return scalar(value, node.range);
}

function addKeyValue(source: string, map: YAMLMap, entry: AST.TOMLKeyValue): void {
  const parts = keyParts(entry.key);
  const last = parts[parts.length - 1];
  const parent = mapAt(map, parts.slice(0, -1));
  parent.items.push(new Pair(scalar(last.name, last.range), valueNode(source, entry.value)));
}

/** The parser's message, or for the mistakes bloggers make most, what to write instead. */
function tomlMessage(message: string, source: string, offset: number): string {
  const line = lineAround(source, offset);
  const pair = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
  if (message === 'Unspecified values are invalid' && pair && pair[2] === '') return `${pair[1]} has no value after "=": write one, e.g. ${pair[1]} = "…".`;
  // `title = My post`: text must be quoted in TOML.
  if (message === 'Unexpected character' && pair && /^[^"'[{\d+-]/.test(pair[2]) && !/^(true|false|inf|nan)\b/.test(pair[2])) {
    return `text must be quoted in TOML: write ${pair[1]} = ${JSON.stringify(pair[2])}.`;
  }
  if (message === 'Unterminated string constant') return 'a "quoted" value is not closed: add the closing quote.';
  if (message === 'Unexpected invalid date') return 'this is not a date: write it as 2026-03-03.';
  return `${message}.`;
}

/** Reads the TOML between `+++` lines. */
export function readToml(source: string): FormatReadResult {
  let ast: AST.TOMLProgram;
  try {
    ast = parseTOML(source, { tomlVersion: '1.0.0' } as never);
  } catch (error) {
    const { message, index } = error as { message: string; index?: number };
    let start = Math.min(Math.max(0, index ?? 0), source.length);
    // A value missing at a line's end is reported at the next line's start: show the key's line.
    if (message === 'Unspecified values are invalid' && start > 0 && source[start - 1] === '\n') {
      const keyLine = source.lastIndexOf('\n', start - 2) + 1;
      if (/=[ \t]*\r?\n$/.test(source.slice(keyLine, start))) start = keyLine;
    }
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    if (end > start && source.charCodeAt(end - 1) === 13) end--;
    const duplicate = /multiple times/.test(message);
    return {
      error: {
        message: duplicate ? `Duplicate key: each key may be defined only once (${message}).` : `TOML syntax error: ${tomlMessage(message, source, start)}`,
        start,
        end: Math.max(end, start + 1),
        duplicate,
      },
    };
  }
  const root = new YAMLMap();
  const top = ast.body[0];
  for (const entry of top.body) {
    if (entry.type === 'TOMLKeyValue') {
      addKeyValue(source, root, entry);
      continue;
    }
    // [table] or [[array.of.tables]]: its keys go into the map at its path.
    const parts = keyParts(entry.key);
    let target: YAMLMap;
    if (entry.kind === 'array') {
      const parent = mapAt(root, parts.slice(0, -1));
      const last = parts[parts.length - 1];
      let pair = findPair(parent, last.name);
      if (!pair) {
        const seq = new YAMLSeq();
        seq.range = [entry.range[0], entry.range[1], entry.range[1]];
        pair = new Pair(scalar(last.name, last.range), seq);
        parent.items.push(pair);
      }
      target = new YAMLMap();
      target.range = [entry.range[0], entry.range[1], entry.range[1]];
      (pair.value as YAMLSeq).items.push(target);
      const seqRange = (pair.value as YAMLSeq).range;
      if (seqRange) seqRange[1] = seqRange[2] = entry.range[1];
    } else target = mapAt(root, parts, entry.range);
    for (const item of entry.body) addKeyValue(source, target, item);
  }
  root.range = [0, source.length, source.length];
  const doc = new Document() as Document.Parsed;
  doc.contents = root as never;
  const data = (doc.toJS() as Record<string, unknown> | null) ?? {};
  return { doc, data };
}
