import { Temporal } from 'temporal-polyfill';
import type { PlainDate } from '#domain/dates/plain-date.ts';

/** Today's date in the Netherlands: the default reference date of an assessment. */
export type Clock = () => PlainDate;

export const amsterdamToday: Clock = () => Temporal.Now.plainDateISO('Europe/Amsterdam');

/** The time of day in the Netherlands as HH:MM, for "open now" of help desks. */
export const amsterdamTime = (): string =>
  Temporal.Now.plainTimeISO('Europe/Amsterdam').toString().slice(0, 5);
