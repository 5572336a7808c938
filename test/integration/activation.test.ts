/** Activation only on Markdown: nothing at startup, nothing for other files. Runs first (see index.ts). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, PLAIN_MARKDOWN, PLAIN_TEXT, showFile, waitFor } from './helpers';

suite('activation', () => {
  test('is not active at startup, nor after a plain text file is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded as the extension under development`);
    assert.equal(extension.isActive, false, 'activated before any Markdown document was opened');

    const editor = await showFile(PLAIN_TEXT);
    assert.equal(editor.document.languageId, 'plaintext');
    assert.equal(extension.isActive, false, 'a plain text file activated the extension');
  });

  test('activates when a Markdown document is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const editor = await showFile(PLAIN_MARKDOWN);
    assert.equal(editor.document.languageId, 'markdown');
    await waitFor(() => extension.isActive, 'the extension to activate on a Markdown document');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('articleAuthoring.updateReadingTime'), 'the update command is not registered');
  });

  test('registers exactly the commands package.json contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(() => extension.isActive, 'the extension to be active');
    const contributed = (extension.packageJSON.contributes.commands as Array<{ command: string }>).map((entry) => entry.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('articleAuthoring.')).sort();
    assert.deepEqual(registered, contributed);
  });
});
