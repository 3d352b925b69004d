/**
 * Dutch public holidays (Algemene termijnenwet art. 3, plus Goede Vrijdag and Bevrijdingsdag),
 * computed per year: Easter by the Gregorian computus, Koningsdag on 27 April (26 April when the
 * 27th is a Sunday). Used for "open now" of help desks; never to move a legal deadline (whether
 * the Termijnenwet moves an inburgeringstermijn is UNCONFIRMED, so deadlines are not shifted).
 */
import { type PlainDate, plus, Temporal } from '../dates/plain-date.ts';

export type HolidayId =
  | 'nieuwjaarsdag'
  | 'goede-vrijdag'
  | 'eerste-paasdag'
  | 'tweede-paasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'eerste-pinksterdag'
  | 'tweede-pinksterdag'
  | 'eerste-kerstdag'
  | 'tweede-kerstdag';

export function easterSunday(year: number): PlainDate {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day });
}

const byYear = new Map<number, ReadonlyMap<string, HolidayId>>();
/** The public holidays of a year (computed once per year: every help and result page asks). */
export function holidays(year: number): ReadonlyMap<string, HolidayId> {
  let map = byYear.get(year);
  if (!map) {
    map = computeHolidays(year);
    byYear.set(year, map);
  }
  return map;
}

function computeHolidays(year: number): Map<string, HolidayId> {
  const easter = easterSunday(year);
  const on = (d: PlainDate, id: HolidayId): [string, HolidayId] => [d.toString(), id];
  const fixed = (month: number, day: number) => Temporal.PlainDate.from({ year, month, day });
  const kings = fixed(4, 27).dayOfWeek === 7 ? fixed(4, 26) : fixed(4, 27);
  return new Map([
    on(fixed(1, 1), 'nieuwjaarsdag'),
    on(plus(easter, { days: -2 }), 'goede-vrijdag'),
    on(easter, 'eerste-paasdag'),
    on(plus(easter, { days: 1 }), 'tweede-paasdag'),
    on(kings, 'koningsdag'),
    on(fixed(5, 5), 'bevrijdingsdag'),
    on(plus(easter, { days: 39 }), 'hemelvaartsdag'),
    on(plus(easter, { days: 49 }), 'eerste-pinksterdag'),
    on(plus(easter, { days: 50 }), 'tweede-pinksterdag'),
    on(fixed(12, 25), 'eerste-kerstdag'),
    on(fixed(12, 26), 'tweede-kerstdag'),
  ]);
}

export function holidayOn(d: PlainDate): HolidayId | undefined {
  return holidays(d.year).get(d.toString());
}
