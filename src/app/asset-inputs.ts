/** What the web assets are made from: the same for the build (dist/) and for tests and dev (memory). */
import type { KbEntry } from '#adapters/content/load-kb.ts';
import { offlineSearchIndex } from '#adapters/content/offline-index.ts';
import type { AssetInputs } from '#adapters/web/build-assets.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import { LOCALES } from '#i18n/locales.ts';
import type { LexiconSource } from '#search/lexicon.ts';

export function assetInputs(book: RuleBook, kb: readonly KbEntry[], lexicon: LexiconSource): AssetInputs {
  return {
    rulesVersion: book.version,
    locales: LOCALES,
    // The index the browser keeps for offline search in one language: that language only, pruned
    // (64-117 KB brotli instead of 506 KB for every language).
    offlineIndex: (locale) => offlineSearchIndex(kb, lexicon, locale).toJSON(),
  };
}
