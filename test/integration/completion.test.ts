/**
 * Completion and hover in articles, through the real VS Code API: schema keys in the frontmatter
 * (not the keys already there), enum values, values used across the workspace, keywords in the body
 * (unused first, inserted in bold), hover on keys and keywords, an Astro collection's schema for a
 * new article at once, .mdx files, and the article snippets.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { showFile, waitFor, workspaceUri } from './helpers';

const KEYWORD_ARTICLE = 'authoring/posts/keyword-practice.md';

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertTextOf(item: vscode.CompletionItem): string {
  const text = item.insertText ?? labelOf(item);
  return typeof text === 'string' ? text : text.value;
}

function markdownOf(contents: readonly (vscode.MarkdownString | vscode.MarkedString)[]): string {
  return contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

function documentationOf(item: vscode.CompletionItem): string {
  const documentation = item.documentation;
  return documentation === undefined ? '' : typeof documentation === 'string' ? documentation : documentation.value;
}

/** The items our provider gives at a position (other providers' word and snippet items left out). */
async function complete(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    trigger,
  );
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Snippet && item.kind !== vscode.CompletionItemKind.Text);
}

async function hover(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.map((entry) => markdownOf(entry.contents)).join('\n---\n');
}

/** Replaces the whole document's text (as typing would) and returns the position of `|`, removed. */
async function typeText(editor: vscode.TextEditor, textWithCursor: string): Promise<vscode.Position> {
  const offset = textWithCursor.indexOf('|');
  assert.notEqual(offset, -1);
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  assert.ok(await editor.edit((edit) => edit.replace(whole, text)));
  const position = document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return position;
}

/** Position just after the first occurrence of `marker` in the document. */
function after(document: vscode.TextDocument, marker: string): vscode.Position {
  const at = document.getText().indexOf(marker);
  assert.notEqual(at, -1, `"${marker}" is not in ${document.uri.path}`);
  return document.positionAt(at + marker.length);
}

async function createFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

