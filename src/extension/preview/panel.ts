/**
 * One preview panel that follows the active article: the HTML document is set on first show (and
 * after the panel was hidden); every later edit reaches the page as an `update` message, applied in
 * place. Renders are throttled, unchanged versions skipped; scrolling is synced both ways through the
 * `data-line` attributes, with a guard so the two sides do not scroll each other in a loop.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParsedArticle } from '../../core';
import { Disposable } from '../dispose';
import { createImageResolver, findPublicDir } from './images';
import type { FromWebview, PreviewBootstrap, PreviewState, ToWebview } from './messages';
import { PREVIEW_VIEW_TYPE } from './messages';
import { contentSecurityPolicy, createNonce } from './security';
import { previewSettingsKey, readPreviewSettings } from './settings';
import type { PreviewSettings } from './settings';
import { engine } from '../engine';

/** At most one render per this many milliseconds while typing (the first edit after a pause renders at once). */
export const RENDER_DELAY_MS = 120;
/** Editor scroll events are forwarded at most this often. */
export const SCROLL_THROTTLE_MS = 50;
/** After one side scrolled the other, that side's own scroll events are ignored this long. */
const SCROLL_GUARD_MS = 250;
/** After a jump from the SEO panel, when to give the editor the focus again if the webview took it back. */
const FOCUS_AGAIN_MS = 150;
/** How long a found public folder is trusted while typing. */
const PUBLIC_DIR_TTL_MS = 5_000;

