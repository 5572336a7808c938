/**
 * A site's own files in the real editor: a change to one the site's reading depends on (a Hugo
 * configuration folder's file, a layout) reads the site again, and the open article is checked again
 * with it; the preview's search result shows the article's URL as the site model computes it (the
 * generator's configuration, the slug as typed) and follows a configuration change.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ArticleAnalyzer } from '../../src/extension/analyzer';
import { ArticleDocuments } from '../../src/extension/articleDocuments';
import { ConfigurationWatcher } from '../../src/extension/configuration';
import { WorkspaceFileSystem } from '../../src/extension/fs';
import { ArticlePreview } from '../../src/extension/preview/panel';
import { ruleOf, waitForDiagnostics } from './authoringHelpers';
import { closeAllEditorsDiscardingChanges, EXTENSION_ID, showFile, waitFor, workspaceUri } from './helpers';

const SITE = 'sites/hugo';
const POST = `${SITE}/content/posts/toml-post.md`;

/** Writes a file of the workspace (its folders too); `remove` deletes it and the folders it made. */
function writeSiteFile(relativePath: string, text: string): { remove(): void } {
  const file = workspaceUri(relativePath).fsPath;
  const made: string[] = [];
  for (let dir = path.dirname(file); !fs.existsSync(dir); dir = path.dirname(dir)) made.unshift(dir);
  for (const dir of made) fs.mkdirSync(dir);
  fs.writeFileSync(file, text);
  return {
    remove() {
      fs.rmSync(file, { force: true });
      for (const dir of made.reverse()) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds a line to the open article's TOML frontmatter (unsaved): a key the site may or may not know. */
async function addFrontmatterLine(editor: vscode.TextEditor, line: string): Promise<void> {
  const at = editor.document.getText().split('\n').findIndex((text) => text.startsWith('readingTime'));
  assert.ok(at > 0, 'the post has a readingTime line');
  assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(at + 1, 0), `${line}\n`)));
}

const unknownKey = (key: string) => (all: vscode.Diagnostic[]) => all.some((d) => ruleOf(d) === 'frontmatter-unknown-key' && d.message.includes(`"${key}"`));

suite('site files: a change reads the site again', () => {
  teardown(closeAllEditorsDiscardingChanges);

  test('a taxonomy in config/production/ makes its key known; deleting the file makes it unknown again', async () => {
    const editor = await showFile(POST);
    const uri = editor.document.uri;
    await addFrontmatterLine(editor, 'moods = ["calm"]');
    await waitForDiagnostics(uri, unknownKey('moods'), 'moods to be an unknown key');
    const taxonomies = writeSiteFile(`${SITE}/config/production/taxonomies.toml`, 'tag = "tags"\ncategory = "categories"\nmood = "moods"\n');
    try {
      await waitForDiagnostics(uri, (all) => !unknownKey('moods')(all), 'moods to be known once config/production/taxonomies.toml names it');
    } finally {
      taxonomies.remove();
    }
    await waitForDiagnostics(uri, unknownKey('moods'), 'moods to be unknown again once the file is deleted');
  });

  test("a key a new layout reads is known; deleting the layout makes it unknown again", async () => {
    const editor = await showFile(POST);
    const uri = editor.document.uri;
    await addFrontmatterLine(editor, 'trailColour = "red"');
    await waitForDiagnostics(uri, unknownKey('trailColour'), 'trailColour to be an unknown key');
    const layout = writeSiteFile(`${SITE}/layouts/partials/trail.html`, '<span class="trail">{{ .Params.trailColour }}</span>\n');
    try {
      await waitForDiagnostics(uri, (all) => !unknownKey('trailColour')(all), 'trailColour to be known once a layout reads it');
    } finally {
      layout.remove();
    }
    await waitForDiagnostics(uri, unknownKey('trailColour'), 'trailColour to be unknown again once the layout is deleted');
  });
});

suite("the preview's search result: the article's URL on its site", () => {
  let configuration: ConfigurationWatcher;
  let analyzer: ArticleAnalyzer;
  let documents: ArticleDocuments;
  let preview: ArticlePreview | undefined;

  setup(() => {
    configuration = new ConfigurationWatcher();
    const fileSystem = new WorkspaceFileSystem((file) => configuration.fileLookedUp(file));
    documents = new ArticleDocuments();
    analyzer = new ArticleAnalyzer({ documents, onDidChangeConfiguration: configuration.onDidChange, fs: fileSystem });
  });

  teardown(async () => {
    preview?.dispose();
    preview = undefined;
    analyzer.dispose();
    documents.dispose();
    configuration.dispose();
    await closeAllEditorsDiscardingChanges();
  });

  function openPreview(editor: vscode.TextEditor): ArticlePreview {
    const panel = vscode.window.createWebviewPanel('articleAuthoring.preview.test', 'Article Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
    return new ArticlePreview(
      panel,
      {
        extensionUri: vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri,
        parse: (document) => documents.parse(document),
        onDidChangeConfiguration: configuration.onDidChange,
        sites: { fs: analyzer.fs, sites: () => analyzer.sites },
      },
      editor.document.uri,
      undefined,
    );
  }

  test("Hugo: baseURL and the post's slug; a slug typed in the editor and a configuration folder's baseURL change it", async () => {
    const editor = await showFile(POST);
    preview = openPreview(editor);
    const shown = preview;
    await waitFor(() => shown.searchResultUrl === 'https://example.org/posts/high-pass/', `the URL from hugo.toml's baseURL and the slug (now ${shown.searchResultUrl})`);

    const slug = editor.document.getText().indexOf('"high-pass"');
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(slug), editor.document.positionAt(slug + '"high-pass"'.length)), '"over-the-pass"')));
    await waitFor(() => shown.searchResultUrl === 'https://example.org/posts/over-the-pass/', `the URL with the slug as typed (now ${shown.searchResultUrl})`);

    const production = writeSiteFile(`${SITE}/config/production/hugo.toml`, 'baseURL = "https://trails.example/hiking/"\n');
    try {
      await waitFor(() => shown.searchResultUrl === 'https://trails.example/hiking/posts/over-the-pass/', `the URL below config/production's baseURL (now ${shown.searchResultUrl})`);
    } finally {
      production.remove();
    }
    await waitFor(() => shown.searchResultUrl === 'https://example.org/posts/over-the-pass/', `hugo.toml's baseURL again (now ${shown.searchResultUrl})`);
  });

  test('a generic article: example.com and its slug, as before', async () => {
    const editor = await showFile('preview/preview-article.md');
    preview = openPreview(editor);
    const shown = preview;
    await waitFor(() => shown.searchResultUrl === 'https://example.com/sourdough-at-altitude/', `example.com and the slug (now ${shown.searchResultUrl})`);
  });
});
