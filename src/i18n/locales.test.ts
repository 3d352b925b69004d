import assert from 'node:assert/strict';
import { test } from 'node:test';
import { date } from '#domain/dates/plain-date.ts';
import { direction, LOCALES, nativeName } from './locales.ts';
import { createTranslator } from './translate.ts';

test('right-to-left exactly for the Arabic-script languages', () => {
  const rtl = LOCALES.filter((l) => direction(l) === 'rtl').sort();
  const expected = ['ar', 'fa', 'ps', 'ckb'].filter((l) => (LOCALES as readonly string[]).includes(l)).sort();
  assert.deepEqual(rtl, expected);
});

test('every language is named in its own script, each name different', () => {
  const names = LOCALES.map(nativeName);
  assert.equal(new Set(names).size, LOCALES.length);
  if ((LOCALES as readonly string[]).includes('zh')) assert.equal(nativeName('zh' as never), '简体中文');
  if ((LOCALES as readonly string[]).includes('ps')) assert.equal(nativeName('ps' as never), 'پښتو');
});

// Relative times need the catalogs (some languages take their words from there): translate.test.ts.
test('dates in every language: Gregorian calendar, Latin digits (Pashto would otherwise get the Persian calendar)', () => {
  for (const l of LOCALES) {
    const t = createTranslator(l, {}, {});
    const text = t.date(date('2026-03-15'));
    assert.match(text, /2026/, `${l}: ${text}`);
    assert.match(text, /15/, `${l}: ${text}`);
    assert.doesNotMatch(text, /[\u0660-\u0669\u06F0-\u06F9]|1404/, `${l}: ${text}`);
  }
});
