/**
 * The web assets made in memory, for tests and `npm run dev` (running from the sources). A build
 * (dist/) never loads this file: its assets are files made by `npm run build`.
 */

import type { KbEntry } from '#adapters/content/load-kb.ts';
import type { Assets } from '#adapters/web/assets.ts';
import { buildAssets, inMemoryAssets } from '#adapters/web/build-assets.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import type { LexiconSource } from '#search/lexicon.ts';
import { assetInputs } from './asset-inputs.ts';

export function devAssets(book: RuleBook, kb: readonly KbEntry[], lexicon: LexiconSource): Assets {
  return inMemoryAssets(buildAssets(assetInputs(book, kb, lexicon)));
}
