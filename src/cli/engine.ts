/**
 * The CLI's one door to the engine (src/core): the configuration of each file (loaded once per folder
 * and validated), the analysis, and the rule registry for SARIF.
 */
import * as path from 'node:path';
import { analyzeArticle } from '../core/analyze';
import { ArticleState } from '../core/parse/articleState';
import { loadConfig, type ConfigProblem, type LoadedConfig } from '../core/config/config';
import { allRules } from '../core/rules/index';
import { siteEntry, type SiteArticle } from '../core/site/entry';
import { SiteDirectory } from '../core/site/sites';
import type { ArticleStats, Finding } from '../core/types';
import { NodeFileSystem } from './node-fs';
import type { RuleInfo } from './report';

/** A bad `.article-lint.json` (or --config file): the message names the file and the key. */
export class ConfigurationError extends Error {}

export interface Analysis {
  /** The text the findings' offsets refer to (BOM removed). */
  text: string;
  hadBom: boolean;
  isArticle: boolean;
  /** Sorted by position. */
  findings: Finding[];
  stats: ArticleStats;
  /** What the site model needs of it (articles only). */
  site?: SiteArticle;
}

export class Engine {
  readonly fs = new NodeFileSystem();
  /** This worker's parse state: it checks one file after another. */
  private readonly state = new ArticleState();
  /** By folder (or the one --config file): articles in the same folder share their configuration. */
  private readonly configs = new Map<string, Promise<LoadedConfig>>();
  private readonly sites = new SiteDirectory(this.fs);

  constructor(
    readonly cwd: string,
    readonly configFile?: string,
  ) {}

  async analyze(text: string, filePath: string): Promise<Analysis> {
    const { config } = await this.configFor(filePath);
    const result = await analyzeArticle(text, { filePath, config, fs: this.fs, state: this.state });
    let site: SiteArticle | undefined;
    if (result.isArticle) {
      const where = await this.sites.siteOf(filePath, result.site, config);
      site = siteEntry({ article: result.article, path: filePath, ...where, siteUrl: config.siteUrl, listPage: result.kind === 'list' });
    }
    return {
      site,
      text: result.article.text,
      hadBom: result.article.hadBom,
      isArticle: result.isArticle,
      findings: result.findings,
      stats: result.stats,
    };
  }

  /** The file's configuration; throws ConfigurationError when it has a problem. */
  async configFor(filePath: string): Promise<LoadedConfig> {
    const key = this.configFile ?? path.dirname(filePath);
    let loading = this.configs.get(key);
    if (!loading) {
      loading = this.configFile
        ? loadConfig({ fs: this.fs, configFile: this.configFile, defaultBaseDir: this.cwd })
        : loadConfig({ fs: this.fs, forPath: key, defaultBaseDir: this.cwd });
      this.configs.set(key, loading);
    }
    const loaded = await loading;
    if (loaded.problems.length > 0) throw new ConfigurationError(describeProblems(loaded.problems, this.cwd));
    return loaded;
  }
}

/** One line: the first problem as `file:line:column: key: message`, and how many more there are. */
function describeProblems(problems: readonly ConfigProblem[], cwd: string): string {
  const [first] = problems;
  const relative = path.relative(cwd, first.file);
  const file = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : first.file;
  const where = first.line ? `${file}:${first.line}:${first.column}` : file;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? 'problem' : 'problems'} in this file)` : '';
  return `bad configuration: ${where}: ${first.key ? `${first.key}: ` : ''}${first.message}${more}`;
}

/** What SARIF says about each rule: from the engine's registry. */
export function ruleInfos(): RuleInfo[] {
  return allRules.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description }));
}
