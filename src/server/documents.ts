/**
 * The server's one document store: each open document's text (kept in sync by incremental changes),
 * the engine's incremental state (kept while it is open, dropped when it closes), and for its
 * current version the parse and the analysis. Every feature reads from here.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams, Position } from 'vscode-languageserver/node';
import { ArticleState, bodyKindOf, isMarkdownFile, parseArticle, type ParsedArticle } from '../core';
import { pathOfUri } from './uris';

const MARKDOWN_LANGUAGES = new Set(['markdown', 'mdx']);

export class OpenArticle {
  /** The engine's incremental state: each version reuses what earlier ones parsed. */
  readonly state = new ArticleState();
  readonly filePath: string | undefined;
  /** Bumped by each change: a check begun for an older version does not publish. */
  generation = 0;
  /** The version whose entry the site model holds. */
  versionInSite: number | undefined;
  private parsed: { version: number; article: ParsedArticle } | undefined;
  private analyzed: { version: number; result: Promise<unknown> } | undefined;

  constructor(public document: TextDocument) {
    this.filePath = pathOfUri(document.uri);
  }

  get uri(): string {
    return this.document.uri;
  }

  get version(): number {
    return this.document.version;
  }

  /** Markdown by its language or, for a client that names no usual language, by its file name. */
  get isMarkdown(): boolean {
    return MARKDOWN_LANGUAGES.has(this.document.languageId) || (this.filePath !== undefined && isMarkdownFile(this.filePath));
  }

  /** The parse of the current version, made once. */
  parse(): ParsedArticle {
    if (this.parsed?.version !== this.version) {
      const kind = bodyKindOf(this.document.uri, this.document.languageId);
      this.parsed = { version: this.version, article: parseArticle(this.document.getText(), this.state, { kind }) };
    }
    return this.parsed.article;
  }

  /** The analysis of the current version, made once (a failed one is tried again on the next call). */
  analysis<T>(analyze: (open: OpenArticle) => Promise<T>): Promise<T> {
    if (this.analyzed?.version === this.version) return this.analyzed.result as Promise<T>;
    const analyzed = { version: this.version, result: analyze(this) };
    this.analyzed = analyzed;
    analyzed.result.catch(() => {
      if (this.analyzed === analyzed) this.analyzed = undefined;
    });
    return analyzed.result;
  }

  /** Forgets the analysis (the configuration changed). */
  forgetAnalysis(): void {
    this.analyzed = undefined;
  }

  /** The offset into the parse's text (without a byte order mark) of a position. */
  articleOffset(position: Position): number {
    return Math.max(0, this.document.offsetAt(position) - (this.parse().hadBom ? 1 : 0));
  }

  /** The document range of a range of the parse's text. */
  documentRange(start: number, end: number) {
    const shift = this.parse().hadBom ? 1 : 0;
    return { start: this.document.positionAt(start + shift), end: this.document.positionAt(end + shift) };
  }
}

export class DocumentStore {
  private readonly open = new Map<string, OpenArticle>();

  get(uri: string): OpenArticle | undefined {
    return this.open.get(uri);
  }

  all(): IterableIterator<OpenArticle> {
    return this.open.values();
  }

  opened(params: DidOpenTextDocumentParams): OpenArticle {
    const { uri, languageId, version, text } = params.textDocument;
    const article = new OpenArticle(TextDocument.create(uri, String(languageId ?? ''), Number.isFinite(version) ? version : 0, String(text ?? '')));
    this.open.set(uri, article);
    return article;
  }

  /**
   * Applies a change in the order it arrives (its version is taken as given, even one lower than
   * before). Ranges outside the text are clamped to it; a change that cannot be read at all is left
   * out. Undefined for a document that is not open.
   */
  changed(params: DidChangeTextDocumentParams): OpenArticle | undefined {
    const open = this.open.get(params.textDocument.uri);
    if (!open) return undefined;
    const version = Number.isFinite(params.textDocument.version) ? params.textDocument.version : open.version + 1;
    const changes = Array.isArray(params.contentChanges) ? params.contentChanges : [];
    let document = open.document;
    for (const change of changes) {
      if (!change || typeof change.text !== 'string') continue;
      if (!('range' in change) || change.range === undefined) {
        document = TextDocument.update(document, [{ text: change.text }], version);
        continue;
      }
      if (!isRange(change.range)) continue;
      // Positions past a line's end or the text's end are taken as those ends (the document keeps
      // its line table right only for ranges inside it).
      const start = document.offsetAt(change.range.start);
      const end = document.offsetAt(change.range.end);
      const range = { start: document.positionAt(Math.min(start, end)), end: document.positionAt(Math.max(start, end)) };
      document = TextDocument.update(document, [{ range, text: change.text }], version);
    }
    open.document = TextDocument.update(document, [], version);
    open.generation++;
    return open;
  }

  closed(uri: string): OpenArticle | undefined {
    const open = this.open.get(uri);
    this.open.delete(uri);
    return open;
  }
}

function isRange(range: unknown): boolean {
  const position = (value: unknown) =>
    typeof value === 'object' && value !== null && Number.isFinite((value as Position).line) && Number.isFinite((value as Position).character);
  return typeof range === 'object' && range !== null && position((range as { start: unknown }).start) && position((range as { end: unknown }).end);
}
