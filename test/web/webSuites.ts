/**
 * The extension's web build (dist/web/extension.js) in the browser's web worker extension host, on
 * the integration workspace seen through the server as a virtual (`vscode-remote:`) folder: that it is
 * the worker, diagnostics with their rule ids and lines (the hero image found in the public folder
 * through the virtual file system), a quick fix applied, completion, the status bar text, a Hugo
 * article's exact findings, a site-wide finding after a heading is renamed, and the preview's hero and
 * search result. The status bar and the preview are read from the workbench DOM by the Playwright
 * runner (test/e2e/protocol.ts). No Node here: asserts are this file's own.
 */
import * as vscode from 'vscode';
import type { PreviewObservation, StatusBarItemObservation, WorkbenchRequest, WorkbenchResponse } from '../e2e/protocol';
import { expectedReading } from '../integration/readingTimeOracle';

const EXTENSION_ID = 'article-authoring.article-authoring';
const FLAWED = 'lint/posts/flawed-article.md';
const FLAWED_EXPECTED = 'lint/posts/flawed-article.expected.json';
const SAMPLE = 'lint/posts/sample-article.md';
const SCRATCH = 'lint/scratch';
const HUGO_SITE = 'sites/hugo';
const HUGO_ARTICLE = 'content/posts/flawed.md';
const GUIDE = 'sitewide/posts/shaping-guide.md';
const READING_LIST = 'sitewide/posts/reading-list.md';
const PREVIEW_ARTICLE = 'preview/preview-article.md';
const PREVIEW_HERO_ALT = 'A sourdough loaf cooling on a rack in a mountain cabin kitchen';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function checkEqual(actual: unknown, expected: unknown, what: string): void {
  const [a, b] = [JSON.stringify(actual, null, 1), JSON.stringify(expected, null, 1)];
  if (a !== b) throw new Error(`${what}:\nactual   ${a}\nexpected ${b}`);
}

function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'the web suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

async function readText(relativePath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relativePath)));
}

/** `what` may be a function: the failure message then says how things stood at the timeout. */
async function waitFor<T>(probe: () => T | undefined, what: string | (() => string), timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'article-lint');

async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

