import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageCache } from './page-cache.ts';

const page = (html: string) => ({ html, csp: 'x' });

test('the page cache keeps the most recently used pages, at most maxEntries', () => {
  const cache = new PageCache(2);
  cache.set('a', page('A'));
  cache.set('b', page('B'));
  assert.equal(cache.get('a')?.bytes.toString(), 'A'); // a is now the most recent
  cache.set('c', page('C'));
  assert.equal(cache.get('b'), undefined, 'the least recently used went out');
  assert.equal(cache.get('a')?.bytes.toString(), 'A');
  assert.equal(cache.get('c')?.bytes.toString(), 'C');
  assert.equal(cache.size, 2);
});

test('a page cache of 0 entries keeps nothing', () => {
  const cache = new PageCache(0);
  assert.equal(cache.set('a', page('A')).bytes.toString(), 'A');
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.size, 0);
});

test('a page is dropped once its minute has passed, and never used or kept past its maximum age', () => {
  const clock = { period: '2026-11-28\n10:30', ms: 0 };
  const cache = new PageCache(10, { period: () => clock.period, maxAgeMs: 110_000, now: () => clock.ms });
  cache.set('a', page('A'), clock.period);
  clock.ms = 20_000;
  cache.set('b', page('B'), clock.period);
  cache.sweep();
  assert.equal(cache.size, 2, 'both still in their minute');
  clock.period = '2026-11-28\n10:31';
  cache.set('c', page('C'), clock.period);
  cache.sweep();
  assert.equal(cache.size, 1, 'the pages of 10:30 are gone');
  assert.equal(cache.get('c')?.bytes.toString(), 'C');

  // A clock that does not move (a test's fixed minute): the age still ends it.
  clock.ms = 20_000 + 110_001;
  assert.equal(cache.get('c'), undefined, 'too old to be sent');
  assert.equal(cache.size, 0, 'and dropped when asked for');
  cache.set('d', page('D'), clock.period);
  clock.ms += 110_001;
  cache.sweep();
  assert.equal(cache.size, 0, 'too old: swept');
});

test('the sweep runs by itself until stopped, and stopping empties the cache', async () => {
  const clock = { period: 'p1' };
  const cache = new PageCache(10, { period: () => clock.period });
  const stop = cache.startSweeping(5);
  try {
    cache.set('a', page('A'), 'p1');
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(cache.size, 1);
    clock.period = 'p2';
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(cache.size, 0, 'swept without any request');
    cache.set('b', page('B'), 'p2');
  } finally {
    stop();
  }
  assert.equal(cache.size, 0);
});
