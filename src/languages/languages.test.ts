import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptedTags, chooseLanguage, languageFromAcceptLanguage, readTag } from './languages.ts';

const SIXTEEN = [
  'nl',
  'en',
  'ar',
  'tr',
  'ti',
  'fa',
  'uk',
  'so',
  'es',
  'ru',
  'ckb',
  'kmr',
  'ps',
  'pt',
  'zh',
  'fr',
];
const EIGHT = SIXTEEN.slice(0, 8);

test('a tag in a supported language answers in it, whatever its region or script', () => {
  for (const [tag, lang] of [
    ['pt-BR', 'pt'],
    ['pt_PT', 'pt'],
    ['zh-Hans', 'zh'],
    ['zh-CN', 'zh'],
    ['es-419', 'es'],
    ['fr-CA', 'fr'],
    ['fa-AF', 'fa'],
    ['prs', 'fa'],
    ['pes', 'fa'],
    ['ti-ER', 'ti'],
    ['tir', 'ti'],
    ['dut', 'nl'],
    ['EN-us', 'en'],
    ['pbt', 'ps'],
    ['ckb-IQ', 'ckb'],
    ['kmr', 'kmr'],
  ] as const) {
    assert.deepEqual(chooseLanguage(tag, SIXTEEN), { lang, fallback: false }, tag);
  }
});

test('Chinese in Traditional characters gets Simplified Chinese, marked as a fallback', () => {
  assert.deepEqual(chooseLanguage('zh-TW', SIXTEEN), { lang: 'zh', fallback: true });
  assert.deepEqual(chooseLanguage('zh-Hant', SIXTEEN), { lang: 'zh', fallback: true });
});

test('Kurdish: the script of the tag, else of the question, tells Sorani from Kurmanji', () => {
  assert.deepEqual(chooseLanguage('ku', SIXTEEN), { lang: 'kmr', fallback: false });
  assert.deepEqual(chooseLanguage('ku', SIXTEEN, 'latin'), { lang: 'kmr', fallback: false });
  assert.deepEqual(chooseLanguage('ku', SIXTEEN, 'arabic'), { lang: 'ckb', fallback: false });
  assert.deepEqual(chooseLanguage('ku-Arab', SIXTEEN, 'latin'), { lang: 'ckb', fallback: false });
  assert.deepEqual(chooseLanguage('ku-Latn', SIXTEEN, 'arabic'), { lang: 'kmr', fallback: false });
  assert.deepEqual(chooseLanguage('sdh', SIXTEEN), { lang: 'ckb', fallback: false });
});

test('a language without answers gets a related one its readers read, marked as a fallback', () => {
  for (const [tag, lang] of [
    ['ary', 'ar'],
    ['af', 'nl'],
    ['fy', 'nl'],
    ['tg', 'ru'],
    ['be', 'ru'],
    ['az', 'tr'],
    ['tig', 'ti'],
    ['yue', 'zh'],
    ['ca', 'es'],
    ['de', 'en'],
  ] as const) {
    assert.deepEqual(chooseLanguage(tag, SIXTEEN), { lang, fallback: true }, tag);
  }
});

test('before a language has answers, its readers get the nearest one that has', () => {
  assert.deepEqual(chooseLanguage('ps', EIGHT), { lang: 'fa', fallback: true });
  assert.deepEqual(chooseLanguage('ru', EIGHT), { lang: 'uk', fallback: true });
  assert.deepEqual(chooseLanguage('ku', EIGHT), { lang: 'tr', fallback: true });
  assert.deepEqual(chooseLanguage('ku', EIGHT, 'arabic'), { lang: 'ar', fallback: true });
  assert.equal(chooseLanguage('zh', EIGHT), undefined);
});

test('a real language with no related one is undefined; a made-up or malformed tag is nonsense', () => {
  assert.equal(chooseLanguage('ja', SIXTEEN), undefined);
  assert.equal(chooseLanguage('sw', SIXTEEN), undefined);
  for (const tag of ['xx', 'qaa', 'kb', 'check', 'en us', '', '1234', 'en--US', 'x-private', '../../etc']) {
    assert.equal(chooseLanguage(tag, SIXTEEN), 'nonsense', tag);
    assert.equal(readTag(tag).kind, 'nonsense', tag);
  }
});

test('Accept-Language: q-values order the tags; q=0 and * are left out', () => {
  assert.deepEqual(acceptedTags('fr;q=0.5, ar, en;q=0.8, *;q=0.1, de;q=0'), ['ar', 'en', 'fr']);
  assert.deepEqual(acceptedTags(''), []);
  assert.deepEqual(acceptedTags('nl;q=abc, en'), ['en']);
});

test('Accept-Language: the first supported language wins over an earlier related one', () => {
  assert.equal(languageFromAcceptLanguage('de-DE,de;q=0.9,nl;q=0.5', SIXTEEN, 'nl'), 'nl');
  assert.equal(languageFromAcceptLanguage('fa-AF,en;q=0.5', SIXTEEN, 'nl'), 'fa');
  assert.equal(languageFromAcceptLanguage('en;q=0.4,pt-BR', SIXTEEN, 'nl'), 'pt');
  assert.equal(languageFromAcceptLanguage('ary', SIXTEEN, 'nl'), 'ar');
  assert.equal(languageFromAcceptLanguage('ja,sw', SIXTEEN, 'nl'), 'nl');
  assert.equal(languageFromAcceptLanguage('', SIXTEEN, 'nl'), 'nl');
  assert.equal(languageFromAcceptLanguage('ps,en;q=0.2', EIGHT, 'nl'), 'en');
});
