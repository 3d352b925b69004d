/**
 * The web assets made in memory, for tests and `npm run dev` (running from the sources). A build
 * (dist/) never loads this file: its assets are files made by `npm run build`.
 */

import type { Assets } from '#adapters/web/assets.ts';
import { buildAssets, inMemoryAssets } from '#adapters/web/build-assets.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import type { SearchIndex } from '#domain/search/search-index.ts';
import { assetInputs } from './asset-inputs.ts';

export function devAssets(book: RuleBook, search: SearchIndex): Assets {
  return inMemoryAssets(buildAssets(assetInputs(book, search)));
}
