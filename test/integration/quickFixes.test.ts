/**
 * Quick fixes (issue 5): each offered through `vscode.executeCodeActionProvider` for its diagnostic,
 * applied, compared as the whole text, and undone in one step; "fix all" likewise; and a fix offered
 * for an older version never writes over newer text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanUp, readFixture, replaceOnce, ruleOf, SAMPLE, show, undoOnce, waitForDiagnostics, waitForRule, writeScratch } from './authoringHelpers';

const APPLY_FIX = 'articleAuthoring.applyFix';
const FIX_ALL_KIND = 'source.fixAll.articleAuthoring';
const JAR_IMAGE = '![A glass jar of bubbly sourdough starter on a wooden counter](/starter-jar.png)';
const HERO_ALT_LINE = 'heroImageAlt: "A sourdough loaf cooling on a rack in a mountain cabin kitchen"\n';
const SLUG_LINE = 'slug: "sourdough-at-altitude"\n';
const READING_LINE = 'readingTime: "4 minutes"\n';
const KEYWORDS_END = 'mountain kitchen]';
const Q3_ANSWER = 'A slightly hotter start and a longer, cooler finish protect oven spring and bake the centre through.\n';

const sample = () => readFixture(SAMPLE);
const withoutFaq = () => sample().slice(0, sample().indexOf('## Frequently Asked Questions')).replace(/\n+$/, '\n');
const FAQ_SKELETON = [
  '## Frequently Asked Questions (FAQs)',
  '',
  '### Q1. A question your readers ask?',
  'Answer it in one or two sentences.',
  '',
  '### Q2. Another question?',
  'Answer it here.',
  '',
  '### Q3. A third question?',
  'Answer it here.',
  '',
].join('\n');

interface FixCase {
  name?: string;
  ruleId: string;
  before: () => string;
  after: () => string;
  /** The text left selected for the author to edit, if any. */
  selected?: string;
  /** Where the cursor is left for the author to type (an offset in the text after the fix), if anywhere. */
  cursor?: () => number;
}

const EMPTY_ALT_IMAGE = '![](/starter-jar.png)';
const HERO_ALT_EMPTY = 'heroImageAlt: ""\n';

const CASES: FixCase[] = [
  {
    // A blank alt becomes an empty one, with the cursor inside the brackets: the author writes it.
    ruleId: 'image-alt-missing',
    before: () => replaceOnce(sample(), JAR_IMAGE, '![ ](/starter-jar.png)'),
    after: () => replaceOnce(sample(), JAR_IMAGE, EMPTY_ALT_IMAGE),
    cursor: () => replaceOnce(sample(), JAR_IMAGE, EMPTY_ALT_IMAGE).indexOf(EMPTY_ALT_IMAGE) + 2,
  },
  {
    name: 'image-alt-missing on <img>',
    ruleId: 'image-alt-missing',
    before: () => replaceOnce(sample(), JAR_IMAGE, '<img src="/starter-jar.png">'),
    after: () => replaceOnce(sample(), JAR_IMAGE, '<img alt="" src="/starter-jar.png">'),
    cursor: () => replaceOnce(sample(), JAR_IMAGE, '<img alt="" src="/starter-jar.png">').indexOf('<img alt="') + '<img alt="'.length,
  },
  {
    ruleId: 'hero-image-alt-missing',
    before: () => replaceOnce(sample(), HERO_ALT_LINE, ''),
    after: () => replaceOnce(sample(), HERO_ALT_LINE, HERO_ALT_EMPTY),
    cursor: () => replaceOnce(sample(), HERO_ALT_LINE, HERO_ALT_EMPTY).indexOf(HERO_ALT_EMPTY) + 'heroImageAlt: "'.length,
  },
  { ruleId: 'faq-missing', before: withoutFaq, after: () => `${withoutFaq()}\n${FAQ_SKELETON}` },
  {
    ruleId: 'faq-answer-missing',
    before: () => replaceOnce(sample(), Q3_ANSWER, ''),
    after: () => replaceOnce(sample(), Q3_ANSWER, 'TODO: answer this question.\n'),
  },
  { ruleId: 'reading-time-mismatch', before: () => replaceOnce(sample(), READING_LINE, 'readingTime: "9 minutes"\n'), after: sample },
  { ruleId: 'slug-format', before: () => replaceOnce(sample(), SLUG_LINE, 'slug: "Sourdough At Altitude"\n'), after: sample },
  { ruleId: 'frontmatter-unknown-key', before: () => replaceOnce(sample(), 'heroImageAlt:', 'heroImgAlt:'), after: sample },
  { ruleId: 'keyword-duplicate', before: () => replaceOnce(sample(), KEYWORDS_END, 'mountain kitchen, Oven-Spring]'), after: sample },
];

