/**
 * Documentation an editor shows (completion details, hover), as parts: Markdown written by us, and
 * plain text (a schema's description) that each editor escapes in its own way.
 */
import type { SchemaField } from '../schema/schemaFields';

export type DocumentationPart = { markdown: string } | { text: string };

/** A field's types in words: `text or list`. */
export function typeLabel(field: SchemaField): string {
  const words: Record<string, string> = {
    string: 'text',
    date: 'date',
    array: 'list',
    boolean: 'true/false',
    number: 'number',
    object: 'mapping',
    null: 'empty',
  };
  const types = field.types.filter((type) => type !== 'null').map((type) => words[type] ?? type);
  return types.length > 0 ? types.join(' or ') : 'any value';
}

/** The documentation of a schema field; `sourceLabel` says where the schema comes from. */
export function fieldDocumentation(field: SchemaField, sourceLabel: string): DocumentationPart[] {
  const parts: DocumentationPart[] = [{ markdown: `**${field.name}** · ${typeLabel(field)}${field.required ? ' · required' : ''}\n\n` }];
  if (field.documentation) {
    parts.push(field.documentationIsMarkdown ? { markdown: field.documentation } : { text: field.documentation });
    parts.push({ markdown: '\n\n' });
  }
  if (field.enum) parts.push({ markdown: `One of: ${field.enum.map((value) => `\`${String(value)}\``).join(', ')}\n\n` });
  parts.push({ markdown: `*From the ${sourceLabel.replace(/[*_`[\]]/g, '\\$&')}.*` });
  return parts;
}

/** Plain text made safe inside Markdown (for an editor without a Markdown builder of its own). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** The parts as one Markdown text. */
export function documentationMarkdown(parts: readonly DocumentationPart[]): string {
  return parts.map((part) => ('markdown' in part ? part.markdown : escapeMarkdown(part.text))).join('');
}
