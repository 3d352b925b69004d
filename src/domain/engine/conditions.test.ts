// The condition engine on a toy rule set (a bakery's discount), so a change in the law never breaks these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Facts } from '../facts/facts.ts';
import { builders, type Derived, evaluate, factsInMask, factsRead, maskOf } from './conditions.ts';

interface Toy extends Record<string, Derived<unknown>> {
  weekday: Derived<'sat' | 'sun' | 'mon'>;
}
const w = builders<Toy>();
const ctx = (facts: Facts, weekday?: 'sat' | 'sun' | 'mon') => ({
  facts,
  derived: { weekday: { value: weekday, missing: weekday ? 0 : maskOf('birthDate') } } as Toy,
  threshold: (id: string) => (id === 'loyalty.hours' ? 100 : Number.NaN),
});

// "Discount when the customer is a member (hasIntegrationDiploma stands in) and has 100 loyalty hours, or on Sunday."
const discount = w.any(
  w.all(w.is('hasIntegrationDiploma', true), w.atLeast('courseHours', { param: 'loyalty.hours' })),
  w.derived('weekday', ['sun']),
);

test('all() is false as soon as one part is false, whatever is unknown', () => {
  const r = evaluate(
    w.all(w.is('hasIntegrationDiploma', true), w.atLeast('courseHours', 5)),
    ctx({ hasIntegrationDiploma: false }),
  );
  assert.deepEqual(r, { value: false, missing: 0 });
});

test('all() with unknown parts is unknown and lists exactly the missing facts', () => {
  const r = evaluate(w.all(w.is('hasIntegrationDiploma', true), w.atLeast('courseHours', 5)), ctx({}));
  assert.equal(r.value, undefined);
  assert.deepEqual(factsInMask(r.missing), ['hasIntegrationDiploma', 'courseHours']);
});

test('any() is true as soon as one part is true, whatever is unknown', () => {
  assert.deepEqual(evaluate(discount, ctx({}, 'sun')), { value: true, missing: 0 });
});

test('any() is false only when every part is false', () => {
  assert.equal(evaluate(discount, ctx({ hasIntegrationDiploma: false }, 'mon')).value, false);
  const open = evaluate(discount, ctx({ hasIntegrationDiploma: true }, 'mon'));
  assert.equal(open.value, undefined);
  assert.deepEqual(factsInMask(open.missing), ['courseHours']);
});

test('a derived value that is unknown reports the facts it needs', () => {
  const r = evaluate(w.derived('weekday', ['sun']), ctx({}));
  assert.deepEqual(factsInMask(r.missing), ['birthDate']);
});

test('thresholds can be legal parameters, looked up by the context', () => {
  assert.equal(
    evaluate(w.atLeast('courseHours', { param: 'loyalty.hours' }), ctx({ courseHours: 99 })).value,
    false,
  );
  assert.equal(
    evaluate(w.atLeast('courseHours', { param: 'loyalty.hours' }), ctx({ courseHours: 100 })).value,
    true,
  );
});

test('not() keeps unknown unknown', () => {
  assert.equal(evaluate(w.not(w.is('medicalLimitation', true)), ctx({})).value, undefined);
  assert.equal(
    evaluate(w.not(w.is('medicalLimitation', true)), ctx({ medicalLimitation: false })).value,
    true,
  );
});

test('includes-any reads list facts; an empty list is a known "none"', () => {
  const c = w.includesAny('diplomas', ['havo', 'vwo']);
  assert.equal(evaluate(c, ctx({ diplomas: [] })).value, false);
  assert.equal(evaluate(c, ctx({ diplomas: ['vwo'] })).value, true);
  assert.equal(evaluate(c, ctx({})).value, undefined);
});

test('factsRead lists the facts a condition reads, once', () => {
  assert.deepEqual(factsRead(discount).sort(), ['courseHours', 'hasIntegrationDiploma']);
});
