// No vscode import: a unit test checks these globs against core's site profiles.

/**
 * Files whose change can change any article's findings: configuration, schemas, the marker files
 * that tell which generator a site uses (core's site profiles; a unit test keeps the two in step),
 * and the files that describe a site's frontmatter (archetypes, content configuration, templates).
 */
export const CONFIG_GLOBS: readonly string[] = [
  '**/.article-lint.json',
  '**/*.schema.json',
  '**/.astro/collections/*.json',
  '**/{package.json,astro.config.*,hugo.*,config.{toml,yaml,yml,json},_config.{yml,yaml,toml},eleventy.config.*,.eleventy.js,docusaurus.config.*,next.config.*}',
  '**/config/_default/*',
  // A site's own description of its frontmatter (core's site facts): archetypes, Astro's and
  // Contentlayer's content configuration, Front Matter CMS, and the templates whose keys are known
  // keys (Hugo's layouts, Jekyll's layouts and includes).
  '**/archetypes/**',
  '**/src/{content.config.*,content/config.*}',
  '**/contentlayer.config.*',
  '**/frontmatter.json',
  '**/{layouts,_layouts,_includes}/**',
];
