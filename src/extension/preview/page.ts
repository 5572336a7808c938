/**
 * The preview's HTML documents: the page (the rendered article with its bootstrap data, the
 * stylesheet and the script under a fresh nonce and the Content Security Policy of ./security) and
 * the error page. Only strings; the panel decides when to set them.
 */
import * as vscode from 'vscode';
import type { PreviewBootstrap } from './messages';
import { contentSecurityPolicy, createNonce } from './security';

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface WebviewPageOptions {
  title: string;
  /** The stylesheet, a file of media/. */
  stylesheet: string;
  bodyClass: string;
  /** The page's `<main>` element, whole. */
  main: string;
  /** The page's script: a file of media/, or its text (each runs under the page's nonce). */
  script: { file: string } | { inline: string };
}

/** A webview page under the Content Security Policy of ./security, with a fresh nonce for its script. */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, options: WebviewPageOptions): string {
  const nonce = createNonce();
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  const script =
    'file' in options.script
      ? `<script nonce="${nonce}" src="${escapeAttribute(media(options.script.file))}"></script>`
      : `<script nonce="${nonce}">\n${options.script.inline}\n</script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(webview, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(media(options.stylesheet))}">
<title>${escapeAttribute(options.title)}</title>
</head>
<body class="${escapeAttribute(options.bodyClass)}">
${options.main}
${script}
</body>
</html>`;
}

/** The whole page for a rendered article body. */
export function previewPage(webview: vscode.Webview, extensionUri: vscode.Uri, body: string, bootstrap: PreviewBootstrap, title: string): string {
  return webviewPage(webview, extensionUri, {
    title,
    stylesheet: 'preview.css',
    bodyClass: 'article-preview',
    main: `<main id="article-preview-root" data-bootstrap="${escapeAttribute(JSON.stringify(bootstrap))}">\n${body}</main>`,
    script: { file: 'preview.js' },
  });
}

/** A page that only says what went wrong (no script). */
export function errorPage(webview: vscode.Webview, message: string): string {
  const nonce = createNonce();
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(webview, nonce))}"></head><body><p>${escapeAttribute(message)}</p></body></html>`;
}
