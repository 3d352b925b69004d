// The evaluation questions stay out of the content: no question of an eval set may appear word
// for word in the search lexicon or in any knowledge-base text, or the figures would measure
// memory instead of understanding.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadKb } from '#adapters/content/load-kb.ts';
import { loadLexicon } from '#adapters/content/load-search.ts';
import { normaliseText } from '#search/text.ts';

const evalDir = fileURLToPath(new URL('./eval/', import.meta.url));
const key = (text: string) =>
  normaliseText(text)
    .toLowerCase()
    .replace(/[\p{P}\s]+/gu, ' ')
    .trim();

test('no evaluation question appears verbatim in the lexicon or the knowledge base', () => {
  const questions = readdirSync(evalDir)
    .filter((f) => /^questions-.*\.jsonl$/.test(f))
    .flatMap((f) =>
      readFileSync(join(evalDir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { q: string }).q),
    );
  assert.ok(questions.length > 300, 'the eval sets are read');
  const lexicon = loadLexicon();
  const texts = [
    ...Object.values(lexicon.concepts).flatMap((byLang) => Object.values(byLang).flat()),
    ...loadKb().flatMap((e) => [
      e.title,
      e.summary,
      e.answer,
      ...e.phrasings,
      ...Object.values(e.terms ?? {}),
    ]),
  ].map(key);
  const haystack = `\n${texts.join('\n')}\n`;
  const leaked = questions.filter((q) => {
    const k = key(q);
    return (
      k.split(' ').length >= 3 &&
      (haystack.includes(`\n${k}\n`) ||
        haystack.includes(` ${k} `) ||
        haystack.includes(`\n${k} `) ||
        haystack.includes(` ${k}\n`))
    );
  });
  assert.deepEqual(leaked, []);
});
