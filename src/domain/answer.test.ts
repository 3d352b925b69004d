import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { assessAnswer, parseInclude } from './answer.ts';
import { assess } from './assess.ts';
import { date } from './dates/plain-date.ts';
import type { Facts } from './facts/facts.ts';
import { whatWouldChange } from './what-would-change.ts';

const book = loadRuleBook();
const asOf = date('2025-11-20');
const OBLIGED: Facts = {
  nationality: 'ER',
  birthDate: date('1996-12-12'),
  permitPurpose: 'asylum',
  permitDate: date('2022-11-02'),
  familyOfEeaCitizen: false,
  hasIntegrationDiploma: false,
  diplomas: [],
  schoolYearsInNL: 0,
  pipDate: date('2023-03-14'),
};

const names = (value: unknown) => {
  const r = parseInclude(value);
  return r.ok ? [...r.include] : r.problems.map((p) => `${p.field}:${p.problem}`);
};

test('include: absent or empty is nothing; names by comma or repeated', () => {
  assert.deepEqual(names(undefined), []);
  assert.deepEqual(names(''), []);
  assert.deepEqual(names('whatWouldChange'), ['whatWouldChange']);
  assert.deepEqual(names(' whatWouldChange ,'), ['whatWouldChange']);
  assert.deepEqual(names(['whatWouldChange', 'whatWouldChange']), ['whatWouldChange']);
});

test('include: an unknown name or a non-string is one problem naming include', () => {
  assert.deepEqual(names('whatwouldchange'), ['include:unknown-value']);
  assert.deepEqual(names('whatWouldChange,everything,more'), ['include:unknown-value']);
  assert.deepEqual(names(5), ['include:unknown-value']);
  assert.deepEqual(names([true]), ['include:unknown-value']);
});

test('the answer is the assessment; asked for, what would change follows its fields', () => {
  const plain = assessAnswer(OBLIGED, asOf, book, new Set());
  assert.deepEqual(plain, { ...assess(OBLIGED, asOf, book), closedOptions: [] });
  assert.ok(!('whatWouldChange' in plain));
  const full = assessAnswer(OBLIGED, asOf, book, new Set(['whatWouldChange']));
  const a = assess(OBLIGED, asOf, book);
  assert.equal(
    JSON.stringify(full),
    JSON.stringify({ ...a, closedOptions: [], whatWouldChange: whatWouldChange(OBLIGED, asOf, book, a) }),
  );
  assert.ok(full.whatWouldChange!.length > 0);
});

test('an option whose window has closed is not among the options but in closedOptions', () => {
  // Term 2023-03-15 .. 2026-03-14 (PIP + 3 years); the day after, the birth extension is too late.
  const facts: Facts = { ...OBLIGED, circumstances: ['birth', 'special-circumstances'] };
  const later = date('2026-03-15');
  const full = assess(facts, later, book);
  assert.equal(full.options.find((o) => o.id === 'extension-birth')?.closed, 'term-ended');
  const answer = assessAnswer(facts, later, book, new Set());
  assert.ok(!answer.options.some((o) => o.id === 'extension-birth'), 'a closed extension is not a route');
  assert.ok(answer.options.every((o) => o.closed === null));
  assert.deepEqual(
    answer.closedOptions.map((o) => [o.id, String(o.availableUntil)]),
    [['extension-birth', '2026-03-14']],
  );
  // Open routes stay: the hearing after the term (Wi2021) is what the person can still do.
  assert.ok(answer.options.some((o) => o.id === 'extension-special-circumstances'));
  // On the term's last day the extension is still open.
  const last = assessAnswer(facts, date('2026-03-14'), book, new Set());
  assert.ok(last.options.some((o) => o.id === 'extension-birth'));
  assert.deepEqual(last.closedOptions, []);
});
