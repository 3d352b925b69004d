import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCatalog } from '#adapters/content/load-messages.ts';
import { date } from '#domain/dates/plain-date.ts';
import { LOCALES } from './locales.ts';
import { createTranslator } from './translate.ts';

const from = date('2026-03-15');
const translator = (l: (typeof LOCALES)[number]) => createTranslator(l, readCatalog(l), readCatalog('en'));

test('Tigrinya relative times use full words, not ICU\'s abbreviated year, and "ago" for the past', () => {
  const t = translator('ti');
  assert.equal(t.relative(date('2024-03-15'), from), 'ቅድሚ 2 ዓመት');
  assert.equal(t.relative(date('2028-03-15'), from), 'ድሕሪ 2 ዓመት');
  assert.equal(t.relative(date('2026-03-13'), from), 'ቅድሚ 2 መዓልቲ');
  assert.equal(t.relative(date('2026-08-15'), from), 'ድሕሪ 5 ወርሒ');
  assert.equal(t.relative(from, from), 'ሎሚ');
});

test('Somali says "after" for the future, Sorani has words instead of "+7 m"', () => {
  assert.equal(translator('so').relative(date('2027-03-15'), from), '1 sannad kadib');
  assert.equal(translator('so').relative(date('2024-03-15'), from), '2 sannadood kahor');
  const ckb = translator('ckb');
  assert.equal(ckb.relative(date('2026-10-15'), from), 'پاش 7 مانگ');
  assert.equal(ckb.relative(date('2024-03-15'), from), '2 ساڵ لەمەوبەر');
  assert.equal(ckb.relative(from, from), 'ئەمڕۆ');
});

test('no language shows an abbreviated unit, a bare sign or a catalog key as a relative time', () => {
  for (const l of LOCALES) {
    const t = translator(l);
    for (const d of ['2024-03-15', '2028-03-15', '2026-10-15', '2026-03-01', '2026-03-13', '2026-03-15']) {
      const text = t.relative(date(d), from);
      assert.doesNotMatch(text, /^[+-]|\b[ymwd]$|ዓ$|^time\./, `${l} ${d}: ${text}`);
      assert.ok(!text.includes('{'), `${l} ${d}: ${text}`);
    }
  }
});
