import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTurns } from './turns.ts';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

test('parked work runs first come, first served', async () => {
  const { turn } = createTurns(5);
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      await turn();
      order.push(i);
    }),
  );
  assert.deepEqual(
    order,
    Array.from({ length: 20 }, (_, i) => i),
  );
});

test('a cheap request is answered between the costly parts, not after all of them', async () => {
  const { turn, waiting } = createTurns(8);
  let done = 0;
  let doneWhenTimerFired = -1;
  await Promise.all(
    Array.from({ length: 40 }, async () => {
      await turn();
      // A cheap request arrives while the first page is being made.
      if (done === 0)
        setTimeout(() => {
          doneWhenTimerFired = done;
        }, 0);
      busy(3); // a page made
      done++;
    }),
  );
  assert.equal(waiting(), 0);
  // 8 ms a turn of 3 ms parts: the cheap request is answered after the first three or so, not after 40.
  assert.ok(
    doneWhenTimerFired >= 1 && doneWhenTimerFired <= 6,
    `timer fired after ${doneWhenTimerFired} parts`,
  );
});

test('a part that fails does not hold up the others', async () => {
  const { turn } = createTurns(5);
  const results = await Promise.allSettled(
    Array.from({ length: 6 }, async (_, i) => {
      await turn();
      if (i === 2) throw new Error('render failed');
      return i;
    }),
  );
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'],
  );
});
