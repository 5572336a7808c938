/**
 * The article preview: the one panel (reused, restored after a reload by a
 * serializer), and following the active Markdown editor without ever taking the focus.
 */
import * as vscode from 'vscode';
import type { ParsedArticle } from '../../core';
import type { ConfigurationChange } from '../configuration';
import { Disposable } from '../dispose';
import { isMarkdownDocument } from '../articles';
import { ArticlePreview } from './panel';
import type { PreviewSiteSource } from './images';
import { PREVIEW_VIEW_TYPE, type PreviewState } from './messages';

/** Something that has the parse of an open document (the extension's shared ArticleDocuments). */
export interface ParseSource {
  parse(document: vscode.TextDocument): ParsedArticle;
}

export class ArticlePreviewManager extends Disposable implements vscode.WebviewPanelSerializer<PreviewState> {
  private preview: ArticlePreview | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly articles: ParseSource,
    private readonly onDidChangeConfiguration: vscode.Event<ConfigurationChange>,
    /** The analyzer's file system and site directory (the article's URL as the site model computes it). */
    private readonly sites?: PreviewSiteSource,
  ) {
    super();
    this._register(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this));
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
  }

  /** The open preview, for tests. */
  get current(): ArticlePreview | undefined {
    return this.preview;
  }

  private parse(document: vscode.TextDocument): ParsedArticle {
    return this.articles.parse(document);
  }

  async openToSide(uri?: vscode.Uri): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const resource = uri instanceof vscode.Uri ? uri : editor?.document.uri;
    if (!resource) {
      void vscode.window.showInformationMessage('Open a Markdown article first, then run Article: Open Preview to the Side.');
      return;
    }
    const sourceEditor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === resource.toString());
    const line = sourceEditor?.visibleRanges[0]?.start.line;
    if (this.preview) {
      await this.preview.setSource(resource, line);
      this.preview.panel.reveal(this.preview.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Article Preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    this.adopt(new ArticlePreview(panel, this.host(), resource, line));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    const source = state?.source ? vscode.Uri.parse(state.source) : vscode.window.activeTextEditor?.document.uri;
    if (!source || this.preview) {
      panel.dispose();
      return;
    }
    this.adopt(new ArticlePreview(panel, this.host(), source, state?.line));
  }

  private host() {
    return {
      extensionUri: this.extensionUri,
      parse: (document: vscode.TextDocument) => this.parse(document),
      onDidChangeConfiguration: this.onDidChangeConfiguration,
      sites: this.sites,
    };
  }

  private adopt(preview: ArticlePreview): void {
    this.preview = preview;
    const listener = preview.onDidDispose(() => {
      listener.dispose();
      if (this.preview === preview) this.preview = undefined;
    });
  }

  /** The preview follows the active Markdown editor; other editors (and the preview itself) leave it as is. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!this.preview || !editor || !isMarkdownDocument(editor.document)) return;
    void this.preview.setSource(editor.document.uri, editor.visibleRanges[0]?.start.line);
  }

  override dispose(): void {
    this.preview?.dispose();
    this.preview = undefined;
    super.dispose();
  }
}
