/**
 * Legal dates are calendar dates: `Temporal.PlainDate`, never `Date`, so no time zone or
 * daylight-saving shift can move a deadline by a day.
 */
import { Temporal } from 'temporal-polyfill';

export type PlainDate = Temporal.PlainDate;
export { Temporal };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` strictly: returns undefined for 2023-02-30 or any other impossible date. */
export function parseIsoDate(text: string): PlainDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return made(year, month, day);
}

/**
 * The dates made inside one `withDateScope` call, by year, month and day: the polyfill takes about
 * a microsecond to make a date, and one assessment makes the same few dates again and again. Only
 * while that call runs: nothing about a person's dates outlives the call that needed them.
 */
let scope: Map<number, PlainDate> | undefined;

/**
 * Runs `fn` with the dates it makes shared (dates are immutable values): for one assessment, one
 * request, one page. Nested calls share the outer scope; the dates are dropped when it returns.
 */
export function withDateScope<T>(fn: () => T): T {
  if (scope) return fn();
  scope = new Map();
  try {
    return fn();
  } finally {
    scope = undefined;
  }
}

function made(year: number, month: number, day: number): PlainDate {
  if (!scope) return new Temporal.PlainDate(year, month, day);
  const key = (year * 16 + month) * 32 + day;
  let d = scope.get(key);
  if (!d) {
    d = new Temporal.PlainDate(year, month, day);
    scope.set(key, d);
  }
  return d;
}

export function date(text: string): PlainDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new RangeError(`not an ISO calendar date: ${text}`);
  return parsed;
}

/** Calendar order of two ISO dates (field comparison: much faster than the polyfill's compare). */
export const compare = (a: PlainDate, b: PlainDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;
export const isBefore = (a: PlainDate, b: PlainDate): boolean => compare(a, b) < 0;
export const isOnOrAfter = (a: PlainDate, b: PlainDate): boolean => compare(a, b) >= 0;

type Duration = { years?: number; months?: number; weeks?: number; days?: number };

/**
 * Adds years and months. A day that does not exist in the target month is constrained to the
 * last day of that month (29 Feb + 3 years = 28 Feb): for a deadline that is the cautious side.
 * Weeks and days are added after that. Temporal's ISO arithmetic (`add` with `constrain`), in
 * whole numbers: the polyfill's own takes a few microseconds a call.
 */
export function plus(d: PlainDate, duration: Duration): PlainDate {
  return shifted(d, 1, duration);
}

export function minus(d: PlainDate, duration: Duration): PlainDate {
  return shifted(d, -1, duration);
}

function shifted(d: PlainDate, sign: 1 | -1, duration: Duration): PlainDate {
  const years = sign * (duration.years ?? 0);
  const months = sign * (duration.months ?? 0);
  const days = sign * ((duration.weeks ?? 0) * 7 + (duration.days ?? 0));
  if (!Number.isInteger(years) || !Number.isInteger(months) || !Number.isInteger(days))
    throw new RangeError('a date moves by whole years, months, weeks and days');
  let year = d.year;
  let month = d.month;
  let day = d.day;
  if (years !== 0 || months !== 0) {
    const total = year * 12 + (month - 1) + years * 12 + months;
    year = Math.floor(total / 12);
    month = total - year * 12 + 1;
    day = Math.min(day, daysInMonth(year, month));
  }
  if (days !== 0) [year, month, day] = fromEpochDay(epochDay(year, month, day) + days);
  return made(year, month, day);
}
export function minDate(a: PlainDate, b: PlainDate): PlainDate {
  return compare(a, b) <= 0 ? a : b;
}

export function maxDate(a: PlainDate, b: PlainDate): PlainDate {
  return compare(a, b) >= 0 ? a : b;
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number of `epochDay` (civil_from_days). */
function fromEpochDay(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (month <= 2 ? 1 : 0), month, day];
}

/**
 * Whether `d` falls before the `years`-th anniversary of `from` (e.g. "younger than 18 on d").
 * Same answer as `isBefore(d, plus(from, { years }))`, with 29 February constrained to 28
 * February in common years, but without building a date: this sits on the engine's hot path.
 */
export function isBeforeAnniversary(d: PlainDate, from: PlainDate, years: number): boolean {
  const year = from.year + years;
  const month = from.month;
  const day = month === 2 && from.day === 29 && !isLeapYear(year) ? 28 : from.day;
  return (d.year - year || d.month - month || d.day - day) < 0;
}
