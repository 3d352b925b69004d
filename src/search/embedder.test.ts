import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemmer as english } from '@orama/stemmers/english';
import { TEST_DOCS, TEST_LEXICON } from '../../test/fixtures/search-corpus.ts';
import { cosine, type Embedder, embedTopics, HashedNgramEmbedder, rerankWithEmbeddings } from './embedder.ts';
import { SearchIndex } from './search-index.ts';

test('the hashed n-gram embedder is deterministic, unit length, and puts similar texts close', async () => {
  const e = new HashedNgramEmbedder(128);
  const [a, b, c, again] = await e.embed([
    'pregnant baby',
    'pregnancy and a baby',
    'the fine is high',
    'pregnant baby',
  ]);
  assert.equal(a!.length, 128);
  assert.deepEqual(a, again);
  assert.ok(Math.abs(cosine(a!, a!) - 1) < 1e-5);
  assert.ok(cosine(a!, b!) > cosine(a!, c!));
});

test('embedding similarities blend into the lexical ranking through the Embedder seam', async () => {
  const index = SearchIndex.build(TEST_DOCS, TEST_LEXICON, { en: english });
  const lexical = index.search('DUO');
  // A stand-in model that only knows that loans are about borrowing money.
  const model: Embedder = {
    async embed(texts) {
      return texts.map((t) => Float32Array.from(/loan|borrow|DUO$/i.test(t) ? [1, 0] : [0, 1]));
    },
  };
  const vectors = await embedTopics(model, TEST_DOCS);
  assert.deepEqual([...vectors.keys()].sort(), ['extension-pregnancy-birth', 'fine', 'loan']);
  const reranked = await rerankWithEmbeddings(lexical, model, vectors, 0.9);
  assert.equal(reranked.results[0]!.topic, 'loan');
  assert.equal(reranked.confident, lexical.confident);
  assert.equal(reranked.results.length, lexical.results.length);
});
