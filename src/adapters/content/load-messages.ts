/** Reads the ICU message catalogs (content/messages/<locale>.json) and builds translators. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale, SOURCE_LOCALE } from '#i18n/locales.ts';
import { type Catalog, createTranslator, type Translator } from '#i18n/translate.ts';
import { CONTENT_DIR } from './content-paths.ts';
import { ContentError } from './load-rulebook.ts';

export type TranslationStatus = 'authored' | 'machine-assisted' | 'reviewed';

export function readCatalog(locale: Locale, dir: string = CONTENT_DIR): Catalog {
  const path = join(dir, 'messages', `${locale}.json`);
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Catalog;
  } catch (error) {
    throw new ContentError(path, [(error as Error).message]);
  }
}

const catalogs = new Map<Locale, Catalog>();
const translators = new Map<Locale, Translator>();
const pageTranslators = new Map<Locale, Translator>();

export function catalog(locale: Locale): Catalog {
  let c = catalogs.get(locale);
  if (!c) {
    c = readCatalog(locale);
    catalogs.set(locale, c);
  }
  return c;
}

/** The translator for a locale, created once per process. */
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, catalog(locale), catalog(SOURCE_LOCALE));
    translators.set(locale, t);
  }
  return t;
}

/**
 * The translator for web pages: numbers, phone numbers, amounts and codes marked left-to-right
 * and dates isolated, which the web adapter renders as `<bdi>` (src/i18n/isolate.ts).
 */
export function pageTranslator(locale: Locale): Translator {
  let t = pageTranslators.get(locale);
  if (!t) {
    t = createTranslator(locale, catalog(locale), catalog(SOURCE_LOCALE), { isolate: true });
    pageTranslators.set(locale, t);
  }
  return t;
}

/** The translation status the catalog declares (`_meta.status`), shown honestly on every page. */
export function catalogStatus(locale: Locale): TranslationStatus {
  const status = catalog(locale)['_meta.status'];
  return status === 'reviewed' || status === 'authored' ? status : 'machine-assisted';
}

export const AVAILABLE_LOCALES: readonly Locale[] = LOCALES;
