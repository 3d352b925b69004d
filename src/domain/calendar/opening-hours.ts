/**
 * "Open now" and "next open" for a help desk with weekly hours, in Dutch local time. The caller
 * passes the local date and time (Europe/Amsterdam); public holidays count as "may be closed"
 * unless the desk says it is closed on them.
 */
import { type PlainDate, plus } from '../dates/plain-date.ts';
import { type HolidayId, holidayOn } from './dutch-holidays.ts';

/** ISO weekday 1 = Monday … 7 = Sunday; times as "HH:MM". */
export interface WeeklyHours {
  days: readonly number[];
  open: string;
  close: string;
}

export interface OpeningStatus {
  open: boolean;
  /** Today is a public holiday and the desk did not say it opens on it. */
  holiday?: HolidayId;
  /** Next opening moment when closed (or later today): the date and time. */
  next?: { date: PlainDate; time: string; holiday?: HolidayId };
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export function openingStatus(hours: readonly WeeklyHours[], today: PlainDate, time: string): OpeningStatus {
  const now = minutes(time);
  const holidayToday = holidayOn(today);
  const openToday = hours.some(
    (h) => h.days.includes(today.dayOfWeek) && minutes(h.open) <= now && now < minutes(h.close),
  );
  const status: OpeningStatus = { open: openToday && !holidayToday };
  if (holidayToday && openToday) status.holiday = holidayToday;
  if (status.open) return status;
  for (let i = 0; i < 15; i++) {
    const day = plus(today, { days: i });
    const slots = hours
      .filter((h) => h.days.includes(day.dayOfWeek) && (i > 0 || minutes(h.open) > now))
      .sort((a, b) => minutes(a.open) - minutes(b.open));
    const holiday = holidayOn(day);
    if (slots.length && !holiday) {
      status.next = { date: day, time: slots[0]!.open };
      return status;
    }
  }
  return status;
}
