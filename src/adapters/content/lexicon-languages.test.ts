// Further languages' words live in content/search/languages/<tag>.yaml and join the lexicon's
// concepts; a language lives in one place, and a wrong file stops the load with its name.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CONTENT_DIR } from './content-paths.ts';
import { loadLexicon } from './load-search.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A content folder with the real lexicon.yaml and the given language files. */
function contentWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wegwijs-lexicon-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'search', 'languages'), { recursive: true });
  copyFileSync(join(CONTENT_DIR, 'search', 'lexicon.yaml'), join(dir, 'search', 'lexicon.yaml'));
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, 'search', 'languages', name), text);
  return dir;
}

test('a language file adds its words to the concepts it names, and its function words', () => {
  const lexicon = loadLexicon(
    contentWith({ 'xh.yaml': 'language: xh\nconcepts:\n  fine: [isohlwayo]\nfunctionWords: [ndi]\n' }),
  );
  assert.deepEqual(lexicon.concepts.fine?.xh, ['isohlwayo']);
  assert.deepEqual(lexicon.functionWords?.xh, ['ndi']);
  assert.ok(lexicon.concepts.fine?.nl, 'the lexicon file keeps its own words');
});

test('a language file that names an unknown concept, the wrong tag, or a language lexicon.yaml has is refused', () => {
  assert.throws(
    () => loadLexicon(contentWith({ 'xh.yaml': 'language: xh\nconcepts:\n  no-such-concept: [a]\n' })),
    /xh\.yaml[\s\S]*unknown concept "no-such-concept"/,
  );
  assert.throws(
    () => loadLexicon(contentWith({ 'xh.yaml': 'language: zu\nconcepts:\n  fine: [a]\n' })),
    /is named xh\.yaml but holds "zu"/,
  );
  assert.throws(
    () => loadLexicon(contentWith({ 'nl.yaml': 'language: nl\nconcepts:\n  fine: [boete]\n' })),
    /"nl" already has words in lexicon\.yaml/,
  );
  assert.throws(
    () => loadLexicon(contentWith({ 'xh.yaml': 'language: xh\nconcepts:\n  fine: []\n' })),
    /xh\.yaml/,
  );
});

test('the bundled language files load', () => {
  const lexicon = loadLexicon();
  assert.ok(Object.keys(lexicon.concepts).length > 50);
});
