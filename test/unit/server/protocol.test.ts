/**
 * The language server spoken to as a client speaks to it: the compiled server run over stdio, every
 * feature asked for through the protocol on fixture sites (temporary copies), and every bad input a
 * client can send.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentLink, Hover, InitializeResult, Location } from 'vscode-languageserver/node';
import { siteRuleRegistry } from '../../../src/core';
import {
  applyTextEdits,
  brief,
  delay,
  diagnosticsFor,
  editsOf,
  FIXTURES,
  initialize,
  openFile,
  settledDiagnostics,
  startServerProcess,
  tempCopy,
  uriOf,
  type ServerRun,
} from './lspClient';

const SITE_RULES = new Set(siteRuleRegistry.map((rule) => rule.id));

/** `rule-id line` of a site's expected.json entry ("title-length 2:1-2:15 warning"). */
function expectedOf(site: string, file: string): string[] {
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sites', site, 'expected.json'), 'utf8')) as Record<string, { findings: string[] }>;
  return expected[file].findings.map((finding) => {
    const [ruleId, range] = finding.split(' ');
    return `${ruleId} ${range.split(':')[0]}`;
  });
}

const LINKING_POST = [
  '---',
  'title: "Linking to the lake trail from another post"',
  'description: "A post that links to the lake trail, for the language server tests."',
  'date: 2026-03-04',
  '---',
  '',
  '# Linking',
  '',
  'See [the spring trail](yaml-post.md#the-lake-trail-in-spring) and [home](/).',
  '',
].join('\n');

const sorted = (values: readonly string[]) => [...values].sort();

