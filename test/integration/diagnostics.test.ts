/**
 * Diagnostics while typing (issue 5): typed edits in a real document, the Problems data read back
 * through the API, configuration and schema changes on disk, stale results dropped.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Finding } from '../../src/core';
import { parseWork } from '../../src/core/parse/parseWork';
import { ArticleAnalyzer } from '../../src/extension/analyzer';
import { ArticleDocuments, type DocumentAnalysis } from '../../src/extension/articleDocuments';
import { ArticleDiagnostics } from '../../src/extension/diagnostics';
import {
  cleanUp,
  FLAWED,
  FLAWED_EXPECTED,
  ours,
  readFixture,
  recordingLog,
  ruleOf,
  SAMPLE,
  show,
  waitForDiagnostics,
  waitForRule,
  withRule,
  writeScratch,
} from './authoringHelpers';
import { waitFor, workspaceUri } from './helpers';

const JAR_ALT = 'A glass jar of bubbly sourdough starter on a wooden counter';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

suite('Authoring: diagnostics while typing', () => {
  teardown(cleanUp);

  test('removing an image alt text shows image-alt-missing on the image; typing it back clears it', async () => {
    const uri = writeScratch('alt-typing.md', readFixture(SAMPLE));
    const editor = await show(uri);
    const { document } = editor;
    const line = document.getText().split('\n').findIndex((text) => text.startsWith(`![${JAR_ALT}]`));
    assert.ok(line > 0);

    // Select the alt text and delete it, as a user would.
    editor.selection = new vscode.Selection(line, 2, line, 2 + JAR_ALT.length);
    await vscode.commands.executeCommand('deleteLeft');
    assert.equal(document.lineAt(line).text, '![](/starter-jar.png)');

    const diagnostic = await waitForRule(uri, 'image-alt-missing');
    assert.deepEqual(ours(uri).map(ruleOf), ['image-alt-missing'], 'the sample article has no other finding');
    assert.ok(diagnostic.range.isEqual(new vscode.Range(line, 0, line, '![](/starter-jar.png)'.length)), `range ${JSON.stringify(diagnostic.range)}`);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.source, 'article-lint');
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'image-alt-missing');
    assert.ok(code.target.path.endsWith('/docs/rules/image-alt-missing.md'), code.target.toString());
    assert.ok(fs.existsSync(code.target.fsPath), `the rule's page ${code.target.fsPath} exists in the extension`);

    // Type the alt text back, character by character in one go.
    editor.selection = new vscode.Selection(line, 2, line, 2);
    await vscode.commands.executeCommand('type', { text: JAR_ALT });
    assert.equal(document.lineAt(line).text, `![${JAR_ALT}](/starter-jar.png)`);
    await waitForDiagnostics(uri, (all) => all.length === 0, 'the article to be clean again');
  });

  test('an .mdx article is checked like a .md one, its <Image> components included', async () => {
    const text = readFixture(SAMPLE).replace(`![${JAR_ALT}](/starter-jar.png)`, '<Image src="/starter-jar.png" width={320} />');
    const uri = writeScratch('component.mdx', `${text.split('\n---\n')[0]}\n---\n\nimport { Image } from 'astro:assets';\n${text.slice(text.indexOf('\n---\n') + 5)}`);
    await show(uri);
    const diagnostic = await waitForRule(uri, 'image-alt-missing');
    assert.match(diagnostic.message, /<Image>/);
    assert.equal(diagnostic.range.start.character, 0);
  });

  test('the flawed example article gets exactly its expected findings, with severities and positions', async () => {
    const uri = workspaceUri(FLAWED);
    const expected = JSON.parse(readFixture(FLAWED_EXPECTED)) as Array<{ ruleId: string; severity: string; line: number; column?: number }>;
    await show(uri);
    const diagnostics = await waitForDiagnostics(uri, (all) => all.length >= expected.length, `${expected.length} diagnostics`);
    const severityName = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'info' } as Record<number, string>;
    const seen = diagnostics
      .map((d) => ({ ruleId: ruleOf(d), severity: severityName[d.severity], line: d.range.start.line + 1, column: d.range.start.character + 1 }))
      .sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
    const wanted = [...expected].sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
    assert.deepEqual(
      seen.map(({ ruleId, severity, line }) => ({ ruleId, severity, line })),
      wanted.map(({ ruleId, severity, line }) => ({ ruleId, severity, line })),
    );
    for (const want of wanted.filter((w) => w.column !== undefined)) {
      assert.ok(seen.some((s) => s.ruleId === want.ruleId && s.line === want.line && s.column === want.column), `${want.ruleId} at ${want.line}:${want.column}`);
    }
  });

  test('severities come from the nearest .article-lint.json (error, info → Information, off)', async () => {
    const uri = workspaceUri('lint/strict/posts/no-faq.md');
    await show(uri);
    const faq = await waitForRule(uri, 'faq-missing');
    assert.equal(faq.severity, vscode.DiagnosticSeverity.Error, 'faq-missing is "error" in lint/strict/.article-lint.json');
    assert.ok(faq.range.isEqual(new vscode.Range(0, 0, 0, 3)), 'a finding about the whole document is on line 1');
    const unknown = await waitForRule(uri, 'frontmatter-unknown-key');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(withRule(uri, 'keyword-unused').length, 0);
  });

  test('a malformed .article-lint.json gets one diagnostic on that file, the defaults are used, and fixing it re-checks the open article', async () => {
    const configUri = workspaceUri('lint/broken/.article-lint.json');
    const broken = fs.readFileSync(configUri.fsPath, 'utf8');
    const articleUri = workspaceUri('lint/broken/posts/no-faq.md');
    await show(articleUri);
    const faq = await waitForRule(articleUri, 'faq-missing');
    assert.equal(faq.severity, vscode.DiagnosticSeverity.Warning, 'the default severity, since the file cannot be read');

    await waitFor(() => ours(configUri).length > 0, 'a diagnostic on the broken configuration');
    const [problem, ...others] = ours(configUri);
    assert.equal(others.length, 0, `one diagnostic, got ${ours(configUri).map((d) => d.message).join(' | ')}`);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /not valid JSON/);
    assert.equal(problem.range.start.line, 3, 'on the line after the trailing comma');

    try {
      // Fixed on disk: the watcher re-checks the open article with the file's severities.
      fs.writeFileSync(configUri.fsPath, broken.replace('"error",', '"error"'));
      await waitForDiagnostics(
        articleUri,
        (all) => all.some((d) => ruleOf(d) === 'faq-missing' && d.severity === vscode.DiagnosticSeverity.Error),
        'faq-missing to become an error',
      );
      await waitFor(() => ours(configUri).length === 0, 'the configuration diagnostic to go away');
    } finally {
      fs.writeFileSync(configUri.fsPath, broken);
    }
    await waitForDiagnostics(
      articleUri,
      (all) => all.some((d) => ruleOf(d) === 'faq-missing' && d.severity === vscode.DiagnosticSeverity.Warning),
      'faq-missing back at its default severity',
    );
  });

  test("an Astro collection's generated schema is used, and changing the schema file re-checks the article", async () => {
    const uri = workspaceUri('lint/astro/src/content/notes/field-note.md');
    const schemaUri = workspaceUri('lint/astro/.astro/collections/notes.schema.json');
    const schema = fs.readFileSync(schemaUri.fsPath, 'utf8');
    await show(uri);
    const missing = await waitForRule(uri, 'frontmatter-schema');
    assert.match(missing.message, /servings/);
    try {
      fs.writeFileSync(schemaUri.fsPath, schema.replace('"required": [\n        "title",\n        "pubDate",\n        "servings"\n      ]', '"required": [\n        "title",\n        "pubDate"\n      ]'));
      assert.notEqual(fs.readFileSync(schemaUri.fsPath, 'utf8'), schema);
      await waitForDiagnostics(uri, (all) => !all.some((d) => ruleOf(d) === 'frontmatter-schema'), 'the schema finding to go away');
    } finally {
      fs.writeFileSync(schemaUri.fsPath, schema);
    }
    await waitForRule(uri, 'frontmatter-schema');
  });

  test('in an untrusted workspace the generated schema is not loaded: the built-in schema is used', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('lint/astro/src/content/notes/field-note.md'));
    const untrusted = new ArticleAnalyzer({ isTrusted: () => false });
    const trusted = new ArticleAnalyzer({ isTrusted: () => true });
    try {
      const schemaRules = (analysis: DocumentAnalysis) => analysis.findings.filter((f) => f.ruleId === 'frontmatter-schema').map((f) => f.message);
      assert.deepEqual(schemaRules(await untrusted.analyzeDocument(document)), []);
      assert.equal(schemaRules(await trusted.analyzeDocument(document)).length, 1);
    } finally {
      untrusted.dispose();
      trusted.dispose();
    }
  });

  test('a Markdown file without frontmatter outside the article folders gets no diagnostics', async () => {
    const uri = workspaceUri('notes/README.md');
    await show(uri);
    // The sample article opened after it is checked: by then the README's check has run too.
    const sampleUri = writeScratch('after-readme.md', readFixture(SAMPLE).replace(`![${JAR_ALT}]`, '![]'));
    await show(sampleUri);
    await waitForRule(sampleUri, 'image-alt-missing');
    assert.deepEqual(ours(uri), []);
  });

  test('closing an article removes its diagnostics', async () => {
    const uri = writeScratch('closing.md', readFixture(SAMPLE).replace(`![${JAR_ALT}]`, '![]'));
    // Opened the way the UI opens files: a document the extension host opened itself
    // (openTextDocument) stays open for a few minutes after its editor closes.
    await vscode.commands.executeCommand('vscode.open', uri);
    await waitForRule(uri, 'image-alt-missing');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForDiagnostics(uri, (all) => all.length === 0, 'the diagnostics of the closed article to go', 60_000);
  });

  test('the document store keeps one engine state per open document: an edit parses only what changed; closing drops it', async () => {
    const store = new ArticleDocuments();
    try {
      const uri = writeScratch('store.md', readFixture(SAMPLE));
      const other = writeScratch('store-other.md', readFixture(SAMPLE));
      await vscode.commands.executeCommand('vscode.open', other);
      const otherDocument = vscode.window.activeTextEditor!.document;
      await vscode.commands.executeCommand('vscode.open', uri);
      const editor = vscode.window.activeTextEditor!;
      const { document } = editor;
      const state = store.state(document);
      const first = store.parse(document);
      assert.equal(store.parse(document), first, 'one parse per version');
      assert.notEqual(store.state(otherDocument), state, 'each document has its own state');
      store.parse(otherDocument);

      const body = document.getText().length - document.getText().indexOf('\n---\n');
      // Words typed into the first paragraph of the body, one at a time. The first edit after a
      // whole parse cuts the body into segments; from the next one on, unchanged segments are reused.
      const paragraph = () => document.positionAt(document.getText().indexOf('## Introduction\n\n') + '## Introduction\n\n'.length);
      await editor.edit((builder) => builder.insert(paragraph(), 'Typed. '));
      const second = store.parse(document);
      assert.notEqual(second, first);
      assert.equal(store.state(document), state, 'the state stays with the document across versions');
      const before = parseWork.bodyCharacters;
      await editor.edit((builder) => builder.insert(paragraph(), 'Again. '));
      store.parse(document);
      const parsed = parseWork.bodyCharacters - before;
      assert.ok(parsed > 0 && parsed < body / 2, `the edit parsed ${parsed} of the body's ${body} characters again`);

      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor(() => !store.keeps(uri), 'the store to drop the closed document', 60_000);
      assert.ok(store.keeps(otherDocument.uri), 'the other document is still open and kept');
    } finally {
      store.dispose();
    }
  });

  test('a result computed for an older version of the document is never shown', async () => {
    const uri = writeScratch('stale.md', readFixture(SAMPLE));
    const editor = await show(uri);
    const { document } = editor;
    // A stand-in analyzer whose results arrive only when the test says so.
    const pending: Array<{ version: number; resolve: (analysis: DocumentAnalysis) => void }> = [];
    const fake = {
      analyzeDocument: (doc: vscode.TextDocument) =>
        doc.uri.toString() === uri.toString()
          ? new Promise<DocumentAnalysis>((resolve) => pending.push({ version: doc.version, resolve }))
          : Promise.resolve(result(doc.version, false, '')),
      invalidate() {},
      configProblems: async () => [],
    } as unknown as ArticleAnalyzer;
    const diagnostics = new ArticleDiagnostics(fake, (id) => vscode.Uri.parse(`https://example.invalid/${id}`), recordingLog());
    try {
      await waitFor(() => pending.length === 1, 'the check of the open document');
      const first = pending[0];
      assert.equal(first.version, document.version);
      // A word typed into the first paragraph of the body.
      const paragraph = document.positionAt(document.getText().indexOf('## Introduction\n\n') + '## Introduction\n\n'.length);
      await editor.edit((builder) => builder.insert(paragraph, 'Typed. '));
      await waitFor(() => pending.length === 2, 'the check after typing (debounced)');
      const second = pending[1];
      assert.equal(second.version, document.version);

      // The older result arrives last: it must be dropped.
      second.resolve(result(second.version, true, 'FRESH result'));
      await waitFor(() => messages(uri).includes('FRESH result'), 'the current result to be shown');
      first.resolve(result(first.version, true, 'STALE result'));
      await sleep(500);
      assert.deepEqual(messages(uri).filter((m) => m.endsWith('result')), ['FRESH result']);
    } finally {
      diagnostics.dispose();
    }
    assert.ok(!messages(uri).includes('FRESH result'), 'disposing removes the collection');
  });
});

function messages(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => d.message);
}

function result(version: number, isArticle: boolean, message: string): DocumentAnalysis {
  const finding: Finding = { ruleId: 'title-length', severity: 'warning', message, start: 0, end: 3, line: 1, column: 1, endLine: 1, endColumn: 4 };
  return { version, isContent: isArticle, findings: isArticle ? [finding] : [] } as unknown as DocumentAnalysis;
}
