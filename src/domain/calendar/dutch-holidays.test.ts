import assert from 'node:assert/strict';
import { test } from 'node:test';
import { date } from '../dates/plain-date.ts';
import { easterSunday, holidayOn, holidays } from './dutch-holidays.ts';
import { openingStatus } from './opening-hours.ts';

test('Easter and the days that hang on it match the addendum table for 2025–2028', () => {
  const table = {
    2025: ['2025-04-18', '2025-04-20', '2025-04-21', '2025-04-26', '2025-05-29', '2025-06-09'],
    2026: ['2026-04-03', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-14', '2026-05-25'],
    2027: ['2027-03-26', '2027-03-28', '2027-03-29', '2027-04-27', '2027-05-06', '2027-05-17'],
    2028: ['2028-04-14', '2028-04-16', '2028-04-17', '2028-04-27', '2028-05-25', '2028-06-05'],
  };
  for (const [year, days] of Object.entries(table)) {
    assert.equal(easterSunday(Number(year)).toString(), days[1]);
    const ids = days.map((d) => holidayOn(date(d)));
    assert.deepEqual(ids, [
      'goede-vrijdag',
      'eerste-paasdag',
      'tweede-paasdag',
      'koningsdag',
      'hemelvaartsdag',
      'tweede-pinksterdag',
    ]);
  }
});

test('Koningsdag moves to Saturday 26 April when 27 April is a Sunday (2014, 2025, 2031)', () => {
  for (const year of [2014, 2025, 2031]) {
    assert.equal(holidayOn(date(`${year}-04-26`)), 'koningsdag');
    assert.equal(holidayOn(date(`${year}-04-27`)), undefined);
  }
});

test('every year has eleven holidays (fewer dates when two fall together), 5 May and both Christmas days', () => {
  for (let y = 2013; y <= 2035; y++) {
    const h = holidays(y);
    assert.ok(h.size === 11 || h.size === 10, String(y));
    assert.ok(h.has(`${y}-05-05`), `5 May ${y}`);
    assert.equal(h.get(`${y}-12-26`), 'tweede-kerstdag');
  }
});

const DUO = [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }];

test('DUO phone: open on a weekday between 9:00 and 17:00, the minute before and at closing', () => {
  assert.equal(openingStatus(DUO, date('2026-11-27'), '08:59').open, false);
  assert.equal(openingStatus(DUO, date('2026-11-27'), '09:00').open, true);
  assert.equal(openingStatus(DUO, date('2026-11-27'), '16:59').open, true);
  assert.equal(openingStatus(DUO, date('2026-11-27'), '17:00').open, false);
});

test('next open skips the weekend and public holidays', () => {
  // Friday 27 Nov 2026 after closing → Monday 30 Nov 09:00.
  assert.deepEqual(openingStatus(DUO, date('2026-11-27'), '17:30').next, {
    date: date('2026-11-30'),
    time: '09:00',
  });
  // Thursday 24 Dec 2026 evening → Christmas Friday and the weekend are skipped → Monday 28 Dec.
  assert.equal(openingStatus(DUO, date('2026-12-24'), '18:00').next?.date.toString(), '2026-12-28');
  // On Easter Monday at 10:00 it is not "open": a holiday.
  const easterMonday = openingStatus(DUO, date('2026-04-06'), '10:00');
  assert.equal(easterMonday.open, false);
  assert.equal(easterMonday.holiday, 'tweede-paasdag');
});