async function quickFixFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const ruleId = ruleOf(diagnostic);
  const action = actions.find((a) => fixedRule(a) === ruleId);
  assert.ok(action, `a quick fix for ${diagnostic.message}; offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(action.isPreferred, true);
  assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
  return action;
}

/** The rule a quick fix of ours fixes (its command's argument; the API returns actions without their diagnostics). */
function fixedRule(action: vscode.CodeAction): string | undefined {
  if (action.command?.command !== APPLY_FIX) return undefined;
  const target = action.command.arguments?.[0] as { ruleId?: string; disable?: string } | undefined;
  // "Disable <rule> for this line / file" turns the rule off rather than fixing the problem.
  return target?.disable ? undefined : target?.ruleId;
}

function run(action: vscode.CodeAction): Thenable<unknown> {
  return vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
}

suite('Authoring: quick fixes', () => {
  teardown(cleanUp);

  for (const fixCase of CASES) {
    test(`${fixCase.name ?? fixCase.ruleId}: the fix gives the expected text${fixCase.cursor ? ' with the cursor left where the author types' : ''}, and one undo restores it`, async () => {
      const before = fixCase.before();
      const after = fixCase.after();
      assert.notEqual(before, after);
      const uri = writeScratch(`fix-${(fixCase.name ?? fixCase.ruleId).replace(/[^a-z0-9-]+/gi, '-')}.md`, before);
      const editor = await show(uri);
      const { document } = editor;
      const diagnostic = await waitForRule(uri, fixCase.ruleId);
      const action = await quickFixFor(uri, diagnostic);

      assert.equal(await run(action), 'applied');
      assert.equal(document.getText(), after);
      if (fixCase.selected) assert.equal(document.getText(editor.selection), fixCase.selected, 'the placeholder is left selected');
      if (fixCase.cursor) {
        const active = vscode.window.activeTextEditor;
        assert.equal(active?.document, document, 'the article stays in the active editor');
        assert.ok(active!.selection.isEmpty, 'nothing is selected');
        assert.equal(document.offsetAt(active!.selection.active), fixCase.cursor(), 'the cursor is inside the empty alt');
      }

      await undoOnce(document);
      assert.equal(document.getText(), before);
      assert.equal(document.isDirty, false, 'one undo returns to the saved text');
    });
  }

  test('"Disable faq-missing for this file" writes one comment after the frontmatter: the finding is gone, one undo restores the text', async () => {
    const before = withoutFaq();
    const uri = writeScratch('disable-file.md', before);
    const { document } = await show(uri);
    const diagnostic = await waitForRule(uri, 'faq-missing');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    // The finding is on the frontmatter's first line: only the whole file can be disabled there.
    assert.ok(!titles.includes('Disable faq-missing for this line'), titles.join(' | '));
    const disable = actions.find((action) => action.title === 'Disable faq-missing for this file');
    assert.ok(disable, titles.join(' | '));
    assert.equal(await run(disable), 'applied');
    const frontmatterEnd = before.indexOf('\n---\n') + '\n---\n'.length;
    assert.equal(document.getText(), `${before.slice(0, frontmatterEnd)}<!-- article-lint-disable-file faq-missing -->\n${before.slice(frontmatterEnd)}`);
    await waitForDiagnostics(uri, (all) => !all.some((d) => ruleOf(d) === 'faq-missing'), 'no faq-missing diagnostic');
    await undoOnce(document);
    assert.equal(document.getText(), before);
    await waitForRule(uri, 'faq-missing');
  });

  test('"Fix all safe problems" is a source.fixAll.articleAuthoring action: readingTime fixed, the slug left (it moves the page), one undo', async () => {
    const before = replaceOnce(replaceOnce(sample(), SLUG_LINE, 'slug: "Sourdough At Altitude"\n'), READING_LINE, 'readingTime: "9 minutes"\n');
    const uri = writeScratch('fix-all.md', before);
    const { document } = await show(uri);
    await waitForRule(uri, 'slug-format');
    await waitForRule(uri, 'reading-time-mismatch');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, FIX_ALL_KIND);
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    assert.equal(actions[0].kind?.value, FIX_ALL_KIND);
    // Only source actions were asked for: no quick fix comes with it (context.only respected).
    assert.ok(!actions.some((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value));

    assert.equal(await run(actions[0]), 1);
    assert.equal(document.getText(), replaceOnce(sample(), SLUG_LINE, 'slug: "Sourdough At Altitude"\n'));
    await undoOnce(document);
    assert.equal(document.getText(), before);
  });

  test('with editor.codeActionsOnSave, saving applies the safe fixes', async () => {
    const before = replaceOnce(sample(), READING_LINE, 'readingTime: "9 minutes"\n');
    const uri = writeScratch('fix-on-save.md', before);
    const editor = await show(uri);
    const { document } = editor;
    await waitForRule(uri, 'reading-time-mismatch');
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await settings.update('codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      await editor.edit((builder) => builder.insert(new vscode.Position(document.lineCount - 1, 0), 'One more line.\n'));
      assert.ok(await document.save());
      assert.equal(document.getText(), replaceOnce(before, 'readingTime: "9 minutes"\n', READING_LINE) + 'One more line.\n');
      assert.equal(document.isDirty, false);
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  test('only our own diagnostics get our fixes, and quick fixes are not offered when only source actions are asked for', async () => {
    const uri = writeScratch('filter.md', replaceOnce(sample(), READING_LINE, 'readingTime: "9 minutes"\n'));
    await show(uri);
    const diagnostic = await waitForRule(uri, 'reading-time-mismatch');
    const sourceOnly = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, 'source');
    assert.ok(!sourceOnly.some((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value));

    // Another tool's diagnostic with the same code on the same range gets nothing from us.
    const foreign = vscode.languages.createDiagnosticCollection('another-linter');
    try {
      const theirs = new vscode.Diagnostic(diagnostic.range, 'their message', vscode.DiagnosticSeverity.Warning);
      theirs.source = 'another-linter';
      theirs.code = 'reading-time-mismatch';
      foreign.set(uri, [theirs]);
      const quickFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fixes = quickFixes.filter((a) => fixedRule(a) === 'reading-time-mismatch');
      assert.equal(fixes.length, 1, `one fix, for our diagnostic only: ${quickFixes.map((a) => a.title).join(' | ')}`);
    } finally {
      foreign.dispose();
    }
  });

  test('a fix offered before the document changed is recomputed from the current text, never written over it', async () => {
    const before = replaceOnce(sample(), READING_LINE, 'readingTime: "9 minutes"\n');
    const uri = writeScratch('stale-fix.md', before);
    const editor = await show(uri);
    const { document } = editor;
    const action = await quickFixFor(uri, await waitForRule(uri, 'reading-time-mismatch'));

    // Meanwhile the author edits the title, above readingTime: every offset after it moves.
    const title = 'title: "Sourdough at Altitude';
    const titleAt = document.positionAt(document.getText().indexOf(title) + 'title: "'.length);
    await editor.edit((builder) => builder.insert(titleAt, 'Baking '));
    const edited = document.getText();

    assert.equal(await run(action), 'applied');
    assert.equal(document.getText(), replaceOnce(edited, 'readingTime: "9 minutes"\n', READING_LINE));
  });

  test('a fix whose problem was fixed by hand meanwhile changes nothing', async () => {
    const uri = writeScratch('gone-fix.md', replaceOnce(sample(), JAR_IMAGE, '![](/starter-jar.png)'));
    const editor = await show(uri);
    const { document } = editor;
    const action = await quickFixFor(uri, await waitForRule(uri, 'image-alt-missing'));

    const at = document.positionAt(document.getText().indexOf('![](/starter-jar.png)') + 2);
    await editor.edit((builder) => builder.insert(at, 'A jar of starter'));
    const typed = document.getText();
    assert.equal(await run(action), 'gone');
    assert.equal(document.getText(), typed);
  });
});
