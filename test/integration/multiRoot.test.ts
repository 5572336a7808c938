/**
 * A multi-root workspace (test/integration/multiroot/multiroot.code-workspace): each folder is
 * checked with its own `.article-lint.json`. The same article sits in both folders; blog-a turns
 * faq-missing off, blog-b makes it an error and turns frontmatter-unknown-key off.
 *
 * Runs only in its own VS Code session, opened on that workspace (scripts/test.mjs runs it after the
 * main suite with `--grep "multi-root"`); in the single-folder session it is skipped.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditorsDiscardingChanges, waitFor } from './helpers';

const ARTICLE = 'posts/no-faq.md';

function folderNamed(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  if (!folder) throw new Error(`workspace folder ${name} is missing`);
  return folder;
}

function ruleDiagnostics(uri: vscode.Uri): Map<string, vscode.DiagnosticSeverity> {
  const rules = new Map<string, vscode.DiagnosticSeverity>();
  for (const diagnostic of vscode.languages.getDiagnostics(uri)) {
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    rules.set(code, diagnostic.severity);
  }
  return rules;
}

suite('multi-root workspace', () => {
  suiteSetup(function () {
    if ((vscode.workspace.workspaceFolders?.length ?? 0) < 2) this.skip();
  });

  suiteTeardown(async () => {
    await closeAllEditorsDiscardingChanges();
  });

  test('multi-root: each folder checks its articles with its own .article-lint.json', async () => {
    const inA = vscode.Uri.joinPath(folderNamed('blog-a').uri, ARTICLE);
    const inB = vscode.Uri.joinPath(folderNamed('blog-b').uri, ARTICLE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(inA), { preview: false });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(inB), { preview: false, viewColumn: vscode.ViewColumn.Beside });
    await waitFor(() => ruleDiagnostics(inA).size > 0 && ruleDiagnostics(inB).size > 0, 'diagnostics in both folders');

    const a = ruleDiagnostics(inA);
    const b = ruleDiagnostics(inB);
    // The same text, two configurations.
    assert.equal(a.has('faq-missing'), false, `blog-a turns faq-missing off: ${[...a.keys()].join(', ')}`);
    assert.equal(b.get('faq-missing'), vscode.DiagnosticSeverity.Error, `blog-b makes faq-missing an error: ${[...b.keys()].join(', ')}`);
    assert.equal(a.get('frontmatter-unknown-key'), vscode.DiagnosticSeverity.Information, 'blog-a keeps frontmatter-unknown-key at its default');
    assert.equal(b.has('frontmatter-unknown-key'), false, 'blog-b turns frontmatter-unknown-key off');
  });

  test('multi-root: Check All Articles covers every folder, each with its configuration', async () => {
    await closeAllEditorsDiscardingChanges();
    const counts = (await vscode.commands.executeCommand('articleAuthoring.checkAllArticles')) as { articles: number; errors: number };
    assert.equal(counts.articles, 2, 'one article in each folder');
    const inA = vscode.Uri.joinPath(folderNamed('blog-a').uri, ARTICLE);
    const inB = vscode.Uri.joinPath(folderNamed('blog-b').uri, ARTICLE);
    assert.equal(ruleDiagnostics(inA).has('faq-missing'), false);
    assert.equal(ruleDiagnostics(inB).get('faq-missing'), vscode.DiagnosticSeverity.Error);
  });
});
