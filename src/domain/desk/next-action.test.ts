import assert from 'node:assert/strict';
import { test } from 'node:test';
import { date } from '../dates/plain-date.ts';
import type { AnswerSummary } from './model.ts';
import { nextActionOf, summaryChanges } from './next-action.ts';

const obliged: AnswerSummary = {
  regime: 'wi2021',
  obligation: 'obliged',
  termEnd: '2026-05-10',
  applyFrom: '2025-11-10',
  options: ['extension-birth'],
  letterFrom: '2025-11-10',
  missing: [],
};
const kind = (s: AnswerSummary, today: string) => nextActionOf(s, date(today))?.kind;

test('the letter is due from its first day until the end; after the end the term has passed', () => {
  assert.equal(kind(obliged, '2025-11-09'), 'apply-from', 'the day before the letter can go');
  assert.equal(kind(obliged, '2025-11-10'), 'send-letter');
  assert.equal(kind(obliged, '2026-05-10'), 'send-letter', 'the last day still counts');
  assert.equal(kind(obliged, '2026-05-11'), 'term-passed');
  assert.equal(nextActionOf(obliged, date('2026-05-11'))?.due.toString(), '2026-05-10');
});

test('six months before the end, on the day before, of and after', () => {
  const noLetter = { ...obliged, letterFrom: null, applyFrom: '2026-04-01' };
  assert.equal(kind(noLetter, '2025-11-09'), 'apply-from');
  assert.equal(kind(noLetter, '2025-11-10'), 'term-ending');
  assert.equal(kind(noLetter, '2025-11-11'), 'term-ending');
});

test('missing facts come first; not obliged needs nothing', () => {
  assert.equal(kind({ ...obliged, obligation: 'unknown' }, '2025-01-01'), 'complete-facts');
  assert.equal(nextActionOf({ ...obliged, obligation: 'not-obliged' }, date('2025-01-01')), null);
  assert.equal(
    kind({ ...obliged, letterFrom: null, applyFrom: null, termEnd: '2029-01-01' }, '2025-01-01'),
    'follow-up',
  );
});

test('unknown with nothing left to ask (the rules leave it open): ask DUO, not the person', () => {
  const open: AnswerSummary = { ...obliged, obligation: 'unknown', obligationOpen: true };
  assert.equal(kind(open, '2025-01-01'), 'ask-duo');
  assert.equal(nextActionOf(open, date('2025-01-01'))?.due.toString(), '2025-01-01');
  // Open, then settled by a rules update: the change is seen even though the field is gone.
  const { obligationOpen: _, ...settled } = open;
  assert.deepEqual(summaryChanges(open, settled), ['obligationOpen']);
  assert.deepEqual(summaryChanges(settled, settled), []);
});

test('obliged without a term end because a date is missing: complete the facts now, not nothing', () => {
  const noPip = { ...obliged, termEnd: null, applyFrom: null, letterFrom: null, missing: ['pipDate'] };
  assert.equal(kind(noPip, '2025-01-01'), 'complete-facts');
  assert.equal(nextActionOf(noPip, date('2025-01-01'))?.due.toString(), '2025-01-01');
  assert.equal(nextActionOf({ ...noPip, missing: ['courseHours'] }, date('2025-01-01')), null);
});

test('not obliged yet, with a start ahead (a minor turns 18): look again on that day', () => {
  const minor: AnswerSummary = {
    ...obliged,
    obligation: 'exempt',
    termEnd: null,
    applyFrom: null,
    letterFrom: null,
    obligationStartsOn: '2026-09-01',
  };
  assert.equal(kind(minor, '2026-03-02'), 'obligation-starts');
  assert.equal(nextActionOf(minor, date('2026-03-02'))?.due.toString(), '2026-09-01');
  const { obligationStartsOn: _, ...exempt } = minor;
  assert.equal(nextActionOf(exempt, date('2026-03-02')), null, 'an exemption without a start: nothing to do');
});