suite('Completion and hover in articles', () => {
  const created: vscode.Uri[] = [];

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('in a disable comment: completion offers the rule ids it does not name yet; hover says what a named rule finds, or that a name is no rule', async () => {
    const editor = await showFile(KEYWORD_ARTICLE);
    const original = editor.document.getText();
    const position = await typeText(editor, `${original}\n<!-- article-lint-disable faq-missing, head|\n`);
    const items = await complete(editor.document, position);
    const labels = items.map(labelOf);
    assert.ok(labels.includes('heading-multiple-h1'), `heading-multiple-h1 offered; got ${labels.slice(0, 20).join(', ')}`);
    assert.ok(!labels.includes('faq-missing'), 'a rule the comment names already is not offered again');
    const offered = items.find((item) => labelOf(item) === 'heading-multiple-h1')!;
    assert.match(documentationOf(offered), /H1/);

    await typeText(editor, `${original}\n<!-- article-lint-disable-next-line title-length no-such-rule -->\n|`);
    const lines = editor.document.getText().split('\n');
    const line = lines.findIndex((text) => text.includes('article-lint-disable-next-line'));
    const named = await hover(editor.document, new vscode.Position(line, lines[line].indexOf('title-length') + 3));
    assert.match(named, /\*\*title-length\*\* \(default: warning\)/);
    const unknown = await hover(editor.document, new vscode.Position(line, lines[line].indexOf('no-such-rule') + 3));
    assert.match(unknown, /\*\*no-such-rule\*\* is not a rule/);
  });

  test('offers the schema keys not yet in the frontmatter, with descriptions and value snippets', async () => {
    const editor = await showFile(KEYWORD_ARTICLE);
    const original = editor.document.getText();
    const position = await typeText(editor, original.replace('author: "Mara Ilić"\n', 'author: "Mara Ilić"\n|\n'));
    const items = await complete(editor.document, position);
    const labels = items.map(labelOf);

    for (const key of ['slug', 'heroImage', 'heroImageAlt', 'category', 'tags', 'draft', 'readingTime', 'updatedDate']) {
      assert.ok(labels.includes(key), `${key} should be offered; got ${labels.join(', ')}`);
    }
    for (const present of ['title', 'description', 'keywords', 'pubDate', 'author']) {
      assert.ok(!labels.includes(present), `${present} is already in the frontmatter and must not be offered again`);
    }
    const updated = items.find((item) => labelOf(item) === 'updatedDate')!;
    assert.equal(insertTextOf(updated), `updatedDate: \${1:${today()}}`);
    assert.match(documentationOf(updated), /last substantial update/);
    assert.equal(insertTextOf(items.find((item) => labelOf(item) === 'tags')!), 'tags: [$1]');
    assert.equal(insertTextOf(items.find((item) => labelOf(item) === 'draft')!), 'draft: ${1|false,true|}');
    // markdownDescription is preferred over description.
    assert.match(documentationOf(items.find((item) => labelOf(item) === 'slug')!), /\*\*lower-case words joined by hyphens\*\*/);
  });

  test('offers keys while the YAML is momentarily invalid (a bare word being typed)', async () => {
    const editor = await showFile(KEYWORD_ARTICLE);
    const position = await typeText(editor, editor.document.getText().replace('author: "Mara Ilić"\n', 'author: "Mara Ilić"\nhero|\n'));
    const labels = (await complete(editor.document, position)).map(labelOf);
    assert.ok(labels.includes('heroImage') && labels.includes('heroImageAlt'), labels.join(', '));
  });

  test('offers the categories used across the workspace', async () => {
    const editor = await showFile(KEYWORD_ARTICLE);
    const position = await typeText(editor, editor.document.getText().replace('author: "Mara Ilić"\n', 'author: "Mara Ilić"\ncategory: |\n'));
    let labels: string[] = [];
    // The index is built in the background: the first answers may be incomplete.
    for (let attempt = 0; attempt < 60 && !(labels.includes('Food') && labels.includes('Travel')); attempt++) {
      labels = (await complete(editor.document, position)).map(labelOf);
      if (!(labels.includes('Food') && labels.includes('Travel'))) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.ok(labels.includes('Food') && labels.includes('Travel'), `got ${labels.join(', ')}`);
  });

  test('offers authors and tags in use, without the items already in the list', async () => {
    const editor = await showFile(KEYWORD_ARTICLE);
    let position = await typeText(editor, editor.document.getText().replace('author: "Mara Ilić"', 'author: "|"'));
    let items: vscode.CompletionItem[] = [];
    for (let attempt = 0; attempt < 60; attempt++) {
      items = await complete(editor.document, position);
      if (items.some((item) => labelOf(item) === 'Jonas Berg')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const jonas = items.find((item) => labelOf(item) === 'Jonas Berg');
    assert.ok(jonas, `got ${items.map(labelOf).join(', ')}`);
    assert.equal(insertTextOf(jonas), 'Jonas Berg', 'inside quotes the value is inserted without new quotes');
    assert.match(jonas.detail ?? '', /used in 2 articles/);

    position = await typeText(editor, editor.document.getText().replace('author: ""\n', 'author: "Mara Ilić"\ntags: [bread, |]\n'));
    const tags = (await complete(editor.document, position)).map(labelOf);
    assert.ok(tags.includes('rye') && tags.includes('hiking'), tags.join(', '));
    assert.ok(!tags.includes('bread'), 'bread is already in the list');
  });

  test('offers the frontmatter keywords in the body as **keyword**, unused ones first', async () => {
    const editor = await showFile(KEYWORD_ARTICLE);
    const text = editor.document.getText();
    const position = await typeText(editor, text.replace('is easier to shape.\n', 'is easier to shape. **|\n'));
    const items = await complete(editor.document, position, '*');
    const keywords = items.filter((item) => item.kind === vscode.CompletionItemKind.Keyword);
    assert.deepEqual(keywords.map(labelOf).sort(), ['bread dough', 'cold proofing', 'proofing box']);
    const sorted = [...keywords].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
    assert.equal(labelOf(sorted[0]), 'proofing box', 'the unused keyword comes first');
    assert.equal(insertTextOf(sorted[0]), '**proofing box**');
    const range = sorted[0].range as vscode.Range;
    assert.equal(editor.document.getText(range), '**', 'the typed ** is replaced by the bold keyword');
    assert.match(String(sorted[0].detail), /not used/);

    // Applying it gives the bold keyword once.
    await editor.edit((edit) => edit.replace(range, insertTextOf(sorted[0])));
    assert.ok(editor.document.getText().includes('is easier to shape. **proofing box**\n'));
  });

  test('offers keywords on a word prefix when invoked, and nothing inside code', async () => {
    const editor = await showFile(KEYWORD_ARTICLE);
    let position = await typeText(editor, editor.document.getText().replace('is easier to shape.\n', 'is easier to shape. proo|\n'));
    let keywords = (await complete(editor.document, position)).filter((item) => item.kind === vscode.CompletionItemKind.Keyword);
    assert.ok(keywords.some((item) => labelOf(item) === 'proofing box'));
    assert.equal(editor.document.getText(keywords[0].range as vscode.Range), 'proo');

    position = await typeText(editor, editor.document.getText().replace(' proo\n', '\n\n```\n**|\n```\n'));
    keywords = (await complete(editor.document, position, '*')).filter((item) => item.kind === vscode.CompletionItemKind.Keyword);
    assert.deepEqual(keywords, []);
  });

  test('hover shows a key\'s description and a keyword\'s usage count', async () => {
    const editor = await showFile(KEYWORD_ARTICLE);
    const document = editor.document;

    const keyHover = await hover(document, after(document, '\ndescr'));
    assert.match(keyHover, /meta description/i);

    const bodyHover = await hover(document, after(document, '**Bread do'));
    assert.match(bodyHover, /Used \*\*3\*\* times/, bodyHover);

    const listHover = await hover(document, after(document, 'keywords: [cold proofing, bread dough, proofing b'));
    assert.match(listHover, /Not used in the text yet/, listHover);
  });

  test('a new article in an Astro collection gets its collection\'s keys and enums at once', async () => {
    const uri = await createFile('src/content/recipes/new-loaf.md', '---\ntitle: "A new loaf"\n\n---\n\nBody.\n');
    created.push(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const labels = (await complete(document, new vscode.Position(2, 0))).map(labelOf);
    assert.ok(labels.includes('servings') && labels.includes('difficulty'), `got ${labels.join(', ')}`);
    assert.ok(!labels.includes('heroImageAlt'), 'the built-in schema must not apply to the collection');
    assert.ok(!labels.includes('$schema'));
    assert.ok(!labels.includes('title'));

    const position = await typeText(editor, '---\ntitle: "A new loaf"\ndifficulty: |\n---\n\nBody.\n');
    const values = (await complete(document, position)).map(labelOf);
    assert.deepEqual(values.filter((value) => ['easy', 'medium', 'hard'].includes(value)), ['easy', 'medium', 'hard']);
  });

  test('works in .mdx articles', async () => {
    const uri = await createFile('authoring/posts/component-post.mdx', '---\ntitle: "Components"\n\n---\n\nimport Chart from "./Chart.astro";\n');
    created.push(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const labels = (await complete(document, new vscode.Position(2, 0))).map(labelOf);
    assert.ok(labels.includes('description') && labels.includes('pubDate'), `got ${labels.join(', ')} (language ${document.languageId})`);
    const keyHover = await hover(document, new vscode.Position(1, 2));
    assert.match(keyHover, /headline/);
  });

  test('the frontmatter snippet fills in today\'s date and a slug from the file name', async () => {
    const uri = await createFile('authoring/posts/My First Post.md', '');
    created.push(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Article frontmatter' });
    await waitFor(() => document.getText().length > 0, 'the snippet to be inserted', 10_000);
    const text = document.getText();
    assert.match(text, /^---\ntitle: "Article title"\n/);
    assert.ok(text.includes('slug: "my-first-post"\n'), text);
    assert.ok(text.includes(`pubDate: ${today()}\n`), text);
  });
});
