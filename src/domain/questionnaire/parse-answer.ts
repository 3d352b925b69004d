/**
 * Turns what a person typed or clicked into a fact value, for the CLI and the web check alike.
 * Lenient where people differ (Arabic-Indic ١٩٨٥ and Persian ۱۹۸۵ digits as well as Latin ones,
 * dates as 2023-05-11 or 11-05-2023, country codes in any case), strict where a wrong value would
 * change the answer. The limits come from the facts schema (through the question); a refusal says
 * what is wrong (a two-digit year, day and month swapped, …) so the page can say it in words.
 */
import { type PlainDate, parseIsoDate, Temporal } from '../dates/plain-date.ts';
import { ISO_COUNTRIES } from '../facts/countries.ts';
import { EARLIEST_DATE, type Facts, LATEST_DATE } from '../facts/facts.ts';
import type { Question } from './questions.ts';

export type AnswerProblem =
  | 'required'
  | 'invalid'
  | 'date-incomplete'
  | 'date-year-two-digits'
  | 'date-month-swapped'
  | 'date-month'
  | 'date-day'
  | 'date-out-of-range'
  | 'not-a-number'
  | 'number-out-of-range'
  | 'number-not-whole';

export type ParsedAnswer =
  | { ok: true; value: NonNullable<Facts[keyof Facts]> }
  | { ok: false; problem: AnswerProblem };

/** Arabic-Indic (U+0660), Eastern Arabic/Persian (U+06F0) and full-width (U+FF10) digits. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0xff10];
/** Direction marks phones insert around numbers (LRM, RLM, ALM, LRI…PDI). */
const BIDI_MARKS = /[\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e]/g;

/** Latin digits for every digit a phone keyboard can type; the Arabic decimal and list separators too. */
export function normalizeDigits(text: string): string {
  let out = '';
  for (const ch of text.replace(BIDI_MARKS, '')) {
    const code = ch.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    if (zero !== undefined) out += String(code - zero);
    else if (ch === '\u066b')
      out += '.'; // ٫ Arabic decimal separator
    else if (ch === '\u066c')
      out += ''; // ٬ Arabic thousands separator
    else if (ch === '\u060c')
      out += ','; // ، Arabic comma
    else out += ch;
  }
  return out;
}

const EARLIEST = parseIsoDate(EARLIEST_DATE)!;
const LATEST = parseIsoDate(LATEST_DATE)!;

/** A date from its three parts as typed (any digits); a refusal says which part is wrong. */
export function parseDateParts(
  dayText: string,
  monthText: string,
  yearText: string,
): { ok: true; value: PlainDate } | { ok: false; problem: AnswerProblem } {
  const [d, m, y] = [dayText, monthText, yearText].map((t) => normalizeDigits(t).trim());
  if (!d && !m && !y) return { ok: false, problem: 'required' };
  if (!d || !m || !y) return { ok: false, problem: 'date-incomplete' };
  if (![d, m, y].every((t) => /^\d+$/.test(t))) return { ok: false, problem: 'invalid' };
  if (y.length <= 2) return { ok: false, problem: 'date-year-two-digits' };
  const [day, month, year] = [Number(d), Number(m), Number(y)];
  if (y.length !== 4 || year < EARLIEST.year || year > LATEST.year)
    return { ok: false, problem: 'date-out-of-range' };
  if (month < 1 || month > 12)
    return {
      ok: false,
      problem: month > 12 && month <= 31 && day >= 1 && day <= 12 ? 'date-month-swapped' : 'date-month',
    };
  try {
    return { ok: true, value: Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }) };
  } catch {
    return { ok: false, problem: 'date-day' };
  }
}

/** Typed dates: 2023-05-11, or day-month-year as 11-05-2023, 11/5/2023 or 11.5.2023 (any digits). */
export function parseDateInput(text: string): PlainDate | undefined {
  const r = parseDateText(text);
  return r.ok ? r.value : undefined;
}

export function parseDateText(
  text: string,
): { ok: true; value: PlainDate } | { ok: false; problem: AnswerProblem } {
  const t = normalizeDigits(text).trim();
  if (!t) return { ok: false, problem: 'required' };
  const iso = /^(\d{3,4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return parseDateParts(iso[3]!, iso[2]!, iso[1]!);
  const dmy = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,4})$/.exec(t);
  if (dmy) return parseDateParts(dmy[1]!, dmy[2]!, dmy[3]!);
  return { ok: false, problem: 'invalid' };
}

/**
 * Digits in groups of three after a first group ("1.200", "1,200", "1 200", "12.500"): a number
 * written with thousands separators, as people in the Netherlands (1.200), the UK (1,200) and
 * France (1 200) write 1200 hours. None of the questions counts in thousandths, so this reading
 * is never a decimal ("2,5" years stays 2.5).
 */
const GROUPED = /^[1-9]\d{0,2}(?:([.,\u0020\u00a0\u202f'])\d{3})(?:\1\d{3})*$/;

/** A number as typed: any digits, a decimal comma or point, or thousands separators. */
export function parseNumberText(q: Question, text: string): ParsedAnswer {
  const typed = normalizeDigits(text).trim();
  const t = GROUPED.test(typed) ? typed.replace(/\D/g, '') : typed.replace(',', '.');
  if (t === '') return { ok: false, problem: 'required' };
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return { ok: false, problem: 'not-a-number' };
  const n = Number(t);
  if (!Number.isFinite(n) || n < (q.min ?? 0) || (q.max !== undefined && n > q.max))
    return { ok: false, problem: 'number-out-of-range' };
  if (q.integer && !Number.isInteger(n)) return { ok: false, problem: 'number-not-whole' };
  return { ok: true, value: n };
}

/** `values`: one string for single answers, several for multi-choice. */
export function parseAnswer(q: Question, values: readonly string[]): ParsedAnswer {
  const first = (values[0] ?? '').trim();
  switch (q.type) {
    case 'country': {
      const code = first.toUpperCase();
      if (code === 'STATELESS') return { ok: true, value: 'stateless' };
      return ISO_COUNTRIES.has(code) ? { ok: true, value: code } : { ok: false, problem: 'invalid' };
    }
    case 'yes-no':
      if (first === 'yes' || first === 'true') return { ok: true, value: true };
      if (first === 'no' || first === 'false') return { ok: true, value: false };
      return { ok: false, problem: 'invalid' };
    case 'date':
      return parseDateText(first);
    case 'number':
      return parseNumberText(q, first);
    case 'choice':
      return q.options?.includes(first)
        ? { ok: true, value: first as never }
        : { ok: false, problem: 'invalid' };
    case 'multi-choice': {
      const picked = values.map((v) => v.trim()).filter((v) => v !== '' && v !== 'none');
      if (!picked.every((v) => q.options?.includes(v))) return { ok: false, problem: 'invalid' };
      return { ok: true, value: [...new Set(picked)] as never };
    }
  }
}
