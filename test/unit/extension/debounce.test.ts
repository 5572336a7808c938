/**
 * The extension's one debounce (src/extension/debounce.ts), the preview's throttle
 * (src/extension/preview/throttle.ts) and the disposal base (dispose.ts), without VS Code.
 */
import * as assert from 'node:assert/strict';
import { Debouncer } from '../../../src/extension/debounce';
import { Disposable, disposeAll } from '../../../src/extension/dispose';
import { Throttle } from '../../../src/extension/preview/throttle';

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

describe('Throttle', () => {
  const settle = async (log: string[], expected: number) => {
    while (log.length < expected) await nextTimers();
    // One more round of timers: nothing else follows.
    await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it('leading: the first call runs at once, a burst during the interval runs once at its end', async () => {
    const log: string[] = [];
    let phase = 'first';
    const throttle = new Throttle(() => log.push(phase), 1, true);
    throttle.trigger();
    assert.deepEqual(log, ['first'], 'runs at once');
    phase = 'burst';
    throttle.trigger();
    throttle.trigger();
    throttle.trigger();
    assert.deepEqual(log, ['first'], 'the burst waits for the interval');
    await settle(log, 2);
    assert.deepEqual(log, ['first', 'burst']);
    throttle.dispose();
  });

  it('trailing: calls run once at the end of the interval, never at once; disposed, nothing more runs', async () => {
    const log: string[] = [];
    const throttle = new Throttle(() => log.push('run'), 1, false);
    throttle.trigger();
    throttle.trigger();
    assert.deepEqual(log, []);
    await settle(log, 1);
    assert.deepEqual(log, ['run']);
    throttle.trigger();
    throttle.dispose();
    throttle.trigger();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(log, ['run']);
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
