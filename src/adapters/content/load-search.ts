/**
 * Builds the question-answering index from the knowledge base and the cross-language lexicon
 * (content/search/lexicon.yaml, plus one file per further language in content/search/languages/),
 * with the stemmers of ./stemmers.ts (which the browser loads too).
 */
import { existsSync, readdirSync } from 'node:fs';
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
    broad: Type.Optional(Type.Array(ConceptId)),
    families: Type.Optional(Type.Record(ConceptId, Type.Array(ConceptId, { minItems: 1 }))),
    familiesAlone: Type.Optional(Type.Array(ConceptId)),
  },
  { additionalProperties: false },
);

const LanguageTag = Type.String({ pattern: '^[a-z]{2,3}(-Latn)?$' });
const Terms = Type.Array(Type.String({ minLength: 1 }), { minItems: 1 });
/**
 * content/search/languages/<tag>.yaml: the words of one language people ask in that the lexicon
 * file does not hold, concept by concept. A language lives in one place: here or in lexicon.yaml.
 */
const LanguageFileSchema = Type.Object(
  {
    language: LanguageTag,
    concepts: Type.Record(ConceptId, Terms),
    functionWords: Type.Optional(Terms),
  },
  { additionalProperties: false },
);

function schemaProblems(schema: typeof LexiconSchema | typeof LanguageFileSchema, value: unknown): string[] {
  return [...Value.Errors(schema, value)].map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

/** Tags the lexicon file writes words for. */
function tagsOf(lexicon: LexiconSource): Set<string> {
  const tags = new Set<string>();
  for (const byLang of Object.values(lexicon.concepts)) for (const tag of Object.keys(byLang)) tags.add(tag);
  for (const tag of Object.keys(lexicon.functionWords ?? {})) tags.add(tag);
  return tags;
}

/** The lexicon with the words of content/search/languages/*.yaml merged into its concepts. */
function withLanguageFiles(lexicon: LexiconSource, dir: string): LexiconSource {
  if (!existsSync(dir)) return lexicon;
  const inLexicon = tagsOf(lexicon);
  const concepts: Record<string, Record<string, readonly string[]>> = Object.fromEntries(
    Object.entries(lexicon.concepts).map(([id, byLang]) => [id, { ...byLang }]),
  );
  const functionWords: Record<string, readonly string[]> = { ...(lexicon.functionWords ?? {}) };
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const file = join(dir, name);
    const value = readYaml(file);
    const problems = schemaProblems(LanguageFileSchema, value);
    if (problems.length) throw new ContentError(file, problems);
    const part = value as { language: string; concepts: Record<string, string[]>; functionWords?: string[] };
    if (name !== `${part.language}.yaml`) problems.push(`is named ${name} but holds "${part.language}"`);
    if (inLexicon.has(part.language))
      problems.push(`"${part.language}" already has words in lexicon.yaml: keep a language in one place`);
    for (const id of Object.keys(part.concepts))
      if (!concepts[id]) problems.push(`names unknown concept "${id}"`);
    if (problems.length) throw new ContentError(file, problems);
    for (const [id, terms] of Object.entries(part.concepts)) concepts[id]![part.language] = terms;
    if (part.functionWords) functionWords[part.language] = part.functionWords;
  }
  return { ...lexicon, concepts, functionWords };
}

export function loadLexicon(contentDir: string = CONTENT_DIR): LexiconSource {
  const file = join(contentDir, 'search', 'lexicon.yaml');
  const value = readYaml(file);
  const problems = schemaProblems(LexiconSchema, value);
  if (problems.length) throw new ContentError(file, problems);
  const lexicon = withLanguageFiles(value as LexiconSource, join(contentDir, 'search', 'languages'));
  const known = new Set(Object.keys(lexicon.concepts));
  const unknown = [
    ...(lexicon.core ?? []),
    ...(lexicon.outOfScope ?? []),
    ...(lexicon.outOfScopeTogether ?? []).flat(),
    ...(lexicon.markers ?? []),
    ...(lexicon.broad ?? []),
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
