// Issue 7 point 5, the missing consequences: Wi2013 loan repayment for family and other migrants,
// the partial loan-forgiveness table for asylum status holders, and the repeatable Wi2013 fine for
// the participatieverklaring (law-facts §6). The numbers come from content/rules/parameters.yaml,
// so a changed amount changes every language at once; every catalog renders them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalog } from '#adapters/content/load-messages.ts';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { assess } from '#domain/assess.ts';
import { date, minus, plus } from '#domain/dates/plain-date.ts';
import type { Facts } from '#domain/facts/facts.ts';
import type { RuleSet } from '#domain/rulebook.ts';
import { describeAssessment } from '#i18n/describe-assessment.ts';
import { LOCALES } from '#i18n/locales.ts';
import { createTranslator } from '#i18n/translate.ts';

const book = loadRuleBook();

/** With the DUO letter's end date (start + 3 years - 1 day): past an estimated end nothing is definite. */
const wi2013 = (purpose: 'asylum' | 'family', start: string): Facts =>
  ({
    nationality: 'SY',
    familyOfEeaCitizen: false,
    permitPurpose: purpose,
    obligationStartDate: date(start),
    termEndDate: minus(plus(date(start), { years: 3 }), { days: 1 }),
    birthDate: date('1990-05-20'),
    schoolYearsInNL: 0,
    hasIntegrationDiploma: false,
    diplomas: [],
  }) as Facts;

const texts = (facts: Facts, asOf: string, locale: (typeof LOCALES)[number], rules: RuleSet = book) => {
  const t = createTranslator(locale, catalog(locale), catalog('en'));
  return describeAssessment(t, assess(facts, date(asOf), rules)).consequences.map((c) => c.text);
};

test('the partial forgiveness table is shown with its percentages and dates, in every language', () => {
  const person = wi2013('asylum', '2019-06-01');
  const en = texts(person, '2022-06-01', 'en').join('\n');
  assert.match(en, /90%.*by August 31, 2022.*60%.*by November 30, 2022/s);
  assert.match(en, /70%.*40%/);
  assert.match(texts(person, '2022-06-01', 'nl').join('\n'), /90%.*31 augustus 2022/s);
  const english = new Set(texts(person, '2022-06-01', 'en'));
  for (const locale of LOCALES) {
    const lines = texts(person, '2022-06-01', locale);
    assert.ok(lines.length >= 4, `${locale}: consequences listed`);
    if (locale !== 'en')
      for (const line of lines) assert.ok(!english.has(line), `${locale}: translated, not English: ${line}`);
  }
});

test('a changed percentage in parameters.yaml changes the text in every language', () => {
  const changed: RuleSet = {
    ...book,
    parameters: {
      ...book.parameters,
      'loan.wi2013.partialForgiveness': {
        ...book.parameters['loan.wi2013.partialForgiveness'],
        values: [
          {
            from: date('2013-01-01'),
            value: { onePartLate: [85, 55], twoPartsLate: [65, 35], monthBands: [3, 6] },
          },
        ],
      },
    },
  };
  const person = wi2013('asylum', '2019-06-01');
  assert.match(texts(person, '2022-06-01', 'en', changed).join('\n'), /85%.*55%.*65%.*35%/s);
  assert.match(texts(person, '2022-06-01', 'nl', changed).join('\n'), /85%.*55%.*65%.*35%/s);
});

test('a Wi2013 family migrant is told the loan is always repaid; a status holder past six months likewise', () => {
  const family = texts(wi2013('family', '2019-06-01'), '2021-01-15', 'en').join('\n');
  assert.match(family, /always pay the loan back/);
  assert.match(family, /starts 6 months after you finish integrating and is spread over 10 years/);
  assert.doesNotMatch(family, /forgives part|do not have to pay back/);
  const late = texts(wi2013('asylum', '2019-06-01'), '2022-12-01', 'en').join('\n');
  assert.match(late, /no longer forgives your loan, not even in part/);
  assert.doesNotMatch(late, /90%/);
});

test('the Wi2013 participatieverklaring fine: up to € 340, repeatable, amount from the parameters', () => {
  const person = wi2013('family', '2018-03-01');
  const en = texts(person, '2019-01-15', 'en').join('\n');
  assert.match(en, /up to € 340, and another one if you still do not sign/);
  const raised: RuleSet = {
    ...book,
    parameters: {
      ...book.parameters,
      'fine.wi2013.pvt.max': {
        ...book.parameters['fine.wi2013.pvt.max'],
        values: [{ from: date('2013-01-01'), value: 400 }],
      },
    },
  };
  assert.match(texts(person, '2019-01-15', 'nl', raised).join('\n'), /maximaal € 400/);
  // Obliged before the PVT became part of the exam (1 October 2017): no PVT fine is named.
  assert.doesNotMatch(texts(wi2013('family', '2016-03-01'), '2017-01-15', 'en').join('\n'), /participation/);
});
