import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileLexicon, LexiconMatcher } from './lexicon.ts';
import { NumberCues } from './numbers.ts';
import { normaliseText, tokenize } from './text.ts';

const lexicon = compileLexicon(
  {
    concepts: {
      'old-age': { en: ['pensioner'] },
      'childhood-school': { en: ['as a child'] },
      school: { en: ['school'], fr: ['école'] },
      age: { en: ['age'] },
      costs: { en: ['cost'] },
      'measure-unit': { en: ['euro', 'hours', 'months'], fa: ['ماه'] },
    },
    markers: ['measure-unit'],
  },
  {},
);
const matcher = new LexiconMatcher(lexicon);
const cues = new NumberCues(lexicon);
const named = (q: string) => {
  const text = normaliseText(q);
  const tokens = tokenize(text);
  const matches = matcher.match(LexiconMatcher.probes(tokens, {}));
  return cues.concepts(text, tokens, matches).map((c) => lexicon.concepts[c]);
};

test('a number from 60 to 110 is an age past 60, in any script, unless it counts something else', () => {
  assert.deepEqual(named('im 67, do i still need to do it'), ['old-age']);
  assert.deepEqual(named('من ۶۷ سالمه'), ['old-age']);
  assert.deepEqual(named('我今年67岁'), ['old-age']);
  assert.deepEqual(named('I am 16'), []);
  assert.deepEqual(named('I paid 90 euro'), []);
  assert.deepEqual(named('I paid €90'), []);
  assert.deepEqual(named('I followed 80 hours'), []);
  assert.deepEqual(named('۷۰ ماه'), []);
  assert.deepEqual(named('fine of 1250'), []);
});

test('a span of school ages in a question about school is one’s school years as a child', () => {
  assert.deepEqual(named('school in Holland from 6 to 16'), ['childhood-school']);
  assert.deepEqual(named("j'ai été à l'école de 5 à 17 ans"), ['childhood-school']);
  // Not a span of school ages: too narrow, months, or nothing about school or age.
  assert.deepEqual(named('school from 10 to 12'), []);
  assert.deepEqual(named('school 3 to 6 months'), []);
  assert.deepEqual(named('from 6 to 16'), []);
  assert.deepEqual(named('school from 6 to 16 months'), []);
});
