/**
 * The one document store: for each open document, the engine's incremental state (kept while the
 * document is open, dropped when it closes), and for its current version the parse (one
 * `parseArticle` per version) and the analysis (computed by ArticleAnalyzer). The status bar, the
 * commands, completion, hover, the preview, the diagnostics and the quick fixes all read from here.
 */
import * as vscode from 'vscode';
import type { ArticleKind, ArticleState, ArticleStats, ConfigProblem, Finding, ParsedArticle, ResolvedConfig, SiteArticle, SiteInfo } from '../core';
import { isMarkdownDocument } from './articles';
import { Disposable } from './dispose';
import { engine } from './engine';

/** What the engine found in one version of a document, as the editor's features read it. */
export interface DocumentAnalysis {
  /** The document version analyzed (undefined for a file read from disk). */
  version: number | undefined;
  filePath: string | undefined;
  /** The text the findings' offsets refer to (BOM removed). */
  text: string;
  article: ParsedArticle;
  /** An article or a page of its site: content the rules check. */
  isContent: boolean;
  /** An article, a page or a list page (pages get no article rule); undefined when not content. */
  kind?: ArticleKind;
  /** Which rule of the site's table decided the kind. */
  kindReason: string;
  findings: Finding[];
  stats: ArticleStats;
  config: ResolvedConfig;
  /** The site profile the article is checked with, and why ("hugo.toml found in …"). */
  site: SiteInfo;
  /** What the site model needs of the article (articles only). */
  siteArticle?: SiteArticle;
  /** The `.article-lint.json` that applies, with its problems (empty when it is fine). */
  configFile?: { file: string; problems: ConfigProblem[] };
}

/** What the store keeps for one version of a document; a new version starts empty. */
export interface DocumentVersion {
  readonly version: number;
  article?: ParsedArticle;
  /** The analysis of this version, while the configuration it used is current. */
  analysis?: Promise<DocumentAnalysis>;
}

interface OpenDocument {
  /** The engine's incremental state of this document: each version reuses what earlier ones parsed. */
  readonly state: ArticleState;
  current: DocumentVersion;
}

export class ArticleDocuments extends Disposable {
  private readonly open = new Map<string, OpenDocument>();

  constructor() {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.open.delete(document.uri.toString())));
    this._register({ dispose: () => this.open.clear() });
  }

  /** The document's parse, or undefined when it is not an article (not Markdown, or no frontmatter). */
  article(document: vscode.TextDocument): ParsedArticle | undefined {
    if (!isMarkdownDocument(document)) return undefined;
    const article = this.parse(document);
    return article.frontmatter ? article : undefined;
  }

  /** The parse of the document's current version, made once and shared by every feature. */
  parse(document: vscode.TextDocument): ParsedArticle {
    const entry = this.entry(document);
    const current = currentVersion(entry, document);
    current.article ??= engine().parseArticle(document.getText(), entry.state, {
      kind: engine().bodyKindOf(document.uri.path, document.languageId),
    });
    return current.article;
  }

  /** The engine state of an open document, for an analysis of its current version. */
  state(document: vscode.TextDocument): ArticleState {
    return this.entry(document).state;
  }

  /** What is kept for the document's current version (created empty for a new version). */
  version(document: vscode.TextDocument): DocumentVersion {
    return currentVersion(this.entry(document), document);
  }

  /** Whether the store keeps anything of the document (it does while the document is open). */
  keeps(uri: vscode.Uri): boolean {
    return this.open.has(uri.toString());
  }

  /** Forgets every analysis (the configuration changed); parses and states stay. */
  forgetAnalyses(): void {
    for (const entry of this.open.values()) entry.current.analysis = undefined;
  }

  private entry(document: vscode.TextDocument): OpenDocument {
    const key = document.uri.toString();
    let entry = this.open.get(key);
    if (!entry) {
      entry = { state: new (engine().ArticleState)(), current: { version: document.version } };
      // A document closed meanwhile is not kept (its close event has already passed).
      if (!document.isClosed && !this.isDisposed) this.open.set(key, entry);
    }
    return entry;
  }
}

/** The entry's slot for the document's current version (a new version starts empty). */
function currentVersion(entry: OpenDocument, document: vscode.TextDocument): DocumentVersion {
  if (entry.current.version !== document.version) entry.current = { version: document.version };
  return entry.current;
}
