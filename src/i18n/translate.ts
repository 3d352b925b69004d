/**
 * `t(key, params)` over ICU MessageFormat catalogs, with the source language (English) as the
 * fallback for a key a translation does not have yet, and locale-aware dates and numbers.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { Temporal } from 'temporal-polyfill';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { isolated, isolateParams, ltr } from './isolate.ts';
import type { Locale } from './locales.ts';

export type Catalog = Readonly<Record<string, string>>;
export type Params = Record<string, string | number | boolean | null | undefined>;

export interface Translator {
  locale: Locale;
  t(key: string, params?: Params): string;
  has(key: string): boolean;
  /** true when the text for `key` comes from the fallback language (not translated yet). */
  isFallback(key: string): boolean;
  date(d: PlainDate): string;
  /** "in 7 months", "2 weeks ago", "5 years ago" (never "60 months ago"), relative to `from`. */
  relative(d: PlainDate, from: PlainDate): string;
  number(n: number): string;
  list(items: readonly string[]): string;
}

export interface TranslatorOptions {
  /**
   * Mark numbers, phone numbers, amounts, codes (left-to-right) and dates (isolated) with Unicode
   * isolates, for pages that turn them into `<bdi>` (see isolate.ts). Off for plain text.
   */
  isolate?: boolean;
}

