/**
 * The Article commands (issue 5), run as the palette runs them but with their optional arguments
 * in place of the input box and quick pick; each result checked on the text, the disk, the
 * clipboard or the Problems data.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { cleanUp, FLAWED, FLAWED_EXPECTED, ours, readFixture, replaceOnce, ruleOf, SAMPLE, show, waitForDiagnostics, writeScratch } from './authoringHelpers';
import { waitFor, workspaceUri } from './helpers';

const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

const newArticleText = (title: string, slug: string) =>
  [
    '---',
    `title: ${JSON.stringify(title)}`,
    'description: ""',
    `slug: "${slug}"`,
    'keywords: []',
    `pubDate: ${today()}`,
    'readingTime: "1 minute"',
    '---',
    '',
    `# ${title}`,
    '',
    '## Introduction',
    '',
    '',
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

const sample = () => readFixture(SAMPLE);
const created: vscode.Uri[] = [];

suite('Authoring: Article commands', () => {
  teardown(async () => {
    await cleanUp();
    for (const uri of created.splice(0)) fs.rmSync(uri.fsPath, { force: true });
  });

  test('New Article creates <slug>.md next to the active article from the template with today\'s date, opens it, and checks it at once', async () => {
    await show(workspaceUri(SAMPLE));
    const title = 'Winter Tyres & Snow Chains: A Buyer’s Guide for 2,000 m Passes';
    const uri = await vscode.commands.executeCommand<vscode.Uri>('articleAuthoring.newArticle', { title });
    assert.ok(uri, 'a file was created');
    created.push(uri);
    const slug = 'winter-tyres-and-snow-chains-a-buyers-guide-for-2000-m-passes';
    assert.equal(uri.toString(), workspaceUri(`lint/posts/${slug}.md`).toString());
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), newArticleText(title, slug));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 12, 'the cursor waits under "## Introduction"');
    // Checked at once: the empty description is reported without any edit.
    await waitForDiagnostics(uri, (all) => all.some((d) => ruleOf(d) === 'description-length' || ruleOf(d) === 'frontmatter-schema'), 'the new article to be checked');

    // The same title again: nothing is overwritten.
    assert.equal(await vscode.commands.executeCommand('articleAuthoring.newArticle', { title }), undefined);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), newArticleText(title, slug));
  });

  test('New Article uses articleAuthoring.newArticleFolder, and src/content/blog when no article is active', async () => {
    const settings = vscode.workspace.getConfiguration('articleAuthoring');
    await settings.update('newArticleFolder', 'lint/drafts', vscode.ConfigurationTarget.Workspace);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('articleAuthoring.newArticle', { title: 'Drafted Somewhere Else Entirely' });
      created.push(uri);
      assert.equal(uri.toString(), workspaceUri('lint/drafts/drafted-somewhere-else-entirely.md').toString());
      assert.ok(fs.existsSync(uri.fsPath));
    } finally {
      await settings.update('newArticleFolder', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(workspaceUri('lint/drafts').fsPath, { recursive: true, force: true });
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('articleAuthoring.newArticle', { title: 'Where New Articles Go by Default' });
    created.push(uri);
    assert.equal(uri.toString(), workspaceUri('src/content/blog/where-new-articles-go-by-default.md').toString());
  });

  test('Insert FAQ Section appends the skeleton to an article without one, with the first question selected', async () => {
    const before = sample().slice(0, sample().indexOf('## Frequently Asked Questions')).replace(/\n+$/, '\n');
    const uri = writeScratch('insert-faq.md', before);
    const editor = await show(uri);
    assert.equal(await vscode.commands.executeCommand('articleAuthoring.insertFaqSection'), 'section');
    const template = newArticleText('x', 'x');
    const skeleton = template.slice(template.indexOf('## Frequently'));
    assert.equal(editor.document.getText(), `${before}\n${skeleton}`);
    assert.equal(editor.document.getText(editor.selection), 'A question your readers ask');
  });

  test('Insert FAQ Section adds the next question to an existing FAQ section', async () => {
    const uri = writeScratch('insert-question.md', sample());
    const editor = await show(uri);
    assert.equal(await vscode.commands.executeCommand('articleAuthoring.insertFaqSection'), 'question');
    assert.equal(editor.document.getText(), `${sample()}\n### Q5. Another question?\nAnswer it here.\n`);
    assert.equal(editor.document.getText(editor.selection), 'Another question');
  });

  test('Insert Image inserts ![alt](/path) at the cursor', async () => {
    const uri = writeScratch('insert-image.md', sample());
    const editor = await show(uri);
    const at = editor.document.positionAt(sample().indexOf('## Adjusting the Starter'));
    editor.selection = new vscode.Selection(at, at);
    const inserted = await vscode.commands.executeCommand('articleAuthoring.insertImage', { path: '/crumb-comparison.png', alt: 'Two crumbs [side by side]' });
    assert.equal(inserted, '![Two crumbs \\[side by side\\]](/crumb-comparison.png)');
    assert.equal(editor.document.getText(), replaceOnce(sample(), '## Adjusting the Starter', `${inserted}## Adjusting the Starter`));
  });

  test('Insert Keyword inserts **keyword** over the selection', async () => {
    const uri = writeScratch('insert-keyword.md', sample());
    const editor = await show(uri);
    const start = sample().indexOf('Bakers who move');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'Bakers'.length));
    assert.equal(await vscode.commands.executeCommand('articleAuthoring.insertKeyword', { keyword: 'high altitude baking' }), '**high altitude baking**');
    assert.equal(editor.document.getText(), replaceOnce(sample(), 'Bakers who move', '**high altitude baking** who move'));
  });

  test('Generate Slug from Title writes slug after title as one minimal edit', async () => {
    const before = replaceOnce(sample(), 'slug: "sourdough-at-altitude"\n', '');
    const uri = writeScratch('generate-slug.md', before);
    const { document } = await show(uri);
    const slug = 'sourdough-at-altitude-why-your-loaf-collapses-above-2000-m';
    assert.equal(await vscode.commands.executeCommand('articleAuthoring.generateSlug'), slug);
    const titleLine = 'title: "Sourdough at Altitude: Why Your Loaf Collapses Above 2,000 m"\n';
    assert.equal(document.getText(), replaceOnce(before, titleLine, `${titleLine}slug: "${slug}"\n`));
  });

  test('Copy FAQ as JSON-LD puts the FAQPage JSON-LD on the clipboard', async () => {
    await show(workspaceUri(SAMPLE));
    await vscode.env.clipboard.writeText('');
    const json = await vscode.commands.executeCommand<string>('articleAuthoring.copyFaqJsonLd');
    assert.ok(json);
    assert.equal(await vscode.env.clipboard.readText(), json);
    const data = JSON.parse(json);
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'FAQPage');
    assert.equal(data.mainEntity.length, 4);
    assert.deepEqual(data.mainEntity[1], {
      '@type': 'Question',
      name: 'Should I use more or less water at altitude?',
      acceptedAnswer: { '@type': 'Answer', text: 'Usually more. Start with 2 to 4 percent extra water and adjust from there.' },
    });
  });

  test('Check All Articles fills the Problems panel for articles that are not open, and skips plain Markdown', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const unopened = writeScratch('never-opened-flawed.md', readFixture(FLAWED));
    const expected = JSON.parse(readFixture(FLAWED_EXPECTED)) as Array<{ ruleId: string; line: number }>;
    assert.deepEqual(ours(unopened), []);
    const result = await vscode.commands.executeCommand<{ files: number; articles: number; warnings: number; cancelled: boolean }>(
      'articleAuthoring.checkAllArticles',
    );
    assert.equal(result.cancelled, false);
    assert.ok(result.articles >= 5 && result.files > result.articles, JSON.stringify(result));
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), false, 'the file was not opened');
    const diagnostics = ours(unopened);
    assert.deepEqual(
      diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).sort(),
      expected.map((e) => `${e.ruleId}@${e.line}`).sort(),
    );
    assert.deepEqual(ours(workspaceUri('notes/README.md')), []);
  });

  test('on a file that is not an article every command declines and changes nothing', async () => {
    const editor = await show(workspaceUri('notes/README.md'));
    const original = editor.document.getText();
    for (const [command, args] of [
      ['articleAuthoring.insertFaqSection', undefined],
      ['articleAuthoring.insertImage', { path: '/x.png', alt: 'x' }],
      ['articleAuthoring.insertKeyword', { keyword: 'x' }],
      ['articleAuthoring.generateSlug', undefined],
      ['articleAuthoring.copyFaqJsonLd', undefined],
      ['articleAuthoring.fixAll', undefined],
    ] as const) {
      const result = await vscode.commands.executeCommand(command, args);
      assert.ok(result === undefined || result === 0, `${command} returned ${JSON.stringify(result)}`);
      assert.equal(editor.document.getText(), original, command);
    }
    await waitFor(() => !editor.document.isDirty, 'the README to stay unchanged');
  });
});
