import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arabicLight,
  consonantSkeleton,
  cyrillicToLatin,
  ethiopicSkeleton,
  fold,
  normaliseText,
  persianLight,
  somaliLight,
  stemMemo,
  tigrinyaLight,
  tokenize,
  withWordMemo,
} from './text.ts';

const words = (text: string, lang?: string) => tokenize(normaliseText(text), lang).map((t) => t.text);
const keys = (text: string, lang?: string) =>
  tokenize(normaliseText(text), lang).map((t) => fold(t.text, t.script));

test('Arabic: tashkeel and tatweel go, alef/hamza, alef maqsura and ta marbuta are unified', () => {
  assert.equal(normaliseText('الْغَرَامَة'), 'الغرامه');
  assert.equal(normaliseText('امتحـــان'), 'امتحان');
  assert.equal(normaliseText('إعفاء أو آخر'), 'اعفاء او اخر');
  assert.equal(normaliseText('مستشفى'), 'مستشفي');
  assert.equal(normaliseText('مسؤول'), 'مسوول');
  // Presentation forms (as some keyboards and PDFs produce them) become plain letters.
  assert.equal(normaliseText('ﻏﺮاﻣﺔ'), 'غرامه');
});

test('Persian: ی/ي and ک/ك are one letter, ZWNJ separates the verbal prefix, Persian digits are digits', () => {
  assert.equal(normaliseText('یک'), normaliseText('يك'));
  assert.deepEqual(words('می‌شود'), ['مي', 'شود']);
  assert.equal(normaliseText('۱۴۰۲ و ٢٠٢٣'), '1402 و 2023');
  assert.equal(persianLight(normaliseText('کلاس‌ها').replace(' ', '')), 'كلاس');
  assert.equal(persianLight(normaliseText('مهلتم')), 'مهلت');
  assert.equal(persianLight(normaliseText('میخواهم')), 'خواه');
});

test('Turkish dotted and dotless i: İ, I, ı and i all meet', () => {
  assert.deepEqual(keys('İSTANBUL ışık sınav SINAV'), ['istanbul', 'isik', 'sinav', 'sinav']);
  // In Turkish text a capital I is a dotless ı before folding, which the Turkish stemmer needs.
  assert.deepEqual(words('IĞDIR', 'tr'), ['ığdır']);
});

test('Latin diacritics fold; thousands separators go', () => {
  assert.deepEqual(keys('Oekraïne één über ç ş ğ ß'), ['oekraine', 'een', 'uber', 'c', 's', 'g', 'ss']);
  assert.deepEqual(words('€ 1.250 of 1,250 en 2.5 jaar'), ['1250', 'of', '1250', 'en', '2', '5', 'jaar']);
});

test('tokens split at a change of script, and at hyphens (keeping the joined word)', () => {
  assert.deepEqual(words('ንDUO ሕተቱ'), ['ን', 'duo', 'ሕተቱ']);
  assert.deepEqual(words('لـDUO'), ['ل', 'duo']);
  assert.deepEqual(words('is-dhexgalka'), ['is', 'dhexgalka', 'isdhexgalka']);
  assert.deepEqual(words('B1-route'), ['b1', 'route', 'b1route']);
});

test("apostrophes join a word (don't, go'aan), split Turkish suffixes after a name (DUO'ya), and French elisions", () => {
  assert.deepEqual(words("don't сім’я"), ['dont', 'сімя']);
  assert.deepEqual(words("DUO'ya Hollanda'da"), ['duo', 'ya', 'hollanda', 'da']);
  // After a short head both readings are kept: Somali go'aan, French l'intégration.
  assert.deepEqual(words("go'aan l'intégration"), ['goaan', 'aan', 'lintégration', 'intégration']);
});

test('Cyrillic: Latin look-alike letters typed inside a word are repaired; Ukrainian and Russian letters meet', () => {
  // "i" and "a" here are Latin letters inside a Ukrainian word.
  assert.deepEqual(words('iнтеграцiя'), ['інтеграція']);
  assert.equal(fold('інтеграція'), fold('интеграция'));
  assert.equal(fold('ґанок'), 'ганок');
  assert.equal(cyrillicToLatin('штраф'), 'shtraf');
});

