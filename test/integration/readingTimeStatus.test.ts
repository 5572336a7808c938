/**
 * The status bar item "N words · M min read", observed in the workbench DOM through the Playwright
 * runner (an extension cannot read status bar items through the API). Under test-electron there is
 * no runner, and these tests are skipped.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARTICLE, PLAIN_MARKDOWN, closeAllEditorsDiscardingChanges, fileOnDisk, showFile } from './helpers';
import { expectedReading } from './readingTimeOracle';
import { workbench } from './workbench';

suite('reading time in the status bar', () => {
  suiteSetup(function () {
    if (!workbench) this.skip(); // needs the workbench DOM: run through npm test
  });

  teardown(closeAllEditorsDiscardingChanges);

  test('shows the article\'s words and reading time, as the reading-time package counts them', async () => {
    await showFile(ARTICLE);
    const expected = expectedReading(fileOnDisk(ARTICLE)).statusText;
    assert.match(expected, /^\d[\d,]* words · \d+ min read$/);
    const seen = await workbench!.statusBarItem({ text: expected });
    assert.equal(seen.text, expected, `status bar items: ${seen.allItems.join(', ')}`);
  });

  test('follows typing in the body', async () => {
    const editor = await showFile(ARTICLE);
    const added = ` ${'extra '.repeat(250)}`;
    const ok = await editor.edit((builder) => builder.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, added));
    assert.ok(ok, 'the edit was not applied');
    const expected = expectedReading(editor.document.getText()).statusText;
    assert.notEqual(expected, expectedReading(fileOnDisk(ARTICLE)).statusText);
    const seen = await workbench!.statusBarItem({ text: expected });
    assert.equal(seen.text, expected, `status bar items: ${seen.allItems.join(', ')}`);
  });

  test('a Markdown file without frontmatter gets no reading-time item', async () => {
    await showFile(ARTICLE);
    await workbench!.statusBarItem({ text: expectedReading(fileOnDisk(ARTICLE)).statusText });
    await showFile(PLAIN_MARKDOWN);
    const seen = await workbench!.statusBarItem({ absent: true });
    assert.equal(seen.text, null, `status bar items: ${seen.allItems.join(', ')}`);
  });
});
