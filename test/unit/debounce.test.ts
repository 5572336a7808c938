/** The extension's one debounce (src/extension/debounce.ts) and its disposal base (dispose.ts), without VS Code. */
import * as assert from 'node:assert/strict';
import { Debouncer } from '../../src/extension/debounce';
import { Disposable, disposeAll } from '../../src/extension/dispose';

const nextTimers = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('Debouncer', () => {
  it('runs once after a burst of triggers, with the delay read at the last trigger', async () => {
    const delays: number[] = [];
    let runs = 0;
    let delay = 0;
    const debouncer = new Debouncer(() => runs++, () => {
      delays.push(delay);
      return delay;
    });
    debouncer.trigger();
    delay = 1;
    debouncer.trigger();
    debouncer.trigger();
    assert.ok(debouncer.isPending);
    assert.equal(runs, 0, 'nothing runs synchronously');
    while (debouncer.isPending) await nextTimers();
    assert.equal(runs, 1);
    assert.deepEqual(delays, [0, 1, 1]);
  });

  it('runs nothing after cancel or dispose, and ignores triggers once disposed', async () => {
    let runs = 0;
    const debouncer = new Debouncer(() => runs++, () => 0);
    debouncer.trigger();
    debouncer.cancel();
    assert.equal(debouncer.isPending, false);
    debouncer.trigger();
    debouncer.dispose();
    debouncer.trigger();
    assert.equal(debouncer.isPending, false);
    await nextTimers();
    assert.equal(runs, 0);
  });
});

describe('Disposable', () => {
  class Feature extends Disposable {
    track(name: string, log: string[]) {
      return this._register({ dispose: () => log.push(name) });
    }
  }

  it('disposes what it registered once, in reverse order; what is registered after dispose is disposed at once', () => {
    const log: string[] = [];
    const feature = new Feature();
    feature.track('listener', log);
    feature.track('item', log);
    feature.dispose();
    feature.dispose();
    assert.deepEqual(log, ['item', 'listener']);
    feature.track('late', log);
    assert.deepEqual(log, ['item', 'listener', 'late']);
  });

  it('disposeAll disposes every one even when one throws, then throws the first error', () => {
    const log: string[] = [];
    assert.throws(
      () =>
        disposeAll([
          { dispose: () => log.push('a') },
          { dispose: () => { throw new Error('first'); } },
          { dispose: () => { throw new Error('second'); } },
          { dispose: () => log.push('d') },
        ]),
      /first/,
    );
    assert.deepEqual(log, ['a', 'd']);
  });
});