describe('language server: the protocol (article-language-server --stdio)', function () {
  this.timeout(60_000);
  let run: ServerRun;
  let hugo: string;
  let generic: string;
  let init: InitializeResult;
  const flawed = () => path.join(hugo, 'content', 'posts', 'flawed.md');

  before(async () => {
    hugo = tempCopy(path.join(FIXTURES, 'sites', 'hugo'));
    fs.writeFileSync(path.join(hugo, 'content', 'posts', 'linking.md'), LINKING_POST);
    generic = tempCopy(path.join(FIXTURES, 'examples'));
    fs.rmSync(path.join(generic, 'astro-site'), { recursive: true });
    run = startServerProcess();
    init = await initialize(run, [hugo, generic]);
  });

  after(async () => {
    await run?.stop();
    for (const folder of [hugo, generic]) if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('answers initialize with incremental sync, the trigger characters and the fix-all kind', () => {
    const capabilities = init.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: false });
    assert.deepEqual(sorted(capabilities.completionProvider?.triggerCharacters ?? []), sorted(['*', ':', '[', ',', '"', '(', '/', '#']));
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.articleLint'] });
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['articleAuthoring.updateReadingTime'] });
    assert.equal(init.serverInfo?.name, 'article-language-server');
  });

  it('publishes the exact rule ids and lines of a Hugo article, each code linked to its rule page', async () => {
    const uri = await openFile(run, flawed());
    const diagnostics = await diagnosticsFor(run, uri, (found) => found.some((diagnostic) => SITE_RULES.has(String(diagnostic.code))));
    const own = diagnostics.filter((diagnostic) => !SITE_RULES.has(String(diagnostic.code)));
    assert.deepEqual(sorted(own.map(brief)), sorted(expectedOf('hugo', 'content/posts/flawed.md')));
    // No other article of the site links to it.
    assert.deepEqual(diagnostics.filter((diagnostic) => SITE_RULES.has(String(diagnostic.code))).map(brief), ['article-orphan 1']);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'article-lint');
      const page = fileURLToPath(diagnostic.codeDescription!.href);
      assert.equal(path.basename(page), `${String(diagnostic.code)}.md`);
      assert.ok(fs.existsSync(page), page);
    }
    const title = diagnostics.find((diagnostic) => diagnostic.code === 'title-length')!;
    assert.deepEqual(title.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } });
    assert.equal(title.severity, 2);
  });

  it('publishes the exact rule ids and lines of a generic article', async () => {
    const file = path.join(generic, 'flawed-article.md');
    const uri = await openFile(run, file);
    const diagnostics = await settledDiagnostics(run, uri);
    const expected = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'examples', 'flawed-article.expected.json'), 'utf8')) as { ruleId: string; line: number }[]).map(
      (finding) => `${finding.ruleId} ${finding.line}`,
    );
    assert.deepEqual(sorted(diagnostics.filter((diagnostic) => !SITE_RULES.has(String(diagnostic.code))).map(brief)), sorted(expected));
  });

  it('offers each finding\'s fix as a versioned edit that gives the fixed text, and fix-all of the safe ones', async () => {
    const file = flawed();
    const uri = uriOf(file);
    const text = fs.readFileSync(file, 'utf8');
    const diagnostics = await diagnosticsFor(run, uri);
    const unknownKey = diagnostics.find((diagnostic) => diagnostic.code === 'frontmatter-unknown-key')!;
    const actions = await run.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: unknownKey.range,
      context: { diagnostics: [unknownKey] },
    });
    assert.deepEqual(
      actions.map((action) => `${action.kind}: ${action.title}`),
      ['quickfix: Rename weigth to weight', 'quickfix: Disable frontmatter-unknown-key for this file', 'source.fixAll.articleLint: Fix all safe problems (1)'],
    );
    const rename = actions[0];
    assert.equal(rename.isPreferred, true);
    assert.deepEqual(rename.diagnostics, [unknownKey]);
    assert.equal((rename.edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 1);
    assert.equal(applyTextEdits(text, editsOf(rename.edit, uri)), text.replace('weigth = 3', 'weight = 3'));

    const disable = applyTextEdits(text, editsOf(actions[1].edit, uri));
    assert.equal(disable, text.replace('+++\n\n# A flawed page', '+++\n<!-- article-lint-disable-file frontmatter-unknown-key -->\n\n# A flawed page'));

    const fixAll = await run.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(fixAll.map((action) => action.title), ['Fix all safe problems (1)']);
    assert.equal(applyTextEdits(text, editsOf(fixAll[0].edit, uri)), text.replace('readingTime = 9', 'readingTime = 1'));

    const onlyQuickFixes = await run.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: unknownKey.range,
      context: { diagnostics: [unknownKey], only: ['quickfix'] },
    });
    assert.ok(onlyQuickFixes.every((action) => action.kind === 'quickfix'));
  });

  it('completes a frontmatter key with the site profile\'s keys, the present ones left out', async () => {
    const uri = uriOf(flawed());
    const result = await run.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 9, character: 0 },
      context: { triggerKind: 1 },
    });
    const labels = result.map((item) => item.label);
    for (const key of ['linkTitle', 'summary', 'tags', 'draft', 'aliases']) assert.ok(labels.includes(key), `${key} in ${labels.join(', ')}`);
    for (const present of ['title', 'description', 'date']) assert.ok(!labels.includes(present), `${present} is present already`);
    const linkTitle = result.find((item) => item.label === 'linkTitle')!;
    assert.equal(linkTitle.insertTextFormat, 2);
    assert.deepEqual(linkTitle.textEdit, { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: 'linkTitle = "$1"' });
  });

  it('completes a keyword in the body, unused first', async () => {
    const file = path.join(hugo, 'content', 'posts', 'yaml-post.md');
    const uri = await openFile(run, file);
    const text = fs.readFileSync(file, 'utf8');
    const line = text.split('\n').indexOf('Plan the route with **lake trail** in mind, and pack a light shell for the climb.');
    const result = await run.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 'Plan the route with **l'.length },
      context: { triggerKind: 1 },
    });
    assert.deepEqual(result.map((item) => [item.label, item.labelDetails?.description, item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined]), [
      ['lake trail', 'used 4×', '**lake trail**'],
    ]);
  });

  it('completes a frontmatter value from the schema and from the site\'s other articles', async () => {
    const file = path.join(generic, 'sample-article.md');
    const text = fs.readFileSync(file, 'utf8').replace(/^keywords:.*$/m, 'keywords: [');
    const uri = await openFile(run, file, 'markdown', text);
    const line = text.split('\n').indexOf('keywords: [');
    const result = await run.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 'keywords: ['.length },
      context: { triggerKind: 2, triggerCharacter: '[' },
    });
    const items = Array.isArray(result) ? result : result.items;
    // flawed-article.md's keywords, used in one other article of the folder.
    assert.ok(items.some((item) => item.label === 'winter tyres' && item.detail === 'used in 1 article'), JSON.stringify(items.map((item) => item.label)));
  });

  it('shows a frontmatter key\'s documentation on hover, and a keyword\'s use', async () => {
    const uri = uriOf(flawed());
    const hover = await run.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
    const value = (hover.contents as { kind: string; value: string }).value;
    assert.equal((hover.contents as { kind: string }).kind, 'markdown');
    assert.match(value, /^\*\*title\*\* · text\n\n/);
    assert.match(value, /\*From the Hugo front matter\.\*$/);
    const yaml = uriOf(path.join(hugo, 'content', 'posts', 'yaml-post.md'));
    const keyword = await run.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: yaml }, position: { line: 13, character: 14 } });
    assert.match((keyword.contents as { value: string }).value, /^\*\*Keyword\*\* `lake trail`\n\nUsed \*\*4\*\* times in the text\./);
  });

  it('goes to the definition of a link: the target article at its heading', async () => {
    const file = path.join(hugo, 'content', 'posts', 'linking.md');
    const uri = await openFile(run, file);
    const location = await run.connection.sendRequest<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 8, character: 8 } });
    const target = path.join(hugo, 'content', 'posts', 'yaml-post.md');
    const heading = fs.readFileSync(target, 'utf8').split('\n').indexOf('## The lake trail in spring');
    assert.deepEqual(location, { uri: uriOf(target), range: { start: { line: heading, character: 0 }, end: { line: heading, character: 0 } } });
    const outside = await run.connection.sendRequest<Location | null>('textDocument/definition', { textDocument: { uri }, position: { line: 6, character: 3 } });
    assert.equal(outside, null);
  });

  it('finds the references of an article\'s title: the links that reach it', async () => {
    const uri = uriOf(path.join(hugo, 'content', 'posts', 'yaml-post.md'));
    const references = await run.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: { line: 1, character: 10 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(references, [
      { uri: uriOf(path.join(hugo, 'content', 'posts', 'linking.md')), range: { start: { line: 8, character: 4 }, end: { line: 8, character: 61 } } },
    ]);
  });

  it('lists the document links of an article with where they lead', async () => {
    const uri = uriOf(path.join(hugo, 'content', 'posts', 'linking.md'));
    const links = await run.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    const target = path.join(hugo, 'content', 'posts', 'yaml-post.md');
    const heading = fs.readFileSync(target, 'utf8').split('\n').indexOf('## The lake trail in spring');
    assert.deepEqual(links, [
      { range: { start: { line: 8, character: 23 }, end: { line: 8, character: 60 } }, target: `${uriOf(target)}#L${heading + 1}` },
      { range: { start: { line: 8, character: 73 }, end: { line: 8, character: 74 } }, target: uriOf(path.join(hugo, 'content', '_index.md')) },
    ]);
  });

  it('completes a link target with the site\'s articles, and a heading after #', async () => {
    const uri = uriOf(path.join(hugo, 'content', 'posts', 'linking.md'));
    const files = await run.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 8, character: 'See [the spring trail]('.length },
      context: { triggerKind: 2, triggerCharacter: '(' },
    });
    const lake = files.find((item) => item.label === 'Walking the Lake Trail in Early Spring');
    assert.ok(lake, JSON.stringify(files.map((item) => item.label)));
    assert.equal(lake.detail, 'content/posts/yaml-post.md');
    const anchors = await run.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 8, character: 'See [the spring trail](yaml-post.md#'.length },
      context: { triggerKind: 2, triggerCharacter: '#' },
    });
    assert.ok(anchors.some((item) => item.label === 'the-lake-trail-in-spring'), JSON.stringify(anchors.map((item) => item.label)));
  });

  it('runs Update Reading Time through workspace/executeCommand as a versioned edit', async () => {
    const file = flawed();
    const uri = uriOf(file);
    const before = run.applied.length;
    const result = await run.connection.sendRequest<string>('workspace/executeCommand', { command: 'articleAuthoring.updateReadingTime', arguments: [uri] });
    assert.equal(result, 'updated');
    assert.equal(run.applied.length, before + 1);
    const text = fs.readFileSync(file, 'utf8');
    assert.equal(applyTextEdits(text, editsOf(run.applied[before], uri)), text.replace('readingTime = 9', 'readingTime = 1'));
    assert.equal(await run.connection.sendRequest('workspace/executeCommand', { command: 'articleAuthoring.updateReadingTime', arguments: ['file:///nowhere.md'] }), 'not-an-article');
  });

  it('forgets a closed document outside the workspace folders: the other one no longer shares its title', async () => {
    // Two unsaved documents in a folder no workspace folder holds: in the site model only while open.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lsp-outside-'));
    try {
      const first = uriOf(path.join(outside, 'first.md'));
      const second = uriOf(path.join(outside, 'second.md'));
      await openFile(run, path.join(outside, 'first.md'), 'markdown', LINKING_POST);
      await openFile(run, path.join(outside, 'second.md'), 'markdown', LINKING_POST);
      const sharesTitle = (found: Diagnostic[]) => found.some((diagnostic) => diagnostic.code === 'duplicate-title');
      await diagnosticsFor(run, first, sharesTitle);
      await run.connection.sendNotification('textDocument/didClose', { textDocument: { uri: second } });
      const after = await diagnosticsFor(run, first, (found) => !sharesTitle(found));
      assert.ok(!after.some((diagnostic) => diagnostic.code === 'duplicate-title'));
      await run.connection.sendNotification('textDocument/didClose', { textDocument: { uri: first } });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  describe('bad input', () => {
    it('answers nothing for a document that is not open, or closed', async () => {
      const uri = uriOf(path.join(hugo, 'content', 'posts', 'json-post.md'));
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/completion', 'textDocument/references', 'textDocument/codeAction']) {
        const answer = await run.connection.sendRequest(method, {
          textDocument: { uri },
          position: { line: 1, character: 1 },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], includeDeclaration: false },
        });
        assert.equal(answer, null, method);
      }
      await openFile(run, path.join(hugo, 'content', 'posts', 'json-post.md'));
      await diagnosticsFor(run, uri);
      await run.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const cleared = await diagnosticsFor(run, uri, (found) => found.length === 0);
      assert.deepEqual(cleared, []);
      assert.equal(await run.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }), null);
    });

    it('leaves a document that is not Markdown alone', async () => {
      const file = path.join(hugo, 'hugo.toml');
      const uri = await openFile(run, file, 'toml');
      await run.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'title = "x"\n' }] });
      assert.equal(await run.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), null);
      assert.equal(await run.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 1 } }), null);
      await delay(400);
      assert.equal(run.published.filter((params) => params.uri === uri).length, 0);
    });

    it('clamps out-of-range incremental edits and applies them in the order they come, versions and all', async () => {
      const file = path.join(hugo, 'content', 'posts', 'toml-post.md');
      const text = fs.readFileSync(file, 'utf8');
      const uri = await openFile(run, file, 'markdown', text, 10);
      await diagnosticsFor(run, uri);
      const lines = text.split('\n');
      await run.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 11 },
        contentChanges: [
          // Past the end of the text: an append.
          { range: { start: { line: lines.length + 50, character: 3 }, end: { line: lines.length + 90, character: 0 } }, text: '\nAppended.\n' },
          // A negative character: from the line's start; an end before the start: the range reversed.
          { range: { start: { line: 2, character: 0 }, end: { line: 1, character: -7 } }, text: '' },
          // Past a line's end: at that line's end.
          { range: { start: { line: 0, character: 500 }, end: { line: 0, character: 900 } }, text: '\n# a TOML comment' },
          // Unreadable: left out.
          { range: { start: { line: 'x' }, end: null }, text: 'never' },
          { text: 42 },
        ],
      });
      // An older version number than before: applied all the same.
      await run.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 5 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }],
      });
      const expected = `${lines[0]}\n# a TOML comment\n${lines.slice(2).join('\n')}\nAppended.\n`;
      const edited = await diagnosticsFor(run, uri, (_found, params) => params.version === 5);
      // The same text opened fresh (beside it, so with the same configuration and site) gives the same findings.
      const twin = await openFile(run, path.join(hugo, 'content', 'posts', 'toml-twin.md'), 'markdown', expected);
      const fresh = await diagnosticsFor(run, twin);
      const own = (found: Diagnostic[]) => sorted(found.filter((diagnostic) => !SITE_RULES.has(String(diagnostic.code))).map((diagnostic) => `${brief(diagnostic)}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${diagnostic.message}`));
      assert.deepEqual(own(edited), own(fresh));
      const hover = await run.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
      const twinHover = await run.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: twin }, position: { line: 2, character: 1 } });
      assert.deepEqual(hover, twinHover);
    });

    it('checks a 5 MB document, and still answers other requests at once', async () => {
      const text = `---\ntitle: "A very long article about the lake trail"\n---\n\n# Long\n\n${'Some words about the lake trail in spring, and more words after them. '.repeat(72_000)}`;
      assert.ok(text.length > 5_000_000);
      const uri = uriOf(path.join(hugo, 'content', 'posts', 'long.md'));
      const started = Date.now();
      await run.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const diagnostics = await diagnosticsFor(run, uri, () => true, 30_000);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'faq-missing'));
      assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
      const hoverStarted = Date.now();
      await run.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
      assert.ok(Date.now() - hoverStarted < 2000, `hover took ${Date.now() - hoverStarted} ms`);
    });

    it('answers a failing request with its own error, and goes on', async () => {
      const uri = uriOf(flawed());
      await assert.rejects(run.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: null }), (error: { code?: number }) => typeof error.code === 'number');
      await assert.rejects(run.connection.sendRequest('workspace/executeCommand', { command: 'nothing.like.this' }), (error: { code?: number }) => error.code === -32602);
      const hover = await run.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
      assert.ok(hover);
    });
  });
});

