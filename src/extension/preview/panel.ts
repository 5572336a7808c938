/**
 * One preview panel that follows the active article: the HTML document is set on first show (and
 * after the panel was hidden); every later edit reaches the page as an `update` message, applied in
 * place. Renders are throttled, unchanged versions skipped; scrolling is synced both ways through the
 * `data-line` attributes, with a guard so the two sides do not scroll each other in a loop. The
 * page's HTML is made by ./page, clicked links are opened by ./links, the pacing is ./throttle.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParsedArticle } from '../../core';
import type { ConfigurationChange } from '../configuration';
import { Disposable } from '../dispose';
import { createImageResolver, findPreviewSite, ImageFileStats, type PreviewSite, type PreviewSiteSource } from './images';
import { openPreviewLink } from './links';
import { PREVIEW_VIEW_TYPE, type FromWebview, type PreviewState, type ToWebview } from './messages';
import { errorPage, previewPage } from './page';
import { PREVIEW_SETTINGS_SECTION, previewSettingsKey, readPreviewSettings, type PreviewSettings } from './settings';
import { Throttle } from './throttle';
import { engine } from '../engine';
import { uriToPath } from '../fs';

/** At most one render per this many milliseconds while typing (the first edit after a pause renders at once). */
export const RENDER_DELAY_MS = 120;
/** Editor scroll events are forwarded at most this often. */
export const SCROLL_THROTTLE_MS = 50;
/** After one side scrolled the other, that side's own scroll events are ignored this long. */
const SCROLL_GUARD_MS = 250;
/** After a jump from the SEO panel, when to give the editor the focus again if the webview took it back. */
const FOCUS_AGAIN_MS = 150;
/** How long a found public folder (and the site's URL settings) is trusted while typing. */
const PUBLIC_DIR_TTL_MS = 5_000;

export interface PreviewHost {
  extensionUri: vscode.Uri;
  parse(document: vscode.TextDocument): ParsedArticle;
  /** The extension's configuration-changed event (settings, `.article-lint.json`, schemas, a site's files). */
  onDidChangeConfiguration: vscode.Event<ConfigurationChange>;
  /** The analyzer's file system and site directory: the article's URL is the site model's. */
  sites?: PreviewSiteSource;
}

