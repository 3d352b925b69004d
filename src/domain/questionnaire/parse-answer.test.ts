// What people type on their phones: Arabic-Indic, Persian and Latin digits, and the common slips.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeDigits, parseAnswer, parseDateParts, parseDateText } from './parse-answer.ts';
import { QUESTION_BY_FACT } from './questions.ts';

test('Arabic-Indic, Persian and full-width digits become Latin ones; direction marks go', () => {
  assert.equal(normalizeDigits('١٩٨٥'), '1985');
  assert.equal(normalizeDigits('۱۹۸۵'), '1985');
  assert.equal(normalizeDigits('１９８５'), '1985');
  assert.equal(normalizeDigits('\u200f٢٫٥'), '2.5');
});

test('a date in any digits', () => {
  for (const [d, m, y] of [
    ['٢٠', '١١', '١٩٨٥'],
    ['۲۰', '۱۱', '۱۹۸۵'],
    ['20', '11', '1985'],
    ['٢٠', '11', '۱۹۸۵'],
  ] as const) {
    const r = parseDateParts(d, m, y);
    assert.ok(r.ok && String(r.value) === '1985-11-20', `${d} ${m} ${y}`);
  }
  const typed = parseDateText('٢٠-١١-١٩٨٥');
  assert.ok(typed.ok && String(typed.value) === '1985-11-20');
  const iso = parseDateText('۱۹۸۵-۱۱-۲۰');
  assert.ok(iso.ok && String(iso.value) === '1985-11-20');
});

test('each slip gets its own problem', () => {
  const problem = (d: string, m: string, y: string) => {
    const r = parseDateParts(d, m, y);
    return r.ok ? 'ok' : r.problem;
  };
  assert.equal(problem('', '', ''), 'required');
  assert.equal(problem('20', '', '1985'), 'date-incomplete');
  assert.equal(problem('20', '11', '85'), 'date-year-two-digits');
  assert.equal(problem('11', '20', '1985'), 'date-month-swapped');
  assert.equal(problem('20', '13', '1985'), 'date-month');
  assert.equal(problem('20', '0', '1985'), 'date-month');
  assert.equal(problem('31', '4', '1985'), 'date-day');
  assert.equal(problem('29', '2', '2023'), 'date-day');
  assert.equal(problem('1', '1', '1899'), 'date-out-of-range');
  assert.equal(problem('1', '1', '10002'), 'date-out-of-range');
  assert.equal(problem('1', '1', '2101'), 'date-out-of-range');
  assert.equal(problem('x', '1', '1990'), 'invalid');
});

test('numbers in any digits, within the schema limits', () => {
  const q = QUESTION_BY_FACT.get('schoolYearsInNL')!;
  assert.deepEqual(parseAnswer(q, ['٨']), { ok: true, value: 8 });
  assert.deepEqual(parseAnswer(q, ['۸٫۵']), { ok: true, value: 8.5 });
  assert.deepEqual(parseAnswer(q, ['8,5']), { ok: true, value: 8.5 });
  assert.deepEqual(parseAnswer(q, ['21']), { ok: false, problem: 'number-out-of-range' });
  assert.deepEqual(parseAnswer(q, ['eight']), { ok: false, problem: 'not-a-number' });
  const attempts = QUESTION_BY_FACT.get('examAttempts')!;
  assert.deepEqual(parseAnswer(attempts, ['2.5']), { ok: false, problem: 'number-not-whole' });
  assert.deepEqual(parseAnswer(attempts, ['٣']), { ok: true, value: 3 });
});

test('thousands separators as people write them: 1.200 hours is 1200, not 1.2', () => {
  const hours = QUESTION_BY_FACT.get('courseHours')!;
  for (const typed of ['1.200', '1,200', '1 200', '1\u00a0200', "1'200", '١٬٢٠٠', '1200'])
    assert.deepEqual(parseAnswer(hours, [typed]), { ok: true, value: 1200 }, typed);
  assert.deepEqual(parseAnswer(hours, ['12.500']), { ok: true, value: 12500 });
  assert.deepEqual(parseAnswer(hours, ['600,5']), { ok: true, value: 600.5 }, 'one decimal stays a decimal');
  assert.deepEqual(
    parseAnswer(hours, ['1.200,5']),
    { ok: false, problem: 'not-a-number' },
    'mixed: ask again',
  );
  assert.deepEqual(parseAnswer(hours, ['1.20']), { ok: true, value: 1.2 }, 'two decimals stay decimals');
  assert.deepEqual(parseAnswer(hours, ['0.500']), { ok: true, value: 0.5 }, 'a leading 0 is a decimal');
  assert.deepEqual(parseAnswer(hours, ['1.200.000']), { ok: false, problem: 'number-out-of-range' });
  assert.deepEqual(parseAnswer(hours, ['1.200,000']), { ok: false, problem: 'not-a-number' }, 'two kinds');
});
