/**
 * The CLI's one door to the engine (src/core): the configuration of each file (loaded once per folder
 * and validated), the analysis, and the rule registry for SARIF.
 */
import * as path from 'node:path';
import { allRules, analyzeArticle, bodyKindOf, contentDecision, detectSite, documentTypeOf, formatConfigProblem, isBuiltinSchemaSource, loadConfig, parseArticle, pathBelow, pathLabel, readSiteArticle, readUrlSettings, ruleSettingOf, schemaForArticle, SiteDirectory, sitePath, siteEntry, type ArticleState, type ArticleStats, type ConfigProblem, type Finding, type HeroSource, type KeyPath, type LoadedConfig, type SiteArticle, type SiteFolderCache } from '../core';
import { NodeFileSystem } from './node-fs';
import type { RuleInfo } from './report';

/** A bad `.article-lint.json` (or --config file): the message names the file and the key. */
export class ConfigurationError extends Error {}

export interface FileAnalysis {
  /** The text the findings' offsets refer to (BOM removed). */
  text: string;
  hadBom: boolean;
  isContent: boolean;
  /** Sorted by position. */
  findings: Finding[];
  stats: ArticleStats;
  /** The site profile's name. */
  site: string;
  /** What the site model needs of it (articles only). */
  siteArticle?: SiteArticle;
  /** A page its site's generator publishes (not an article): the site model's link target, never checked. */
  sitePage?: SiteArticle;
  /**
   * The article's site folder when a generator's marker files or a configuration file say where the
   * site is (not for a bare folder of Markdown files): the run reads that site's other articles too.
   */
  siteRoot?: string;
}

export class Engine {
  readonly fs = new NodeFileSystem();
  /** What each folder's marker files say: the folders above the articles are looked at once per run. */
  private readonly siteFolders: SiteFolderCache = new Map();
  /** By folder (or the one --config file): articles in the same folder share their configuration. */
  private readonly configs = new Map<string, Promise<LoadedConfig>>();
  private readonly sites = new SiteDirectory(this.fs);

  constructor(
    readonly cwd: string,
    readonly configFile?: string,
    /** `--report-unused-disables`: disable-unused is a warning where the configuration leaves it off. */
    readonly reportUnusedDisables = false,
  ) {}

  /**
   * `state` is the file's own (see ArticleState): the analyses of one file's fix passes share it, so
   * a pass that changed only the frontmatter parses no body again. Files share nothing.
   */
  async analyze(text: string, filePath: string, state?: ArticleState): Promise<FileAnalysis> {
    const { config } = await this.configFor(filePath);
    const result = await analyzeArticle(text, { filePath, config, fs: this.fs, state, siteFolders: this.siteFolders });
    let siteArticle: SiteArticle | undefined;
    let siteRoot: string | undefined;
    if (result.isContent) {
      const where = await this.sites.siteOf(filePath, result.site, config);
      siteArticle = siteEntry({ article: result.article, path: filePath, ...where, siteUrl: config.siteUrl, kind: result.kind });
      if (result.site.root !== undefined || config.file !== undefined) siteRoot = where.root;
    }
    const sitePage = result.isContent
      ? undefined
      : await readSiteArticle({ text, filePath, config, fs: this.fs, sites: this.sites, article: result.article, site: result.site, siteFolders: this.siteFolders });
    return {
      siteArticle,
      sitePage,
      siteRoot,
      text: result.article.text,
      hadBom: result.article.hadBom,
      isContent: result.isContent,
      findings: result.findings,
      stats: result.stats,
      site: result.site.profile.name,
    };
  }

  /**
   * The site model's entry of a file the run only reads for its site (see LintTask.context), when it
   * is an article or a page; `siteRoot`: the site it belongs to, when it lies outside that site's folder.
   */
  async siteArticle(text: string, filePath: string, siteRoot?: string): Promise<SiteArticle | undefined> {
    const { config } = await this.configFor(filePath);
    const site = siteRoot === undefined ? undefined : await this.siteAt(siteRoot);
    return readSiteArticle({ text, filePath, config, fs: this.fs, sites: this.sites, siteFolders: this.siteFolders, site });
  }

  /** The site whose root is `root` (as a file directly in it finds it). */
  private async siteAt(root: string) {
    const { config } = await this.configFor(path.join(root, 'index.md'));
    return detectSite(path.join(root, 'index.md'), this.fs, config, this.siteFolders);
  }

  /** Where a run over this file keeps its cache: its site's root, else its configuration file's folder, else the working folder. */
  async cacheRoot(filePath: string): Promise<string> {
    const { config } = await this.configFor(filePath);
    const site = await detectSite(filePath, this.fs, config, this.siteFolders);
    return site.root ?? (config.file ? path.dirname(config.file) : this.cwd);
  }

  /** The site's content folders outside its own folder (Docusaurus docs at `../docs`), absolute. */
  async outsideFolders(root: string): Promise<string[]> {
    const site = await this.siteAt(root);
    if (site.root !== root) return [];
    const settings = await readUrlSettings(site.profile, root, this.fs);
    return (settings.outsideDirs ?? []).map((dir) => path.resolve(root, dir));
  }