describe('language server: a large site', function () {
  this.timeout(120_000);

  it('reports its indexing through $/progress, and answers a request cancelled while it waits for the index with RequestCancelled', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lsp-large-'));
    const posts = path.join(site, 'content', 'posts');
    fs.mkdirSync(posts, { recursive: true });
    fs.writeFileSync(path.join(site, 'hugo.toml'), 'title = "Large"\n');
    for (let index = 0; index < 2500; index++) {
      fs.writeFileSync(path.join(posts, `post-${index}.md`), `---\ntitle: "Post number ${index} about the lake trail"\ndate: 2026-01-01\n---\n\n# Post ${index}\n\nSee [the next](post-${index + 1}.md).\n`);
    }
    const run = startServerProcess();
    const progress: { kind: string }[] = [];
    run.connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
      progress.push(params.value);
    });
    try {
      await initialize(run, [site]);
      const uri = await openFile(run, path.join(posts, 'post-7.md'));
      const source = new CancellationTokenSource();
      const answer = run.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 7, character: 6 } }, source.token);
      setTimeout(() => source.cancel(), 50);
      await assert.rejects(answer, (error: { code?: number }) => error.code === -32800);
      const started = Date.now();
      while (!progress.some((value) => value.kind === 'end') && Date.now() - started < 100_000) await delay(50);
      assert.equal(progress[0]?.kind, 'begin');
      assert.ok(progress.some((value) => value.kind === 'report'));
      assert.equal(progress[progress.length - 1].kind, 'end');
      // Once indexed, the same request is answered.
      const location = await run.connection.sendRequest<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 7, character: 6 } });
      assert.equal(location.uri, uriOf(path.join(posts, 'post-8.md')));
    } finally {
      await run.stop();
      fs.rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('language server: clients that misbehave', function () {
  this.timeout(60_000);

  it('works for a client that never sends initialized', async () => {
    const site = tempCopy(path.join(FIXTURES, 'sites', 'hugo'));
    const run = startServerProcess();
    try {
      await run.connection.sendRequest('initialize', { processId: null, rootUri: uriOf(site), capabilities: {} });
      const uri = await openFile(run, path.join(site, 'content', 'posts', 'flawed.md'));
      const diagnostics: Diagnostic[] = await diagnosticsFor(run, uri, (found) => found.some((diagnostic) => diagnostic.code === 'article-orphan'));
      assert.deepEqual(sorted(diagnostics.filter((diagnostic) => diagnostic.code !== 'article-orphan').map(brief)), sorted(expectedOf('hugo', 'content/posts/flawed.md')));
    } finally {
      await run.stop();
      fs.rmSync(site, { recursive: true, force: true });
    }
  });

  it('survives a malformed message and answers the next one', async () => {
    const run = startServerProcess();
    try {
      await run.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      const garbage = '{"jsonrpc":"2.0","id":99,"method":';
      run.process.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
      run.process.stdin!.write('Content-Length: 2\r\n\r\n[]');
      const uri = 'untitled:Untitled-1';
      await run.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '---\ntitle: "Hello"\n---\n\n# Hello\n' } });
      const hover = await run.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
      assert.match((hover.contents as { value: string }).value, /^\*\*title\*\*/);
      assert.equal(run.process.exitCode, null);
    } finally {
      await run.stop();
    }
  });
});

