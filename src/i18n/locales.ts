/**
 * The languages Wegwijs speaks. Direction comes from the locale data, so Arabic and Farsi are
 * right-to-left without a hand-kept list; legal dates always use the Gregorian calendar and
 * Latin digits, as DUO's letters do.
 */
export const LOCALES = ['nl', 'en', 'ar', 'tr', 'ti', 'fa', 'uk', 'so', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const SOURCE_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): 'ltr' | 'rtl' {
  const info = (new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

/** The language's own name, for the language picker. */
export function nativeName(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
