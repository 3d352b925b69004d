/**
 * The personal details a person types into a letter: read and checked here, used once to print
 * the letter, never stored or logged. Every field may stay empty (the printed letter then has a
 * line to write on by hand); what is typed must be plausible, else a problem names the field.
 *
 * The BSN: every number the government issues passes the "elfproef" (11-test), so a number that
 * fails it is certainly mistyped and DUO could not find the file: it is refused (not a warning).
 */
import { compare, type PlainDate, parseIsoDate } from '../dates/plain-date.ts';
import type { LetterField } from './letters.ts';

export interface LetterInput {
  name: string;
  address: string;
  postcode: string;
  city: string;
  birthDate: PlainDate | null;
  bsn: string;
  vNumber: string;
  reason: string;
  /** The date written on the letter (default: today). */
  date: PlainDate;
}

export type LetterProblemCode = 'too-long' | 'not-a-date' | 'future-date' | 'bsn' | 'postcode' | 'v-number';

export interface LetterProblem {
  field: LetterField;
  problem: LetterProblemCode;
  /** The most characters the field takes (for `too-long`). */
  max?: number;
}

export const MAX_LENGTH: Readonly<Record<LetterField, number>> = {
  name: 100,
  address: 120,
  postcode: 10,
  city: 60,
  birthDate: 10,
  bsn: 11,
  vNumber: 12,
  reason: 3000,
  date: 10,
};

/** The BSN's 11-test: 9 digits (8 with a leading zero left off), 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11. */
export function bsnValid(text: string): boolean {
  const digits = text.replace(/[\s.]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return false;
  const d = digits.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
  sum -= Number(d[8]);
  return sum % 11 === 0 && d !== '000000000';
}

/** Typed text without bidi controls (the page sets directions; a typed override could garble the letter). */
const text = (v: unknown): string =>
  (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '').replace(
    /[\u202A-\u202E\u2066-\u2069]/g,
    '',
  );
/** One line: control characters and runs of white space become one space. */
const line = (v: unknown) =>
  text(v)
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** Several lines (the reason): line breaks kept, other control characters dropped, at most two blank lines. */
const block = (v: unknown) =>
  text(v)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** The form's values as a letter's input, or every problem (one per field). */
export function readLetterInput(
  form: Readonly<Record<string, unknown>>,
  today: PlainDate,
):
  | { ok: true; input: LetterInput }
  | { ok: false; problems: LetterProblem[]; values: Record<LetterField, string> } {
  const values = {
    name: line(form.name),
    address: line(form.address),
    postcode: line(form.postcode).toUpperCase(),
    city: line(form.city),
    birthDate: line(form.birthDate),
    bsn: line(form.bsn),
    vNumber: line(form.vNumber),
    reason: block(form.reason),
    date: line(form.date),
  } satisfies Record<LetterField, string>;
  const problems: LetterProblem[] = [];
  for (const [field, value] of Object.entries(values) as [LetterField, string][])
    if (value.length > MAX_LENGTH[field])
      problems.push({ field, problem: 'too-long', max: MAX_LENGTH[field] });
  const bad = (field: LetterField) => problems.some((p) => p.field === field);

  if (values.postcode && !bad('postcode') && !/^\d{4} ?[A-Z]{2}$/.test(values.postcode))
    problems.push({ field: 'postcode', problem: 'postcode' });
  if (values.bsn && !bad('bsn') && !bsnValid(values.bsn)) problems.push({ field: 'bsn', problem: 'bsn' });
  if (values.vNumber && !bad('vNumber') && !/^\d{1,10}$/.test(values.vNumber.replace(/[\s.]/g, '')))
    problems.push({ field: 'vNumber', problem: 'v-number' });

  const dateOf = (field: 'birthDate' | 'date'): PlainDate | null => {
    const v = values[field];
    if (!v || bad(field)) return null;
    const d = parseIsoDate(v);
    if (!d) problems.push({ field, problem: 'not-a-date' });
    else if (field === 'birthDate' && compare(d, today) > 0) problems.push({ field, problem: 'future-date' });
    return d ?? null;
  };
  const birthDate = dateOf('birthDate');
  const date = dateOf('date');
  if (problems.length) return { ok: false, problems, values };
  const postcode = values.postcode.replace(/^(\d{4}) ?([A-Z]{2})$/, '$1 $2');
  return {
    ok: true,
    input: {
      name: values.name,
      address: values.address,
      postcode,
      city: values.city,
      birthDate,
      bsn: values.bsn.replace(/[\s.]/g, ''),
      vNumber: values.vNumber.replace(/[\s.]/g, ''),
      reason: values.reason,
      date: date ?? today,
    },
  };
}