describe('language server: a change of the site’s own files', function () {
  this.timeout(60_000);
  let run: ServerRun;
  let hugo: string;

  before(async () => {
    hugo = tempCopy(path.join(FIXTURES, 'sites', 'hugo'));
    run = startServerProcess();
    await initialize(run, [hugo]);
  });

  after(async () => {
    await run?.stop();
    if (hugo) fs.rmSync(hugo, { recursive: true, force: true });
  });

  it('checks the open articles again when the generator’s configuration changes (hugo.toml: the posts stop being its articles)', async () => {
    const post = path.join(hugo, 'content', 'posts', 'flawed.md');
    const uri = await openFile(run, post);
    const before = (await settledDiagnostics(run, uri)).map((diagnostic) => String(diagnostic.code));
    assert.ok(before.includes('title-length'), before.join());
    // Only "notes" is a main section now: the posts are pages, and article rules leave them.
    fs.appendFileSync(path.join(hugo, 'hugo.toml'), '\n[params]\nmainSections = ["notes"]\n');
    const published = run.published.length;
    await run.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(hugo, 'hugo.toml')), type: 2 }] });
    for (let waited = 0; run.published.length === published && waited < 10_000; waited += 20) await delay(20);
    const after = (await settledDiagnostics(run, uri)).map((diagnostic) => String(diagnostic.code));
    assert.ok(!after.includes('title-length'), after.join());
  });
});
