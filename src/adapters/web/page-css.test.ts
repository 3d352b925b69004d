import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { classesOf, dropUnusedProperties, PageCss, requiredClasses } from './page-css.ts';

test('a selector requires the classes outside functional pseudo-classes and attribute tests', () => {
  assert.deepEqual(requiredClasses('.summary .summary-row'), ['summary', 'summary-row']);
  assert.deepEqual(requiredClasses('.choice:has(input:checked)'), ['choice']);
  assert.deepEqual(requiredClasses('.a:not(.b,.c)>p'), ['a']);
  assert.deepEqual(requiredClasses('input[pattern="x.y"]'), []);
  assert.deepEqual(requiredClasses('details[open] summary'), []);
});

test('a page keeps the rules its classes can match, element rules, comments and other @-rules', () => {
  const css =
    '/*! licence */body{margin:0}.a{color:red}.b{color:blue}.a .b,.c{x:1}.a:not(.z){y:2}' +
    '@media print{.b{display:none}.a{display:block}}@font-face{font-family:f;src:url(f.woff2)}';
  const pc = new PageCss(css);
  assert.equal(
    pc.forClasses(['a']).css,
    '/*! licence */body{margin:0}.a{color:red}.a:not(.z){y:2}@media print{.a{display:block}}' +
      '@font-face{font-family:f;src:url(f.woff2)}',
  );
  assert.equal(
    pc.forClasses(['c', 'unknown']).css,
    '/*! licence */body{margin:0}.c{x:1}@font-face{font-family:f;src:url(f.woff2)}',
  );
  assert.equal(pc.forClasses(['b', 'a']), pc.forClasses(['a', 'b']), 'one variant per set of classes');
  assert.match(pc.forClasses(['a', 'b']).css, /\}\.a \.b\{x:1\}/);
});

test('custom properties nothing reads are dropped, chains that are read stay', () => {
  const css =
    ':root{--used:1px;--unused:2px;--chain:var(--base);--base:red;--icon:url("data:image/svg+xml;a,b}")}' +
    '.a{--only-here:3;border:var(--used) solid var(--chain)}.b{--x:1}';
  assert.equal(
    dropUnusedProperties(css),
    ':root{--used:1px;--chain:var(--base);--base:red}.a{border:var(--used) solid var(--chain)}',
  );
  // A property read through a fallback chain is kept with what it reads.
  assert.equal(
    dropUnusedProperties('.a{--b:var(--c, var(--d));--d:1;color:var(--b)}'),
    '.a{--b:var(--c, var(--d));--d:1;color:var(--b)}',
  );
});

test('classes are read from class attributes only (text has its quotes escaped)', () => {
  assert.deepEqual(
    [...classesOf('<p class="a  b">x class=&quot;no&quot;</p><svg class="c"></svg><i data-class="d">')],
    ['a', 'b', 'c'],
  );
});

test('the pages’ scripts add no classes (a class only a script sets would have no rule)', () => {
  const web = fileURLToPath(new URL('.', import.meta.url));
  const scripts = [
    join(web, 'assets', 'app.js'),
    join(web, 'assets', 'sw.js'),
    ...readdirSync(join(web, 'client')).map((f) => join(web, 'client', f)),
  ];
  for (const file of scripts) {
    const source = readFileSync(file, 'utf8');
    assert.doesNotMatch(source, /classList|className|['"]class['"]|class=/, file);
  }
});
