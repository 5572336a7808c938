/**
 * The editor's one door to the engine (src/core): each document version is analyzed once, and the
 * diagnostics, quick fixes and commands share that result. No rule logic lives here.
 *
 * Each article gets the configuration found walking up from its own folder (so every folder of a
 * multi-root workspace has its own), with the workspace folder as the base of the default `include`.
 * In an untrusted workspace a team's schema files (configured or Astro's generated ones) are not
 * loaded: they are compiled to code by ajv. The built-in schema is used instead.
 */
import * as vscode from 'vscode';
import type { ArticleStats, ConfigProblem, Finding, ParsedArticle, ResolvedConfig } from '../core';
import type { SiteArticle } from '../core/site/entry';
import type { SiteDirectory } from '../core/site/sites';
import { readPreviewSettings } from './preview/settings';
import { documentPath } from './articles';
import { WorkspaceFileSystem } from './fs';
import { engine } from './engine';

export interface Analysis {
  /** The document version analyzed (undefined for a file read from disk). */
  version: number | undefined;
  filePath: string | undefined;
  /** The text the findings' offsets refer to (BOM removed). */
  text: string;
  article: ParsedArticle;
  isArticle: boolean;
  findings: Finding[];
  stats: ArticleStats;
  config: ResolvedConfig;
  /** What the site model needs of the article (articles only). */
  siteArticle?: SiteArticle;
  /** The `.article-lint.json` that applies, with its problems (empty when it is fine). */
  configFile?: { file: string; problems: ConfigProblem[] };
}

export class ArticleAnalyzer implements vscode.Disposable {
  readonly fs = new WorkspaceFileSystem();
  private siteDirectory: SiteDirectory | undefined;

  /** Each site's URL settings, read once (shared with the workspace's site index). */
  get sites(): SiteDirectory {
    this.siteDirectory ??= new (engine().SiteDirectory)(this.fs);
    return this.siteDirectory;
  }

  /** `isTrusted` is the workspace's trust, read at each analysis (trust can be granted later). */
  /** `parses`, when given, supplies the parse of an open document's version (shared with the other features). */
  constructor(
    private readonly isTrusted: () => boolean = () => vscode.workspace.isTrusted,
    private readonly parses?: { parse(document: vscode.TextDocument): ParsedArticle },
  ) {}

  private readonly cache = new Map<string, { version: number; result: Promise<Analysis> }>();
  private readonly onCloseListener = vscode.workspace.onDidCloseTextDocument((document) =>
    this.cache.delete(document.uri.toString()),
  );

  /** The analysis of the document's current version (shared while that version is current). */
  analyzeDocument(document: vscode.TextDocument): Promise<Analysis> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.result;
    const version = document.version;
    const result = this.analyzeText(document.getText(), documentPath(document), document.uri, this.parses?.parse(document)).then((analysis) => ({
      ...analysis,
      version,
    }));
    this.cache.set(key, { version, result });
    // A failed analysis is not kept: the next call tries again.
    result.catch(() => {
      if (this.cache.get(key)?.result === result) this.cache.delete(key);
    });
    return result;
  }

  /** Analyzes a text that need not be open in an editor (Check All Articles reads files from disk). */
  async analyzeText(text: string, filePath: string | undefined, uri?: vscode.Uri, article?: ParsedArticle): Promise<Analysis> {
    const workspaceFolder = uri && vscode.workspace.getWorkspaceFolder(uri);
    const defaultBaseDir = workspaceFolder?.uri.scheme === 'file' ? workspaceFolder.uri.fsPath : undefined;
    const loaded = await engine().loadConfig({ fs: this.fs, forPath: filePath, defaultBaseDir });
    const result = await engine().analyzeArticle(text, {
      filePath,
      config: loaded.config,
      fs: this.fs,
      loadWorkspaceSchemas: this.isTrusted(),
      article,
    });
    const siteArticle =
      result.isArticle && filePath
        ? await engine().readSiteArticle({
            text,
            filePath,
            config: loaded.config,
            fs: this.fs,
            sites: this.sites,
            article: result.article,
            site: result.site,
            siteUrl: readPreviewSettings(uri).siteUrl || undefined,
          })
        : undefined;
    return {
      version: undefined,
      filePath,
      siteArticle,
      text: result.article.text,
      article: result.article,
      isArticle: result.isArticle,
      findings: result.findings,
      stats: result.stats,
      config: loaded.config,
      configFile: loaded.config.file ? { file: loaded.config.file, problems: loaded.problems } : undefined,
    };
  }

  /** The problems of one configuration file, read from disk. */
  async configProblems(file: string): Promise<ConfigProblem[]> {
    return (await engine().loadConfig({ fs: this.fs, configFile: file })).problems;
  }

  /** Forgets cached results (configuration or schema changed, trust granted). */
  invalidate(): void {
    this.cache.clear();
    this.siteDirectory?.clear();
  }

  dispose(): void {
    this.onCloseListener.dispose();
    this.cache.clear();
  }
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${engine().CONFIG_FILE_NAME}`);
}
