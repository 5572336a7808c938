/** The built-in schemas are compiled without a meta-schema check (it costs more than compiling): each is checked here. */
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import builtinSchemaJson from '../../../schemas/article.schema.json';
import { siteProfiles } from '../../../src/core/generators/registry';

describe('the built-in schemas', () => {
  const schemas: [string, Record<string, unknown>][] = [['article format', builtinSchemaJson as Record<string, unknown>]];
  for (const profile of siteProfiles) {
    schemas.push([profile.name, profile.schema]);
    for (const page of profile.pageSchemas ?? []) schemas.push([`${profile.name}:${page.name}`, page.schema]);
  }

  for (const [name, schema] of schemas) {
    it(`${name}: valid against its meta-schema`, () => {
      const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false });
      assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    });
  }

  it('a schema that breaks its meta-schema is caught (so the check can fail)', () => {
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema({ type: 'text' }), false);
  });
});
