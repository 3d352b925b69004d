import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage, isUrdu, type LangModels } from './detect.ts';
import { fold, normaliseText, tokenize } from './text.ts';

const URDU = 'کیا مجھے انضمام کا امتحان دینا ہے؟';
const ARABIC = 'هل يجب علي أن أقدم امتحان الاندماج؟';
const PERSIAN = 'آیا باید امتحان ادغام بدهم؟ چقدر وقت دارم';
const PASHTO = 'ایا زه باید د ادغام ازموینه ورکړم؟';
const SORANI = 'ئایا پێویستە تاقیکردنەوە بکەم؟';

test('Urdu is told by the letters only Urdu writes, not by those it shares with Pashto and Sorani', () => {
  assert.equal(isUrdu(URDU), true);
  assert.equal(isUrdu('جرمانہ کتنا ہے'), true);
  assert.equal(isUrdu('میں بیمار ہوں'), true);
  for (const text of [ARABIC, PERSIAN, PASHTO, SORANI, 'How big is the fine?'])
    assert.equal(isUrdu(text), false, text);
  // Do chashmi he (ھ) alone is Sorani's h too.
  assert.equal(isUrdu('ھەیە'), false);
});

/** A model of one language from a text (every word seen twice, as the builder keeps them). */
function model(text: string): { n: number; words: Record<string, number> } {
  const words: Record<string, number> = {};
  const tokens = tokenize(normaliseText(text));
  for (const t of tokens) words[fold(t.text, t.script)] = 2;
  return { n: 2 * tokens.length, words };
}

test('an Urdu question is detected as Urdu, not as the Arabic or Persian it shares words with', () => {
  const models: LangModels = {
    ar: model('هل يجب علي امتحان الاندماج الغرامة القرض دين'),
    fa: model('آیا باید امتحان ادغام وقت دارم جریمه وام'),
    ps: model('ایا زه باید ازموینه ورکړم'),
    ckb: model('ئایا پێویستە تاقیکردنەوە'),
  };
  const detect = (q: string) => detectLanguage(tokenize(normaliseText(q)), models, [], new Set(), q).lang;
  assert.equal(detect(URDU), 'ur');
  assert.equal(detect(ARABIC), 'ar');
  assert.equal(detect(PERSIAN), 'fa');
  assert.equal(detect(PASHTO), 'ps');
  assert.equal(detect(SORANI), 'ckb');
});
