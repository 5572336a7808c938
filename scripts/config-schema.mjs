// The JSON Schema of `.article-lint.json` (schemas/article-lint.schema.json), built from the rule
// registry and the site profiles: `npm run config-schema` writes it after `tsc`; the unit tests check
// that the file is up to date. The engine never imports it.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export function configJsonSchema(rules, siteNames) {
  const severity = {
    type: 'string',
    enum: ['off', 'info', 'warning', 'error'],
    markdownEnumDescriptions: ['Not checked.', 'A hint.', 'A warning.', 'An error: `article-lint` exits with 1.'],
  };
  const ruleSchemas = {};
  for (const rule of rules) {
    const optionNames = Object.keys(rule.optionSpecs);
    const options = {};
    for (const [name, spec] of Object.entries(rule.optionSpecs)) {
      options[name] = {
        type: spec.type,
        ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
        default: rule.defaultOptions[name],
        description: spec.description,
      };
    }
    const description = `${rule.description} Default: ${rule.defaultSeverity}.`;
    ruleSchemas[rule.id] = {
      description,
      markdownDescription: `${rule.description}\n\nDefault: \`${rule.defaultSeverity}\`. [Documentation](docs/rules/${rule.id}.md)`,
      default: rule.defaultSeverity,
      oneOf: [
        { $ref: '#/definitions/severity' },
        {
          type: 'array',
          minItems: 1,
          maxItems: optionNames.length ? 2 : 1,
          items: optionNames.length
            ? [{ $ref: '#/definitions/severity' }, { type: 'object', properties: options, additionalProperties: false }]
            : [{ $ref: '#/definitions/severity' }],
          additionalItems: false,
        },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://article-authoring.dev/schemas/article-lint.schema.json',
    title: 'Article Authoring configuration (.article-lint.json)',
    type: 'object',
    definitions: { severity },
    properties: {
      $schema: { type: 'string' },
      root: {
        type: 'boolean',
        default: false,
        description: 'true: this file does not extend the .article-lint.json files of the folders above it. Otherwise each key it sets (and each rule it names, option by option) replaces what those files set.',
      },
      site: {
        enum: [...siteNames],
        description: 'The site generator whose conventions the articles follow (frontmatter keys, formats, folders). Default: detected from marker files such as hugo.toml or _config.yml.',
      },
      include: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        minItems: 1,
        default: ['**/{blog,posts,articles,content}/**/*.{md,mdx}'],
        description: 'Globs (relative to this file) of the Markdown files that are articles even without frontmatter.',
      },
      publicDir: {
        type: 'string',
        minLength: 1,
        description: 'The folder (relative to this file) in which /x.png images resolve. Default: the nearest public/ or static/ folder.',
      },
      siteUrl: {
        type: 'string',
        format: 'uri',
        pattern: '^https?://',
        description: 'The site\'s address (https://example.com): absolute links to this host are checked as internal links. Nothing is ever fetched.',
      },
      schema: {
        description: 'A JSON Schema for the frontmatter: one path (relative to this file), or an object mapping globs to paths.',
        oneOf: [
          { type: 'string', minLength: 1 },
          { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
        ],
      },
      rules: {
        type: 'object',
        description: 'Severity ("off", "info", "warning", "error") and options per rule.',
        properties: ruleSchemas,
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const require = createRequire(import.meta.url);
  const { allRules, siteNames } = require('../out/src/core/index.js');
  const target = fileURLToPath(new URL('../schemas/article-lint.schema.json', import.meta.url));
  writeFileSync(target, `${JSON.stringify(configJsonSchema(allRules, siteNames), null, 2)}\n`);
  console.log(`wrote ${target}`);
}
