/**
 * Turns what a person typed or clicked into a fact value, for the CLI and the web check alike.
 * Lenient where people differ (dates as 2023-05-11 or 11-05-2023, country codes in any case),
 * strict where a wrong value would change the answer.
 */
import { parseIsoDate } from '../dates/plain-date.ts';
import { ISO_COUNTRIES } from '../facts/countries.ts';
import type { Facts } from '../facts/facts.ts';
import type { Question } from './questions.ts';

export type ParsedAnswer = { ok: true; value: NonNullable<Facts[keyof Facts]> } | { ok: false };

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

export function parseDateInput(text: string) {
  const t = text.trim();
  const dutch = DUTCH_DATE.exec(t);
  if (dutch) return parseIsoDate(`${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}`);
  return parseIsoDate(t);
}

/** `values`: one string for single answers, several for multi-choice. */
export function parseAnswer(q: Question, values: readonly string[]): ParsedAnswer {
  const first = (values[0] ?? '').trim();
  switch (q.type) {
    case 'country': {
      const code = first.toUpperCase();
      if (code === 'STATELESS') return { ok: true, value: 'stateless' };
      return ISO_COUNTRIES.has(code) ? { ok: true, value: code } : { ok: false };
    }
    case 'yes-no':
      if (first === 'yes' || first === 'true') return { ok: true, value: true };
      if (first === 'no' || first === 'false') return { ok: true, value: false };
      return { ok: false };
    case 'date': {
      const d = parseDateInput(first);
      return d ? { ok: true, value: d } : { ok: false };
    }
    case 'number': {
      const n = Number(first.replace(',', '.'));
      if (first === '' || !Number.isFinite(n) || n < 0 || (q.max !== undefined && n > q.max))
        return { ok: false };
      if (q.integer && !Number.isInteger(n)) return { ok: false };
      return { ok: true, value: n };
    }
    case 'choice':
      return q.options?.includes(first) ? { ok: true, value: first as never } : { ok: false };
    case 'multi-choice': {
      const picked = values.map((v) => v.trim()).filter((v) => v !== '' && v !== 'none');
      if (!picked.every((v) => q.options?.includes(v))) return { ok: false };
      return { ok: true, value: [...new Set(picked)] as never };
    }
  }
}