async function scratch(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(`${SCRATCH}/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/**
 * The Playwright runner's view of the workbench DOM (test/e2e/protocol.ts): its request and response
 * files in the channel folder beside the workspace, written and read through `vscode.workspace.fs`.
 */
let requests = 0;
async function askRunner<T>(request: WorkbenchRequest, timeoutMs: number): Promise<T> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'a workspace folder');
  const channel = vscode.Uri.joinPath(folder.uri, '..', 'channel');
  const id = `web-${++requests}`;
  const temporary = vscode.Uri.joinPath(channel, `request-${id}.json.tmp`);
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(JSON.stringify(request)));
  await vscode.workspace.fs.rename(temporary, vscode.Uri.joinPath(channel, `request-${id}.json`));
  const deadline = Date.now() + timeoutMs + 60_000;
  for (;;) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(channel, `response-${id}.json`)).then(
      (read) => read,
      () => undefined,
    );
    if (bytes) {
      const response = JSON.parse(new TextDecoder().decode(bytes)) as WorkbenchResponse;
      check(response.ok, `the runner failed ${request.type}: ${response.error}`);
      return response.result as T;
    }
    if (Date.now() > deadline) throw new Error(`the Playwright runner did not answer ${request.type}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const statusBarItem = (waitFor: { text: string }, timeoutMs = 30_000) =>
  askRunner<StatusBarItemObservation>({ type: 'statusBarItem', waitFor, timeoutMs }, timeoutMs);

/** Diagnostics as the site fixtures' expected.json writes them: `rule line:column-endLine:endColumn`, sorted. */
function shownWithRanges(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${ruleOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`)
    .sort();
}

const SITE_WIDE_RULES = ['link-broken', 'article-orphan', 'duplicate-title', 'duplicate-description', 'duplicate-url'];

function siteWide(uri: vscode.Uri): string[] {
  return ours(uri)
    .filter((d) => SITE_WIDE_RULES.includes(ruleOf(d)))
    .map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`)
    .sort();
}

suite('web: the extension in the browser (web worker extension host)', () => {
  teardown(async () => {
    for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(SCRATCH), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('runs in the web worker, with no process, on a virtual workspace folder', async () => {
    checkEqual(typeof process, 'undefined', 'typeof process in this extension host');
    checkEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a web worker has importScripts');
    const folder = vscode.workspace.workspaceFolders?.[0];
    check(folder && folder.uri.scheme !== 'file', `the workspace folder is virtual: ${folder?.uri.toString()}`);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    check(extension, `${EXTENSION_ID} is loaded`);
    check(String((extension.packageJSON as { browser?: string }).browser).endsWith('dist/web/extension.js'), 'the browser entry');
    check(!(extension.packageJSON as { main?: string }).main, 'a browser-only manifest (no main)');
    await show(workspaceUri(SAMPLE));
    await waitFor(() => extension.isActive, 'the extension to activate');
  });

  test('the flawed example article gets exactly its expected findings (rule ids, severities, lines)', async () => {
    const uri = workspaceUri(FLAWED);
    const expected = JSON.parse(await readText(FLAWED_EXPECTED)) as Array<{ ruleId: string; severity: string; line: number }>;
    await show(uri);
    const diagnostics = await waitFor(() => {
      const found = ours(uri);
      return found.length >= expected.length ? found : undefined;
    }, `${expected.length} diagnostics`);
    const severity: Record<number, string> = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'info' };
    const order = (a: { line: number; ruleId: string }, b: { line: number; ruleId: string }) => a.line - b.line || a.ruleId.localeCompare(b.ruleId);
    const seen = diagnostics.map((d) => ({ ruleId: ruleOf(d), severity: severity[d.severity], line: d.range.start.line + 1 })).sort(order);
    checkEqual(seen, expected.map(({ ruleId, severity, line }) => ({ ruleId, severity, line })).sort(order), 'findings');
  });

  test('a quick fix is applied: a wrong reading time becomes the computed one', async () => {
    const text = (await readText(SAMPLE)).replace(/^readingTime:.*\n/m, 'readingTime: "99 minutes"\n');
    const uri = await scratch('web-fix.md', text);
    const editor = await show(uri);
    const diagnostic = await waitFor(() => ours(uri).find((d) => ruleOf(d) === 'reading-time-mismatch'), 'reading-time-mismatch');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title.startsWith('Set readingTime'));
    check(fix, `a quick fix for reading-time-mismatch among ${actions.map((action) => action.title).join(', ')}`);
    // The fix is an edit or, computed when chosen, a command.
    if (fix.edit) check(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitFor(() => !editor.document.getText().includes('99 minutes'), 'the fix to change the text');
    check(/^readingTime: "?4 minutes"?$/m.test(editor.document.getText()), 'the reading time is the computed one');
    await waitFor(() => !ours(uri).some((d) => ruleOf(d) === 'reading-time-mismatch'), 'the finding to clear');
  });

  test('completion offers the frontmatter keys of the schema', async () => {
    const uri = await scratch('web-completion.md', '---\ntitle: A title\n\n---\n\nBody.\n');
    await show(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 0));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const key of ['description', 'slug', 'keywords']) check(labels.includes(key), `completion offers ${key}: ${labels.join(', ')}`);
  });

  test('the status bar shows the article\'s words and reading time', async () => {
    const uri = workspaceUri(SAMPLE);
    await show(uri);
    const expected = expectedReading(await readText(SAMPLE)).statusText;
    const seen = await statusBarItem({ text: expected });
    checkEqual(seen.text, expected, `the status bar item (items: ${seen.allItems.join(', ')})`);
  });
  test('a Hugo article (TOML frontmatter) gets exactly its site\'s expected findings, by the Hugo profile', async () => {
    const expectedBySite = JSON.parse(await readText(`${HUGO_SITE}/expected.json`)) as Record<string, { findings: string[] }>;
    // `rule line:column-endLine:endColumn severity` → `rule line:column-endLine:endColumn`
    const expected = expectedBySite[HUGO_ARTICLE].findings.map((finding) => finding.split(' ').slice(0, 2).join(' ')).sort();
    check(expected.some((finding) => finding.startsWith('image-not-found')), 'the fixture expects an image check');
    const uri = workspaceUri(`${HUGO_SITE}/${HUGO_ARTICLE}`);
    await show(uri);
    // On a timeout the comparison below shows what differs.
    await waitFor(() => JSON.stringify(shownWithRanges(ours(uri))) === JSON.stringify(expected) || undefined, 'the expected findings').catch(() => undefined);
    checkEqual(shownWithRanges(ours(uri)), expected, `${HUGO_SITE}/${HUGO_ARTICLE}`);
  });

  test('renaming a heading in one article gives another article link-broken on its link to that heading', async () => {
    const list = workspaceUri(READING_LIST);
    await show(list);
    // The site model is built over the virtual folder: the link to a removed article is broken, the others are whole.
    await waitFor(() => JSON.stringify(siteWide(list)) === JSON.stringify(['link-broken@11:6']) || undefined, () => `the reading list checked against the site (now: ${JSON.stringify(siteWide(list))})`);
    const guide = await show(workspaceUri(GUIDE));
    const line = guide.document.getText().split('\n').indexOf('## Shaping the Loaf');
    check(line !== -1, 'the guide has the heading ## Shaping the Loaf');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(guide.document.uri, new vscode.Range(line, 3, line, 19), 'Shaping the Bread');
    check(await vscode.workspace.applyEdit(edit), 'the rename applies');
    const expected = ['link-broken@11:6', 'link-broken@9:12'].sort();
    await waitFor(() => JSON.stringify(siteWide(list)) === JSON.stringify(expected) || undefined, () => `link-broken on the link to #shaping-the-loaf (now: ${JSON.stringify(siteWide(list))})`);
    const message = ours(list).find((d) => d.range.start.line === 8)?.message ?? '';
    check(/no heading with the anchor #shaping-the-loaf/.test(message), `the message names the anchor: ${message}`);
  });

  test('the preview shows the hero image from the virtual folder and the search result (screenshots web-preview*.png)', async () => {
    await show(workspaceUri(PREVIEW_ARTICLE));
    await vscode.commands.executeCommand('articleAuthoring.openPreviewToSide');
    const seen = await askRunner<PreviewObservation>({ type: 'preview', source: PREVIEW_ARTICLE, screenshot: 'web-preview.png' }, 90_000);
    checkEqual(seen.hero.alt, PREVIEW_HERO_ALT, 'the hero\'s alt');
    checkEqual(seen.hero.naturalWidth, 320, 'the hero PNG\'s width (it loaded)');
    // Through the webview's resource URI of the workspace's own (virtual) location, never a file: URI.
    check(!seen.hero.src.startsWith('file:') && seen.hero.src.includes('sourdough-altitude-hero.png'), `the hero's src: ${seen.hero.src}`);
    checkEqual(seen.searchResult.url, 'example.com › sourdough-at-altitude', 'the search result\'s address');
    check(seen.searchResult.title.startsWith('Sourdough at Altitude'), `the search result's title: ${seen.searchResult.title}`);
    check(seen.searchResult.description.startsWith('Sourdough at altitude behaves differently'), `the search result's description: ${seen.searchResult.description}`);
    check(seen.screenshotBytes > 10_000, `the screenshot has content (${seen.screenshotBytes} bytes)`);
    check(seen.searchResultScreenshotBytes > 10_000, `the search result's screenshot has content (${seen.searchResultScreenshotBytes} bytes)`);
  });
});
