/**
 * Builds the question-answering index from the knowledge base and the cross-language lexicon
 * (content/search/lexicon.yaml), with the stemmers of ./stemmers.ts (which the browser loads too).
 */
import { join } from 'node:path';
import Type from 'typebox';
import { Value } from 'typebox/value';
import type { LexiconSource } from '#search/lexicon.ts';
import { SearchIndex } from '#search/search-index.ts';
import { CONTENT_DIR } from './content-paths.ts';
import { type KbEntry, loadKb } from './load-kb.ts';
import { ContentError, readYaml } from './load-rulebook.ts';
import { STEMMERS } from './stemmers.ts';

export { STEMMERS };

const ConceptId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
const LexiconSchema = Type.Object(
  {
    core: Type.Array(ConceptId),
    outOfScope: Type.Array(ConceptId),
    outOfScopeTogether: Type.Optional(Type.Array(Type.Array(ConceptId, { minItems: 2 }))),
    markers: Type.Optional(Type.Array(ConceptId)),
    concepts: Type.Record(
      ConceptId,
      Type.Record(
        Type.String({ pattern: '^[a-z]{2,3}(-Latn)?$' }),
        Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
      ),
    ),
    stopwords: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z]{2,3}$' }), Type.Array(Type.String({ minLength: 1 }))),
    ),
    functionWords: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[a-z]{2,3}(-Latn)?$' }),
        Type.Array(Type.String({ minLength: 1 })),
      ),
    ),
    cues: Type.Optional(Type.Record(ConceptId, Type.Array(ConceptId, { minItems: 1 }))),
    cuesTogether: Type.Optional(
      Type.Array(
        Type.Object(
          {
            when: Type.Array(ConceptId, { minItems: 2 }),
            topics: Type.Array(ConceptId, { minItems: 1 }),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    overviews: Type.Optional(Type.Record(ConceptId, ConceptId)),
    families: Type.Optional(Type.Record(ConceptId, Type.Array(ConceptId, { minItems: 1 }))),
  },
  { additionalProperties: false },
);

export function loadLexicon(contentDir: string = CONTENT_DIR): LexiconSource {
  const file = join(contentDir, 'search', 'lexicon.yaml');
  const value = readYaml(file);
  const problems = [...Value.Errors(LexiconSchema, value)].map(
    (e) => `${e.instancePath || '/'}: ${e.message}`,
  );
  if (problems.length) throw new ContentError(file, problems);
  const lexicon = value as LexiconSource;
  const known = new Set(Object.keys(lexicon.concepts));
  const unknown = [
    ...(lexicon.core ?? []),
    ...(lexicon.outOfScope ?? []),
    ...(lexicon.outOfScopeTogether ?? []).flat(),
    ...(lexicon.markers ?? []),
    ...(lexicon.cuesTogether ?? []).flatMap((t) => t.when),
  ].filter((c) => !known.has(c));
  if (unknown.length)
    throw new ContentError(
      file,
      unknown.map((c) => `names unknown concept "${c}"`),
    );
  return lexicon;
}

export function buildSearchIndex(entries: readonly KbEntry[], lexicon: LexiconSource): SearchIndex {
  return SearchIndex.build(entries, lexicon, STEMMERS, undefined, { stemTable: true });
}

let cached: SearchIndex | undefined;
/** The index of the bundled content, built once per process. */
export function loadSearchIndex(contentDir: string = CONTENT_DIR): SearchIndex {
  if (contentDir !== CONTENT_DIR) return buildSearchIndex(loadKb(contentDir), loadLexicon(contentDir));
  cached ??= buildSearchIndex(loadKb(contentDir), loadLexicon(contentDir));
  return cached;
}