  /** What `--print-config FILE` shows: the resolved site profile, configuration, schema and rules for one file. */
  async resolvedConfig(filePath: string): Promise<Record<string, unknown>> {
    const { config } = await this.configFor(filePath);
    const site = await detectSite(filePath, this.fs, config, this.siteFolders);
    const { schema, problem } = await schemaForArticle(filePath, config, this.fs, true, site.profile, site.conventions, sitePath(site, filePath));
    const text = this.fs.readTextSync(filePath);
    const decision = text === undefined
      ? { why: 'the file cannot be read' }
      : contentDecision(text, filePath, config, site, () => parseArticle(text, undefined, { kind: bodyKindOf(filePath) }).frontmatter?.data);
    const relative = (target: string) => path.relative(this.cwd, target).split(path.sep).join('/') || '.';
    const roles = Object.fromEntries(
      Object.entries(site.profile.roles).map(([role, value]) => [
        role,
        role === 'hero'
          ? (value as HeroSource[]).map((source) => ({ image: pathLabel(source.image), alt: source.alt?.map(pathLabel) ?? [] }))
          : (value as KeyPath[]).map(pathLabel),
      ]),
    );
    return {
      file: relative(filePath),
      // An article, a page, a list page, or false (not content), and the rule of the site's table that decided.
      kind: decision.kind ?? false,
      why: decision.why,
      site: { name: site.profile.name, label: site.profile.label, root: site.root ? relative(site.root) : undefined, reason: site.reason },
      config: config.file ? relative(config.file) : undefined,
      // The files that made the configuration, the nearest first (each extends the next).
      configFiles: config.files?.map(relative) ?? [],
      content: config.includeConfigured || site.profile.articles.byInclude
        ? { include: config.include }
        : { exclude: site.profile.articles.exclude ?? [], rules: [...(site.conventions?.contentRules ?? []), ...site.profile.articles.rules], otherFilesWithFrontmatter: site.profile.articles.frontmatterPages ?? false },
      publicDir: config.publicDir ? relative(config.publicDir) : site.profile.publicDirs,
      formats: site.profile.formats,
      roles,
      fallbacks: site.profile.fallbacks,
      schema: {
        source: isBuiltinSchemaSource(schema.source) ? schema.source : relative(schema.source),
        problem,
        keys: schema.knownKeys ?? [],
      },
      // The keys the site's templates read (known keys where the built-in schema is used), with the template that reads each.
      templateKeys: site.conventions?.templateKeys ?? {},
      // The content configuration's document type of this file (Contentlayer), and every one it defines.
      documentType: documentTypeOf(filePath, site.conventions)?.name,
      documentTypes: site.conventions?.documentTypes.map(({ name, filePathPattern, contentDirPath, source, schema: fields }) => ({
        name,
        filePathPattern,
        contentDirPath,
        source: relative(source),
        fields: fields ? Object.keys((fields.properties ?? {}) as Record<string, unknown>) : undefined,
      })) ?? [],
      rules: Object.fromEntries(Object.entries(config.rules).map(([id, setting]) => [id, ruleSettingOf(setting)])),
    };
  }

  /** The file's configuration; throws ConfigurationError when it has a problem. */
  async configFor(filePath: string): Promise<LoadedConfig> {
    const key = this.configFile ?? path.dirname(filePath);
    let loading = this.configs.get(key);
    if (!loading) {
      loading = (
        this.configFile
          ? loadConfig({ rules: allRules, fs: this.fs, configFile: this.configFile, defaultBaseDir: this.cwd })
          : loadConfig({ rules: allRules, fs: this.fs, forPath: key, defaultBaseDir: this.cwd })
      ).then((loaded) => (this.reportUnusedDisables ? withUnusedDisables(loaded) : loaded));
      this.configs.set(key, loading);
    }
    const loaded = await loading;
    if (loaded.problems.length > 0) throw new ConfigurationError(describeProblems(loaded.problems, this.cwd));
    return loaded;
  }
}

function withUnusedDisables(loaded: LoadedConfig): LoadedConfig {
  const setting = loaded.config.rules['disable-unused'];
  if (setting && setting.severity !== 'off') return loaded;
  return { ...loaded, config: { ...loaded.config, rules: { ...loaded.config.rules, 'disable-unused': { severity: 'warning', options: {} } } } };
}

/** One line: the first problem as `file:line:column: key: message`, and how many more there are. */
function describeProblems(problems: readonly ConfigProblem[], cwd: string): string {
  const [first] = problems;
  const file = pathBelow(cwd, first.file) || first.file;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? 'problem' : 'problems'} in this file)` : '';
  return `bad configuration: ${formatConfigProblem({ ...first, file })}${more}`;
}

/** What SARIF says about each rule: from the engine's registry. */
export function ruleInfos(): RuleInfo[] {
  return allRules.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description }));
}
