/**
 * The frontmatter schema completion and hover use for an article: the one its analysis checks with
 * (the team's schema from `.article-lint.json`, a site's generated collection schema, the site
 * profile's front matter, else the built-in schema), its fields, and where it comes from in words.
 */
import type { ResolvedConfig } from '../config/config';
import { detectSite, sitePath, type SiteFolderCache } from '../generators/registry';
import { BUILTIN_SCHEMA_SOURCE, isBuiltinSchemaSource, schemaForArticle } from '../schema/schema';
import { schemaFields, type SchemaField } from '../schema/schemaFields';
import type { FileSystemHost } from '../types';
import type { FrontmatterSchema } from './completion';

export interface ArticleSchemaOptions {
  fs: FileSystemHost;
  /** The article's configuration (none: the defaults, and no team schema). */
  config?: ResolvedConfig;
  /** Whether the workspace's own schema files may be loaded (they are compiled to code). */
  trusted: boolean;
  /** What each folder's site files say, shared across calls. */
  siteFolders?: SiteFolderCache;
  /** Each compiled schema's fields, shared across calls (the schema objects are shared). */
  fieldsCache?: WeakMap<object, SchemaField[]>;
  /** How a schema file's path is shown. */
  displayPath(path: string): string;
}

export async function articleSchema(filePath: string | undefined, options: ArticleSchemaOptions): Promise<FrontmatterSchema> {
  const { fs, config, trusted } = options;
  const site = await detectSite(filePath, fs, config, options.siteFolders);
  const { schema } = await schemaForArticle(filePath, config, fs, trusted && filePath !== undefined, site.profile, site.conventions, filePath && sitePath(site, filePath));
  let fields = options.fieldsCache?.get(schema);
  if (!fields) {
    fields = schemaFields(schema.json);
    options.fieldsCache?.set(schema, fields);
  }
  const sourceLabel =
    schema.source === BUILTIN_SCHEMA_SOURCE
      ? 'built-in schema'
      : isBuiltinSchemaSource(schema.source)
        ? `${site.profile.label} front matter`
        : options.displayPath(schema.source);
  return { fields, sourceLabel };
}
