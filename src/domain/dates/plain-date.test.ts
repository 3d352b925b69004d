/**
 * Calendar dates: strict parsing, date arithmetic and the anniversary shortcut used for ages.
 * Unit tests plus fast-check properties over every date from 1900 to 2200.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  compare,
  date,
  isBefore,
  isBeforeAnniversary,
  isOnOrAfter,
  maxDate,
  minDate,
  minus,
  type PlainDate,
  parseIsoDate,
  plus,
  Temporal,
  withDateScope,
} from './plain-date.ts';

// An independent calendar, to check the module against (Gregorian rules written out).
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

const FIRST = Temporal.PlainDate.from('1900-01-01');
const SPAN_DAYS = FIRST.until(Temporal.PlainDate.from('2200-12-31')).days;
/** Every real date from 1900-01-01 to 2200-12-31. */
const anyDate = fc.integer({ min: 0, max: SPAN_DAYS }).map((n): PlainDate => FIRST.add({ days: n }));
/** Dates around 29 February, to hit the awkward cases often. */
const leapish = fc
  .tuple(fc.integer({ min: 1896, max: 2204 }), fc.constantFrom(28, 29), fc.constant(2))
  .filter(([y, d]) => d === 28 || isLeap(y))
  .map(([y, d, m]) => date(iso(y, m, d)));
const someDate = fc.oneof(anyDate, leapish);

describe('parseIsoDate', () => {
  test('rejects impossible calendar dates', () => {
    for (const text of [
      '2023-02-29',
      '2023-02-30',
      '2024-02-30',
      '1900-02-29',
      '2100-02-29',
      '2023-04-31',
      '2023-06-31',
      '2023-09-31',
      '2023-11-31',
      '2023-01-32',
      '2023-00-10',
      '2023-13-01',
      '2023-01-00',
    ]) {
      assert.equal(parseIsoDate(text), undefined, text);
    }
  });

  test('rejects text that is not exactly YYYY-MM-DD', () => {
    for (const text of [
      '',
      '2023-1-05',
      '2023-01-5',
      '23-01-05',
      '20230105',
      '2023/01/05',
      ' 2023-01-05',
      '2023-01-05 ',
      '2023-01-05T00:00',
      '2023-01-05T00:00:00Z',
      '+002023-01-05',
      '05-01-2023',
      '2023-01-05\n',
    ]) {
      assert.equal(parseIsoDate(text), undefined, JSON.stringify(text));
    }
  });

  test('accepts real dates, leap days included', () => {
    for (const text of ['2024-02-29', '2000-02-29', '1904-02-29', '2023-12-31', '2022-01-01', '1900-01-01']) {
      const d = parseIsoDate(text);
      assert.ok(d, text);
      assert.equal(d.toString(), text);
    }
  });

  test('property: every real date is accepted and read back unchanged', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const text = iso(d.year, d.month, d.day);
        const parsed = parseIsoDate(text);
        assert.ok(parsed, text);
        assert.equal(parsed.toString(), text);
        assert.equal(compare(parsed, d), 0);
      }),
      { numRuns: 2000 },
    );
  });

  test('property: a year-month-day triple is accepted exactly when that day exists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const exists = m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
          const parsed = parseIsoDate(iso(y, m, d));
          assert.equal(parsed !== undefined, exists, iso(y, m, d));
          if (parsed) assert.deepEqual([parsed.year, parsed.month, parsed.day], [y, m, d]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('date() throws on an impossible date rather than rolling it over', () => {
    assert.throws(() => date('2023-02-30'), RangeError);
    assert.equal(date('2023-02-28').toString(), '2023-02-28');
  });
});

describe('compare and order', () => {
  test('property: compare agrees with Temporal and with the ISO text order', () => {
    fc.assert(
      fc.property(someDate, someDate, (a, b) => {
        const c = Math.sign(compare(a, b));
        assert.equal(c, Temporal.PlainDate.compare(a, b));
        assert.equal(c, Math.sign(a.toString().localeCompare(b.toString())));
        assert.equal(Math.sign(compare(b, a)) + c, 0);
        assert.equal(isBefore(a, b), c < 0);
        assert.equal(isOnOrAfter(a, b), c >= 0);
        assert.equal(isOnOrAfter(a, b), !isBefore(a, b));
        assert.equal(compare(minDate(a, b), maxDate(a, b)) <= 0, true);
        assert.ok(compare(minDate(a, b), a) <= 0 && compare(minDate(a, b), b) <= 0);
        assert.ok(compare(maxDate(a, b), a) >= 0 && compare(maxDate(a, b), b) >= 0);
      }),
      { numRuns: 2000 },
    );
  });

  test('a date is not before itself', () => {
    const d = date('2022-01-01');
    assert.equal(isBefore(d, d), false);
    assert.equal(isOnOrAfter(d, d), true);
  });
});

