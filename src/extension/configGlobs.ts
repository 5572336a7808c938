// No vscode import: a unit test checks these globs against core's site profiles.

/**
 * Files whose change can change any article's findings: configuration, schemas, and the marker files
 * that tell which generator a site uses (core's site profiles; a unit test keeps the two in step).
 */
export const CONFIG_GLOBS: readonly string[] = [
  '**/.article-lint.json',
  '**/*.schema.json',
  '**/.astro/collections/*.json',
  '**/{package.json,astro.config.*,hugo.*,config.{toml,yaml,yml,json},_config.{yml,yaml,toml},eleventy.config.*,.eleventy.js,docusaurus.config.*,next.config.*}',
  '**/config/_default/*',
];
