/**
 * The site index build's file system (src/extension/listedFileSystem.ts): each folder listed once,
 * a stat answered from the listing gives what the host's own stat gives, with far fewer calls.
 */
import * as assert from 'node:assert/strict';
import type { DirectoryEntry, FileSystemHost } from '../../../src/core';
import { ListedFileSystem } from '../../../src/extension/listedFileSystem';

type Kind = 'file' | 'directory';

/** A disk of the given files (their folders implied), counting the calls made to it. */
function disk(files: readonly string[], options: { caseInsensitive?: boolean; unlistable?: readonly string[] } = {}) {
  const kinds = new Map<string, Kind>();
  for (const file of files) {
    kinds.set(file, 'file');
    for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) kinds.set(file.slice(0, at), 'directory');
  }
  const key = (path: string) => (options.caseInsensitive ? [...kinds.keys()].find((known) => known.toLowerCase() === path.toLowerCase()) : path);
  const calls = { stat: 0, readDirectory: 0, readText: 0 };
  const host: FileSystemHost & { readDirectory(path: string): Promise<DirectoryEntry[] | undefined> } = {
    stat: async (path) => {
      calls.stat++;
      const found = key(path);
      return found === undefined ? undefined : kinds.get(found);
    },
    readText: async (path) => {
      calls.readText++;
      return kinds.get(path) === 'file' ? `text of ${path}` : undefined;
    },
    readDirectory: async (path) => {
      calls.readDirectory++;
      if (options.unlistable?.includes(path) || kinds.get(path) !== 'directory') return undefined;
      return [...kinds].filter(([known]) => known.startsWith(`${path}/`) && !known.slice(path.length + 1).includes('/')).map(([known, kind]) => [known.slice(path.length + 1), kind]);
    },
  };
  return { host, calls };
}

const SITE = ['/w/blog/hugo.toml', '/w/blog/content/posts/a.md', '/w/blog/content/posts/b.md', '/w/blog/static/hero.png', '/w/.article-lint.json'];
const MARKERS = ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml', 'config.yaml', '_config.yml', 'astro.config.mjs', 'astro.config.ts', 'docusaurus.config.js', 'next.config.js', 'package.json', '.article-lint.json', 'content', 'static', 'posts'];

describe('the site index build\'s file system (one listing per folder)', () => {
  it('answers every stat as the host does: files, folders and absent names, in each folder up to the root', async () => {
    const { host } = disk(SITE);
    const listed = new ListedFileSystem(host);
    for (const folder of ['/w/blog/content/posts', '/w/blog/content', '/w/blog', '/w']) {
      for (const name of MARKERS) {
        const path = `${folder}/${name}`;
        assert.equal(await listed.stat(path), await host.stat(path), path);
      }
    }
    assert.equal(await listed.stat('/w'), 'directory', 'an entry of the root is asked for directly');
    assert.equal(await listed.stat('/w/blog/static/hero.png'), 'file');
    assert.equal(await listed.stat('/w/blog/static/'), await host.stat('/w/blog/static/'));
  });

  it('lists each folder once, and asks the host for no absent name, nor for anything below an absent folder', async () => {
    const { host, calls } = disk(SITE);
    const listed = new ListedFileSystem(host);
    await Promise.all(MARKERS.map((name) => listed.stat(`/w/blog/content/posts/${name}`)));
    await Promise.all(MARKERS.map((name) => listed.stat(`/w/blog/${name}`)));
    // The folders from /w down to posts listed once each; /w itself, an entry of the root, asked for.
    assert.deepEqual(calls, { stat: 1, readDirectory: 4, readText: 0 });
    for (const folder of ['/w/blog', '/w/blog/content', '/w']) {
      assert.equal(await listed.stat(`${folder}/config/_default/hugo.toml`), undefined);
      assert.equal(await listed.readText(`${folder}/config/_default/params.toml`), undefined);
      assert.equal(await listed.readDirectory(`${folder}/layouts/_default`), undefined);
    }
    assert.deepEqual(calls, { stat: 1, readDirectory: 4, readText: 0 }, 'nothing asked of the host below a folder that is not there');
    assert.equal(await listed.readText('/w/.article-lint.json'), 'text of /w/.article-lint.json');
    assert.deepEqual(calls, { stat: 1, readDirectory: 4, readText: 1 });
  });

  it('asks the host for a name spelt otherwise (a case-insensitive disk finds it), and for anything in a folder it cannot list', async () => {
    const { host, calls } = disk(SITE, { caseInsensitive: true, unlistable: ['/w/blog/static'] });
    const listed = new ListedFileSystem(host);
    await listed.stat('/w/blog/hugo.toml');
    const before = calls.stat;
    assert.equal(await listed.stat('/w/blog/Hugo.toml'), 'file');
    assert.equal(calls.stat, before + 1);
    assert.equal(await listed.stat('/w/blog/static/hero.png'), 'file', 'the folder could not be listed: the host answers');
    assert.equal(await listed.stat('/w/blog/static/other.png'), undefined);
    assert.equal(calls.stat, before + 3);
  });

  it('reads through the host what is there, with readStart only where the host has one', async () => {
    const { host, calls } = disk(SITE);
    const listed = new ListedFileSystem(host);
    assert.equal(await listed.readText('/w/.article-lint.json'), 'text of /w/.article-lint.json');
    assert.deepEqual(await listed.readDirectory('/w/blog/static'), [['hero.png', 'file']]);
    assert.equal(listed.readStart, undefined);
    assert.equal(calls.readText, 1);
    const withStart = new ListedFileSystem({ ...host, readStart: async (path: string, bytes: number) => `start ${bytes} of ${path}` });
    assert.equal(await withStart.readStart?.('/w/blog/content/posts/a.md', 10), 'start 10 of /w/blog/content/posts/a.md');
    assert.equal(await withStart.readStart?.('/w/blog/content/posts/missing.md', 10), undefined);
  });
});