describe('plus and minus', () => {
  test('known deadlines', () => {
    assert.equal(plus(date('2023-03-14'), { years: 3 }).toString(), '2026-03-14');
    assert.equal(plus(date('2024-02-29'), { years: 3 }).toString(), '2027-02-28');
    assert.equal(plus(date('2024-02-29'), { years: 4 }).toString(), '2028-02-29');
    assert.equal(plus(date('2023-08-31'), { months: 6 }).toString(), '2024-02-29');
    assert.equal(plus(date('2023-03-14'), { days: 1 }).toString(), '2023-03-15');
    assert.equal(plus(date('2023-12-31'), { days: 1 }).toString(), '2024-01-01');
    assert.equal(plus(date('2023-05-11'), { weeks: 16 }).toString(), '2023-08-31');
    assert.equal(minus(date('2026-03-15'), { months: 6 }).toString(), '2025-09-15');
    assert.equal(minus(date('2027-03-01'), { months: 6 }).toString(), '2026-09-01');
    assert.equal(minus(date('2024-03-31'), { months: 1 }).toString(), '2024-02-29');
    assert.equal(minus(date('2022-01-01'), { days: 1 }).toString(), '2021-12-31');
  });

  test('property: adding and then subtracting days gives the same date', () => {
    fc.assert(
      fc.property(someDate, fc.integer({ min: -20000, max: 20000 }), (d, n) => {
        assert.equal(compare(minus(plus(d, { days: n }), { days: n }), d), 0);
        assert.equal(compare(plus(d, { days: -n }), minus(d, { days: n })), 0);
        if (n > 0) assert.ok(isBefore(d, plus(d, { days: n })));
        if (n > 0) assert.ok(isBefore(minus(d, { days: n }), d));
      }),
      { numRuns: 2000 },
    );
  });

  test('property: adding years keeps month and day, except 29 February becomes 28 February', () => {
    fc.assert(
      fc.property(someDate, fc.integer({ min: -120, max: 120 }), (d, n) => {
        const r = plus(d, { years: n });
        assert.equal(r.year, d.year + n);
        assert.equal(r.month, d.month);
        assert.equal(r.day, Math.min(d.day, daysInMonth(d.year + n, d.month)));
        assert.equal(compare(minus(d, { years: n }), plus(d, { years: -n })), 0);
      }),
      { numRuns: 2000 },
    );
  });

  test('property: adding months lands in the right month, on the same day or the last day of that month', () => {
    fc.assert(
      fc.property(someDate, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const r = plus(d, { months: n });
        const total = d.year * 12 + (d.month - 1) + n;
        assert.equal(r.year, Math.floor(total / 12));
        assert.equal(r.month, (total % 12) + 1);
        assert.equal(r.day, Math.min(d.day, daysInMonth(r.year, r.month)));
        if (d.day <= 28) assert.equal(compare(minus(r, { months: n }), d), 0);
      }),
      { numRuns: 2000 },
    );
  });

  test('property: adding a duration keeps the order of dates (never reverses it)', () => {
    fc.assert(
      fc.property(
        someDate,
        someDate,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 11 }),
        (a, b, years, months) => {
          const [lo, hi] = compare(a, b) <= 0 ? [a, b] : [b, a];
          assert.ok(compare(plus(lo, { years, months }), plus(hi, { years, months })) <= 0);
          assert.ok(compare(minus(lo, { years, months }), minus(hi, { years, months })) <= 0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('property: a three-year term counted from the day after a date ends on the same calendar date (or 28 Feb)', () => {
    fc.assert(
      fc.property(someDate, (pip) => {
        const end = plus(pip, { years: 3 });
        assert.ok(isBefore(plus(pip, { days: 1 }), end));
        assert.equal(end.month, pip.month);
        assert.equal(end.day, pip.month === 2 && pip.day === 29 && !isLeap(pip.year + 3) ? 28 : pip.day);
      }),
    );
  });
});

describe('plus and minus are the arithmetic of Temporal, in whole numbers', () => {
  test('property: plus and minus give what Temporal add and subtract (constrain) give, for any duration', () => {
    const amount = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });
    fc.assert(
      fc.property(
        someDate,
        fc.record({ years: amount(150), months: amount(1900), weeks: amount(800), days: amount(60_000) }),
        fc.boolean(),
        (d, raw, back) => {
          const duration = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
          if (Object.keys(duration).length === 0) return; // Temporal refuses a duration without a field
          const ours = back ? minus(d, duration) : plus(d, duration);
          const theirs = back
            ? d.subtract(duration, { overflow: 'constrain' })
            : d.add(duration, { overflow: 'constrain' });
          assert.equal(
            ours.toString(),
            theirs.toString(),
            `${d} ${back ? '-' : '+'} ${JSON.stringify(duration)}`,
          );
          assert.ok(ours instanceof Temporal.PlainDate);
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('a date moves by whole units only', () => {
    assert.throws(() => plus(date('2024-01-31'), { months: 1.5 }), RangeError);
    assert.throws(() => minus(date('2024-01-31'), { days: Number.NaN }), RangeError);
  });
});

describe('withDateScope', () => {
  test('inside one call the same date is one value; after it, nothing is kept', () => {
    const inside = withDateScope(() => {
      const a = parseIsoDate('1990-05-17')!;
      const b = plus(date('1990-05-16'), { days: 1 });
      const c = withDateScope(() => minus(date('1991-05-17'), { years: 1 })); // nested: the same scope
      assert.equal(a, b);
      assert.equal(a, c);
      return a;
    });
    assert.notEqual(parseIsoDate('1990-05-17'), inside, 'a new call makes its own date');
    assert.notEqual(
      parseIsoDate('1990-05-17'),
      parseIsoDate('1990-05-17'),
      'outside a scope nothing is shared',
    );
    assert.equal(compare(parseIsoDate('1990-05-17')!, inside), 0);
  });

  test('a call that throws ends its scope too', () => {
    const first = withDateScope(() => date('2000-01-01'));
    assert.throws(() =>
      withDateScope(() => {
        date('2000-01-01');
        throw new Error('boom');
      }),
    );
    withDateScope(() => assert.notEqual(date('2000-01-01'), first));
    assert.notEqual(date('2000-01-01'), date('2000-01-01'));
  });
});

describe('isBeforeAnniversary', () => {
  test('known birthdays', () => {
    const born = date('2008-06-15');
    assert.equal(isBeforeAnniversary(date('2026-06-14'), born, 18), true);
    assert.equal(isBeforeAnniversary(date('2026-06-15'), born, 18), false);
    assert.equal(isBeforeAnniversary(date('2026-06-16'), born, 18), false);
    const leap = date('2008-02-29');
    assert.equal(isBeforeAnniversary(date('2024-02-28'), leap, 16), true);
    assert.equal(isBeforeAnniversary(date('2024-02-29'), leap, 16), false);
    assert.equal(isBeforeAnniversary(date('2026-02-27'), leap, 18), true);
    assert.equal(isBeforeAnniversary(date('2026-02-28'), leap, 18), false);
  });

  test('property: isBeforeAnniversary(d, from, n) === isBefore(d, plus(from, {years: n})) for all dates', () => {
    fc.assert(
      fc.property(someDate, someDate, fc.integer({ min: 0, max: 120 }), (d, from, n) => {
        assert.equal(isBeforeAnniversary(d, from, n), isBefore(d, plus(from, { years: n })));
      }),
      { numRuns: 5000 },
    );
  });

  test('property: the same holds on the day before, the day of and the day after the anniversary', () => {
    fc.assert(
      fc.property(
        someDate,
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: -1, max: 1 }),
        (from, n, shift) => {
          const d = plus(plus(from, { years: n }), { days: shift });
          assert.equal(isBeforeAnniversary(d, from, n), isBefore(d, plus(from, { years: n })));
          assert.equal(isBeforeAnniversary(d, from, n), shift < 0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
