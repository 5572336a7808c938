/**
 * The lookups up the folders (the nearest `.article-lint.json`, the nearest `public/` or `static/`)
 * are asked for all at once and the nearest found wins: in the editor each stat is a round trip to
 * the workbench, one after another they added up to tens of milliseconds per version typed.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FileSystemHost } from '../../../src/core';
import { findConfigFile } from '../../../src/core/config/config';
import { ImageResolver } from '../../../src/core/facts/imagePaths';

/** A host whose stats answer only once no other is pending for a tick, recording how many were in flight at once. */
function slowHost(kinds: Record<string, 'file' | 'directory'>) {
  let inFlight = 0;
  const seen = { mostAtOnce: 0, stats: 0 };
  const host: FileSystemHost = {
    stat: async (file) => {
      seen.stats++;
      inFlight++;
      seen.mostAtOnce = Math.max(seen.mostAtOnce, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return kinds[file];
    },
    readText: async () => undefined,
  };
  return { host, seen };
}

const root = path.resolve('/site');
const deep = path.join(root, 'a', 'b', 'c');
const levels = deep.split(path.sep).filter(Boolean).length + 1;

describe('lookups up the folders, asked for at once', () => {
  it('finds the nearest .article-lint.json with every folder asked at once', async () => {
    const { host, seen } = slowHost({ [path.join(root, '.article-lint.json')]: 'file', [path.join(root, 'a', 'b', '.article-lint.json')]: 'file' });
    assert.equal(await findConfigFile(deep, host), path.join(root, 'a', 'b', '.article-lint.json'));
    assert.equal(seen.mostAtOnce, levels);
    const none = slowHost({});
    assert.equal(await findConfigFile(deep, none.host), undefined);
    assert.equal(none.seen.mostAtOnce, levels);
  });

  it('finds the nearest public/ or static/ folder (public first in a folder) with every candidate asked at once', async () => {
    const { host, seen } = slowHost({ [path.join(root, 'static')]: 'directory', [path.join(root, 'public')]: 'directory', [path.join(root, 'a', 'static')]: 'directory' });
    const resolver = new ImageResolver(host, path.join(deep, 'post.md'), undefined);
    assert.equal(await resolver.findPublicDir(), path.join(root, 'a', 'static'));
    assert.equal(seen.mostAtOnce, levels * 2);
    const onSite = slowHost({ [path.join(root, 'static')]: 'directory', [path.join(root, 'public')]: 'directory' });
    const site = new ImageResolver(onSite.host, path.join(deep, 'post.md'), undefined, { root, publicDirs: ['static', 'public'] });
    assert.equal(await site.findPublicDir(), path.join(root, 'static'), 'the site\'s own order');
    assert.equal(onSite.seen.stats, 2, 'the walk up is not needed when the site\'s folder is there');
  });
});
