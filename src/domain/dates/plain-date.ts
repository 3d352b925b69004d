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
  // The polyfill takes microseconds per date and the rules parse the same dates again and again:
  // dates are immutable values, so a parsed one is shared (bounded; emptied when full).
  if (parsed.has(text)) return parsed.get(text);
  const result = parseOnce(text);
  remember(parsed, text, result);
  return result;
}

const KEPT = 10_000;
const parsed = new Map<string, PlainDate | undefined>();
const added = new Map<string, PlainDate>();
function remember<V>(map: Map<string, V>, key: string, value: V) {
  if (map.size >= KEPT) map.clear();
  map.set(key, value);
}

function parseOnce(text: string): PlainDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return undefined;
  }
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

/**
 * Adds years and months. A day that does not exist in the target month is constrained to the
 * last day of that month (29 Feb + 3 years = 28 Feb): for a deadline that is the cautious side.
 */
export function plus(
  d: PlainDate,
  duration: { years?: number; months?: number; weeks?: number; days?: number },
) {
  const key = `${d.year}-${d.month}-${d.day}+${duration.years ?? 0}y${duration.months ?? 0}m${duration.weeks ?? 0}w${duration.days ?? 0}d`;
  let result = added.get(key);
  if (!result) {
    result = d.add(duration, { overflow: 'constrain' });
    remember(added, key, result);
  }
  return result;
}

export function minus(
  d: PlainDate,
  duration: { years?: number; months?: number; weeks?: number; days?: number },
) {
  return d.subtract(duration, { overflow: 'constrain' });
}

export function minDate(a: PlainDate, b: PlainDate): PlainDate {
  return compare(a, b) <= 0 ? a : b;
}

export function maxDate(a: PlainDate, b: PlainDate): PlainDate {
  return compare(a, b) >= 0 ? a : b;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

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