export class ArticlePreview extends Disposable {
  private source: vscode.Uri;
  private renderedVersion: number | undefined;
  private renderedSettings: string | undefined;
  /**
   * Renders while typing: the first edit after a pause renders at once, edits during the next
   * RENDER_DELAY_MS are gathered into one render at its end, so typing never starves the preview
   * nor floods it.
   */
  private readonly renders = this._register(new Throttle(() => void this.render(), RENDER_DELAY_MS, true));
  /** Editor scrolls, forwarded at the end of each SCROLL_THROTTLE_MS with the latest line. */
  private readonly scrolls = this._register(new Throttle(() => this.forwardEditorScroll(), SCROLL_THROTTLE_MS, false));
  private pendingEditorLine: number | undefined;
  /** The webview's document was dropped while hidden: the next render sets the HTML again. */
  private needsFullRender = true;
  private ignoreEditorScrollUntil = 0;
  private revealedLine = -1;
  private renderGeneration = 0;
  private readonly imageStats = new ImageFileStats();
  private publicDirCache: { articlePath: string; value: PreviewSite; at: number } | undefined;
  private shownUrl: string | undefined;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: PreviewHost,
    source: vscode.Uri,
    private line: number | undefined,
  ) {
    super();
    this.source = source;
    this._register(this.onDisposeEmitter);
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.onDidChangeViewState(({ webviewPanel }) => {
      if (!webviewPanel.visible) this.needsFullRender = true;
      else if (this.needsFullRender) void this.render();
    }));
    this._register(panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === this.source.toString()) this.renders.trigger();
    }));
    this._register(host.onDidChangeConfiguration((change) => {
      // A configuration or site file may name another public folder or change the article's URL: look them up again and render.
      if (change.kind === 'file') {
        this.publicDirCache = undefined;
        this.renderedVersion = undefined;
        this.renders.trigger();
      }
      if (change.kind === 'settings' && change.event.affectsConfiguration(PREVIEW_SETTINGS_SECTION)) this.renders.trigger();
    }));
    this._register(vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onEditorScrolled(event)));
    this.updateOptions();
    this.panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'preview-icon.svg');
    void this.render();
  }

  get sourceUri(): vscode.Uri {
    return this.source;
  }

  /** Shows another document (the active editor changed); the page is updated in place. */
  async setSource(uri: vscode.Uri, line?: number): Promise<void> {
    if (uri.toString() === this.source.toString()) return;
    this.source = uri;
    this.renderedVersion = undefined;
    this.line = line;
    this.updateOptions();
    await this.render(line ?? 0);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.onDisposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  private roots(): vscode.Uri[] {
    const roots = [vscode.Uri.joinPath(this.host.extensionUri, 'media'), ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri)];
    // A file opened outside every workspace folder may still show its own folder's images.
    if (this.source.scheme === 'file' && !vscode.workspace.getWorkspaceFolder(this.source)) {
      roots.push(vscode.Uri.joinPath(this.source, '..'));
    }
    return roots;
  }

  private updateOptions(): void {
    const roots = this.roots();
    const current = this.panel.webview.options.localResourceRoots?.map(String).join('\n');
    if (current === roots.map(String).join('\n') && this.panel.webview.options.enableScripts) return;
    this.panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
  }

  private document(): vscode.TextDocument | undefined {
    const key = this.source.toString();
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  }

  /** Renders the current text: the whole HTML when needed, else an in-place update message. */
  async render(scrollToLine?: number): Promise<void> {
    if (this.isDisposed) return;
    let document = this.document();
    if (!document) {
      try {
        document = await vscode.workspace.openTextDocument(this.source);
      } catch {
        this.panel.webview.html = errorPage(this.panel.webview, `Cannot open ${this.source.toString(true)}.`);
        return;
      }
    }
    const settings = readPreviewSettings(document.uri);
    const settingsKey = previewSettingsKey(settings);
    const full = this.needsFullRender;
    if (!full && document.version === this.renderedVersion && settingsKey === this.renderedSettings && scrollToLine === undefined) return;
    if (!this.panel.visible) {
      // Hidden webviews lose their document; the panel renders in full when it shows again.
      this.needsFullRender = true;
      return;
    }

    const generation = ++this.renderGeneration;
    const articlePath = uriToPath(document.uri);
    const site = articlePath ? await this.publicDirFor(articlePath, full) : {};
    // A newer render started meanwhile, or the document changed its version: that one wins.
    if (generation !== this.renderGeneration || this.isDisposed) return;

    const version = document.version;
    let rendered = engine().renderArticle(this.host.parse(document), this.renderOptions(settings, articlePath, site, document));
    // Images the render had not seen yet are looked at (asynchronously, as a virtual workspace needs), then it renders again.
    if (await this.imageStats.readNoted()) {
      if (generation !== this.renderGeneration || this.isDisposed) return;
      rendered = engine().renderArticle(this.host.parse(document), this.renderOptions(settings, articlePath, site, document));
    }
    const title = `Preview ${path.basename(document.uri.path)}`;
    this.panel.title = title;
    this.renderedVersion = version;
    this.renderedSettings = settingsKey;
    this.shownUrl = rendered.searchSnippet.url;

    if (full) {
      this.needsFullRender = false;
      const line = scrollToLine ?? this.line ?? this.editorTopLine();
      this.panel.webview.html = previewPage(this.panel.webview, this.host.extensionUri, rendered.html, { source: document.uri.toString(), version, line }, title);
    } else {
      this.post({ type: 'update', source: document.uri.toString(), version, html: rendered.html, title, scrollToLine });
    }
  }

  /** The public folder and the site's URL settings, looked up again on a full render, a new document, a changed configuration, or after a few seconds. */
  private async publicDirFor(articlePath: string, refresh: boolean): Promise<PreviewSite> {
    const cached = this.publicDirCache;
    if (!refresh && cached && cached.articlePath === articlePath && Date.now() - cached.at < PUBLIC_DIR_TTL_MS) return cached.value;
    const value = await findPreviewSite(articlePath, this.host.sites);
    this.imageStats.clear();
    this.publicDirCache = { articlePath, value, at: Date.now() };
    return value;
  }

  private renderOptions(settings: PreviewSettings, articlePath: string | undefined, site: PreviewSite, document: vscode.TextDocument) {
    return {
      resolveImage: createImageResolver({ webview: this.panel.webview, articlePath, publicDir: site.publicDir, roots: this.panel.webview.options.localResourceRoots ?? [], stats: this.imageStats }),
      site: site.site,
      bundleHero: site.bundleHero,
      siteUrl: settings.siteUrl,
      configSiteUrl: site.configSiteUrl,
      siteOf: site.siteOf,
      allowHtml: settings.allowHtml,
      dedupeHero: settings.dedupeHeroImage,
      filePath: articlePath,
      fallbackSlug: path.basename(document.uri.path).replace(/\.(mdx?|markdown)$/i, ''),
    };
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private editorFor(): vscode.TextEditor | undefined {
    const key = this.source.toString();
    return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === key);
  }

  private editorTopLine(): number | undefined {
    return this.editorFor()?.visibleRanges[0]?.start.line;
  }

  private onEditorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (event.textEditor.document.uri.toString() !== this.source.toString()) return;
    const top = event.visibleRanges[0]?.start.line;
    if (top === undefined) return;
    this.line = top;
    // The echo of a scroll the preview asked for is not sent back; a scroll elsewhere (the user's) is.
    if (Date.now() < this.ignoreEditorScrollUntil && Math.abs(top - this.revealedLine) <= 1) return;
    this.pendingEditorLine = top;
    this.scrolls.trigger();
  }

  private forwardEditorScroll(): void {
    if (this.pendingEditorLine !== undefined && !this.needsFullRender) this.post({ type: 'scrollToLine', line: this.pendingEditorLine });
    this.pendingEditorLine = undefined;
  }

  private onMessage(message: FromWebview): void {
    if ('source' in message && message.source !== undefined && message.source !== this.source.toString()) return;
    switch (message.type) {
      case 'ready':
        // The page came from the HTML just set; a render requested meanwhile follows as an update.
        if (message.version !== undefined && message.version !== this.document()?.version) this.renders.trigger();
        break;
      case 'revealLine':
        this.line = message.line;
        this.revealInEditor(message.line, false);
        break;
      case 'didDoubleClick':
        this.revealInEditor(message.line, true);
        break;
      case 'revealRange':
        void this.selectInEditor(message);
        break;
      case 'openLink':
        void openPreviewLink(message.href, this.source, this.editorFor()?.viewColumn ?? vscode.ViewColumn.One);
        break;
    }
  }

  private revealInEditor(line: number, moveCursor: boolean): void {
    const editor = this.editorFor();
    if (!editor) return;
    const target = Math.max(0, Math.min(Math.floor(line), editor.document.lineCount - 1));
    this.ignoreEditorScrollUntil = Date.now() + SCROLL_GUARD_MS;
    this.revealedLine = target;
    const range = new vscode.Range(target, 0, target, 0);
    if (moveCursor) {
      editor.selection = new vscode.Selection(target, 0, target, 0);
      void vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    }
    editor.revealRange(range, moveCursor ? vscode.TextEditorRevealType.InCenterIfOutsideViewport : vscode.TextEditorRevealType.AtTop);
  }

  /** Selects a range in the article's editor (opened beside the preview if it is not showing), and focuses it. */
  private async selectInEditor(range: { line: number; character: number; endLine: number; endCharacter: number }): Promise<void> {
    const numbers = [range.line, range.character, range.endLine, range.endCharacter];
    if (!numbers.every((value) => Number.isInteger(value) && value >= 0)) return;
    const visible = this.editorFor();
    const document = visible?.document ?? this.document() ?? (await vscode.workspace.openTextDocument(this.source));
    const selection = document.validateRange(new vscode.Range(range.line, range.character, range.endLine, range.endCharacter));
    this.ignoreEditorScrollUntil = Date.now() + SCROLL_GUARD_MS;
    this.revealedLine = selection.start.line;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    // The cursor goes to the start of the place, with the place selected from its end.
    editor.selection = new vscode.Selection(selection.end, selection.start);
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    // The click that sent this focused the webview, and the workbench may give it the focus back
    // after this ran: then the editor takes it again, once.
    setTimeout(() => {
      if (!this.isDisposed && this.panel.active) void vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    }, FOCUS_AGAIN_MS);
  }

  /** The article's URL the search result and social card show (last rendered), for tests. */
  get searchResultUrl(): string | undefined {
    return this.shownUrl;
  }

  /** What the serializer stores is kept by the webview itself (setState); this is for tests. */
  get state(): PreviewState {
    return { source: this.source.toString(), line: this.line };
  }
}

export { PREVIEW_VIEW_TYPE };
