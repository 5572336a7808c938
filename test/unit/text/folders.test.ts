/** Walking a folder through the host: bounded in depth and count, without dependencies and hidden folders. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { filesBelow, leadingFrontmatter } from '../../../src/core/text/folders';
import type { FileSystemHost } from '../../../src/core';
import { memoryFs } from '../helpers/engine';

const ROOT = path.resolve('/site/layouts');

describe('filesBelow', () => {
  const fs = memoryFs({
    [path.join(ROOT, 'single.html')]: '',
    [path.join(ROOT, '_default', 'list.html')]: '',
    [path.join(ROOT, 'partials', 'head', 'meta.html')]: '',
    [path.join(ROOT, 'node_modules', 'x', 'a.html')]: '',
    [path.join(ROOT, '.cache', 'b.html')]: '',
    [path.join(ROOT, 'a', 'b', 'c', 'd', 'deep.html')]: '',
  });

  it('lists files breadth first, in name order, as /-separated paths below the folder', async () => {
    assert.deepEqual(await filesBelow(fs, ROOT), ['single.html', '_default/list.html', 'partials/head/meta.html', 'a/b/c/d/deep.html']);
  });

  it('skips node_modules and hidden folders, and stops at the depth and count given', async () => {
    assert.deepEqual(await filesBelow(fs, ROOT, { maxDepth: 1, maxFiles: 100 }), ['single.html', '_default/list.html']);
    assert.deepEqual(await filesBelow(fs, ROOT, { maxDepth: 8, maxFiles: 2 }), ['single.html', '_default/list.html']);
  });

  it('has nothing in a missing folder, and no answer from a host that cannot list folders', async () => {
    assert.deepEqual(await filesBelow(fs, path.join(ROOT, 'missing')), []);
    const withoutListing: FileSystemHost = { stat: fs.stat, readText: fs.readText };
    assert.equal(await filesBelow(withoutListing, ROOT), undefined);
  });

  it('ends on a folder that lists itself (a link loop) at the depth bound', async () => {
    const loop: FileSystemHost = { stat: async () => 'directory', readText: async () => undefined, readDirectory: async () => [['self', 'directory'], ['a.html', 'file']] };
    const files = await filesBelow(loop, ROOT, { maxDepth: 3, maxFiles: 100 });
    assert.deepEqual(files, ['a.html', 'self/a.html', 'self/self/a.html', 'self/self/self/a.html']);
  });

  it('leaves out the folders the caller skips', async () => {
    assert.deepEqual(await filesBelow(fs, ROOT, { maxDepth: 8, maxFiles: 100, skipFolder: (folder) => folder === 'partials' || folder === 'a/b' }), ['single.html', '_default/list.html']);
  });
});

describe('leadingFrontmatter', () => {
  const file = path.join(ROOT, 'page.html');
  const read = (text: string, fences?: string[]) => leadingFrontmatter(memoryFs({ [file]: text }), file, fences);

  it('gives the block between the opening fence and the next, empty or not', async () => {
    assert.deepEqual(await read('---\npermalink: /a/\n---\n<p>x</p>'), { fence: '---', text: 'permalink: /a/' });
    assert.deepEqual(await read('\uFEFF---\r\ntitle: A\r\n---\r\n'), { fence: '---', text: 'title: A' });
    assert.deepEqual(await read('---\n---\nbody'), { fence: '---', text: '' });
    assert.deepEqual(await read('+++\ntitle = "A"\n+++\n', ['---', '+++']), { fence: '+++', text: 'title = "A"' });
  });

  it('has none without an opening fence at the start, a closing one, or a fence the caller allows', async () => {
    assert.equal(await read('<p>x</p>\n---\ntitle: A\n---\n'), undefined);
    assert.equal(await read('---\ntitle: A\n'), undefined);
    assert.equal(await read('---js\n{ title: "A" }\n---\n'), undefined);
    assert.equal(await read('+++\ntitle = "A"\n+++\n'), undefined);
  });
});
