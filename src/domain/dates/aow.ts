/**
 * The AOW date (pensioengerechtigde leeftijd, AOW art. 7a): the AOW age is set per calendar year
 * in which it is reached. Algorithm from the fact-sheet addendum §1: for each year Y, add that
 * year's AOW age to the birth date; the AOW date is the first result that falls in Y itself.
 */
import type { AowRow } from '../rulebook.ts';
import { type PlainDate, plus } from './plain-date.ts';

export interface AowDate {
  date: PlainDate;
  /** true when the date depends on an AOW age the law has not fixed yet (a later year). */
  estimated: boolean;
  /**
   * Set when birth date + AOW age lands on a day that does not exist (born on the 31st, or on
   * 29 February, and the month it lands in is shorter): `date` is then the month's last day, and
   * one secondary source rolls over to the 1st of the next month instead (addendum §1 edge case,
   * STILL UNCONFIRMED by SVB). This is that 1st: before it, whether AOW age is reached is not certain.
   */
  uncertainUntil?: PlainDate;
}

/** birth + age, with the rollover day when the target day does not exist (the result was clamped). */
function reached(birth: PlainDate, years: number, months: number, estimated: boolean): AowDate {
  const d = plus(birth, { years, months });
  if (d.day === birth.day) return { date: d, estimated };
  return { date: d, estimated, uncertainUntil: plus(d.with({ day: 1 }), { months: 1 }) };
}

export function aowDate(birth: PlainDate, table: readonly AowRow[], fixedUntilYear: number): AowDate {
  const first = table[0]!;
  const last = table[table.length - 1]!;
  // Before the first row of the table the age was 65.
  const early = plus(birth, { years: first.years, months: first.months });
  if (early.year <= first.year) return reached(birth, first.years, first.months, false);
  for (const row of table) {
    // birth + age can only land in row.year when the years add up to it (months may carry one year).
    const offset = row.year - birth.year - row.years;
    if (offset !== 0 && offset !== 1) continue;
    const candidate = plus(birth, { years: row.years, months: row.months });
    if (candidate.year === row.year) return reached(birth, row.years, row.months, row.year > fixedUntilYear);
  }
  // After the last known year: the last known age, flagged as an estimate.
  return reached(birth, last.years, last.months, true);
}
