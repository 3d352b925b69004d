import assert from 'node:assert/strict';
import { test } from 'node:test';
import { purgeCss } from './purge-css.ts';

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
