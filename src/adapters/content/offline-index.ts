/**
 * The search index a phone keeps for offline use, one per language: only that language's answers
 * (their Dutch terms included, as people mix in "PIP" or "ontheffing") and the lexicon entries of
 * that language and Dutch. About a fifth of the full index, which holds every language so that a
 * question online finds its answer whatever language it is typed in.
 */
import type { LexiconSource } from '#search/lexicon.ts';
import { SearchIndex } from '#search/search-index.ts';
import type { KbEntry } from './load-kb.ts';
import { STEMMERS } from './stemmers.ts';

/** Languages whose words every offline index keeps: Dutch, the words of letters and offices. */
const SHARED_LANGS = ['nl'];

export function offlineSearchIndex(
  entries: readonly KbEntry[],
  lexicon: LexiconSource,
  lang: string,
): SearchIndex {
  const own = entries.filter((e) => e.lang === lang);
  // A topic not yet written in this language is searched in English, as the site shows it.
  const written = new Set(own.map((e) => e.topic));
  const fallback = entries.filter((e) => e.lang === 'en' && !written.has(e.topic));
  const keep = (l: string) => {
    const base = l.split('-')[0]!;
    return base === lang || SHARED_LANGS.includes(base);
  };
  const concepts = Object.fromEntries(
    Object.entries(lexicon.concepts).flatMap(([id, byLang]) => {
      const kept = Object.fromEntries(Object.entries(byLang).filter(([l]) => keep(l)));
      return Object.keys(kept).length ? [[id, kept]] : [];
    }),
  );
  const known = new Set(Object.keys(concepts));
  const pruned: LexiconSource = {
    concepts,
    ...(lexicon.core ? { core: lexicon.core.filter((c) => known.has(c)) } : {}),
    ...(lexicon.outOfScope ? { outOfScope: lexicon.outOfScope.filter((c) => known.has(c)) } : {}),
    ...(lexicon.stopwords
      ? { stopwords: Object.fromEntries(Object.entries(lexicon.stopwords).filter(([l]) => keep(l))) }
      : {}),
    ...(lexicon.functionWords ? { functionWords: lexicon.functionWords } : {}),
  };
  return SearchIndex.build([...own, ...fallback], pruned, STEMMERS);
}