export interface PreviewHost {
  extensionUri: vscode.Uri;
  parse(document: vscode.TextDocument): ParsedArticle;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export class ArticlePreview extends Disposable {
  private source: vscode.Uri;
  private renderedVersion: number | undefined;
  private renderedSettings: string | undefined;
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private renderPending = false;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingEditorLine: number | undefined;
  /** The webview's document was dropped while hidden: the next render sets the HTML again. */
  private needsFullRender = true;
  private ignoreEditorScrollUntil = 0;
  private revealedLine = -1;
  private renderGeneration = 0;
  private publicDirCache: { articlePath: string; value: string | undefined; at: number } | undefined;
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
      if (event.document.uri.toString() === this.source.toString()) this.scheduleRender();
    }));
    this._register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('articleAuthoring.preview')) this.scheduleRender();
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
    clearTimeout(this.renderTimer);
    clearTimeout(this.scrollTimer);
    this.onDisposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  private roots(): vscode.Uri[] {
    const roots = [vscode.Uri.joinPath(this.host.extensionUri, 'media'), ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri)];
    // A file opened outside every workspace folder may still show its own folder's images.
    if (this.source.scheme === 'file' && !vscode.workspace.getWorkspaceFolder(this.source)) {
      roots.push(vscode.Uri.file(path.dirname(this.source.fsPath)));
    }
    return roots;
  }

  private updateOptions(): void {
    const roots = this.roots();
    const current = this.panel.webview.options.localResourceRoots?.map(String).join('\n');
    if (current === roots.map(String).join('\n') && this.panel.webview.options.enableScripts) return;
    this.panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
  }

  /**
   * A throttle: the first edit after a pause renders at once, edits during the next RENDER_DELAY_MS
   * are gathered into one render at its end, so typing never starves the preview nor floods it.
   */
  private scheduleRender(): void {
    if (this.renderTimer) {
      this.renderPending = true;
      return;
    }
    this.renderPending = false;
    void this.render();
    this.renderTimer = setTimeout(() => this.afterRenderDelay(), RENDER_DELAY_MS);
  }

  private afterRenderDelay(): void {
    this.renderTimer = undefined;
    if (!this.renderPending || this.isDisposed) return;
    this.renderPending = false;
    void this.render();
    this.renderTimer = setTimeout(() => this.afterRenderDelay(), RENDER_DELAY_MS);
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
        this.panel.webview.html = this.errorPage(`Cannot open ${this.source.toString(true)}.`);
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
    const articlePath = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
    const publicDir = articlePath ? await this.publicDirFor(articlePath, full) : undefined;
    // A newer render started meanwhile, or the document changed its version: that one wins.
    if (generation !== this.renderGeneration || this.isDisposed) return;

    const version = document.version;
    const rendered = engine().renderArticle(this.host.parse(document), this.renderOptions(settings, articlePath, publicDir, document));
    const title = `Preview ${path.basename(document.uri.path)}`;
    this.panel.title = title;
    this.renderedVersion = version;
    this.renderedSettings = settingsKey;

    if (full) {
      this.needsFullRender = false;
      const line = scrollToLine ?? this.line ?? this.editorTopLine();
      this.panel.webview.html = this.page(rendered.html, { source: document.uri.toString(), version, line }, title);
    } else {
      this.post({ type: 'update', source: document.uri.toString(), version, html: rendered.html, title, scrollToLine });
    }
  }

  /** The public folder, looked up again on a full render, a new document, or after a few seconds. */
  private async publicDirFor(articlePath: string, refresh: boolean): Promise<string | undefined> {
    const cached = this.publicDirCache;
    if (!refresh && cached && cached.articlePath === articlePath && Date.now() - cached.at < PUBLIC_DIR_TTL_MS) return cached.value;
    const value = await findPublicDir(articlePath);
    this.publicDirCache = { articlePath, value, at: Date.now() };
    return value;
  }

  private renderOptions(settings: PreviewSettings, articlePath: string | undefined, publicDir: string | undefined, document: vscode.TextDocument) {
    return {
      resolveImage: createImageResolver({ webview: this.panel.webview, articlePath, publicDir, roots: this.panel.webview.options.localResourceRoots ?? [] }),
      siteUrl: settings.siteUrl,
      allowHtml: settings.allowHtml,
      dedupeHero: settings.dedupeHeroImage,
      filePath: articlePath,
      fallbackSlug: path.basename(document.uri.path).replace(/\.mdx?$/i, ''),
    };
  }

  private page(body: string, bootstrap: PreviewBootstrap, title: string): string {
    const webview = this.panel.webview;
    const nonce = createNonce();
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, 'media', file)).toString();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(webview, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(media('preview.css'))}">
<title>${escapeAttribute(title)}</title>
</head>
<body class="article-preview">
<main id="article-preview-root" data-bootstrap="${escapeAttribute(JSON.stringify(bootstrap))}">
${body}</main>
<script nonce="${nonce}" src="${escapeAttribute(media('preview.js'))}"></script>
</body>
</html>`;
  }

  private errorPage(message: string): string {
    const nonce = createNonce();
    return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(this.panel.webview, nonce))}"></head><body><p>${escapeAttribute(message)}</p></body></html>`;
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
    if (this.scrollTimer) return;
    this.scrollTimer = setTimeout(() => {
      this.scrollTimer = undefined;
      if (this.pendingEditorLine !== undefined && !this.needsFullRender) this.post({ type: 'scrollToLine', line: this.pendingEditorLine });
      this.pendingEditorLine = undefined;
    }, SCROLL_THROTTLE_MS);
  }

  private onMessage(message: FromWebview): void {
    if ('source' in message && message.source !== undefined && message.source !== this.source.toString()) return;
    switch (message.type) {
      case 'ready':
        // The page came from the HTML just set; a render requested meanwhile follows as an update.
        if (message.version !== undefined && message.version !== this.document()?.version) this.scheduleRender();
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
        void this.openLink(message.href);
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

  /** External links open in the browser, local files in the editor; nothing navigates the webview. */
  private async openLink(href: string): Promise<void> {
    const trimmed = href.trim();
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
    if (scheme === 'http' || scheme === 'https' || scheme === 'mailto' || scheme === 'tel') {
      await vscode.env.openExternal(vscode.Uri.parse(trimmed, true));
      return;
    }
    if (scheme !== undefined || this.source.scheme !== 'file') return;
    const [target] = trimmed.split('#');
    if (!target) return;
    let decoded = target.replace(/\?.*$/, '');
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // keep as written
    }
    const base = decoded.startsWith('/') ? (vscode.workspace.getWorkspaceFolder(this.source)?.uri.fsPath ?? path.dirname(this.source.fsPath)) : path.dirname(this.source.fsPath);
    const file = vscode.Uri.file(path.join(base, ...decoded.split('/')));
    try {
      await vscode.workspace.fs.stat(file);
    } catch {
      void vscode.window.showWarningMessage(`Article preview: ${decoded} does not exist.`);
      return;
    }
    const column = this.editorFor()?.viewColumn ?? vscode.ViewColumn.One;
    await vscode.window.showTextDocument(file, { viewColumn: column, preserveFocus: false, preview: false });
  }

  /** What the serializer stores is kept by the webview itself (setState); this is for tests. */
  get state(): PreviewState {
    return { source: this.source.toString(), line: this.line };
  }
}

export { PREVIEW_VIEW_TYPE };
