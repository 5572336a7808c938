/**
 * The frontmatter fields a JSON Schema describes, as the editor offers them: name, documentation,
 * value type, enum values. Works on the built-in schema, a team's own, and Astro's generated
 * collection schemas (a root `$ref` into `definitions`, `anyOf` unions for dates, `markdownDescription`).
 * Unknown schema keywords are ignored; nothing here throws on a strange schema.
 */
import { LENIENT_DATE_FORMAT } from '../generators/profile';

export type FieldType = 'string' | 'date' | 'array' | 'boolean' | 'number' | 'object' | 'null';

export type EnumValue = string | number | boolean;

export interface SchemaField {
  name: string;
  /** Documentation: `markdownDescription` when the schema has one, else `description`. */
  documentation?: string;
  documentationIsMarkdown: boolean;
  /** Every type a value may have (a union gives several); empty when the schema does not say. */
  types: FieldType[];
  required: boolean;
  /** Allowed values (`enum` / `const`), when the schema lists them. */
  enum?: EnumValue[];
  /** Allowed values of a list's items. */
  itemEnum?: EnumValue[];
  /** A value to start from: the schema's `default`, else its first example. */
  example?: unknown;
  deprecated: boolean;
}

type Schema = Record<string, unknown>;

/** The formats of dates: JSON Schema's, and Jekyll's dates as Ruby reads them. */
const DATE_FORMATS = new Set(['date', 'date-time', 'unix-time', LENIENT_DATE_FORMAT]);

const MAX_DEPTH = 12;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`, any JSON pointer into the root). */
function deref(root: Schema, schema: unknown, depth = 0): Schema | undefined {
  if (!isObject(schema)) return undefined;
  const ref = schema.$ref;
  if (typeof ref !== 'string' || depth > MAX_DEPTH) return schema;
  if (!ref.startsWith('#')) return schema;
  let target: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) ? target[part] : Array.isArray(target) ? target[Number(part)] : undefined;
  }
  const resolved = deref(root, target, depth + 1);
  if (!resolved) return undefined;
  // Keywords beside a $ref (draft 2019+) refine the target.
  const { $ref: _ref, ...rest } = schema;
  return Object.keys(rest).length > 0 ? { ...resolved, ...rest } : resolved;
}

/** The schema and the branches of its combinators (allOf, anyOf, oneOf), flattened. */
function branches(root: Schema, schema: unknown, depth = 0): Schema[] {
  const resolved = deref(root, schema);
  if (!resolved || depth > MAX_DEPTH) return [];
  const result = [resolved];
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = resolved[keyword];
    if (Array.isArray(list)) for (const item of list) result.push(...branches(root, item, depth + 1));
  }
  return result;
}

function typesOf(root: Schema, schema: unknown): FieldType[] {
  const types = new Set<FieldType>();
  for (const branch of branches(root, schema)) {
    const declared = Array.isArray(branch.type) ? branch.type : branch.type === undefined ? [] : [branch.type];
    const format = typeof branch.format === 'string' ? branch.format : '';
    for (const type of declared) {
      if (DATE_FORMATS.has(format)) types.add('date');
      else if (type === 'string') types.add('string');
      else if (type === 'integer' || type === 'number') types.add('number');
      else if (type === 'array') types.add('array');
      else if (type === 'boolean') types.add('boolean');
      else if (type === 'object') types.add('object');
      else if (type === 'null') types.add('null');
    }
    if (declared.length === 0 && DATE_FORMATS.has(format)) types.add('date');
    if (declared.length === 0 && (branch.items !== undefined || branch.prefixItems !== undefined)) types.add('array');
    if (declared.length === 0 && branch.properties !== undefined) types.add('object');
  }
  return [...types];
}

function enumOf(root: Schema, schema: unknown): EnumValue[] | undefined {
  const values: EnumValue[] = [];
  for (const branch of branches(root, schema)) {
    const list = Array.isArray(branch.enum) ? branch.enum : 'const' in branch ? [branch.const] : [];
    for (const value of list) {
      if ((typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && !values.includes(value)) {
        values.push(value);
      }
    }
  }
  return values.length > 0 ? values : undefined;
}

function firstString(root: Schema, schema: unknown, keyword: string): string | undefined {
  for (const branch of branches(root, schema)) {
    const value = branch[keyword];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

function exampleOf(root: Schema, schema: unknown): unknown {
  for (const branch of branches(root, schema)) {
    if (branch.default !== undefined) return branch.default;
    if (Array.isArray(branch.examples) && branch.examples.length > 0) return branch.examples[0];
  }
  return undefined;
}

/** The object schema that describes the whole frontmatter (following a root `$ref`). */
function rootObjects(schema: Schema): Schema[] {
  return branches(schema, schema).filter((branch) => isObject(branch.properties) || Array.isArray(branch.required));
}

/**
 * The fields of a frontmatter schema, in the schema's order. `$schema` (which Astro adds to every
 * collection) is left out: it is not something an author writes.
 */
export function schemaFields(schema: unknown): SchemaField[] {
  if (!isObject(schema)) return [];
  const fields = new Map<string, SchemaField>();
  const required = new Set<string>();
  for (const object of rootObjects(schema)) {
    if (Array.isArray(object.required)) for (const name of object.required) if (typeof name === 'string') required.add(name);
    if (!isObject(object.properties)) continue;
    for (const [name, property] of Object.entries(object.properties)) {
      if (name === '$schema' || fields.has(name)) continue;
      const markdown = firstString(schema, property, 'markdownDescription');
      const plain = firstString(schema, property, 'description');
      const items = branches(schema, property)
        .map((branch) => branch.items)
        .find((items) => items !== undefined && !Array.isArray(items));
      fields.set(name, {
        name,
        documentation: markdown ?? plain,
        documentationIsMarkdown: markdown !== undefined,
        types: typesOf(schema, property),
        required: false,
        enum: enumOf(schema, property),
        itemEnum: items === undefined ? undefined : enumOf(schema, items),
        example: exampleOf(schema, property),
        deprecated: branches(schema, property).some((branch) => branch.deprecated === true),
      });
    }
  }
  for (const field of fields.values()) field.required = required.has(field.name);
  return [...fields.values()];
}
