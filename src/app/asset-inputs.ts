/** What the web assets are made from: the same for the build (dist/) and for tests and dev (memory). */
import type { AssetInputs } from '#adapters/web/build-assets.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import type { SearchIndex } from '#domain/search/search-index.ts';
import { LOCALES } from '#i18n/locales.ts';

export function assetInputs(book: RuleBook, search: SearchIndex): AssetInputs {
  return {
    rulesVersion: book.version,
    locales: LOCALES,
    // The index the browser keeps for offline search in one language.
    offlineIndex: () => search.toJSON(),
  };
}
