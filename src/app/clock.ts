import { Temporal } from 'temporal-polyfill';
import type { PlainDate } from '#domain/dates/plain-date.ts';

/** Today's date in the Netherlands: the default reference date of an assessment. */
export type Clock = () => PlainDate;

// Asked several times per page (assess, the result's dates, "open now"): the time-zone conversion
// is done at most once a second, not on every call.
let today: { until: number; date: PlainDate } | undefined;
export const amsterdamToday: Clock = () => {
  const now = Date.now();
  if (!today || now >= today.until)
    today = { until: now + 1000, date: Temporal.Now.plainDateISO('Europe/Amsterdam') };
  return today.date;
};

let time: { until: number; text: string } | undefined;
/** The time of day in the Netherlands as HH:MM, for "open now" of help desks. */
export const amsterdamTime = (): string => {
  const now = Date.now();
  if (!time || now >= time.until)
    time = { until: now + 1000, text: Temporal.Now.plainTimeISO('Europe/Amsterdam').toString().slice(0, 5) };
  return time.text;
};
