/**
 * What "save for offline use" downloads for one language: the public pages (start, check, help,
 * the knowledge base with every answer), the language's pruned search index and the scripts that
 * search it. Never a URL with a query string: those hold a person's answers or questions.
 *
 * Its size, as the button shows it, is measured rather than guessed: every URL is asked of the app
 * itself once (in-process, brotli, as a phone would get it) the first time a knowledge-base page of
 * that language is shown, and kept.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '#i18n/locales.ts';

export function offlineUrls(locale: Locale, kbTopics: readonly string[]): string[] {
  return [
    `/${locale}/`,
    `/${locale}/check`,
    `/${locale}/help`,
    `/${locale}/offline`,
    `/${locale}/kb`,
    ...kbTopics.map((topic) => `/${locale}/kb/${topic}`),
    `/${locale}/search-index.json`,
    '/assets/app.js',
    '/assets/offline-search.js',
  ];
}

export interface OfflineBundle {
  urls(locale: Locale): string[];
  /** Kilobytes the download weighs for a language (measured once, then kept). */
  sizeKb(locale: Locale): Promise<number | undefined>;
  /** The same for a page being rendered; a stand-in of the same width while the size is measured. */
  sizeKbFor(request: FastifyRequest, locale: Locale): Promise<number | undefined>;
}

/** Marks the app's own requests that measure the download (they must not wait for the result). */
const MEASURING = 'x-wegwijs-measuring';

export function offlineBundle(app: FastifyInstance, kbTopics: readonly string[]): OfflineBundle {
  const sizes = new Map<Locale, Promise<number | undefined>>();
  const measure = async (locale: Locale) => {
    let bytes = 0;
    for (const url of offlineUrls(locale, kbTopics)) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br', [MEASURING]: '1' } });
      if (res.statusCode !== 200) return undefined;
      bytes += res.rawPayload.length;
    }
    return Math.max(1, Math.round(bytes / 1024));
  };
  const sizeKb = (locale: Locale) => {
    let size = sizes.get(locale);
    if (!size) {
      size = measure(locale).catch(() => undefined);
      sizes.set(locale, size);
    }
    return size;
  };
  return {
    urls: (locale) => offlineUrls(locale, kbTopics),
    sizeKb,
    sizeKbFor: (request, locale) =>
      request.headers[MEASURING] === '1' ? Promise.resolve(100) : sizeKb(locale),
  };
}
