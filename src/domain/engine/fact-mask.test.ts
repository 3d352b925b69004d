// Fact masks hold any number of facts: a 32-bit mask would wrap at 32 (`1 << 32 === 1`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Facts } from '../facts/facts.ts';
import { builders, type Derived, evaluate, FACT_BIT, factsInMask, maskOf } from './conditions.ts';
import { hasIndex, indexesIn, maskBit, NO_FACTS, union } from './fact-mask.ts';

test('every index up to 200 is its own bit: 31, 32 and 64 do not fold onto 0 or the sign', () => {
  for (let i = 0; i < 200; i++) {
    assert.deepEqual(indexesIn(maskBit(i)), [i], `index ${i}`);
    assert.ok(hasIndex(maskBit(i), i));
    if (i > 0) assert.ok(!hasIndex(maskBit(i), 0), `index ${i} is not index 0`);
  }
  assert.notDeepEqual(maskBit(32), maskBit(0));
  assert.notDeepEqual(maskBit(31), maskBit(0));
});

test('union of many facts above and below 32 keeps them all, in order, in any order of union', () => {
  const indexes = [0, 5, 29, 30, 31, 32, 33, 59, 60, 64, 95, 150];
  const forward = indexes.reduce((m, i) => union(m, maskBit(i)), NO_FACTS);
  const backward = [...indexes].reverse().reduce((m, i) => union(m, maskBit(i)), NO_FACTS);
  assert.deepEqual(indexesIn(forward), indexes);
  assert.deepEqual(forward, backward);
  assert.equal(union(forward, NO_FACTS), forward);
});

test('small sets stay plain integers, so the common case needs no allocation', () => {
  assert.equal(typeof union(maskBit(3), maskBit(17)), 'number');
  assert.equal(union(maskBit(3), maskBit(17)), (1 << 3) | (1 << 17));
  assert.equal(NO_FACTS, 0);
});

test('the engine carries a missing fact with a high index through all/any/not', () => {
  interface Toy extends Record<string, Derived<unknown>> {
    far: Derived<boolean>;
  }
  const w = builders<Toy>();
  const ctx = {
    facts: {} as Facts,
    derived: { far: { value: undefined, missing: maskBit(40) } } as Toy,
    threshold: () => 0,
  };
  const r = evaluate(w.not(w.any(w.derived('far', [true]), w.is('medicalLimitation', true))), ctx);
  assert.equal(r.value, undefined);
  assert.ok(hasIndex(r.missing, 40));
  assert.ok(hasIndex(r.missing, indexesIn(FACT_BIT.medicalLimitation)[0]!));
});

test('fact names round-trip through a mask', () => {
  assert.deepEqual(factsInMask(maskOf('yearsWorkedInNL', 'nationality', 'pipDate')), [
    'nationality',
    'pipDate',
    'yearsWorkedInNL',
  ]);
});
