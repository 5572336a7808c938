/** Article: Update Reading Time — one minimal edit of the frontmatter, undone in one step. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARTICLE, CRLF_BOM_ARTICLE, PLAIN_MARKDOWN, UPDATE_READING_TIME, closeAllEditorsDiscardingChanges, showFile, waitFor, workspaceUri } from './helpers';
import { expectedReading } from './readingTimeOracle';

const minutesText = (minutes: number) => `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;

async function undoUntil(document: vscode.TextDocument, text: string): Promise<void> {
  await vscode.commands.executeCommand('undo');
  await waitFor(() => document.getText() === text, 'undo to restore the original text', 10_000).catch(() => undefined);
}

suite('Article: Update Reading Time', () => {
  teardown(closeAllEditorsDiscardingChanges);

  test('rewrites the readingTime value in place and nothing else; one undo restores the original', async () => {
    const { document } = await showFile(ARTICLE);
    const original = document.getText();
    const { minutes } = expectedReading(original);
    const stale = 'readingTime: "9 minutes" # stale on purpose: the tests update it\n';
    assert.ok(original.includes(stale), 'the fixture changed: it must carry a stale readingTime with a comment');
    assert.notEqual(minutes, 9);

    const result = await vscode.commands.executeCommand(UPDATE_READING_TIME);
    assert.equal(result, 'updated');
    // The whole text: only the value changed; its quotes, the comment and every other byte stayed.
    const expected = original.replace(stale, `readingTime: "${minutesText(minutes)}" # stale on purpose: the tests update it\n`);
    assert.equal(document.getText(), expected);

    await undoUntil(document, original);
    assert.equal(document.getText(), original);
    assert.equal(document.isDirty, false, 'one undo should return to the saved state');
  });

  test('adds readingTime after pubDate in a CRLF article with a BOM, keeping the line endings', async () => {
    const { document } = await showFile(CRLF_BOM_ARTICLE);
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
    const original = document.getText(); // VS Code documents never contain the BOM
    assert.ok(!original.startsWith('\uFEFF'));
    const { minutes } = expectedReading(original);

    assert.equal(await vscode.commands.executeCommand(UPDATE_READING_TIME), 'updated');
    const expected = original.replace('pubDate: 2026-01-05\r\n', `pubDate: 2026-01-05\r\nreadingTime: "${minutesText(minutes)}"\r\n`);
    assert.notEqual(expected, original);
    assert.equal(document.getText(), expected);

    await undoUntil(document, original);
    assert.equal(document.getText(), original);
  });

  test('changes nothing when readingTime is already right', async () => {
    const { document } = await showFile(ARTICLE);
    assert.equal(await vscode.commands.executeCommand(UPDATE_READING_TIME), 'updated');
    const updated = document.getText();
    const version = document.version;
    assert.equal(await vscode.commands.executeCommand(UPDATE_READING_TIME), 'unchanged');
    assert.equal(document.getText(), updated);
    assert.equal(document.version, version);
  });

  test('works on the article a caller names by URI, not only on the active editor', async () => {
    await showFile(PLAIN_MARKDOWN);
    const document = await vscode.workspace.openTextDocument(workspaceUri(ARTICLE));
    const original = document.getText();
    const { minutes } = expectedReading(original);
    assert.equal(await vscode.commands.executeCommand(UPDATE_READING_TIME, document.uri), 'updated');
    assert.equal(document.getText(), original.replace('readingTime: "9 minutes"', `readingTime: "${minutesText(minutes)}"`));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri(PLAIN_MARKDOWN).toString());
  });

  test('leaves a Markdown file without frontmatter alone', async () => {
    const { document } = await showFile(PLAIN_MARKDOWN);
    const original = document.getText();
    assert.equal(await vscode.commands.executeCommand(UPDATE_READING_TIME), 'not-an-article');
    assert.equal(document.getText(), original);
    assert.equal(document.isDirty, false);
  });
});
