/** Walking a folder through the host: bounded in depth and count, without dependencies and hidden folders. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { filesBelow } from '../../../src/core/text/folders';
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
});
