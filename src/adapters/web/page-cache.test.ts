import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageCache } from './page-cache.ts';

const page = (html: string) => ({ html, csp: 'x' });

test('the page cache keeps the most recently used pages, at most maxEntries', () => {
  const cache = new PageCache(2);
  cache.set('a', page('A'));
  cache.set('b', page('B'));
  assert.equal(cache.get('a')?.html, 'A'); // a is now the most recent
  cache.set('c', page('C'));
  assert.equal(cache.get('b'), undefined, 'the least recently used went out');
  assert.equal(cache.get('a')?.html, 'A');
  assert.equal(cache.get('c')?.html, 'C');
  assert.equal(cache.size, 2);
});

test('a page cache of 0 entries keeps nothing', () => {
  const cache = new PageCache(0);
  assert.equal(cache.set('a', page('A')).html, 'A');
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.size, 0);
});
