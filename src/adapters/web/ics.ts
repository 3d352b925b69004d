/**
 * An iCalendar file with the term end and the apply-from date as all-day events with reminders,
 * made on request from the URL's answers; nothing is stored.
 */
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { plus } from '#domain/dates/plain-date.ts';
import { plain } from '#i18n/isolate.ts';

export interface CalendarEvent {
  date: PlainDate;
  summary: string;
  description: string;
  /** Reminders, days before the date. */
  remindDays: readonly number[];
}

const compact = (d: PlainDate) => d.toString().replaceAll('-', '');
// RFC 5545: escape backslash, semicolon, comma and newlines; fold lines longer than 75 octets.
const escapeText = (s: string) =>
  plain(s).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, 'utf8') > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function calendar(events: readonly CalendarEvent[], stamp: PlainDate): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Wegwijs//inburgering//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${compact(e.date)}-${Buffer.from(e.summary).toString('hex').slice(0, 16)}@wegwijs`,
      `DTSTAMP:${compact(stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${compact(e.date)}`,
      `DTEND;VALUE=DATE:${compact(plus(e.date, { days: 1 }))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT',
    );
    for (const days of e.remindDays) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeText(e.summary)}`,
        `TRIGGER:-P${days}D`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
