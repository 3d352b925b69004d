/**
 * The languages Wegwijs speaks. Direction comes from the locale data, so Arabic, Farsi, Sorani
 * and Pashto are right-to-left without a hand-kept list; legal dates always use the Gregorian
 * calendar and Latin digits, as DUO's letters do. `zh` is Chinese in simplified characters.
 */
import { LANGUAGES } from '#languages/languages.ts';

// The interface speaks every language Wegwijs speaks (the knowledge base too): one list, kept in
// src/languages, which neither the interface nor search owns.
export const LOCALES = LANGUAGES;
export type Locale = (typeof LOCALES)[number];

export const SOURCE_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// Both are asked for on every page (the language menu names every language): the locale data is
// read once per language, not once per page (that cost a few milliseconds a page).
const directions = new Map<string, 'ltr' | 'rtl'>();
export function direction(locale: Locale): 'ltr' | 'rtl' {
  let dir = directions.get(locale);
  if (!dir) {
    const info = (new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
    dir = info?.direction === 'rtl' ? 'rtl' : 'ltr';
    directions.set(locale, dir);
  }
  return dir;
}

/**
 * Names a reader recognises better than the locale data's: the script for Chinese, the dialect
 * for Kurdish (CLDR says "Central Kurdish" for Sorani, which few Sorani speakers call it).
 */
const OWN_NAMES: Readonly<Record<string, string>> = {
  zh: '简体中文',
  ckb: 'کوردی (سۆرانی)',
  kmr: 'Kurdî (Kurmancî)',
};

/** The language's own name, for the language picker. */
const nativeNames = new Map<string, string>();
export function nativeName(locale: Locale): string {
  const own = OWN_NAMES[locale];
  if (own) return own;
  let name = nativeNames.get(locale);
  if (name === undefined) {
    const raw = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    name = raw.charAt(0).toLocaleUpperCase(locale) + raw.slice(1);
    nativeNames.set(locale, name);
  }
  return name;
}
