/**
 * AOW date (pensioengerechtigde leeftijd): the table in content/rules/parameters.yaml together with
 * the algorithm must reproduce every birth-date boundary of the table in the fact-sheet addendum §1.
 * The expected table below is copied from the addendum, not from the parameters file.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { valueOn } from '#domain/rulebook.ts';
import { aowDate } from './aow.ts';
import { compare, date, isBefore, type PlainDate, plus, Temporal } from './plain-date.ts';

const book = loadRuleBook();
const ON = date('2026-11-28');
const table = valueOn(book, 'age.aow', ON);
const fixedUntil = valueOn(book, 'age.aow.fixedUntilYear', ON);
const aow = (birth: string | PlainDate) =>
  aowDate(typeof birth === 'string' ? date(birth) : birth, table, fixedUntil);

/** Addendum §1: year the AOW age is reached, the age, and the inclusive range of birth dates. */
const ADDENDUM: readonly { year: number; years: number; months: number; from: string; to: string }[] = [
  { year: 2013, years: 65, months: 1, from: '1948-01-01', to: '1948-11-30' },
  { year: 2014, years: 65, months: 2, from: '1948-12-01', to: '1949-10-31' },
  { year: 2015, years: 65, months: 3, from: '1949-11-01', to: '1950-09-30' },
  { year: 2016, years: 65, months: 6, from: '1950-10-01', to: '1951-06-30' },
  { year: 2017, years: 65, months: 9, from: '1951-07-01', to: '1952-03-31' },
  { year: 2018, years: 66, months: 0, from: '1952-04-01', to: '1952-12-31' },
  { year: 2019, years: 66, months: 4, from: '1953-01-01', to: '1953-08-31' },
  { year: 2020, years: 66, months: 4, from: '1953-09-01', to: '1954-08-31' },
  { year: 2021, years: 66, months: 4, from: '1954-09-01', to: '1955-08-31' },
  { year: 2022, years: 66, months: 7, from: '1955-09-01', to: '1956-05-31' },
  { year: 2023, years: 66, months: 10, from: '1956-06-01', to: '1957-02-28' },
  { year: 2024, years: 67, months: 0, from: '1957-03-01', to: '1957-12-31' },
  { year: 2025, years: 67, months: 0, from: '1958-01-01', to: '1958-12-31' },
  { year: 2026, years: 67, months: 0, from: '1959-01-01', to: '1959-12-31' },
  { year: 2027, years: 67, months: 0, from: '1960-01-01', to: '1960-12-31' },
  { year: 2028, years: 67, months: 3, from: '1961-01-01', to: '1961-09-30' },
  { year: 2029, years: 67, months: 3, from: '1961-10-01', to: '1962-09-30' },
  { year: 2030, years: 67, months: 3, from: '1962-10-01', to: '1963-09-30' },
  { year: 2031, years: 67, months: 3, from: '1963-10-01', to: '1964-09-30' },
];
/** Set by law up to and including 2030 (addendum §1: 2030 decided Nov 2024; 2031 third-party only). */
const LAST_FIXED_YEAR = 2030;

describe('AOW date: the addendum table at every boundary', () => {
  for (const row of ADDENDUM) {
    for (const birth of [row.from, row.to]) {
      test(`born ${birth}: AOW age ${row.years} y ${row.months} m, reached in ${row.year}`, () => {
        const expected = plus(date(birth), { years: row.years, months: row.months });
        const result = aow(birth);
        assert.equal(result.date.toString(), expected.toString());
        assert.equal(result.date.year, row.year);
        assert.equal(result.estimated, row.year > LAST_FIXED_YEAR);
      });
    }
  }

  test('born before 1948: AOW at 65, reached before 2013', () => {
    assert.equal(aow('1947-12-31').date.toString(), '2012-12-31');
    assert.equal(aow('1940-03-10').date.toString(), '2005-03-10');
    assert.equal(aow('1947-12-31').estimated, false);
  });

  test('the examples around 1 June 1956 (the 2022/2023 boundary)', () => {
    assert.equal(aow('1956-05-31').date.toString(), '2022-12-31');
    assert.equal(aow('1956-06-01').date.toString(), '2023-04-01');
    assert.equal(aow('1956-06-02').date.toString(), '2023-04-02');
  });

  test('a target day that does not exist: the month end, uncertain until the 1st of the next month (addendum §1 edge case)', () => {
    // 1956-08-31 + 66 y 10 m = "2023-06-31"; 1960-02-29 + 67 y = "2027-02-29"; 1961-11-30 + 67 y 3 m = "2029-02-30".
    for (const [birth, day, until] of [
      ['1956-08-31', '2023-06-30', '2023-07-01'],
      ['1960-02-29', '2027-02-28', '2027-03-01'],
      ['1961-11-30', '2029-02-28', '2029-03-01'],
      ['1950-08-31', '2015-11-30', '2015-12-01'], // the addendum's example: one source says 1 Dec 2015
    ] as const) {
      const r = aow(birth);
      assert.equal(r.date.toString(), day, birth);
      assert.equal(r.uncertainUntil?.toString(), until, birth);
    }
    // A day that exists is certain.
    assert.equal(aow('1957-02-28').uncertainUntil, undefined);
    assert.equal(aow('1956-05-31').uncertainUntil, undefined);
  });

  test('born on or after 1 October 1964: not set by law yet, so an estimate', () => {
    const r = aow('1964-10-01');
    assert.equal(r.estimated, true);
    assert.ok(r.date.year >= 2032);
    assert.equal(aow('1990-05-20').estimated, true);
  });

  test('the rows in the rule book are exactly the addendum table', () => {
    for (const row of ADDENDUM) {
      const inBook = table.find((r) => r.year === row.year);
      assert.deepEqual(inBook && { years: inBook.years, months: inBook.months }, {
        years: row.years,
        months: row.months,
      });
    }
    assert.equal(fixedUntil, LAST_FIXED_YEAR);
  });
});

describe('AOW date: properties', () => {
  const FIRST = Temporal.PlainDate.from('1930-01-01');
  const birth = fc
    .integer({ min: 0, max: FIRST.until(Temporal.PlainDate.from('1975-12-31')).days })
    .map((n): PlainDate => FIRST.add({ days: n }));
  const rowOf = (b: PlainDate) =>
    ADDENDUM.find((r) => compare(date(r.from), b) <= 0 && compare(b, date(r.to)) <= 0);

  test('property: within the table, the AOW date is the birth date plus the age of the row the birth date falls in', () => {
    fc.assert(
      fc.property(birth, (b) => {
        const row = rowOf(b);
        const r = aow(b);
        if (row) {
          assert.equal(r.date.toString(), plus(b, { years: row.years, months: row.months }).toString());
          assert.equal(r.date.year, row.year);
        } else if (isBefore(b, date('1948-01-01'))) {
          assert.equal(r.date.toString(), plus(b, { years: 65 }).toString());
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('property: a later birth date never gives an earlier AOW date', () => {
    fc.assert(
      fc.property(birth, fc.integer({ min: 1, max: 800 }), (b, days) => {
        assert.ok(compare(aow(b).date, aow(plus(b, { days })).date) <= 0);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: nobody reaches AOW age between 1 January and 31 March 2028', () => {
    fc.assert(
      fc.property(birth, (b) => {
        const d = aow(b).date;
        assert.ok(!(d.year === 2028 && d.month <= 3), `born ${b}: AOW ${d}`);
      }),
      { numRuns: 3000 },
    );
  });
});
