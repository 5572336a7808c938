/**
 * The background indexing loop (src/core/site/indexing.ts) and the model's memory-saving lookups:
 * every item applied once, in order, unreadable and failing items removed, the event loop given back
 * whenever a slice has run its length (a scripted clock: no timing in the test), cancellation; the
 * model's lookups answer the same as articles sharing a title are added and removed one by one;
 * entries hold no slice of the article's text.
 */
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../src/core/parse/parse';
import { siteEntry, type SiteArticle } from '../../../src/core/site/entry';
import { flatCopy } from '../../../src/core/text/strings';
import { indexInSlices } from '../../../src/core/site/indexing';
import { SiteModel } from '../../../src/core/site/model';
import { rolesFor } from '../../../src/core/site/directory';

function entry(name: string, title: string): SiteArticle {
  const text = `---\ntitle: "${title}"\n---\n\n# ${title}\n\nSee [the first](./a.md).\n`;
  return siteEntry({ article: parseArticle(text), path: `/site/posts/${name}.md`, root: '/site', profile: 'generic', roles: rolesFor('generic'), settings: {}, publicDirs: ['/site/public'] });
}

describe('site indexing in the background', () => {
  it('applies every item in order, removes unreadable and failing ones, and pauses whenever a slice has run its length', async () => {
    let clock = 0;
    const applied: string[] = [];
    const progress: string[] = [];
    let pauses = 0;
    const items = ['a', 'b', 'unreadable', 'c', 'throws', 'd', 'e'];
    const result = await indexInSlices(items, {
      read: async (item) => {
        if (item === 'unreadable') throw new Error('EACCES');
        return item;
      },
      entry: (item) => {
        clock += 5; // each entry "takes" 5 ms
        if (item === 'throws') throw new Error('bad');
        return entry(item, `Title ${item}`);
      },
      apply: (item, found) => applied.push(`${item}:${found ? found.title : 'none'}`),
      batch: 3,
      sliceMs: 12,
      now: () => clock,
      pause: async () => {
        pauses++;
      },
      progress: (done, total) => progress.push(`${done}/${total}`),
    });
    assert.deepEqual(applied, ['a:Title a', 'b:Title b', 'unreadable:none', 'c:Title c', 'throws:none', 'd:Title d', 'e:Title e']);
    assert.deepEqual(progress, ['3/7', '6/7', '7/7']);
    // 5 ms per entry (none for the unreadable one), 12 ms slices: a pause after a+b+c (15), throws+d+e (15).
    assert.equal(pauses, 2);
    assert.equal(result.pauses, 2);
    assert.equal(result.done, 7);
    assert.equal(result.longestSliceMs, 15);
    // The first slice ends once c's entry is made, before it is applied: a, b and the unreadable one are done.
    assert.equal(result.longestSliceAt, 3);
  });

  it('slices the starts of a batch\'s reads, and an entry\'s own steps when it calls breathe', async () => {
    let clock = 0;
    const events: string[] = [];
    await indexInSlices(['a', 'b', 'c'], {
      read: async (item) => {
        clock += 4; // starting a read "takes" 4 ms (a message to the host)
        events.push(`read ${item}`);
        return item;
      },
      entry: async (item, _text, breathe) => {
        clock += 15; // the parse
        events.push(`parse ${item}`);
        await breathe();
        clock += 15; // the entry
        events.push(`entry ${item}`);
        return entry(item, item);
      },
      apply: (item) => events.push(`apply ${item}`),
      batch: 3,
      sliceMs: 12,
      now: () => clock,
      pause: async () => {
        events.push('pause');
      },
    });
    assert.deepEqual(events, [
      'read a', 'read b', 'read c', 'pause',
      'parse a', 'pause', 'entry a', 'pause', 'apply a',
      'parse b', 'pause', 'entry b', 'pause', 'apply b',
      'parse c', 'pause', 'entry c', 'pause', 'apply c',
    ]);
  });

  it('stops when cancelled', async () => {
    const applied: string[] = [];
    let cancel = false;
    const result = await indexInSlices(['a', 'b', 'c', 'd'], {
      read: async (item) => item,
      entry: (item) => entry(item, item),
      apply: (item) => {
        applied.push(item);
        if (item === 'b') cancel = true;
      },
      cancelled: () => cancel,
      batch: 10,
    });
    assert.deepEqual(applied, ['a', 'b']);
    assert.equal(result.done, 2);

    // Cancelled while the loop has given the event loop back between an entry and its applying: the entry is dropped.
    let clock = 0;
    let cancelAtPause = false;
    const appliedAfterPause: string[] = [];
    await indexInSlices(['a', 'b'], {
      read: async (item) => item,
      entry: (item) => {
        clock += 20;
        return entry(item, item);
      },
      apply: (item) => appliedAfterPause.push(item),
      cancelled: () => cancelAtPause,
      sliceMs: 12,
      now: () => clock,
      pause: async () => {
        cancelAtPause = true;
      },
    });
    assert.deepEqual(appliedAfterPause, []);
  });
});

describe('site model lookups kept small', () => {
  it('finds the same duplicates as articles sharing a title come and go (one, a few, many, and back)', () => {
    const model = new SiteModel();
    const names = Array.from({ length: 20 }, (_, index) => `p${String(index).padStart(2, '0')}`);
    const others = (name: string) => model.sameTitle(model.get(`/site/posts/${name}.md`)!).map((article) => article.path.slice(12, -3));
    for (const name of names) model.set(entry(name, 'Shared title for every post'));
    assert.deepEqual(others('p00'), names.slice(1));
    for (const name of names.slice(2)) model.delete(`/site/posts/${name}.md`);
    assert.deepEqual(others('p00'), ['p01']);
    model.set(entry('p01', 'A title of its own'));
    assert.deepEqual(others('p00'), []);
    assert.deepEqual(others('p01'), []);
    model.set(entry('p05', 'A title of its own'));
    assert.deepEqual(others('p01'), ['p05']);
    // Every article links to ./a.md, which does not exist: the plans are made on demand and agree.
    assert.deepEqual(model.plansOf(model.get('/site/posts/p05.md')!).map((plan) => plan.files), [['/site/posts/a.md']]);
  });

  it('copies strings so that an entry holds none of the text it was cut from', () => {
    const text = `${'x'.repeat(1000)}A title long enough to be sliced${'y'.repeat(1000)}`;
    const slice = text.slice(1000, 1032);
    const copy = flatCopy(slice);
    assert.equal(copy, 'A title long enough to be sliced');
    assert.equal(flatCopy(undefined), undefined);
    assert.equal(flatCopy('short'), 'short');
  });
});
