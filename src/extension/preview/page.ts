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

/** The whole page for a rendered article body. */
export function previewPage(webview: vscode.Webview, extensionUri: vscode.Uri, body: string, bootstrap: PreviewBootstrap, title: string): string {
  const nonce = createNonce();
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
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

/** A page that only says what went wrong (no script). */
export function errorPage(webview: vscode.Webview, message: string): string {
  const nonce = createNonce();
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(webview, nonce))}"></head><body><p>${escapeAttribute(message)}</p></body></html>`;
}