export function createTranslator(
  locale: Locale,
  catalog: Catalog,
  fallback: Catalog,
  options: TranslatorOptions = {},
): Translator {
  const mark = options.isolate === true;
  const compiled = new Map<string, IntlMessageFormat>();
  const dateFormat = new Intl.DateTimeFormat(locale, {
    calendar: 'gregory',
    numberingSystem: 'latn',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  // Latin digits everywhere, as in DUO's letters (Farsi would otherwise use Persian digits).
  const latn = `${locale}-u-nu-latn`;
  // "today", "tomorrow" for days; numbers for longer spans ("in 1 year", not "next year").
  const relativeFormat = new Intl.RelativeTimeFormat(latn, { numeric: 'auto' });
  const relativeCount = new Intl.RelativeTimeFormat(latn, { numeric: 'always' });
  // intl-messageformat asks for a formatter on every format() call when given its own formatters:
  // each one is made once per translator (constructing an Intl formatter costs ~50 µs).
  const made = new Map<string, unknown>();
  const once = <T>(kind: string, locales: string | string[], opts: object | undefined, make: () => T): T => {
    const key = `${kind}\0${String(locales)}\0${opts ? JSON.stringify(opts) : ''}`;
    let formatter = made.get(key) as T | undefined;
    if (formatter === undefined) {
      formatter = make();
      made.set(key, formatter);
    }
    return formatter;
  };
  const formatters = {
    getNumberFormat: (locales: string | string[], opts?: Intl.NumberFormatOptions) =>
      once('number', locales, opts, () => {
        const nf = new Intl.NumberFormat(locales, { ...opts, numberingSystem: 'latn' });
        if (!mark) return nf;
        // Every number a message shows ("€ {amount, number}", "{weeks} weeks") is kept left-to-right.
        return {
          format: (n: number | bigint) => ltr(nf.format(n)),
          formatToParts: (n: number | bigint) => nf.formatToParts(n),
          resolvedOptions: () => nf.resolvedOptions(),
        } as Intl.NumberFormat;
      }),
    getDateTimeFormat: (locales: string | string[], opts?: Intl.DateTimeFormatOptions) =>
      once(
        'date',
        locales,
        opts,
        () => new Intl.DateTimeFormat(locales, { ...opts, numberingSystem: 'latn', calendar: 'gregory' }),
      ),
    getPluralRules: (locales: string | string[], opts?: Intl.PluralRulesOptions) =>
      once('plural', locales, opts, () => new Intl.PluralRules(locales, opts)),
  };
  const numberFormat = new Intl.NumberFormat(locale, { numberingSystem: 'latn' });
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  // Where ICU has no words for the locale (Sorani: "+7 m", lists joined with English "and"), or
  // poor ones (see POOR_RELATIVE), words from the catalog or our own, so a page never mixes in
  // English, raw unit letters or abbreviations.
  const own = OWN_WORDS[locale];
  const relativeFromCatalog = POOR_RELATIVE.has(locale) || relativeCount.format(7, 'month').startsWith('+');
  const listMissing = listFormat.resolvedOptions().locale.split('-')[0] !== locale;
  const relativeText = (n: number, unit: 'year' | 'month' | 'week' | 'day'): string => {
    if (!relativeFromCatalog) return (unit === 'day' ? relativeFormat : relativeCount).format(n, unit);
    if (n === 0 && unit === 'day') return result.t('time.today');
    return result.t(n < 0 ? 'time.ago' : 'time.in', { unit, n: Math.abs(n) });
  };

  const dates = new Map<number, string>();
  const message = (key: string): string | undefined => catalog[key] ?? fallback[key];
  const result: Translator = {
    locale,
    has: (key) => message(key) !== undefined,
    isFallback: (key) => catalog[key] === undefined && fallback[key] !== undefined,
    t(key, params = {}) {
      const text = message(key);
      if (text === undefined) return key;
      let mf = compiled.get(key);
      if (!mf) {
        mf = new IntlMessageFormat(text, catalog[key] !== undefined ? locale : 'en', undefined, {
          ignoreTag: true,
          formatters,
        });
        compiled.set(key, mf);
      }
      try {
        const values = (mark ? isolateParams(params) : params) as Record<string, string | number>;
        return String(mf.format(values));
      } catch {
        // A missing parameter must never break a page; the catalog tests catch it before release.
        return text;
      }
    },
    date: (d) => {
      // A page shows dozens of dates, from a small set: each is formatted once (ICU is slow at it).
      const key = d.year * 10_000 + d.month * 100 + d.day;
      let text = dates.get(key);
      if (text === undefined) {
        text = dateFormat.format(new Date(Date.UTC(d.year, d.month - 1, d.day)));
        if (mark) text = isolated(text);
        if (dates.size >= 5000) dates.clear();
        dates.set(key, text);
      }
      return text;
    },
    relative(d, from) {
      const diff = from.until(d, { largestUnit: 'years' });
      const months = diff.years * 12 + diff.months;
      // Words people use: "5 years ago" rather than "60 months ago"; "in 18 months" is fine.
      if (Math.abs(months) >= 24 || (months !== 0 && months % 12 === 0))
        return relativeText(Math.trunc(months / 12), 'year');
      if (Math.abs(months) >= 1) return relativeText(months, 'month');
      const days =
        Temporal.PlainDate.compare(d, from) === 0 ? 0 : from.until(d, { largestUnit: 'days' }).days;
      if (Math.abs(days) >= 7) return relativeText(Math.trunc(days / 7), 'week');
      return relativeText(days, 'day');
    },
    number: (n) => (mark ? ltr(numberFormat.format(n)) : numberFormat.format(n)),
    list: (items) => (listMissing && own ? own.list(items) : listFormat.format(items)),
  };
  return result;
}

/**
 * Locales whose ICU relative times are there but poor, checked by hand with Node 20's ICU:
 * Tigrinya abbreviates years ("ቅድሚ 2 ዓ") and says "in 2 days" for two days ago; Somali's future
 * is a bare duration ("1 sannad", one year). Somali's past, Kurmanji and Pashto use full words.
 */
const POOR_RELATIVE: ReadonlySet<string> = new Set(['ti', 'so']);

interface OwnWords {
  list(items: readonly string[]): string;
}

/** Lists for locales whose ICU data lacks them (checked at start-up, not assumed). */
const OWN_WORDS: Readonly<Partial<Record<string, OwnWords>>> = {
  ckb: {
    list: (items) =>
      items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('، ')} و ${items.at(-1)}`,
  },
};
