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
}

export function aowDate(birth: PlainDate, table: readonly AowRow[], fixedUntilYear: number): AowDate {
  const first = table[0]!;
  const last = table[table.length - 1]!;
  // Before the first row of the table the age was 65.
  const early = plus(birth, { years: first.years, months: first.months });
  if (early.year <= first.year) return { date: early, estimated: false };
  for (const row of table) {
    // birth + age can only land in row.year when the years add up to it (months may carry one year).
    const offset = row.year - birth.year - row.years;
    if (offset !== 0 && offset !== 1) continue;
    const candidate = plus(birth, { years: row.years, months: row.months });
    if (candidate.year === row.year) return { date: candidate, estimated: row.year > fixedUntilYear };
  }
  // After the last known year: the last known age, flagged as an estimate.
  return { date: plus(birth, { years: last.years, months: last.months }), estimated: true };
}
