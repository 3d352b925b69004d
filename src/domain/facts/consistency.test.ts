// The consistency rules one by one, with their boundaries; the golden cases in
// content/rules/cases/consistency.yaml cover the same orders through the request parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { date } from '../dates/plain-date.ts';
import { checkConsistency, inconsistentFacts, surprises, yearsBetween } from './consistency.ts';
import type { Facts } from './facts.ts';

const asOf = date('2026-11-28');
const rules = (facts: Facts) => checkConsistency(facts, asOf).map((i) => `${i.rule}:${i.fields.join('+')}`);

test('consistent facts give nothing; unknown facts are never inconsistent', () => {
  assert.deepEqual(rules({}), []);
  assert.deepEqual(
    rules({
      birthDate: date('1990-01-01'),
      permitDate: date('2022-06-01'),
      obligationStartDate: date('2022-06-01'),
      pipDate: date('2022-09-01'),
      termEndDate: date('2025-09-01'),
      schoolYearsInNL: 0,
      yearsInNL: 4,
      yearsWorkedInNL: 3,
    }),
    [],
  );
});

test('the birth date: on the reference date is possible, a day later is not', () => {
  assert.deepEqual(rules({ birthDate: asOf }), []);
  assert.deepEqual(rules({ birthDate: date('2026-11-29') }), ['birth-in-future:birthDate']);
});

test('every date after the birth; the same day is possible except for the end of a term', () => {
  const birth = date('1990-05-01');
  for (const f of ['permitDate', 'obligationStartDate', 'pipDate'] as const) {
    assert.deepEqual(
      rules({ birthDate: birth, [f]: birth }).filter((r) => r.startsWith('order')),
      [],
      f,
    );
    assert.deepEqual(
      rules({ birthDate: birth, [f]: date('1990-04-30') }).filter((r) => r.startsWith('order')),
      [`order:birthDate+${f}`],
    );
  }
  assert.deepEqual(rules({ birthDate: birth, termEndDate: birth }), ['order:birthDate+termEndDate']);
});

test('the PIP follows the permit and the DUO start; the term ends after the PIP, permit and start', () => {
  assert.deepEqual(rules({ permitDate: date('2023-05-01'), pipDate: date('2023-05-01') }), []);
  assert.deepEqual(rules({ permitDate: date('2023-05-01'), pipDate: date('2023-04-30') }), [
    'order:permitDate+pipDate',
  ]);
  assert.deepEqual(rules({ obligationStartDate: date('2023-05-01'), pipDate: date('2023-04-30') }), [
    'order:obligationStartDate+pipDate',
  ]);
  assert.deepEqual(rules({ pipDate: date('2023-03-14'), termEndDate: date('2023-03-15') }), []);
  assert.deepEqual(rules({ pipDate: date('2023-03-14'), termEndDate: date('2023-03-14') }), [
    'order:pipDate+termEndDate',
  ]);
  assert.deepEqual(rules({ permitDate: date('2020-10-01'), termEndDate: date('2020-10-01') }), [
    'order:permitDate+termEndDate',
  ]);
  assert.deepEqual(rules({ obligationStartDate: date('2020-10-01'), termEndDate: date('2020-09-01') }), [
    'order:obligationStartDate+termEndDate',
  ]);
});

test('the DUO start date may lie before the permit date (a permit granted with retroactive effect)', () => {
  assert.deepEqual(rules({ permitDate: date('2021-03-10'), obligationStartDate: date('2021-03-01') }), []);
});

test('a PIP exists only from 2022-01-01', () => {
  assert.deepEqual(rules({ pipDate: date('2022-01-01') }), []);
  assert.deepEqual(rules({ pipDate: date('2021-12-31') }), ['pip-before-wi2021:pipDate']);
});

test('school years, years in NL and years of work against the age, a year begun counting whole', () => {
  const birth = date('2010-01-01'); // 5 on 2015-01-01: 11 whole years and a begun one by 2026-11-28
  assert.deepEqual(rules({ birthDate: birth, schoolYearsInNL: 12 }), []);
  assert.deepEqual(rules({ birthDate: birth, schoolYearsInNL: 12.5 }), [
    'school-years-over-age:birthDate+schoolYearsInNL',
  ]);
  assert.deepEqual(rules({ birthDate: date('2022-01-01'), schoolYearsInNL: 0 }), []);
  assert.deepEqual(rules({ birthDate: date('2022-01-01'), schoolYearsInNL: 1 }), [
    'school-years-over-age:birthDate+schoolYearsInNL',
  ]);
  assert.deepEqual(rules({ birthDate: date('2000-06-01'), yearsInNL: 27 }), []);
  assert.deepEqual(rules({ birthDate: date('2000-06-01'), yearsInNL: 27.5 }), [
    'years-in-nl-over-age:birthDate+yearsInNL',
  ]);
  assert.deepEqual(rules({ birthDate: date('2000-06-01'), yearsWorkedInNL: 15 }), []);
  assert.deepEqual(rules({ birthDate: date('2000-06-01'), yearsWorkedInNL: 16 }), [
    'years-worked-over-age:birthDate+yearsWorkedInNL',
  ]);
});

