import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SearchIndex } from '#search/search-index.ts';
import { TEST_DOCS, TEST_LEXICON } from '../../../test/fixtures/search-corpus.ts';
import { lazySearchIndexFile, writeSearchIndexFile } from './search-index-file.ts';
import { STEMMERS } from './stemmers.ts';

test('a lazy index file reads the file on first use and answers as the index itself', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'wegwijs-index-')), 'index.json');
  const real = SearchIndex.build(TEST_DOCS, TEST_LEXICON, STEMMERS);
  writeSearchIndexFile(file, real);
  const { index } = lazySearchIndexFile(file);
  assert.deepEqual(index.languages, real.languages);
  const question = TEST_DOCS[0]!.title;
  assert.deepEqual(index.search(question), real.search(question));
  // A method is bound once, not on every use.
  assert.equal(index.search, index.search);
  const search = index.search;
  assert.deepEqual(search(question, { limit: 2 }), real.search(question, { limit: 2 }));
});
