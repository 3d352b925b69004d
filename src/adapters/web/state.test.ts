// The check's URL state: a format version, old links that keep their meaning, and nothing dropped silently.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { date } from '#domain/dates/plain-date.ts';
import { ignoredNames, ignoredParam, readState, STATE_VERSION, writeState } from './state.ts';

const query = (qs: string) => Object.fromEntries(new URLSearchParams(qs)) as Record<string, string>;

test('a written state carries the format version first; an empty state stays an empty query', () => {
  const qs = writeState({ facts: { nationality: 'SY' }, dontKnow: new Set(['pipDate']) });
  assert.equal(qs, `?v=${STATE_VERSION}&nationality=SY&dk=pipDate`);
  assert.equal(writeState({ facts: {}, dontKnow: new Set() }), '');
});

test('an old link without v keeps its meaning: the same facts as the same link with v=1, nothing reported', () => {
  const old = 'nationality=ER&birthDate=1996-12-12&permitPurpose=asylum&diplomas=havo,vwo&dk=pipDate';
  const before = readState(query(old));
  const now = readState(query(`v=1&${old}`));
  assert.deepEqual(before, now);
  assert.deepEqual(before.facts, {
    nationality: 'ER',
    birthDate: date('1996-12-12'),
    permitPurpose: 'asylum',
    diplomas: ['havo', 'vwo'],
  });
  assert.deepEqual([...before.dontKnow], ['pipDate']);
  assert.deepEqual(before.ignored, []);
  // Written again, the old link becomes a v=1 link with the same answers.
  assert.deepEqual(readState(query(writeState(before).slice(1))), now);
});

test('what a link holds that cannot be read is listed, never dropped silently', () => {
  const s = readState(query('v=1&nationality=SY&birthDate=1990-02-31&colour=blue&dk=shoeSize&pipDate=soon'));
  assert.deepEqual(s.facts, { nationality: 'SY' });
  assert.deepEqual(ignoredNames(s), ['shoeSize', 'birthDate', 'pipDate', 'colour']);
  assert.deepEqual(
    s.ignored?.map((i) => i.kind),
    ['dont-know', 'value', 'value', 'parameter'],
  );
});

test('an unknown format version is reported, and the link is read as the current format', () => {
  const s = readState(query('v=9&nationality=SY'));
  assert.deepEqual(s.facts, { nationality: 'SY' });
  assert.deepEqual(ignoredNames(s), ['v=9']);
  assert.deepEqual(ignoredNames(readState(query('v=abc'))), ['v=abc']);
});

test('what was ignored survives a redirect to a clean URL, and long or many keys are cut short', () => {
  const s = readState(query('nationality=SY&colour=blue'));
  const next = readState(query(writeState(s, ignoredParam(s)).slice(1)));
  assert.deepEqual(ignoredNames(next), ['colour']);
  const many = readState(query(Array.from({ length: 30 }, (_, i) => `k${i}=1`).join('&')));
  assert.equal(many.ignored?.length, 10);
  const long = readState(query(`${'x'.repeat(200)}=1`));
  assert.ok(ignoredNames(long)[0]!.length <= 41);
});
