/**
 * Contentlayer's content configuration (`contentlayer.config.ts`, read as text, never run): each
 * `defineDocumentType(() => ({ name, filePathPattern, fields }))` and the `contentDirPath` of
 * `makeSource`. A document type's `fields` (their `type`, `required: true`, an enum's `options`, a
 * list's `of`) are the schema of the files that match its pattern below the content folder. A
 * document type whose fields are not written out whole (a spread, a variable) has no schema.
 */
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';
import { cachedConventions, emptyConventions, type ContentRule, type DocumentType, type SiteConventions } from './conventions';
import { blankStringsAndComments, objectEntries, stringLiteral } from './jsSource';

export const CONTENTLAYER_CONFIGS = ['contentlayer.config.ts', 'contentlayer.config.js', 'contentlayer.config.mjs', 'contentlayer.config.mts', 'contentlayer.config.cjs'];

/** A document type as written: the schema its fields make, when they are written out whole. */
export interface WrittenDocumentType {
  name: string;
  filePathPattern: string;
  schema?: Record<string, unknown>;
}

/** The JSON Schema of one of Contentlayer's field types (`of` and `options` as written, for lists and enums). */
function fieldSchema(type: string | undefined, entries: Map<string, { text: string; start: number }>, source: string, blanked: string): Record<string, unknown> {
  switch (type) {
    case 'string':
    case 'markdown':
    case 'mdx':
    case 'reference':
      return { type: 'string' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: 'number' };
    case 'nested':
      return { type: 'object' };
    case 'image':
      // A path, or `{ src, alt }`.
      return { anyOf: [{ type: 'string' }, { type: 'object' }] };
    case 'list': {
      const of = entries.get('of');
      if (of?.text.startsWith('{')) {
        const item = objectEntries(source, blanked, of.start).entries;
        const itemType = item.get('type') && stringLiteral(item.get('type')!.text);
        const items = fieldSchema(itemType, item, source, blanked);
        if (Object.keys(items).length) return { type: 'array', items };
      }
      return { type: 'array' };
    }
    case 'enum': {
      const options = entries.get('options')?.text ?? '';
      const values = /^\[([^\]]*)\]$/.exec(options)?.[1].split(',').map((value) => stringLiteral(value)) ?? [];
      return values.length && values.every((value) => value !== undefined) ? { enum: values } : {};
    }
    default:
      // json, and what this reading does not know: any value.
      return {};
  }
}

/** The document types a Contentlayer configuration defines, in the order written. */
export function contentlayerDocumentTypes(source: string): WrittenDocumentType[] {
  const blanked = blankStringsAndComments(source);
  const types: WrittenDocumentType[] = [];
  const call = /\bdefineDocumentType\s*\(/g;
  for (let found = call.exec(blanked); found; found = call.exec(blanked)) {
    // `defineDocumentType(() => ({ … }))`, or the object itself.
    const open = blanked.indexOf('{', found.index + found[0].length);
    if (open === -1) break;
    const { entries } = objectEntries(source, blanked, open);
    const name = entries.get('name') && stringLiteral(entries.get('name')!.text);
    const filePathPattern = entries.get('filePathPattern') && stringLiteral(entries.get('filePathPattern')!.text);
    if (!name || !filePathPattern) continue;
    const fields = entries.get('fields');
    let schema: Record<string, unknown> | undefined;
    if (fields?.text.startsWith('{')) {
      const written = objectEntries(source, blanked, fields.start);
      if (written.whole) {
        const properties: Record<string, Record<string, unknown>> = {};
        const required: string[] = [];
        for (const [key, value] of written.entries) {
          const field = value.text.startsWith('{') ? objectEntries(source, blanked, value.start).entries : new Map();
          const type = field.get('type') && stringLiteral(field.get('type')!.text);
          const description = field.get('description') && stringLiteral(field.get('description')!.text);
          properties[key] = { ...fieldSchema(type, field, source, blanked), description: description ?? `A field of the ${name} document type.` };
          if (field.get('required')?.text === 'true') required.push(key);
        }
        schema = { $schema: 'http://json-schema.org/draft-07/schema#', title: `${name} (Contentlayer)`, type: 'object', properties, required, additionalProperties: false };
      }
    }
    types.push({ name, filePathPattern, schema });
  }
  return types;
}

/** `contentDirPath` of `makeSource({ … })` when it is a plain string. */
export function contentlayerContentDir(source: string): string | undefined {
  const blanked = blankStringsAndComments(source);
  const at = /\bcontentDirPath\s*:\s*/.exec(blanked);
  if (!at) return undefined;
  const rest = source.slice(at.index + at[0].length);
  const match = /^(["'`])([^"'`$\\\n]*)\1/.exec(rest);
  return match ? match[2] : undefined;
}

/** Folders whose document type is the blog's: its files are articles. */
const BLOG_FOLDERS = /^(blog|posts?)(\/|$)/;

/**
 * Articles and pages by document type: a type whose files lie in a blog folder (`blog/**`) holds
 * articles; the files of any other type (authors) are data the site reads, not pages: never checked.
 */
function documentTypeRules(types: readonly DocumentType[], contentDirPath: string, source: string): ContentRule[] {
  const folder = contentDirPath.replace(/^\.\/?/, '').replace(/\/+$/, '');
  const below = (pattern: string) => (folder ? `${folder}/${pattern.replace(/^\.?\//, '')}` : pattern.replace(/^\.?\//, ''));
  return types.map((type) => {
    const pattern = type.filePathPattern.replace(/^\.?\//, '');
    return BLOG_FOLDERS.test(pattern)
      ? { globs: [below(pattern)], kind: 'article', why: `a document of type ${type.name} (defineDocumentType in ${source})` }
      : { globs: [below(pattern)], kind: 'none', why: `a document of type ${type.name}: data the site reads, not a page (defineDocumentType in ${source})` };
  });
}

/** The site's Contentlayer document types, with the schemas of their files. */
export async function readContentlayerConventions(root: string, fs: FileSystemHost): Promise<SiteConventions> {
  const files = CONTENTLAYER_CONFIGS.map((file) => join(root, file));
  return cachedConventions(`contentlayer:${root}`, files, fs, async () => {
    const conventions = emptyConventions();
    for (const [index, file] of files.entries()) {
      const text = await fs.readText(file);
      if (text === undefined) continue;
      const contentDirPath = contentlayerContentDir(text);
      // The content folder is required by Contentlayer; one not written as a string cannot be placed.
      if (contentDirPath === undefined) break;
      const folder = join(root, ...contentDirPath.replace(/^\.\//, '').split('/').filter(Boolean));
      conventions.sources.push(CONTENTLAYER_CONFIGS[index]);
      conventions.documentTypes = contentlayerDocumentTypes(text).map((type): DocumentType => ({ ...type, contentDirPath, folder, source: file }));
      conventions.contentRules = documentTypeRules(conventions.documentTypes, contentDirPath, CONTENTLAYER_CONFIGS[index]);
      break;
    }
    return conventions;
  });
}
