/**
 * The messages between the extension and the preview webview: one union per direction, keyed on
 * `type`. Types only (no vscode import), shared by src/extension/preview and src/webview.
 */

/** Extension → webview. */
export type ToWebview =
  /** New content for the page, applied in place (morphdom), keeping the scroll position. */
  | { type: 'update'; source: string; version: number; html: string; title: string; scrollToLine?: number }
  /** Scroll so that this (fractional, 0-based) source line is at the top. */
  | { type: 'scrollToLine'; line: number };

/** Webview → extension. */
export type FromWebview =
  /** The page script runs; the extension may send its first update. */
  | { type: 'ready'; source?: string; version?: number }
  /** The preview was scrolled: this (fractional, 0-based) source line is at its top. */
  | { type: 'revealLine'; source: string; line: number }
  /** A link was clicked; the extension decides (openExternal, open a file, or nothing). */
  | { type: 'openLink'; source: string; href: string }
  /** A double click in the preview: move the editor's cursor to this line. */
  | { type: 'didDoubleClick'; source: string; line: number }
  /** An item of the SEO panel was clicked: select this range (0-based lines and characters) in the editor. */
  | { type: 'revealRange'; source: string; line: number; character: number; endLine: number; endCharacter: number };

/** What the webview keeps with getState/setState, and the serializer gets back after a reload. */
export interface PreviewState {
  /** The document's URI, as a string. */
  source: string;
  /** The source line at the top of the preview. */
  line?: number;
  /** Which search result the page shows. */
  serpMode?: 'desktop' | 'mobile';
}

/** Settings and identity embedded in the page for the script's first run (a data attribute). */
export interface PreviewBootstrap {
  source: string;
  version: number;
  /** Line to scroll to on load (state restored, or the editor's visible top). */
  line?: number;
}

export const PREVIEW_VIEW_TYPE = 'articleAuthoring.preview';
