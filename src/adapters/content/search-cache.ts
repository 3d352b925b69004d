/**
 * Building the search index takes seconds on a small machine; loading a built one takes
 * milliseconds. The built index is kept in node_modules/.cache/wegwijs, keyed by a hash of the
 * knowledge base, the lexicon and the search code, so any change rebuilds it. Nothing personal
 * is in it: it is made from the public content only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconSource } from '#domain/search/lexicon.ts';
import { SearchIndex, type SearchIndexData } from '#domain/search/search-index.ts';
import { CONTENT_DIR } from './content-paths.ts';
import type { KbEntry } from './load-kb.ts';
import { buildSearchIndex, STEMMERS } from './load-search.ts';

const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/wegwijs/', import.meta.url));
const SEARCH_CODE = fileURLToPath(new URL('../../domain/search/', import.meta.url));

function cacheKey(entries: readonly KbEntry[], lexicon: LexiconSource): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(entries)).update(JSON.stringify(lexicon));
  for (const f of readdirSync(SEARCH_CODE)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .sort()) {
    hash.update(readFileSync(join(SEARCH_CODE, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

export function cachedSearchIndex(
  entries: readonly KbEntry[],
  lexicon: LexiconSource,
  contentDir = CONTENT_DIR,
): SearchIndex {
  const key = cacheKey(entries, lexicon);
  const file = join(CACHE_DIR, `search-index-${key}.json`);
  try {
    return SearchIndex.fromJSON(JSON.parse(readFileSync(file, 'utf8')) as SearchIndexData, STEMMERS);
  } catch {
    // Not built yet (or unreadable): build it and keep it for the next start.
  }
  const index = buildSearchIndex(entries, lexicon);
  if (contentDir === CONTENT_DIR) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(index.toJSON()));
      renameSync(tmp, file);
    } catch {
      // A read-only install still works, only slower to start.
    }
  }
  return index;
}
