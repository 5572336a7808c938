/**
 * The site as a whole in the real VS Code host: the workspace's site model re-checks the articles a
 * change affects (a renamed heading breaks the links to its anchor in another, unsaved, article),
 * link completion offers the site's articles and a target's headings, Go to Definition lands on the
 * heading, Find All References on a title lists the links to it, the quick fix on a broken link
 * offers the closest article, and Article: Show Site Report opens its webview.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allOurs, ruleOf } from './authoringHelpers';
import { closeAllEditorsDiscardingChanges, showFile, waitFor, workspaceUri } from './helpers';

const GUIDE = 'sitewide/posts/shaping-guide.md';
const LIST = 'sitewide/posts/reading-list.md';

function siteWide(uri: vscode.Uri): string[] {
  return allOurs(uri)
    .filter((d) => ['link-broken', 'article-orphan', 'duplicate-title', 'duplicate-description', 'duplicate-url'].includes(ruleOf(d)))
    .map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`)
    .sort();
}

async function waitForSiteWide(uri: vscode.Uri, expected: string[], what: string): Promise<void> {
  await waitFor(() => JSON.stringify(siteWide(uri)) === JSON.stringify(expected), `${what} (now: ${JSON.stringify(siteWide(uri))})`, 60_000);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertTextOf(item: vscode.CompletionItem): string {
  const text = item.insertText ?? labelOf(item);
  return typeof text === 'string' ? text : text.value;
}

suite('the site as a whole', () => {
  suiteTeardown(closeAllEditorsDiscardingChanges);

  test('renaming a heading in one article gives another article link-broken on its link to that heading, within the debounce', async () => {
    const list = await showFile(LIST);
    // The workspace's site model is built: the link to a removed article is broken, the others are whole.
    await waitForSiteWide(list.document.uri, ['link-broken@11:6'], 'the reading list to be checked against the site');
    const guide = await showFile(GUIDE);
    const line = guide.document.getText().split('\n').indexOf('## Shaping the Loaf');
    assert.notEqual(line, -1);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(guide.document.uri, new vscode.Range(line, 3, line, 19), 'Shaping the Bread');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForSiteWide(list.document.uri, ['link-broken@11:6', 'link-broken@9:12'].sort(), 'link-broken on the link to #shaping-the-loaf');
    const message = allOurs(list.document.uri).find((d) => d.range.start.line === 8)?.message ?? '';
    assert.match(message, /no heading with the anchor #shaping-the-loaf/);
    // Undo: the link is whole again.
    await vscode.window.showTextDocument(guide.document);
    await vscode.commands.executeCommand('undo');
    await waitForSiteWide(list.document.uri, ['link-broken@11:6'], 'the link to be whole again after undo');
  });

  test('link completion offers the site’s articles by title, in the form typed, and the target’s headings after #', async () => {
    const list = await showFile(LIST);
    const end = list.document.lineAt(list.document.lineCount - 1).range.end;
    assert.ok(await list.edit((edit) => edit.insert(end, '\n\nSee [the guide](')));
    const afterParen = list.document.lineAt(list.document.lineCount - 1).range.end;
    const files = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', list.document.uri, afterParen, '(');
    const guide = files.items.find((item) => labelOf(item) === 'A Guide to Shaping Sourdough Loaves');
    assert.ok(guide, `the guide offered (got ${files.items.map(labelOf).slice(0, 20).join(', ')})`);
    assert.equal(insertTextOf(guide), './shaping-guide.md');

    assert.ok(await list.edit((edit) => edit.insert(afterParen, '/')));
    const afterSlash = list.document.lineAt(list.document.lineCount - 1).range.end;
    const routes = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', list.document.uri, afterSlash, '/');
    const route = routes.items.find((item) => labelOf(item) === 'A Guide to Shaping Sourdough Loaves');
    assert.ok(route);
    assert.equal(insertTextOf(route), '/shaping-guide/');

    assert.ok(await list.edit((edit) => edit.replace(new vscode.Range(afterParen, afterSlash), './shaping-guide.md#')));
    const afterHash = list.document.lineAt(list.document.lineCount - 1).range.end;
    const headings = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', list.document.uri, afterHash, '#');
    // Ours describe each heading by its level and text (VS Code's own Markdown completion offers `#id` items too).
    const ids = headings.items
      .filter((item) => typeof item.label !== 'string' && item.label.description?.startsWith('#'))
      .map(labelOf);
    assert.deepEqual(ids, ['a-guide-to-shaping-sourdough-loaves', 'pre-shaping', 'shaping-the-loaf']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Go to Definition on a link lands on the target’s heading; Find All References on a title lists the links to it', async () => {
    const list = await showFile(LIST);
    const line = list.document.getText().split('\n').findIndex((text) => text.includes('#shaping-the-loaf'));
    const character = list.document.lineAt(line).text.indexOf('shaping-guide.md');
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      list.document.uri,
      new vscode.Position(line, character),
    );
    // VS Code's own Markdown extension answers too (with the file); ours lands on the heading.
    const guideText = (await vscode.workspace.openTextDocument(workspaceUri(GUIDE))).getText().split('\n');
    const heading = guideText.indexOf('## Shaping the Loaf');
    const targets = definitions.map((definition) =>
      definition instanceof vscode.Location ? definition : new vscode.Location(definition.targetUri, definition.targetSelectionRange ?? definition.targetRange),
    );
    assert.ok(
      targets.some((target) => target.uri.fsPath === workspaceUri(GUIDE).fsPath && target.range.start.line === heading && target.range.start.character === 0),
      JSON.stringify(targets.map((target) => `${target.uri.fsPath}:${target.range.start.line}`)),
    );

    const guide = await showFile(GUIDE);
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', guide.document.uri, new vscode.Position(1, 10));
    const ours = references.filter((reference) => reference.uri.fsPath === workspaceUri(LIST).fsPath).map((reference) => reference.range.start.line + 1).sort((a, b) => a - b);
    assert.deepEqual(ours, [9, 13]);
  });

  test('the quick fix on a broken link offers the closest existing article', async () => {
    const list = await showFile(LIST);
    await waitForSiteWide(list.document.uri, ['link-broken@11:6'], 'the broken link');
    const broken = allOurs(list.document.uri).find((d) => ruleOf(d) === 'link-broken')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', list.document.uri, broken.range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Change the link to ./shaping-guide.md'), titles.join(' | '));
    const fix = actions.find((action) => action.title === 'Change the link to ./shaping-guide.md')!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.ok(list.document.lineAt(10).text.includes('[an article that was removed](./shaping-guide.md)'), list.document.lineAt(10).text);
    await waitForSiteWide(list.document.uri, [], 'no broken link after the fix');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Article: Show Site Report opens a webview of the site-wide findings', async () => {
    await showFile(LIST);
    await vscode.commands.executeCommand('articleAuthoring.showSiteReport');
    await waitFor(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputWebview && input.viewType.endsWith('articleAuthoring.siteReport');
    }, 'the site report to open');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('through a Hugo mount and a Jekyll collection: Go to Definition lands on the heading, and route completion offers the page at its published URL', async () => {
    const cases = [
      // Written with capitals: Hugo resolves links without regard to case; the page is mounted from content/en.
      { file: 'sites/hugo-mounts/content/en/guides/linking.md', link: '/guides/setup-guide/#fit-the-pack', target: 'sites/hugo-mounts/content/en/guides/Setup-Guide.md', heading: '## Fitting the rucksack {#fit-the-pack}' },
      // A document of a collection with output: true, at the collection's permalink.
      { file: 'sites/jekyll-collections/_posts/2026-02-01-season-opens.md', link: '/docs/mooring/#knots-to-know', target: 'sites/jekyll-collections/_docs/mooring.md', heading: '## Knots to know' },
    ];
    for (const { file, link, target, heading } of cases) {
      const source = await showFile(file);
      const line = source.document.getText().split('\n').findIndex((text) => text.includes(`(${link})`));
      assert.ok(line >= 0, `${file} links to ${link}`);
      const character = source.document.lineAt(line).text.indexOf(`(${link})`) + 2;
      const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', source.document.uri, new vscode.Position(line, character));
      const targets = definitions.map((definition) =>
        definition instanceof vscode.Location ? definition : new vscode.Location(definition.targetUri, definition.targetSelectionRange ?? definition.targetRange),
      );
      const headingLine = (await vscode.workspace.openTextDocument(workspaceUri(target))).getText().split('\n').indexOf(heading);
      assert.ok(
        targets.some((found) => found.uri.fsPath === workspaceUri(target).fsPath && found.range.start.line === headingLine),
        `${link} from ${file}: ${JSON.stringify(targets.map((found) => `${found.uri.fsPath}:${found.range.start.line}`))}`,
      );
    }

    const linking = await showFile('sites/hugo-mounts/content/en/guides/linking.md');
    const end = linking.document.lineAt(linking.document.lineCount - 1).range.end;
    assert.ok(await linking.edit((edit) => edit.insert(end, '\n\nSee [the kit](/')));
    const afterSlash = linking.document.lineAt(linking.document.lineCount - 1).range.end;
    const routes = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', linking.document.uri, afterSlash, '/');
    const kit = routes.items.find((item) => labelOf(item) === 'Setting Up Your Trail Kit Before the First Walk');
    assert.ok(kit, `the mounted page offered (got ${routes.items.map(labelOf).slice(0, 20).join(', ')})`);
    assert.equal(insertTextOf(kit), '/guides/setup-guide/');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
