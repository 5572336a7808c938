/**
 * The workspace site index kept between sessions, in the real VS Code host: the first index writes
 * its file into the storage folder through vscode.workspace.fs (temporary file, then rename); a
 * second index over that file (a window reload) takes every unchanged file from it, is ready before
 * reading any article, and gives an article the same site-wide findings as the freshly built one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkSiteArticle, SiteDirectory } from '../../src/core';
import { WorkspaceFileSystem } from '../../src/extension/fs';
import type { Log } from '../../src/extension/log';
import { SITE_INDEX_FILE, SiteIndexStorage } from '../../src/extension/siteIndexStorage';
import { WorkspaceSiteIndex } from '../../src/extension/workspaceIndex';
import { waitFor, workspaceUri } from './helpers';

const LIST = 'sitewide/posts/reading-list.md';

function recordingLog(lines: string[]): Log {
  const record = (message: string | Error, ...args: unknown[]) => {
    lines.push([message, ...args].map(String).join(' '));
  };
  return { error: record, warn: record, info: record, debug: () => undefined } as Log;
}

suite('the site index kept in the workspace storage', () => {
  let storageFolder: string;
  const disposables: vscode.Disposable[] = [];

  suiteSetup(() => {
    storageFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'article-authoring-storage-'));
  });

  suiteTeardown(() => {
    for (const disposable of disposables.splice(0)) disposable.dispose();
    fs.rmSync(storageFolder, { recursive: true, force: true });
  });

  const fileSystem = new WorkspaceFileSystem();

  function siteIndex(log: Log): WorkspaceSiteIndex {
    const sites = new SiteDirectory(fileSystem);
    const storage = new SiteIndexStorage({ folder: vscode.Uri.file(storageFolder), extensionVersion: 'integration', fs: fileSystem, log, filesWatchedByPath: () => [] });
    const index = new WorkspaceSiteIndex(fileSystem, () => sites, log, undefined, storage);
    disposables.push(index);
    return index;
  }

  test('a second index over the stored file is ready at once and gives the same site-wide findings as a fresh one', async () => {
    const list = workspaceUri(LIST).fsPath;
    const firstLog: string[] = [];
    const first = siteIndex(recordingLog(firstLog));
    await first.whenStored();
    const stored = path.join(storageFolder, SITE_INDEX_FILE);
    assert.ok(fs.existsSync(stored), 'the index is written into the storage folder');
    assert.deepEqual(fs.readdirSync(storageFolder), [SITE_INDEX_FILE], 'no temporary file is left behind');
    // As the diagnostics check it: a link's target may be a file on disk.
    const fresh = await checkSiteArticle(first.model, list, { fs: fileSystem });
    assert.ok(fresh.some((finding) => finding.ruleId === 'link-broken'), `the reading list has a broken link (${JSON.stringify(fresh)})`);
    assert.deepEqual(firstLog, [], 'no stored index yet: nothing to report');

    const secondLog: string[] = [];
    const second = siteIndex(recordingLog(secondLog));
    second.ensureStarted();
    await waitFor(() => second.isReady, 'the second index to be ready from the stored file');
    assert.equal(second.model.size, first.model.size);
    assert.deepEqual(await checkSiteArticle(second.model, list, { fs: fileSystem }), fresh);
    await second.whenComplete();
    const taken = secondLog.find((line) => line.includes('taken from the stored index'));
    assert.match(taken ?? '', /Site index: \d+ files taken from the stored index, 0 changed and 0 deleted since\./, secondLog.join('\n'));
    assert.equal(second.model.size, first.model.size);
    assert.deepEqual([...second.model.paths()].sort(), [...first.model.paths()].sort());
  });

  test('a stored file that is not an index is logged once and written anew', async () => {
    const stored = path.join(storageFolder, SITE_INDEX_FILE);
    fs.writeFileSync(stored, '{"format":1,"extension":"integration"}\n["f", 0, "cut');
    const log: string[] = [];
    const index = siteIndex(recordingLog(log));
    await index.whenStored();
    assert.equal(log.filter((line) => line.includes('corrupt or cut short')).length, 1, log.join('\n'));
    assert.ok(index.model.size > 0);
    const again: string[] = [];
    const reopened = siteIndex(recordingLog(again));
    await reopened.whenComplete();
    assert.ok(again.some((line) => line.includes('taken from the stored index')), again.join('\n'));
    assert.equal(reopened.model.size, index.model.size);
  });
});
