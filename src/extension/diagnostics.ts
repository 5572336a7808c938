/**
 * Diagnostics while typing, after markdownlint's extension: open and save check at once, typing is
 * debounced with one timer, a generation counter per document drops results that are no longer
 * current, and a document's diagnostics are deleted when it closes. A configuration or schema change
 * re-checks every open article. The findings come from the engine; this file only converts them.
 */
import * as vscode from 'vscode';
import type { ConfigProblem, Finding, Severity } from '../core';
import { isConfigFile, type ArticleAnalyzer } from './analyzer';
import type { DocumentAnalysis } from './articleDocuments';
import { isMarkdownDocument } from './articles';
import { Disposable } from './dispose';
import type { Log } from './log';
import { pathToUri, uriToPath, workspacePath } from './fs';
import type { ConfigurationChange } from './configuration';
import { Debouncer } from './debounce';
import { readSettings } from './settings';
import { engine } from './engine';
import type { WorkspaceSiteIndex } from './workspaceIndex';

/** The `source` of every diagnostic; code actions only look at diagnostics with this source. */
export const DIAGNOSTIC_SOURCE = 'article-lint';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Where a rule is documented: its page in the installed extension (docs/rules/<id>.md), which opens in VS Code. */
export type RuleDocs = (ruleId: string) => vscode.Uri;

export function ruleDocsInExtension(extensionUri: vscode.Uri): RuleDocs {
  return (ruleId) => vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

export function toDiagnostic(document: Pick<vscode.TextDocument, 'positionAt'>, finding: Finding, docs: RuleDocs): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: docs(finding.ruleId) };
  return diagnostic;
}

/** The rule id of one of our diagnostics, or undefined for anyone else's. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Positions for a text that is not open in an editor (Check All Articles). */
export function textPositions(text: string): Pick<vscode.TextDocument, 'positionAt'> {
  const lines = new (engine().LineIndex)(text);
  return {
    positionAt(offset: number) {
      const { line, column } = lines.positionAt(offset);
      return new vscode.Position(line - 1, column - 1);
    },
  };
}

/** A configuration problem as a diagnostic: on the key (or the JSON error), else at the file's start. */
export function configDiagnostic(problem: ConfigProblem): vscode.Diagnostic {
  const range =
    problem.line !== undefined && problem.column !== undefined
      ? new vscode.Range(
          problem.line - 1,
          problem.column - 1,
          (problem.endLine ?? problem.line) - 1,
          (problem.endColumn ?? problem.column + 1) - 1,
        )
      : new vscode.Range(0, 0, 0, 0);
  const message = problem.key ? `${problem.key}: ${problem.message}` : `${problem.message} The default configuration is used instead.`;
  const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = 'configuration';
  return diagnostic;
}

