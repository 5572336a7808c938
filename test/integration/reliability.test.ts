/**
 * Editor safety in the real extension host (issue 8). What other suites already prove is not
 * repeated here: stale and gone quick fixes (quickFixes.test.ts), stale diagnostics, a malformed
 * `.article-lint.json` and the untrusted-workspace analyzer (diagnostics.test.ts). Added here:
 * Update Reading Time and Fix All with the author's edit in flight never write over the newer text;
 * an article deleted while open; Check All Articles cancelled through its progress token; commands
 * whose document changes during every analysis give up after a bounded number of attempts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { ArticleAnalyzer } from '../../src/extension/analyzer';
import type { DocumentAnalysis } from '../../src/extension/articleDocuments';
import { ApplyFixCommand } from '../../src/extension/commands/applyFix';
import { EDIT_ATTEMPTS } from '../../src/extension/commands/articleTarget';
import { CheckAllArticlesCommand, type CheckAllResult } from '../../src/extension/commands/checkAllArticles';
import { FixAllCommand } from '../../src/extension/commands/fixAll';
import { GenerateSlugCommand } from '../../src/extension/commands/generateSlug';
import { InsertFaqSectionCommand } from '../../src/extension/commands/insertFaqSection';
import { ArticleDiagnostics } from '../../src/extension/diagnostics';
import { cleanUp, readFixture, recordingLog, replaceOnce, SAMPLE, show, waitForDiagnostics, waitForRule, writeScratch } from './authoringHelpers';

const READING_LINE = 'readingTime: "4 minutes"\n';
const STALE_LINE = 'readingTime: "9 minutes"\n';
const TYPED = 'Typed while the command ran. ';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

suite('Reliability: edits in flight, deleted files, cancelled checks', () => {
  teardown(cleanUp);

  test('Update Reading Time with the author typing at the same moment never writes over the newer text', async () => {
    // Several interleavings: the author's edit sent before, with, and after the command's own.
    for (const [index, delayMs] of [0, 0, 1, 5, 20].entries()) {
      const uri = writeScratch(`in-flight-${index}.md`, replaceOnce(readFixture(SAMPLE), READING_LINE, STALE_LINE));
      const editor = await show(uri);
      const { document } = editor;
      const titleAt = document.positionAt(document.getText().indexOf('title: "') + 'title: "'.length);
      const bodyAt = new vscode.Position(document.lineCount - 1, 0);

      const command = vscode.commands.executeCommand<string>('articleAuthoring.updateReadingTime', uri);
      if (delayMs) await sleep(delayMs);
      // Edits above readingTime (every offset after it moves) and in the body (the reading time changes).
      const typed = editor.edit((builder) => {
        builder.insert(titleAt, 'Baking ');
        builder.insert(bodyAt, `${TYPED.repeat(index === 1 ? 400 : 1)}\n`);
      });
      const [outcome, typedApplied] = await Promise.all([command, typed]);
      const text = document.getText();

      if (typedApplied) {
        assert.ok(text.includes('title: "Baking Sourdough'), `${index}: the typed title was lost:\n${text.slice(0, 300)}`);
        assert.ok(text.includes(TYPED), `${index}: the typed body text was lost`);
      }
      // Whatever happened, the readingTime line is a whole line the engine can read: never a splice of old offsets.
      const line = text.split('\n').find((l) => l.startsWith('readingTime:'));
      assert.match(line ?? '', /^readingTime: "\d+ minutes?"$/, `${index}: ${outcome}: the readingTime line is ${JSON.stringify(line)}`);
      assert.ok(['updated', 'unchanged', 'not-editable'].includes(outcome), `${index}: ${outcome}`);
      // Run it again on the settled text: it converges to the body's reading time.
      await vscode.commands.executeCommand('articleAuthoring.updateReadingTime', uri);
      assert.equal(await vscode.commands.executeCommand('articleAuthoring.updateReadingTime', uri), 'unchanged');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('Fix All with an edit in flight keeps the edit, and the safe fixes apply to the newer text', async () => {
    const uri = writeScratch('fix-all-in-flight.md', replaceOnce(readFixture(SAMPLE), READING_LINE, STALE_LINE));
    const editor = await show(uri);
    const { document } = editor;
    await waitForRule(uri, 'reading-time-mismatch');
    const titleAt = document.positionAt(document.getText().indexOf('title: "') + 'title: "'.length);
    const fixAll = vscode.commands.executeCommand('articleAuthoring.fixAll', uri);
    const typed = editor.edit((builder) => builder.insert(titleAt, 'Baking '));
    await Promise.all([fixAll, typed]);
    const text = document.getText();
    assert.ok(text.includes('title: "Baking Sourdough'), 'the typed title was lost');
    assert.ok(!text.includes('Baking Baking'), 'the edit was applied twice');
    assert.equal(text.split('\n').filter((l) => l.startsWith('readingTime:')).length, 1, 'one readingTime line');
    assert.match(text, /^readingTime: "\d+ minutes?"$/m);
  });

  test('a command whose document changes during every analysis gives up after a few attempts, changing nothing itself', async () => {
    const MARKER = 'Typed during the analysis.\n';
    // Articles with something for each command to do: a slug to write, a FAQ to add, a safe fix.
    const text = replaceOnce(replaceOnce(readFixture(SAMPLE), 'slug: "sourdough-at-altitude"', 'slug: "Old Slug"'), READING_LINE, STALE_LINE);
    const real = new ArticleAnalyzer();
    let calls = 0;
    // The author types while every analysis runs: each result is for a version already gone.
    const typing = {
      analyzeDocument: async (document: vscode.TextDocument): Promise<DocumentAnalysis> => {
        calls++;
        const analysis = await real.analyzeDocument(document);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, new vscode.Position(document.lineCount - 1, 0), MARKER);
        assert.ok(await vscode.workspace.applyEdit(edit));
        return analysis;
      },
    } as unknown as ArticleAnalyzer;
    try {
      const runs: Array<[string, (uri: vscode.Uri) => Promise<unknown>, unknown]> = [
        ['Generate Slug from Title', (uri) => new GenerateSlugCommand(typing).execute({ uri }), undefined],
        ['Insert FAQ Section', (uri) => new InsertFaqSectionCommand(typing).execute({ uri }), undefined],
        ['Fix All Safe Problems', (uri) => new FixAllCommand(typing).execute(uri), 0],
        [
          'Apply Quick Fix',
          async (uri) => {
            const document = await vscode.workspace.openTextDocument(uri);
            const start = document.getText().indexOf(STALE_LINE);
            const finding = (await real.analyzeDocument(document)).findings.find((f) => f.ruleId === 'reading-time-mismatch' && f.start >= start);
            assert.ok(finding?.fix, 'the article has a reading time to fix');
            const target = { uri: uri.toString(), version: document.version, ruleId: finding.ruleId, start: finding.start, end: finding.end, title: finding.fix.title, text: document.getText().slice(finding.start, finding.end) };
            return new ApplyFixCommand(typing).execute(target);
          },
          'failed',
        ],
      ];
      for (const [index, [name, run, gaveUp]] of runs.entries()) {
        const uri = writeScratch(`always-changing-${index}.md`, text);
        const { document } = await show(uri);
        calls = 0;
        assert.equal(await run(uri), gaveUp, name);
        assert.equal(calls, EDIT_ATTEMPTS, `${name}: analyses before giving up`);
        // Only the author's typing changed the text: the command wrote nothing over it.
        assert.equal(document.getText().split(MARKER).join(''), text, `${name}: the command's own edit is not in the text`);
      }
    } finally {
      real.dispose();
    }
  });

  test('an article deleted while open: no crash, its diagnostics go or stay harmless, and other articles are still checked', async () => {
    const uri = writeScratch('deleted-while-open.md', readFixture(SAMPLE).replace(/!\[[^\]]+\]\(\/starter-jar\.png\)/, '![](/starter-jar.png)'));
    // Opened the way the UI opens files (a document opened by openTextDocument stays open for minutes).
    await vscode.commands.executeCommand('vscode.open', uri);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    await waitForRule(uri, 'image-alt-missing');
    fs.rmSync(uri.fsPath);
    // Typing into the orphaned document still gets checked (it is open), and nothing throws.
    await editor.edit((builder) => builder.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'More text.\n'));
    await sleep(500);
    // Back to the saved text (the file is gone: a revert would fail), so closing asks nothing.
    while (editor.document.isDirty) await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitForDiagnostics(uri, (all) => all.length === 0, 'the deleted article\'s diagnostics to go once it is closed', 60_000);

    // The extension keeps working: another article gets its findings, and commands still run.
    const other = writeScratch('after-delete.md', replaceOnce(readFixture(SAMPLE), READING_LINE, STALE_LINE));
    await show(other);
    await waitForRule(other, 'reading-time-mismatch');
    assert.equal(await vscode.commands.executeCommand('articleAuthoring.updateReadingTime', other), 'updated');
  });

  test('Check All Articles stops when its progress is cancelled, reports cancelled, and leaves what it checked', async () => {
    const scratch: vscode.Uri[] = [];
    for (let i = 0; i < 24; i++) scratch[i] = writeScratch(`many-${String(i).padStart(2, '0')}.md`, replaceOnce(readFixture(SAMPLE), READING_LINE, STALE_LINE));
    // The command takes no token: the cancel comes through the progress notification. The command
    // class is run here with this test's window API, whose withProgress hands it a token we cancel
    // after the first files, as the notification's Cancel button would.
    const analyzer = new ArticleAnalyzer();
    const log = recordingLog();
    const diagnostics = new ArticleDiagnostics(analyzer, (id) => vscode.Uri.parse(`https://example.invalid/${id}`), log);
    const source = new vscode.CancellationTokenSource();
    const window = vscode.window as { withProgress: typeof vscode.window.withProgress };
    const original = window.withProgress;
    let reports = 0;
    window.withProgress = ((options: vscode.ProgressOptions, task: Parameters<typeof vscode.window.withProgress>[1]) => {
      assert.equal(options.cancellable, true, 'the progress offers Cancel');
      const progress = { report: () => { if (++reports === 3) source.cancel(); } };
      return Promise.resolve(task(progress, source.token));
    }) as typeof vscode.window.withProgress;
    let result: CheckAllResult;
    try {
      result = await new CheckAllArticlesCommand(analyzer, diagnostics, log).execute();
    } finally {
      window.withProgress = original;
    }
    try {
      const files = (await vscode.workspace.findFiles('**/*.{md,mdx,MD,MDX}', '{**/node_modules/**,**/.*/**}')).length;
      assert.equal(result.cancelled, true);
      assert.ok(result.files >= 3 && result.files < files, `stopped early: ${result.files} of ${files} files`);
      assert.ok(result.files <= 3 + 4, `at most the files already started by the 4 workers: ${result.files}`);
    } finally {
      diagnostics.dispose();
      analyzer.dispose();
      source.dispose();
    }
    // Not cancelled, the same command checks every file. (Its own diagnostics collection, disposed
    // after: the extension's Problems panel is left as the other suites expect it.)
    const fullAnalyzer = new ArticleAnalyzer();
    const fullDiagnostics = new ArticleDiagnostics(fullAnalyzer, (id) => vscode.Uri.parse(`https://example.invalid/${id}`), log);
    try {
      const full = await new CheckAllArticlesCommand(fullAnalyzer, fullDiagnostics, log).execute();
      assert.equal(full.cancelled, false);
      assert.deepEqual(log.messages, [], 'no file failed to be checked');
      assert.ok(full.files >= scratch.length, `${full.files} files checked`);
      assert.ok(vscode.languages.getDiagnostics(scratch[23]).length > 0, 'the last scratch article was checked');
    } finally {
      fullDiagnostics.dispose();
      fullAnalyzer.dispose();
    }
  });
});
