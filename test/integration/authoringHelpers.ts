/** Helpers for the authoring suites (diagnostics, quick fixes, commands): fixtures under `lint/`. */
import type { Log } from '../../src/extension/log';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';

export const SOURCE = 'article-lint';
/** A clean article (no finding with the defaults) and the flawed example article, with their images in lint/public. */
export const SAMPLE = 'lint/posts/sample-article.md';
export const FLAWED = 'lint/posts/flawed-article.md';
export const FLAWED_EXPECTED = 'lint/posts/flawed-article.expected.json';
/** Scratch files the suites create and delete; the public folder lint/public resolves from here. */
export const SCRATCH = 'lint/scratch';

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The site-wide rules: their findings depend on the other articles of the workspace. */
export const SITE_WIDE_RULES: ReadonlySet<string> = new Set(['duplicate-title', 'duplicate-description', 'duplicate-url', 'link-broken', 'article-orphan']);

/** Our diagnostics of the article's own rules (every rule but the site-wide ones): the suites about one article compare these. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return allOurs(uri).filter((diagnostic) => !SITE_WIDE_RULES.has(ruleOf(diagnostic)));
}

/** Every diagnostic of ours, the site-wide ones included. */
export function allOurs(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

export function withRule(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return allOurs(uri).filter((diagnostic) => ruleOf(diagnostic) === ruleId);
}

/** Waits until our diagnostics on the URI satisfy the condition; returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  condition: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  await waitFor(() => condition(ours(uri)), `${what} (now: ${describe(ours(uri))})`, timeoutMs).catch((error: Error) => {
    throw new Error(`${error.message}; diagnostics now: ${describe(ours(uri))}`);
  });
  return ours(uri);
}

export async function waitForRule(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => ruleOf(d) === ruleId), `a ${ruleId} diagnostic`);
  return diagnostics.find((d) => ruleOf(d) === ruleId)!;
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return `[${diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ')}]`;
}

export function readFixture(relativePath: string): string {
  return fs.readFileSync(workspaceUri(relativePath).fsPath, 'utf8');
}

/** Writes a scratch file on disk (not through VS Code) and returns its URI. */
export function writeScratch(name: string, text: string): vscode.Uri {
  const uri = workspaceUri(`${SCRATCH}/${name}`);
  fs.mkdirSync(workspaceUri(SCRATCH).fsPath, { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  return uri;
}

export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** Reverts and closes every editor, then removes the scratch folder. */
export async function cleanUp(): Promise<void> {
  for (const editor of vscode.window.visibleTextEditors) {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  fs.rmSync(workspaceUri(SCRATCH).fsPath, { recursive: true, force: true });
}

/** Undo in the active editor until the text is back (one step is asserted by the caller). */
export async function undoOnce(document: vscode.TextDocument): Promise<void> {
  const version = document.version;
  await vscode.commands.executeCommand('undo');
  await waitFor(() => document.version !== version, 'undo to change the document', 10_000);
}

/** The text with `search` (which must occur exactly once) replaced. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  assert.ok(at !== -1, `the fixture no longer contains ${JSON.stringify(search)}`);
  assert.equal(text.indexOf(search, at + 1), -1, `the fixture contains ${JSON.stringify(search)} more than once`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** A stand-in for the extension's log channel that keeps what was logged (for features a test builds itself). */
export function recordingLog(): Log & { messages: string[] } {
  const messages: string[] = [];
  const record = (level: string) => (message: string | Error, ...args: unknown[]) => {
    messages.push(`${level}: ${String(message)}${args.length ? ` ${args.map(String).join(' ')}` : ''}`);
  };
  return { messages, error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
}
