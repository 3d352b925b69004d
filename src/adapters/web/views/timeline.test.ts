import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { STATUS_HOLDER_2023 } from '#domain/facts/example-person.ts';
import type { Facts } from '#domain/facts/facts.ts';
import { extendedEnd, timelineModel } from './timeline.tsx';

const book = loadRuleBook();
const refugee: Facts = {
  ...STATUS_HOLDER_2023,
  circumstances: ['birth'],
} as Facts;

test('the line runs from the start to the latest date; today sits between start and end', () => {
  const today = date('2025-06-01');
  const a = assess(refugee, today, book);
  const m = timelineModel(a, today);
  assert.ok(m && a.termStart && a.termEnd);
  const at = Object.fromEntries(m.marks.map((k) => [k.kind, k.at]));
  assert.equal(at.start, 0);
  assert.ok((at.today as number) > 0 && (at.today as number) < (at.end as number));
  assert.ok(m.marks.every((k) => k.at >= 0 && k.at <= 1));
  assert.equal(m.passed, false);
  // Marks are in date order, so the picture reads as the list does.
  const ats = m.marks.map((k) => k.at);
  assert.deepEqual(
    ats,
    [...ats].sort((x, y) => x - y),
  );
});

test('a birth in the family adds its fixed extra time after the end, drawn as a possible extension', () => {
  const today = date('2025-06-01');
  const a = assess(refugee, today, book);
  const extra = extendedEnd(a);
  assert.ok(extra && a.termEnd, 'the birth extension gives a fixed extra time');
  assert.ok(extra.since(a.termEnd).sign > 0);
  assert.ok(timelineModel(a, today)?.marks.some((k) => k.kind === 'extra'));
});

test('after the end: no extension, no apply-from, and today lies past the end', () => {
  const today = date('2029-01-01');
  const a = assess(refugee, today, book);
  const m = timelineModel(a, today);
  assert.ok(m);
  assert.equal(m.passed, true);
  assert.equal(m.extendedEnd, null);
  assert.ok(!m.marks.some((k) => k.kind === 'applyFrom' || k.kind === 'extra'));
  const at = Object.fromEntries(m.marks.map((k) => [k.kind, k.at]));
  assert.equal(at.today, 1);
  assert.ok((at.end as number) < 1);
});

test('labels that would overlap go to another row', () => {
  const today = date('2023-05-11'); // one day after the start: start and today nearly coincide
  const a = assess(refugee, today, book);
  const m = timelineModel(a, today);
  assert.ok(m);
  const start = m.marks.find((k) => k.kind === 'start');
  const now = m.marks.find((k) => k.kind === 'today');
  assert.notEqual(start?.row, now?.row);
});

test('no term, no picture', () => {
  const a = assess({ nationality: 'DE' } as Facts, date('2025-06-01'), book);
  assert.equal(timelineModel(a, date('2025-06-01')), null);
});