test('Ethiopic stays Ethiopic; letter series that sound alike fold; the skeleton drops the vowels', () => {
  assert.deepEqual(words('ፈተና፡ ምውህሃድ።'), ['ፈተና', 'ምውህሃድ']);
  assert.equal(fold('ሐኪም'), fold('ሀኪም'));
  assert.equal(fold('ዕድመ'), fold('እድመ'));
  assert.equal(ethiopicSkeleton('ወሊደ'), ethiopicSkeleton('ወሊዳ'));
  assert.equal(tigrinyaLight('ብሕማም'), 'ሕማም');
  // Endings that change the last syllable's vowel: the article, "my", the plural (Amharic, Tigrinya).
  assert.equal(tigrinyaLight('ቅጣቱ'), 'ቅጣት');
  assert.equal(tigrinyaLight('ቅጣቱን'), 'ቅጣት');
  assert.equal(tigrinyaLight('ቅጣቴ'), 'ቅጣት');
  assert.equal(tigrinyaLight('ቅጣቶች'), 'ቅጣት');
  assert.equal(tigrinyaLight('ሕማሙ'), 'ሕማም');
  assert.equal(tigrinyaLight('ፈተናው'), 'ፈተና');
  // Two syllables are left alone (too many words would meet).
  assert.equal(tigrinyaLight('ዱኦ'), 'ዱኦ');
});

test('light stemmers: Arabic prefixes and suffixes, Somali articles', () => {
  assert.equal(arabicLight(normaliseText('والامتحانات')), 'امتحان');
  assert.equal(arabicLight(normaliseText('بالإقامة')), 'اقام');
  assert.equal(somaliLight('ganaaxaaga'), 'ganaax');
  assert.equal(somaliLight('imtixaanka'), 'imtixaan');
});

test('a consonant skeleton links Arabizi and Finglish to Arabic script', () => {
  assert.equal(consonantSkeleton('tamdeed', 'latin'), consonantSkeleton(normaliseText('تمديد'), 'arabic'));
  assert.equal(consonantSkeleton('gharama', 'latin'), consonantSkeleton(normaliseText('غرامة'), 'arabic'));
  assert.equal(consonantSkeleton('imti7an', 'latin'), consonantSkeleton(normaliseText('امتحان'), 'arabic'));
  assert.equal(consonantSkeleton('jarimeh', 'latin'), consonantSkeleton(normaliseText('جریمه'), 'arabic'));
});

test('normalisation is idempotent and never throws on odd input', () => {
  for (const text of ['', '\u0000', '🙂', 'ـ', '\u200c\u200d', 'a\u0301', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\ud800']) {
    const once = normaliseText(text);
    assert.equal(normaliseText(once), once);
    tokenize(once);
  }
  assert.deepEqual(words('𝔘𝔫𝔦𝔠𝔬𝔡𝔢'), ['unicode']);
});

test('Chinese, written without spaces, becomes character bigrams; Latin words and digits stay apart', () => {
  const han = (text: string) => tokenize(normaliseText(text)).map((t) => `${t.script}:${t.text}`);
  assert.deepEqual(han('罚款多少'), ['han:罚款', 'han:款多', 'han:多少']);
  // A two-character word meets itself inside a longer run: the question and the answer share 罚款.
  assert.ok(words('我收到了罚款').includes('罚款'));
  // Punctuation (full-width too) ends a run; a single character stands alone.
  assert.deepEqual(words('钱？好'), ['钱', '好']);
  // Dutch terms and digits inside Chinese are words of their own.
  assert.deepEqual(han('DUO的信'), ['latin:duo', 'han:的信']);
  assert.deepEqual(han('3年期限'), ['other:3', 'han:年期', 'han:期限']);
  assert.deepEqual(han('inburgering考试'), ['latin:inburgering', 'han:考试']);
  // Full-width Latin letters and digits (a Chinese keyboard) are ordinary ones after NFKC.
  assert.deepEqual(han('ＤＵＯ电话'), ['latin:duo', 'han:电话']);
});

test('folding gives the same key inside and outside a word memo, plain ASCII as it is', () => {
  const words = [
    'inburgering',
    'café',
    'Ölçü',
    "don't",
    'ıŞık',
    'straße',
    'інтеграція',
    'ሐኪም',
    'b1',
    'naïeve',
  ];
  const outside = words.map((w) => fold(w));
  assert.deepEqual(
    withWordMemo(() => words.map((w) => fold(w))),
    outside,
  );
  assert.deepEqual(outside.slice(0, 2), ['inburgering', 'cafe']);
  assert.equal(fold("don't"), 'dont');
});

test('a word memo lasts as long as its call: stems are kept per set of stemmers, then dropped', () => {
  const stemmers = {};
  assert.equal(stemMemo(stemmers), undefined, 'no memo outside a call');
  const kept = withWordMemo(() => {
    const memo = stemMemo(stemmers)!;
    memo.set('nl\0woorden', 'woord');
    withWordMemo(() => assert.equal(stemMemo(stemmers), memo, 'a nested call shares it'));
    assert.notEqual(stemMemo({}), memo, 'another set of stemmers has its own');
    return memo;
  });
  assert.equal(stemMemo(stemmers), undefined, 'gone once the call returns');
  withWordMemo(() => assert.notEqual(stemMemo(stemmers), kept, 'the next call starts empty'));
  assert.throws(() =>
    withWordMemo(() => {
      throw new Error('boom');
    }),
  );
  assert.equal(stemMemo(stemmers), undefined, 'a call that throws ends its memo too');
});
