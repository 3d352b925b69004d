// The offline index a phone keeps: one language, at most 150 KB brotli, and it still finds answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { loadKb } from './load-kb.ts';
import { loadLexicon } from './load-search.ts';
import { offlineSearchIndex } from './offline-index.ts';

const kb = loadKb();
const lexicon = loadLexicon();

for (const [lang, question, topic] of [
  ['uk', 'Який штраф, якщо я не встигну скласти іспит?', 'fine'],
  ['nl', 'Wat kost het inburgeringsexamen?', 'costs'],
] as const) {
  test(`${lang}: the offline index holds one language, weighs ≤ 150 KB brotli, and answers`, () => {
    const index = offlineSearchIndex(kb, lexicon, lang);
    const data = index.toJSON();
    const br = brotliCompressSync(JSON.stringify(data)).length;
    assert.ok(br <= 150 * 1024, `${(br / 1024).toFixed(1)} KB brotli`);
    const langs = new Set(Object.values(data.titles).flatMap((byLang) => Object.keys(byLang)));
    assert.ok(
      [...langs].every((l) => l === lang || l === 'en'),
      `titles in ${[...langs].join(', ')}`,
    );
    const { results } = index.search(question, { lang, limit: 3 });
    assert.ok(
      results.some((r) => r.topic === topic),
      `${question} → ${results.map((r) => r.topic).join(', ')}`,
    );
  });
}
