import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalog } from '#adapters/content/load-messages.ts';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { STATUS_HOLDER_2023 } from '#domain/facts/example-person.ts';
import type { Facts } from '#domain/facts/facts.ts';
import { describeAssessment } from './describe-assessment.ts';
import { createTranslator } from './translate.ts';

test('an unpublished (UNCONFIRMED) rule is never shown as something DUO does by itself', () => {
  const facts = {
    ...STATUS_HOLDER_2023,
    courseHours: 400,
    examAttempts: 2,
  } as Facts;
  const a = assess(facts, date('2025-06-01'), loadRuleBook());
  const efforts = a.options.find((o) => o.id === 'extension-efforts');
  assert.ok(
    efforts && !efforts.confirmed && efforts.timing === 'ask-duo' && efforts.applyVia === 'ask-duo',
    'the Wi2021 efforts extension is unconfirmed: ask DUO',
  );
  const t = createTranslator('en', catalog('en'), catalog('en'));
  const text = describeAssessment(t, a).options.find((o) => o.id === 'extension-efforts');
  assert.ok(text);
  assert.equal(text.timing, t.t('timing.ask-duo'));
  assert.equal(text.applyVia, t.t('applyVia.ask-duo'));
  for (const line of [text.timing, text.applyVia, ...text.conditions])
    assert.doesNotMatch(line, /by itself|no application|not have to apply/i);
});

test('an AOW date the law leaves uncertain is named as uncertain, with the date and whom to ask', () => {
  // 1956-08-31 + 66 y 10 m lands on "31 June 2023" (addendum §1 edge case, UNCONFIRMED).
  const facts = {
    nationality: 'MA',
    familyOfEeaCitizen: false,
    birthDate: date('1956-08-31'),
    permitPurpose: 'family',
    permitDate: date('2022-06-01'),
    schoolYearsInNL: 0,
    diplomas: [],
    hasIntegrationDiploma: false,
  } as Facts;
  const a = assess(facts, date('2023-06-30'), loadRuleBook());
  assert.equal(a.obligation, 'unknown');
  const t = createTranslator('en', catalog('en'), catalog('en'));
  const texts = describeAssessment(t, a).reasons.map((r) => r.text);
  assert.ok(
    texts.some((x) => /not certain/.test(x) && x.includes('June 30, 2023') && /SVB or DUO/.test(x)),
    texts.join('\n'),
  );
  // Nothing is left to ask, so the headline does not ask for more answers: it says the rules are open.
  assert.deepEqual(a.obligationMissing, []);
  const described = describeAssessment(t, a);
  assert.equal(described.headline, t.t('obligation.unknown-open.title'));
  assert.doesNotMatch(`${described.headline} ${described.headlineDetail}`, /more answers|questions below/);
  assert.match(described.headlineDetail ?? '', /DUO/);
});

test('unknown because facts are missing: the headline still asks for them', () => {
  const a = assess({ nationality: 'SY' } as Facts, date('2025-06-01'), loadRuleBook());
  assert.equal(a.obligation, 'unknown');
  assert.ok(a.obligationMissing.length > 0);
  const t = createTranslator('en', catalog('en'), catalog('en'));
  assert.equal(describeAssessment(t, a).headline, t.t('obligation.unknown.title'));
});

test('a British national with a permit after 2020 is told the rules leave it open, in English and Dutch', () => {
  const facts = {
    nationality: 'GB',
    familyOfEeaCitizen: false,
    birthDate: date('1985-05-05'),
    permitPurpose: 'family',
    permitDate: date('2023-03-01'),
    schoolYearsInNL: 0,
    diplomas: [],
    hasIntegrationDiploma: false,
  } as Facts;
  const a = assess(facts, date('2026-06-01'), loadRuleBook());
  assert.equal(a.obligation, 'unknown');
  assert.deepEqual(a.obligationMissing, []);
  for (const [locale, when, ask] of [
    ['en', /before 1 January 2021/, /Ask DUO or the IND/],
    ['nl', /vóór 1 januari 2021/, /Vraag DUO of de IND/],
  ] as const) {
    const t = createTranslator(locale, catalog(locale), catalog('en'));
    const described = describeAssessment(t, a);
    assert.equal(described.headline, t.t('obligation.unknown-open.title'));
    const brexit = described.reasons.find((r) => when.test(r.text));
    assert.ok(brexit, described.reasons.map((r) => r.text).join('\n'));
    assert.match(brexit.text, ask);
    // What may apply is open in the rules: the prefix does not ask for more answers.
    assert.ok(brexit.text.startsWith(t.t('result.possible.open')), brexit.text);
    assert.match(brexit.source.url, /rijksoverheid\.nl\/onderwerpen\/brexit/);
  }
});

test('an open act (ADR 017) says why and does not claim that no route fits', () => {
  // A DUO start date in 2021 next to a 2022 PIP: Wi2013 by the date, Wi2021 by the PIP (main §0 transition).
  const facts = {
    ...STATUS_HOLDER_2023,
    permitDate: date('2021-11-01'),
    obligationStartDate: date('2021-11-01'),
    pipDate: date('2022-03-01'),
  } as Facts;
  const a = assess(facts, date('2024-09-01'), loadRuleBook());
  assert.equal(a.obligation, 'obliged');
  assert.equal(a.regime, null);
  const t = createTranslator('en', catalog('en'), catalog('en'));
  const described = describeAssessment(t, a);
  assert.equal(described.noOptions, t.t('result.options.actOpen'));
  assert.ok(
    described.reasons.some(
      (r) => /PIP/.test(r.text) && r.text.includes('November 1, 2021') && /ask DUO/.test(r.text),
    ),
    described.reasons.map((r) => r.text).join('\n'),
  );
});

test('born on 29 February: the 28 February of the 18th year is named as open, with both days', () => {
  const facts = { ...STATUS_HOLDER_2023, birthDate: date('2008-02-29'), pipDate: undefined } as Facts;
  const a = assess(facts, date('2026-02-28'), loadRuleBook());
  assert.equal(a.obligation, 'unknown');
  assert.deepEqual(a.obligationMissing, []);
  const t = createTranslator('en', catalog('en'), catalog('en'));
  const texts = describeAssessment(t, a).reasons.map((r) => r.text);
  assert.ok(
    texts.some((x) => x.includes('February 28, 2026') && x.includes('March 1, 2026') && /DUO/.test(x)),
    texts.join('\n'),
  );
});
