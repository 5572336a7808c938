/**
 * The server's door to the engine: each open document's version analyzed once (its configuration
 * found walking up from its folder, the workspace folder as the base of the default `include`, as
 * the CLI and the extension read it), and the schema completion and hover use.
 */
import {
  allRules,
  analyzeArticle,
  articleSchema,
  loadConfig,
  readSiteArticle,
  SiteDirectory,
  type Finding,
  type FrontmatterSchema,
  type ParsedArticle,
  type ResolvedConfig,
  type SchemaField,
  type SiteArticle,
  type SiteFolderCache,
} from '../core';
import type { OpenArticle } from './documents';
import type { NodeFileSystem } from './nodeFileSystem';
import type { WorkspaceFolders } from './workspaceFolders';

export interface Analysis {
  version: number;
  article: ParsedArticle;
  /** An article or a page of its site: content the rules check. */
  isContent: boolean;
  findings: Finding[];
  config: ResolvedConfig;
  /** The site model's entry of the document (articles and pages of a site). */
  siteArticle?: SiteArticle;
}

export class ServerAnalyzer {
  /** What each folder's site marker files say, until a configuration or site file changes. */
  readonly siteFolders: SiteFolderCache = new Map();
  private readonly fieldsBySchema = new WeakMap<object, SchemaField[]>();
  sites: SiteDirectory;

  constructor(
    readonly fs: NodeFileSystem,
    private readonly folders: WorkspaceFolders,
  ) {
    this.sites = new SiteDirectory(fs);
  }

  /** The configuration of a file (the defaults for a document that is not a file). */
  async configFor(filePath: string | undefined): Promise<ResolvedConfig> {
    return (await loadConfig({ rules: allRules, fs: this.fs, forPath: filePath, defaultBaseDir: filePath && this.folders.folderOf(filePath) })).config;
  }

  async analyze(open: OpenArticle): Promise<Analysis> {
    const version = open.version;
    const filePath = open.filePath;
    const config = await this.configFor(filePath);
    const article = open.parse();
    const result = await analyzeArticle(article.text, { filePath, config, fs: this.fs, article, siteFolders: this.siteFolders });
    const siteArticle = filePath
      ? await readSiteArticle({ text: result.article.text, filePath, config, fs: this.fs, sites: this.sites, article: result.article, site: result.site })
      : undefined;
    return { version, article: result.article, isContent: result.isContent, findings: result.findings, config, siteArticle };
  }

  async schemaOf(open: OpenArticle): Promise<FrontmatterSchema> {
    return articleSchema(open.filePath, {
      fs: this.fs,
      config: open.filePath ? await this.configFor(open.filePath) : undefined,
      trusted: true,
      siteFolders: this.siteFolders,
      fieldsCache: this.fieldsBySchema,
      displayPath: (path) => this.folders.displayPath(path),
    });
  }

  /** Forgets what the configurations and site files said (one of them changed). */
  invalidate(): void {
    this.siteFolders.clear();
    this.sites.clear();
  }
}
