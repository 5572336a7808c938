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
import type { ArticleState, ConfigProblem, ParsedArticle, ResolvedConfig, SiteFolderCache, SiteInfo, SiteDirectory } from '../core';
import { ArticleDocuments, type DocumentAnalysis } from './articleDocuments';
import { readPreviewSettings } from './preview/settings';
import { documentPath } from './articles';
import { Disposable } from './dispose';
import { WorkspaceFileSystem, uriToPath } from './fs';
import { engine } from './engine';

export interface AnalyzerOptions {
  /** The document store the analyses are kept in (one of its own when absent, as in tests). */
  documents?: ArticleDocuments;
  /** The workspace's trust, read at each analysis (trust can be granted later). */
  isTrusted?: () => boolean;
  /** Fires when a configuration, schema or setting changed: every analysis is computed again. */
  onDidChangeConfiguration?: vscode.Event<unknown>;
  /** The file system the engine reads configurations and sites through (one of its own when absent). */
  fs?: WorkspaceFileSystem;
}

export class ArticleAnalyzer extends Disposable {
  readonly fs: WorkspaceFileSystem;
  /** What each folder's site marker files say, until a configuration or marker file changes. */
  private readonly siteFolders: SiteFolderCache = new Map();
  /**
   * Each folder's configuration, until a configuration or schema file or a setting changes (the
   * watcher sees a `.article-lint.json` created anywhere): found again for every version, it was a
   * dozen lookups of the disk in a row, each a round trip to the workbench.
   */
  private readonly configs = new Map<string, ReturnType<typeof loadConfigOf>>();
  private siteDirectory: SiteDirectory | undefined;

  /** Each site's URL settings, read once (shared with the workspace's site index). */
  get sites(): SiteDirectory {
    this.siteDirectory ??= new (engine().SiteDirectory)(this.fs);
    return this.siteDirectory;
  }
  /** The document store the analyses are kept in (the features read each version's parse from it). */
  readonly documents: ArticleDocuments;
  private readonly isTrusted: () => boolean;

  constructor(options: AnalyzerOptions = {}) {
    super();
    this.fs = options.fs ?? new WorkspaceFileSystem();
    this.documents = options.documents ?? this._register(new ArticleDocuments());
    this.isTrusted = options.isTrusted ?? (() => vscode.workspace.isTrusted);
    if (options.onDidChangeConfiguration) this._register(options.onDidChangeConfiguration(() => this.invalidate()));
  }

  /** The analysis of the document's current version (shared while that version is current). */
  analyzeDocument(document: vscode.TextDocument): Promise<DocumentAnalysis> {
    const current = this.documents.version(document);
    if (current.analysis) return current.analysis;
    const version = document.version;
    const result = this.analyzeText(document.getText(), documentPath(document), document.uri, {
      article: this.documents.parse(document),
      state: this.documents.state(document),
    }).then((analysis) => ({ ...analysis, version }));
    current.analysis = result;
    // A failed analysis is not kept: the next call tries again.
    result.catch(() => {
      if (current.analysis === result) current.analysis = undefined;
    });
    return result;
  }

  /** Analyzes a text that need not be open in an editor (Check All Articles reads files from disk). */
  async analyzeText(
    text: string,
    filePath: string | undefined,
    uri?: vscode.Uri,
    open?: { article: ParsedArticle; state: ArticleState },
  ): Promise<DocumentAnalysis> {
    const workspaceFolder = uri && vscode.workspace.getWorkspaceFolder(uri);
    const defaultBaseDir = workspaceFolder && uriToPath(workspaceFolder.uri);
    const loaded = await this.configFor(filePath, defaultBaseDir);
    const result = await engine().analyzeArticle(text, {
      filePath,
      config: loaded.config,
      fs: this.fs,
      loadWorkspaceSchemas: this.isTrusted(),
      article: open?.article,
      state: open?.state,
      siteFolders: this.siteFolders,
    });
    // An article's entry, or a page's (a link target only).
    const siteArticle =
      filePath
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
      isContent: result.isContent,
      kind: result.kind,
      kindReason: result.kindReason,
      findings: result.findings,
      stats: result.stats,
      config: loaded.config,
      site: result.site,
      configFile: loaded.config.file ? { file: loaded.config.file, problems: loaded.problems } : undefined,
    };
  }

  /** The problems of one configuration file, read from disk. */
  async configProblems(file: string): Promise<ConfigProblem[]> {
    return (await engine().loadConfig({ rules: engine().allRules, fs: this.fs, configFile: file })).problems;
  }

  private configFor(filePath: string | undefined, defaultBaseDir: string | undefined): ReturnType<typeof loadConfigOf> {
    const key = `${filePath === undefined ? '' : filePath.replace(/[^\\/]*$/, '')}\0${defaultBaseDir ?? ''}`;
    let loaded = this.configs.get(key);
    if (!loaded) {
      loaded = loadConfigOf(this.fs, filePath, defaultBaseDir);
      this.configs.set(key, loaded);
      // A failed read is not kept: the next analysis tries again.
      loaded.catch(() => this.configs.get(key) === loaded && this.configs.delete(key));
    }
    return loaded;
  }

  /** Forgets cached results (configuration or schema changed, trust granted). */
  invalidate(): void {
    this.configs.clear();
    this.siteFolders.clear();
    this.documents.forgetAnalyses();
    this.siteDirectory?.clear();
  }
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${engine().CONFIG_FILE_NAME}`);
}

function loadConfigOf(fs: WorkspaceFileSystem, filePath: string | undefined, defaultBaseDir: string | undefined) {
  return engine().loadConfig({ rules: engine().allRules, fs, forPath: filePath, defaultBaseDir });
}
