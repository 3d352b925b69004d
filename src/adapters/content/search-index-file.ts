/**
 * The search index as a file. Building it from the knowledge base takes seconds on a small machine;
 * loading a built one takes milliseconds. `npm run build` writes dist/search/index.json and the
 * server reads it. Tests and `npm run dev` keep one in a cache folder (under DATA_DIR), keyed by a
 * hash of the knowledge base, the lexicon and the search code, so any change rebuilds it. Nothing
 * personal is in it: it is made from the public content only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconSource } from '#search/lexicon.ts';
import { SearchIndex, type SearchIndexData } from '#search/search-index.ts';
import type { KbEntry } from './load-kb.ts';
import { buildSearchIndex, STEMMERS } from './load-search.ts';

export function readSearchIndexFile(file: string): SearchIndex {
  return SearchIndex.fromJSON(JSON.parse(readFileSync(file, 'utf8')) as SearchIndexData, STEMMERS);
}

/**
 * The index of a build, read on first use or when warm() is called (the server calls it once it
 * listens): a restarted server answers its health check and its pages before the index is read.
 */
export function lazySearchIndexFile(file: string): { index: SearchIndex; warm(): void } {
  let loaded: SearchIndex | undefined;
  const load = () => {
    loaded ??= readSearchIndexFile(file);
    return loaded;
  };
  // Methods bound once, not on every use (a search reads two properties through this proxy).
  const bound = new Map<PropertyKey, unknown>();
  const index = new Proxy({} as SearchIndex, {
    get(_target, property) {
      const real = load();
      const value = Reflect.get(real, property, real);
      if (typeof value !== 'function') return value;
      let method = bound.get(property);
      if (method === undefined) {
        method = value.bind(real);
        bound.set(property, method);
      }
      return method;
    },
  });
  return { index, warm: () => void load() };
}

/** Writes the index atomically (a reader never sees half a file). */
export function writeSearchIndexFile(file: string, index: SearchIndex): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(index.toJSON()));
  renameSync(tmp, file);
}

function cacheKey(entries: readonly KbEntry[], lexicon: LexiconSource): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(entries)).update(JSON.stringify(lexicon));
  const searchCode = fileURLToPath(new URL('../../search/', import.meta.url));
  for (const f of readdirSync(searchCode)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .sort()) {
    hash.update(readFileSync(join(searchCode, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** For tests and development from the sources: the index kept in cacheDir, built when missing. */
export function cachedSearchIndex(
  entries: readonly KbEntry[],
  lexicon: LexiconSource,
  cacheDir: string,
): SearchIndex {
  const file = join(cacheDir, `search-index-${cacheKey(entries, lexicon)}.json`);
  try {
    return readSearchIndexFile(file);
  } catch {
    // Not built yet (or unreadable): build it and keep it for the next start.
  }
  const index = buildSearchIndex(entries, lexicon);
  try {
    writeSearchIndexFile(file, index);
  } catch {
    // A read-only data folder still works, only slower to start.
  }
  return index;
}