export class ArticleDiagnostics extends Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  /** Problems of configuration files, on those files. */
  private readonly configCollection: vscode.DiagnosticCollection;
  /** Documents waiting for the typing pause (one debounce serves every document). */
  private readonly pending = new Map<string, vscode.TextDocument>();
  private readonly typing = this._register(new Debouncer(() => this.flush(), () => readSettings().debounceMs));
  private readonly recheck = this._register(new Debouncer(() => void this.recheckAll(), () => readSettings().debounceMs));
  /** Bumped on every check request and on close; a result is shown only if its generation is still current. */
  private readonly generations = new Map<string, number>();
  /** The last analysis shown per URI, so that a change elsewhere in the site re-publishes it with new site-wide findings. */
  private readonly shown = new Map<string, { positions: Pick<vscode.TextDocument, 'positionAt'>; analysis: DocumentAnalysis }>();
  /** Bumped per publish: site-wide findings computed for an older publish are dropped. */
  private readonly publishes = new Map<string, number>();

  /**
   * `configuration`: the configuration-changed event; every open article is checked again on it.
   * `site`: the workspace's site model; its changes re-publish the articles they affect.
   */
  constructor(
    private readonly analyzer: ArticleAnalyzer,
    private readonly docs: RuleDocs,
    private readonly log: Log,
    configuration?: vscode.Event<ConfigurationChange>,
    private readonly site?: WorkspaceSiteIndex,
  ) {
    super();
    if (site) {
      this._register(
        site.onDidChange((paths) => {
          for (const [key, shown] of this.shown) {
            if (shown.analysis.filePath && paths.has(shown.analysis.filePath)) this.publish(vscode.Uri.parse(key), shown.positions, shown.analysis);
          }
        }),
      );
    }
    this.collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
    this.configCollection = this._register(vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-config`));

    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.checkNow(document)));
    this._register(vscode.workspace.onDidSaveTextDocument((document) => this.checkNow(document)));
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Dirty-state changes (a save, an undo to the saved text) come without content changes.
        if (event.contentChanges.length > 0) this.checkSoon(event.document);
      }),
    );
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
    if (configuration) this._register(configuration((change) => this.configurationChanged(change)));

    this.afterActivation(() => {
      for (const document of vscode.workspace.textDocuments) this.checkNow(document);
    });
  }

  private configurationChanged(change: ConfigurationChange): void {
    if (change.kind === 'file') {
      if (change.deleted) this.configCollection.delete(change.uri);
      else if (isConfigFile(change.uri)) void this.checkConfigFile(change.uri);
    }
    this.recheck.trigger();
  }

  /** Checks at once (open, save, a command). Resolves when the result is shown or dropped as stale. */
  checkNow(document: vscode.TextDocument): Promise<void> {
    if (uriToPath(document.uri) !== undefined && isConfigFile(document.uri)) return this.checkConfigFile(document.uri);
    if (!isMarkdownDocument(document)) return Promise.resolve();
    this.pending.delete(document.uri.toString());
    return this.check(document);
  }

  /** Checks after the typing pause; one debounce serves every document. */
  private checkSoon(document: vscode.TextDocument): void {
    if (!isMarkdownDocument(document)) return;
    const key = document.uri.toString();
    this.pending.set(key, document);
    // Bump now: a check already running for an older version must not publish.
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.typing.trigger();
  }

  private flush(): void {
    const documents = [...this.pending.values()];
    this.pending.clear();
    for (const document of documents) void this.check(document);
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const version = document.version;
    let analysis: DocumentAnalysis;
    try {
      analysis = await this.analyzer.analyzeDocument(document);
    } catch (error) {
      this.log.error(`Checking ${document.uri.toString(true)} failed:`, error);
      return;
    }
    // Stale: a newer check was requested, the document changed, or it was closed meanwhile.
    if (this.isDisposed || this.generations.get(key) !== generation || document.isClosed || document.version !== version) return;
    this.publish(document.uri, document, analysis);
    // The site model learns this version (a renamed heading, a new link): the articles it affects are re-published.
    if (this.site && analysis.filePath && uriToPath(document.uri) !== undefined) {
      this.site.ensureStarted();
      this.site.updateFromDocument(analysis.filePath, analysis.siteArticle);
    }
  }

  /** Shows an analysis' findings for a URI (an open document, or a file checked from disk). */
  publish(uri: vscode.Uri, positions: Pick<vscode.TextDocument, 'positionAt'>, analysis: DocumentAnalysis): void {
    const key = uri.toString();
    const count = (this.publishes.get(key) ?? 0) + 1;
    this.publishes.set(key, count);
    if (analysis.isContent) {
      this.shown.set(key, { positions, analysis });
      const own = analysis.findings.map((finding) => toDiagnostic(positions, finding, this.docs));
      const siteWide = this.siteFindings(analysis);
      if (!siteWide) this.collection.set(uri, own);
      else {
        void siteWide.then(
          (findings) => {
            if (this.isDisposed || this.publishes.get(key) !== count) return;
            this.collection.set(uri, [...own, ...findings.map((finding) => toDiagnostic(positions, finding, this.docs))]);
          },
          (error: unknown) => this.log.error(`Site-wide checks of ${key} failed:`, error),
        );
      }
    } else {
      this.shown.delete(key);
      this.collection.delete(uri);
    }
    if (analysis.configFile) this.showConfigProblems(pathToUri(analysis.configFile.file), analysis.configFile.problems);
  }

  /** The site-wide findings of an article, once the workspace's site model is ready: restored or built (before that: none, not guesses). */
  private siteFindings(analysis: DocumentAnalysis): Promise<Finding[]> | undefined {
    const site = this.site;
    if (!site?.isReady || !analysis.filePath || !site.model.get(analysis.filePath)) return undefined;
    return engine().checkSiteArticle(site.model, analysis.filePath, {
      config: analysis.config,
      fs: this.analyzer.fs,
      displayPath: (path) => vscode.workspace.asRelativePath(pathToUri(path), false),
    });
  }

  /** Validates a `.article-lint.json` on its own (opened, created or changed), articles open or not. */
  private async checkConfigFile(uri: vscode.Uri): Promise<void> {
    try {
      const problems = await this.analyzer.configProblems(workspacePath(uri));
      if (!this.isDisposed) this.showConfigProblems(uri, problems);
    } catch (error) {
      this.log.error(`Reading ${uri.toString(true)} failed:`, error);
    }
  }

  /** A configuration file's problems, on that file (a file's problems depend on it alone). */
  private showConfigProblems(uri: vscode.Uri, problems: readonly ConfigProblem[]): void {
    if (problems.length === 0) {
      this.configCollection.delete(uri);
      return;
    }
    this.configCollection.set(uri, problems.map(configDiagnostic));
  }

  /** The document was closed: drop its diagnostics and any check still running or waiting. */
  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.pending.delete(key);
    // A check still running finds no generation of its own and does not publish.
    this.generations.delete(key);
    this.collection.delete(uri);
    this.shown.delete(key);
    this.publishes.delete(key);
    if (uriToPath(uri) !== undefined) this.site?.documentClosed(workspacePath(uri));
  }

  /** Checks every open document again (the analyzer has forgotten its analyses on the same event). */
  recheckAll(): Promise<void> {
    return Promise.all(vscode.workspace.textDocuments.map((document) => this.checkNow(document))).then(() => undefined);
  }
}
