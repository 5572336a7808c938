/**
 * Schema compilation with ajv (and ajv-formats, ajv-errors): loaded by schema.ts on the first
 * compilation only. The extension's bundle keeps this module and ajv in dist/schema-compiler.js.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import ajvErrors from 'ajv-errors';
import { isDate, isLenientDate } from '../facts/dates';
import { LENIENT_DATE_FORMAT } from '../generators/profile';

/**
 * Compiles a JSON Schema to a validator (throws with ajv's message when it is not a valid schema).
 * `trusted`: one of the built-in schemas (valid, as a unit test checks), compiled without checking
 * it against its meta-schema first, which costs more than compiling it.
 */
export function compileValidator(schema: Record<string, unknown>, trusted = false): ValidateFunction {
  return newAjv(schema, trusted).compile(schema);
}

function newAjv(schema: Record<string, unknown>, trusted: boolean): Ajv {
  const draft = typeof schema.$schema === 'string' ? schema.$schema : '';
  const options = { allErrors: true, strict: false, logger: false as const, allowUnionTypes: true, validateSchema: !trusted };
  const AjvClass = draft.includes('2020-12') ? Ajv2020 : draft.includes('2019-09') ? Ajv2019 : Ajv;
  const ajv = new AjvClass(options) as Ajv;
  addFormats(ajv);
  ajvErrors(ajv);
  // Dates in the forms the article format accepts, as Astro's z.coerce.date() reads them; never Date.parse.
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('date-time', { type: 'string', validate: isDate });
  ajv.addFormat('unix-time', { type: 'number', validate: (value: number) => Number.isFinite(value) });
  ajv.addFormat(LENIENT_DATE_FORMAT, { type: 'string', validate: isLenientDate });
  for (const format of formatsUsed(schema)) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  return ajv;
}

/** Every `format` value in a schema (unknown ones are accepted rather than failing compilation). */
function formatsUsed(schema: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > 64 || typeof schema !== 'object' || schema === null) return found;
  if (Array.isArray(schema)) {
    for (const item of schema) formatsUsed(item, found, depth + 1);
    return found;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'format' && typeof value === 'string') found.add(value);
    else formatsUsed(value, found, depth + 1);
  }
  return found;
}

