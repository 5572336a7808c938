/**
 * The article preview in the extension host: the command opens one webview panel beside the
 * article without taking the focus, reuses it, and follows the active Markdown editor. What the page
 * shows (hero, live update, scroll, hostile input) is checked in the webview by test/e2e/previewChecks.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { showFile, waitFor } from './helpers';

const OPEN_PREVIEW = 'articleAuthoring.openPreviewToSide';
const VIEW_TYPE = 'articleAuthoring.preview';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

suite('article preview', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the command is contributed in the Article category with an editor title button and a keybinding', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(OPEN_PREVIEW));
    const manifest = vscode.extensions.getExtension('article-authoring.article-authoring')!.packageJSON as {
      contributes: { commands: { command: string; category?: string; title: string }[]; menus: Record<string, { command: string }[]>; keybindings: { command: string }[] };
    };
    const command = manifest.contributes.commands.find((entry) => entry.command === OPEN_PREVIEW);
    assert.deepEqual([command?.category, command?.title], ['Article', 'Open Preview to the Side']);
    assert.ok(manifest.contributes.menus['editor/title'].some((entry) => entry.command === OPEN_PREVIEW));
    assert.ok(manifest.contributes.keybindings.some((entry) => entry.command === OPEN_PREVIEW));
  });

  test('opens one preview beside the article and leaves the focus in the editor; running it again reuses the panel', async () => {
    const editor = await showFile('preview/preview-article.md');
    await vscode.commands.executeCommand(OPEN_PREVIEW);
    await waitFor(() => previewTabs().length === 1, 'the preview tab');
    const [tab] = previewTabs();
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opens beside the editor');
    await waitFor(() => previewTabs()[0]?.label === 'Preview preview-article.md', 'the preview title naming the article');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the editor kept the focus');

    await vscode.commands.executeCommand(OPEN_PREVIEW);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(previewTabs().length, 1, 'a second run reuses the panel');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
  });

  test('follows the active Markdown editor, in the same panel', async () => {
    const editor = await showFile('preview/preview-article.md');
    await vscode.commands.executeCommand(OPEN_PREVIEW);
    await waitFor(() => previewTabs().length === 1, 'the preview tab');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(editor.document.uri, '../preview-missing-hero.md')), {
      viewColumn: editor.viewColumn,
      preview: false,
    });
    await waitFor(() => previewTabs()[0]?.label === 'Preview preview-missing-hero.md', 'the preview to follow the editor');
    assert.equal(previewTabs().length, 1);
  });

  test('asks for an article instead of failing when no editor is open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(OPEN_PREVIEW);
    assert.equal(previewTabs().length, 0);
  });
});
