/** What completion inserts for a frontmatter key of the schema: its name and a value by its type. */
import type { EnumValue, SchemaField } from '../schema/schemaFields';

/** Escapes text for use inside a snippet (outside placeholders). */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

/** Escapes a snippet choice (`${1|a,b|}`). */
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (character) => `\\${character}`);
}

/** YAML text of an enum value, quoted when a plain scalar would read as something else. */
export function yamlValueText(value: EnumValue): string {
  if (typeof value !== 'string') return String(value);
  const plainIsSafe =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/.test(value) &&
    !/:(\s|$)|\s#|\s$/.test(value) &&
    !/^(true|false|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.inf|\.nan|\d{4}-\d{2}-\d{2}.*)$/i.test(
      value,
    );
  return plainIsSafe ? value : JSON.stringify(value);
}

/**
 * The snippet inserted for a key: `name: <value by type>`. `today` is the date placed in date
 * fields (ISO, `2026-11-25`).
 */
export function keySnippet(field: SchemaField, today: string, format: 'yaml' | 'toml' | 'json' = 'yaml'): string {
  if (format === 'toml') return `${escapeSnippet(field.name)} =${valueSnippet(field, today)}`;
  return `${escapeSnippet(field.name)}:${valueSnippet(field, today)}`;
}

/** What follows the colon: a choice for enums and booleans, `[$1]` for lists, today for dates, … */
function valueSnippet(field: SchemaField, today: string): string {
  const { types } = field;
  if (field.enum && field.enum.length > 0) {
    return ` \${1|${field.enum.map((value) => escapeChoice(yamlValueText(value))).join(',')}|}`;
  }
  if (types.includes('array')) return ' [$1]';
  if (types.includes('date')) return ` \${1:${today}}`;
  if (types.length > 0 && types.every((type) => type === 'boolean' || type === 'null')) return ' ${1|false,true|}';
  if (types.length > 0 && types.every((type) => type === 'object' || type === 'null')) return '\n  $1';
  const example = field.example;
  if (types.length > 0 && types.every((type) => type === 'number' || type === 'null')) {
    return typeof example === 'number' ? ` \${1:${example}}` : ' $1';
  }
  if (types.includes('string')) return ' "$1"';
  return ' $1';
}

/** Today's date as ISO `YYYY-MM-DD`, in local time (what an author means by "today"). */
export function isoToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