test('an asylum seeker has no permit yet: a permit granted up to the reference date is refused, a later one not', () => {
  const seeker = { permitPurpose: 'asylum-seeker' } as const;
  assert.deepEqual(rules({ ...seeker, permitDate: date('2026-11-29') }), []);
  assert.deepEqual(rules({ ...seeker, permitDate: asOf }), [
    'asylum-seeker-with-permit:permitPurpose+permitDate',
  ]);
  assert.deepEqual(rules({ ...seeker, permitDate: date('2022-03-01') }), [
    'asylum-seeker-with-permit:permitPurpose+permitDate',
  ]);
});

test('a DUO start or end date or a PIP only with a purpose that can lead to the obligation', () => {
  const letters = { obligationStartDate: date('2022-03-01'), pipDate: date('2022-06-01') };
  for (const purpose of [
    'study',
    'work',
    'other-temporary',
    'temporary-protection',
    'asylum-seeker',
  ] as const)
    assert.deepEqual(rules({ permitPurpose: purpose, ...letters }), [
      'letter-without-obligation:permitPurpose+obligationStartDate+pipDate',
    ]);
  assert.deepEqual(rules({ permitPurpose: 'work', termEndDate: date('2025-01-01') }), [
    'letter-without-obligation:permitPurpose+termEndDate',
  ]);
  for (const purpose of [
    'asylum',
    'asylum-family',
    'family',
    'spiritual-leader',
    'other-non-temporary',
  ] as const)
    assert.deepEqual(rules({ permitPurpose: purpose, ...letters }), []);
  assert.deepEqual(rules(letters), []); // purpose unknown: nothing to contradict
});

test('nobody is older than 122: a placeholder birth date such as 1900-01-01 is refused', () => {
  assert.deepEqual(rules({ birthDate: date('1904-11-28') }), []); // 122 today
  assert.deepEqual(rules({ birthDate: date('1904-11-27') }), []); // still 122
  assert.deepEqual(rules({ birthDate: date('1903-11-28') }), ['older-than-anyone:birthDate']); // 123
  assert.deepEqual(rules({ birthDate: date('1900-01-01') }), ['older-than-anyone:birthDate']);
});

test('several at once: every one reported, every fact named once by inconsistentFacts', () => {
  const found = checkConsistency(
    { birthDate: date('1990-05-01'), permitDate: date('1989-01-01'), pipDate: date('1988-01-01') },
    asOf,
  );
  assert.equal(found.length, 4); // permit<birth, pip<birth, pip<permit, pip<2022
  assert.deepEqual(inconsistentFacts(found), ['birthDate', 'permitDate', 'pipDate']);
});

test('surprises: a child, a very old person, a permit or DUO start still to come', () => {
  const rule = (f: Facts) => surprises(f, asOf).map((s) => `${s.rule}:${s.fact}`);
  assert.deepEqual(rule({ birthDate: date('2025-11-20') }), ['young:birthDate']);
  assert.equal(surprises({ birthDate: date('2025-11-20') }, asOf)[0]!.params.age, 1);
  assert.deepEqual(rule({ birthDate: date('2008-11-28') }), []); // 18 today
  assert.deepEqual(rule({ birthDate: date('2008-11-29') }), ['young:birthDate']);
  assert.deepEqual(rule({ birthDate: date('1920-01-01') }), ['old:birthDate']);
  assert.deepEqual(rule({ permitDate: date('2026-11-29'), obligationStartDate: date('2027-01-01') }), [
    'permit-in-future:permitDate',
    'start-in-future:obligationStartDate',
  ]);
  assert.deepEqual(rule({ permitDate: asOf }), []);
});

test('yearsBetween counts whole years (an age)', () => {
  assert.equal(yearsBetween(date('2000-02-29'), date('2001-02-28')), 0);
  assert.equal(yearsBetween(date('2000-02-29'), date('2001-03-01')), 1);
  assert.equal(yearsBetween(date('1990-11-28'), asOf), 36);
});
