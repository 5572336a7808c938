/**
 * The site of each generator (test/fixtures/sites, copied into the workspace as sites/<generator>/)
 * in the real editor: diagnostics by the site's conventions (keys its templates read, through the
 * workspace file system's folder listing), completion and hover of a generator's own key and of a key
 * a layout reads, the site profile command, and Update Reading Time into a +++ TOML block.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ours, ruleOf, waitForDiagnostics } from './authoringHelpers';
import { closeAllEditorsDiscardingChanges, fileOnDisk, showFile, waitFor } from './helpers';

interface Expected {
  findings: string[];
}

function expectedFindings(site: string, file: string): string[] {
  const expected = JSON.parse(fileOnDisk(`sites/${site}/expected.json`)) as Record<string, Expected>;
  // `rule line:column-endLine:endColumn severity` → `rule line:column-endLine:endColumn`
  return expected[file].findings.map((finding) => finding.split(' ').slice(0, 2).join(' ')).sort();
}

function shown(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${ruleOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`)
    .sort();
}

function markdownOf(contents: readonly (vscode.MarkdownString | vscode.MarkedString)[]): string {
  return contents.map((part) => (typeof part === 'string' ? part : 'value' in part ? part.value : '')).join('\n');
}

suite('sites: each generator as it is', () => {
  teardown(closeAllEditorsDiscardingChanges);

  for (const [site, file] of [
    ['hugo', 'content/posts/flawed.md'],
    ['hugo', 'content/posts/toml-post.md'],
    ['jekyll', '_posts/2026-03-05-flawed.md'],
    ['jekyll', '_posts/2026-03-03-lake-loop.markdown'],
    ['docusaurus', 'blog/2026-03-03-river-crossing.mdx'],
    ['eleventy', 'content/blog/flawed.md'],
    ['nextjs', '_posts/flawed.md'],
    // Keys the layouts read (the workspace file system lists the template folders), Contentlayer's fields, empty values.
    ['hugo-templates', 'content/posts/lantern-walk.md'],
    ['jekyll-templates', '_posts/2023-01-29-spring-release.md'],
    ['nextjs-contentlayer', 'data/blog/first-frost.mdx'],
    ['eleventy-values', 'posts/empty-description.md'],
  ] as const) {
    test(`${site}/${file}: the Problems panel holds exactly the site's expected findings`, async () => {
      const { document } = await showFile(`sites/${site}/${file}`);
      const expected = expectedFindings(site, file);
      await waitForDiagnostics(document.uri, (all) => JSON.stringify(shown(all)) === JSON.stringify(expected), `the expected findings of ${site}/${file}`);
      assert.deepEqual(shown(ours(document.uri)), expected);
    });
  }

  test('completion offers a Hugo key with its documentation, written as TOML in a +++ block', async () => {
    const editor = await showFile('sites/hugo/content/posts/toml-post.md');
    const document = editor.document;
    // A new line after the title, where a key goes.
    const line = document.lineAt(1);
    assert.ok(await editor.edit((edit) => edit.insert(line.range.end, '\nlink')));
    const position = new vscode.Position(2, 4);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === 'linkTitle');
    assert.ok(item, 'linkTitle is offered');
    // Plain descriptions are shown as Markdown with their spaces kept (&nbsp;).
    const documentation = (typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '').replace(/&nbsp;/g, ' ');
    assert.match(documentation, /shorter title for links and menus/);
    assert.match(documentation, /Hugo front matter/);
    const snippet = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText);
    assert.match(snippet, /^linkTitle = /, 'a TOML key = value');
  });

  test('hover on a Jekyll key shows its documentation', async () => {
    const { document } = await showFile('sites/jekyll/_posts/2026-03-03-lake-loop.markdown');
    const lineNumber = document.getText().split('\n').findIndex((text) => text.startsWith('permalink:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(lineNumber, 3));
    const text = hovers.map((entry) => markdownOf(entry.contents)).join('\n').replace(/&nbsp;/g, ' ');
    assert.match(text, /permalink/);
    assert.match(text, /URL of the page/);
  });

  test('hover on a key a Hugo layout reads names the template that reads it', async () => {
    const { document } = await showFile('sites/hugo-templates/content/posts/lantern-walk.md');
    const lineNumber = document.getText().split('\n').findIndex((text) => text.startsWith('hero-caption:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(lineNumber, 3));
    // Plain descriptions are escaped as Markdown (`\_default`).
    const text = hovers.map((entry) => markdownOf(entry.contents)).join('\n').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(text, /hero-caption/);
    assert.match(text, /Read by the site’s template layouts\/_default\/single\.html/);
  });

  test('Article: Show Site Profile says which profile and why', async () => {
    await showFile('sites/hugo/content/posts/yaml-post.md');
    const report = await vscode.commands.executeCommand<{ site: string; reason: string }>('articleAuthoring.showSiteProfile');
    assert.equal(report.site, 'hugo');
    assert.match(report.reason, /^hugo\.toml found in .*sites[\\/]hugo$/);
    await showFile('sites/nextjs/_posts/lake-at-dawn.md');
    const next = await vscode.commands.executeCommand<{ site: string; reason: string }>('articleAuthoring.showSiteProfile');
    assert.equal(next.site, 'nextjs');
    assert.match(next.reason, /^next\.config\.js found in/);
  });

  test('Article: Show Site Profile says article or page, and which rule of the site decided', async () => {
    await showFile('sites/hugo/content/posts/yaml-post.md');
    const post = await vscode.commands.executeCommand<{ kind: string; kindReason: string; message: string }>('articleAuthoring.showSiteProfile');
    assert.equal(post.kind, 'article');
    assert.match(post.kindReason, /main section, posts/);
    const { document } = await showFile('sites/hugo/content/about.md');
    const page = await vscode.commands.executeCommand<{ kind: string; kindReason: string; message: string }>('articleAuthoring.showSiteProfile');
    assert.equal(page.kind, 'page');
    assert.match(page.kindReason, /outside the main section/);
    assert.match(page.message, /a page, not an article .*the article rules do not run on it/);
    // The page's own problems are reported; no article rule (its 5-character title, no FAQ) is.
    const expected = expectedFindings('hugo', 'content/about.md');
    await waitForDiagnostics(document.uri, (all) => JSON.stringify(shown(all)) === JSON.stringify(expected), 'the page findings of hugo/content/about.md');
    assert.ok(!ours(document.uri).some((diagnostic) => ['title-length', 'faq-missing'].includes(ruleOf(diagnostic))));
  });

  test('Update Reading Time writes TOML into a +++ block: only the value changes, one undo restores it', async () => {
    const { document } = await showFile('sites/hugo/content/posts/flawed.md');
    const original = document.getText();
    assert.ok(original.includes('readingTime = 9\n'));
    assert.equal(await vscode.commands.executeCommand('articleAuthoring.updateReadingTime'), 'updated');
    assert.equal(document.getText(), original.replace('readingTime = 9\n', 'readingTime = 1\n'));
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === original, 'one undo to restore the original', 10_000);
    assert.equal(document.isDirty, false);
  });

  test('Update Reading Time adds readingTime = … to a TOML block after the date, before its tables', async () => {
    const { document } = await showFile('sites/hugo/content/posts/toml-post.md');
    const original = document.getText();
    const edit = new vscode.WorkspaceEdit();
    const at = original.indexOf('readingTime = 1\n');
    edit.delete(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'readingTime = 1\n'.length)));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const without = document.getText();
    assert.equal(await vscode.commands.executeCommand('articleAuthoring.updateReadingTime'), 'updated');
    assert.equal(document.getText(), without.replace('date = 2026-03-04T07:30:00+01:00\n', 'date = 2026-03-04T07:30:00+01:00\nreadingTime = "1 minute"\n'));
  });
});
