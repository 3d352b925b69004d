import assert from 'node:assert/strict';
import { test } from 'node:test';
import { purgeCss, splitSelectors } from './purge-css.ts';

test('keeps the rules of used classes, @-blocks and licence comments; drops the rest', () => {
  const css =
    '/* @license EUPL-1.2, (c) X */.x-a{color:red}.x-a--danger,.x-a--primary{color:blue}' +
    '.x-a--subtle{color:gray}@media (min-width:1px){.x-a--subtle{color:gray}}.x-a:focus-visible .y{outline:0}';
  const out = purgeCss(css, 'x-', new Set(['x-a', 'x-a--primary']));
  assert.equal(
    out,
    '/* @license EUPL-1.2, (c) X */.x-a{color:red}.x-a--primary{color:blue}' +
      '@media (min-width:1px){.x-a--subtle{color:gray}}.x-a:focus-visible .y{outline:0}',
  );
});

test('a comma inside :not(…) or […] does not split the selector (the page CSS stayed valid)', () => {
  const css = '.x-a:focus:not(:disabled,[aria-disabled=true]){color:red}.x-b,.x-c{color:blue}';
  const out = purgeCss(css, 'x-', new Set(['x-a', 'x-c']));
  assert.equal(out, '.x-a:focus:not(:disabled,[aria-disabled=true]){color:red}.x-c{color:blue}');
  assert.deepEqual(splitSelectors('a:not(b,c),d[e="f,g"]'), ['a:not(b,c)', 'd[e="f,g"]']);
});
