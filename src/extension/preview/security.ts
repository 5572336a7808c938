/**
 * The preview's security choices in one place: a strict Content Security Policy with a fresh nonce
 * for every HTML document the webview gets. No inline script or style, no handlers, no frames,
 * no plain-http images; images from the extension's roots, https and data: only.
 */
import type * as vscode from 'vscode';

export function createNonce(): string {
  // Web Crypto: in Node's extension host and in the browser's alike.
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${webview.cspSource} https: data:`,
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}
