/**
 * Article: Show Site Report: one webview of every site-wide finding of the site of the active
 * article (else of the whole workspace: duplicate titles, descriptions and URLs, broken links,
 * orphans) and its most-linked articles and pages. Themed with
 * VS Code's colours like the preview, under the same kind of Content Security Policy (a fresh nonce,
 * no inline handlers); a click on a file or finding opens the article at that line.
 */
import * as vscode from 'vscode';
import type { Finding, SiteArticle } from '../core';
import { webviewPage } from './preview/page';
import { relative, type SiteFeatures } from './siteFeatures';
import type { WorkspaceSiteIndex } from './workspaceIndex';
import { pathToUri, uriToPath, workspacePath } from './fs';

export const SITE_REPORT_VIEW_TYPE = 'articleAuthoring.siteReport';
const MOST_LINKED = 10;

type FromWebview = { type: 'open'; path: string; line: number };

let current: vscode.WebviewPanel | undefined;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

function openLink(path: string, line: number, label: string): string {
  return `<a href="#" data-path="${escapeHtml(path)}" data-line="${line}">${escapeHtml(label)}</a>`;
}

export async function showSiteReport(extensionUri: vscode.Uri, features: SiteFeatures, site: WorkspaceSiteIndex): Promise<vscode.WebviewPanel> {
  // The article the author is in, before the report's panel takes the focus.
  const active = vscode.window.activeTextEditor?.document.uri;
  if (current) current.reveal(vscode.ViewColumn.Active);
  else {
    current = vscode.window.createWebviewPanel(SITE_REPORT_VIEW_TYPE, 'Site Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    });
    const panel = current;
    panel.onDidDispose(() => (current = undefined));
    panel.webview.onDidReceiveMessage(async (message: FromWebview) => {
      if (message?.type !== 'open' || typeof message.path !== 'string' || !site.model.get(message.path)) return;
      const document = await vscode.workspace.openTextDocument(pathToUri(message.path));
      const line = Math.max(0, Math.min(document.lineCount - 1, Number(message.line) - 1 || 0));
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.One });
    });
  }
  const panel = current;
  panel.webview.html = page(panel.webview, extensionUri, '<p class="muted">Reading the site…</p>');
  const all = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Site report' }, () => features.allFindings());
  if (current !== panel) return panel;
  // A workspace may hold several sites: the report is about the one the author is working on (its
  // entry looked up once the site index is complete, else a report asked for early was the workspace's).
  const root = active && uriToPath(active) !== undefined ? site.model.get(workspacePath(active))?.root : undefined;
  const results = root === undefined ? all : all.filter(({ article }) => article.root === root);
  panel.webview.html = page(panel.webview, extensionUri, body(results, site, root));
  return panel;
}

/** A site's folder as the workspace names it (its own name when it is a workspace folder). */
function folderLabel(root: string): string {
  const shown = relative(root);
  return shown && shown !== root ? shown : pathToUri(root).path.split('/').filter(Boolean).pop() ?? root;
}

function body(results: { article: SiteArticle; findings: Finding[] }[], site: WorkspaceSiteIndex, root: string | undefined): string {
  const rows: string[] = [];
  const counts = new Map<string, number>();
  for (const { article, findings } of results) {
    for (const finding of findings) {
      counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
      rows.push(
        `<tr class="${finding.severity}"><td>${openLink(article.path, finding.line, `${relative(article.path)}:${finding.line}`)}</td>` +
          `<td><code>${escapeHtml(finding.ruleId)}</code></td><td>${escapeHtml(finding.severity)}</td><td>${escapeHtml(finding.message)}</td></tr>`,
      );
    }
  }
  const orphans = results.filter(({ findings }) => findings.some((finding) => finding.ruleId === 'article-orphan'));
  const linked = results
    .map(({ article }) => ({ article, count: site.model.linkersOf(article).length }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || (a.article.path < b.article.path ? -1 : 1))
    .slice(0, MOST_LINKED);
  const summary = ['link-broken', 'duplicate-url', 'duplicate-title', 'duplicate-description', 'article-orphan']
    .map((id) => `<li><code>${id}</code> <strong>${counts.get(id) ?? 0}</strong></li>`)
    .join('');
  return [
    `<h1>Site report</h1>`,
    `<p class="muted">${results.length} articles and pages${root === undefined ? '' : ` of the site in ${escapeHtml(folderLabel(root))}`}. Links to other hosts are never fetched.</p>`,
    `<ul class="summary">${summary}</ul>`,
    `<h2>Findings</h2>`,
    rows.length
      ? `<table class="findings"><thead><tr><th>Where</th><th>Rule</th><th>Severity</th><th>Message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p>No site-wide finding.</p>',
    `<h2>Orphans</h2>`,
    orphans.length
      ? `<ul class="orphans">${orphans.map(({ article }) => `<li>${openLink(article.path, 1, article.title ?? relative(article.path))} <span class="muted">${escapeHtml(relative(article.path))}</span></li>`).join('')}</ul>`
      : '<p>Every article is linked from another.</p>',
    `<h2>Most linked</h2>`,
    linked.length
      ? `<ol class="most-linked">${linked.map(({ article, count }) => `<li>${openLink(article.path, 1, article.title ?? relative(article.path))} <span class="muted">${count} ${count === 1 ? 'article links' : 'articles link'} here</span></li>`).join('')}</ol>`
      : '<p>No article links to another yet.</p>',
  ].join('\n');
}

/** Opens the article of a clicked link (the extension checks the path is one of the site's). */
const OPEN_ON_CLICK = `const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-path]');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', path: link.dataset.path, line: Number(link.dataset.line) });
});`;

function page(webview: vscode.Webview, extensionUri: vscode.Uri, content: string): string {
  return webviewPage(webview, extensionUri, {
    title: 'Site Report',
    stylesheet: 'siteReport.css',
    bodyClass: 'site-report',
    main: `<main id="site-report-root">\n${content}\n</main>`,
    script: { inline: OPEN_ON_CLICK },
  });
}
