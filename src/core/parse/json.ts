/**
 * JSON frontmatter (Hugo's leading `{ … }` object, Eleventy's `---json`): checked strictly with
 * JSON.parse, then read by `yaml` (JSON is YAML 1.2) for the same node tree with ranges that YAML
 * frontmatter has.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import type { FormatReadResult } from './toml';

export function readJson(source: string): FormatReadResult {
  try {
    JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    let start = at ? Number(at[1]) : source.trimEnd().length;
    start = Math.min(start, source.length);
    const lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    if (end > start && source.charCodeAt(end - 1) === 13) end--;
    if (start >= end) start = lineStart;
    return { error: { message: `JSON syntax error: ${message.replace(/ in JSON at position \d+.*$/, '')}.`, start, end: Math.max(end, start + 1) } };
  }
  const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, logLevel: 'error' }) as Document.Parsed;
  const duplicate = doc.errors.find((error) => error.code === 'DUPLICATE_KEY');
  if (duplicate) return { error: { message: 'Duplicate key: each key may appear only once.', start: duplicate.pos[0], end: duplicate.pos[1], duplicate: true } };
  if (!isMap(doc.contents)) return { error: { message: 'The frontmatter must be a JSON object: { "key": value, … }.', start: 0, end: source.length } };
  return { doc, data: (doc.toJS() as Record<string, unknown>) ?? {} };
}
