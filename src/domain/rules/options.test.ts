/**
 * The option rules say honestly how a person asks for them (issue 7, point 5): no "send the form"
 * without a form, and an UNCONFIRMED rule (the Wi2021 "many lessons and exams" extension,
 * addendum §2a) is never "automatic": it reads "ask DUO whether this applies", in the rule data
 * and in the engine's answer, even if a source is marked UNCONFIRMED later.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalog } from '#adapters/content/load-messages.ts';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { STATUS_HOLDER_2023 } from '#domain/facts/example-person.ts';
import type { Facts } from '#domain/facts/facts.ts';
import type { RuleSet } from '#domain/rulebook.ts';
import { describeAssessment } from '#i18n/describe-assessment.ts';
import { createTranslator } from '#i18n/translate.ts';
import { OPTION_RULES } from './options.ts';

const book = loadRuleBook();

test('an option sent to DUO by post names its form; the others say there is none', () => {
  const noForm = OPTION_RULES.filter((r) => r.applyVia === 'duo-post' && !r.form).map(
    (r) => `${r.id}/${r.variant}`,
  );
  assert.deepEqual(noForm, []);
  const voluntary = OPTION_RULES.find((r) => r.id === 'voluntary-integration');
  assert.equal(voluntary?.applyVia, 'voluntary-exam');
  assert.equal(voluntary?.form, undefined);
});

test('no UNCONFIRMED rule (or a rule on an UNCONFIRMED source) is automatic', () => {
  const wrong = OPTION_RULES.filter(
    (r) =>
      (r.timing === 'automatic' || r.applyVia === 'automatic') &&
      (!r.confirmed || book.sources[r.source]?.confirmed === false),
  ).map((r) => `${r.id}/${r.variant}`);
  assert.deepEqual(wrong, []);
  const efforts = OPTION_RULES.find((r) => r.id === 'extension-efforts' && r.variant === 'wi2021');
  assert.equal(efforts?.timing, 'ask-duo');
  assert.equal(efforts?.applyVia, 'ask-duo');
  assert.equal(efforts?.confirmed, false);
});

const wi2021Student: Facts = {
  ...STATUS_HOLDER_2023,
  courseHours: 400,
  examAttempts: 2,
  circumstances: ['dutch-education'],
} as Facts;

test('the Wi2021 efforts extension is answered as "ask DUO", never as automatic, and cannot be "applied for now"', () => {
  const a = assess(wi2021Student, date('2025-06-01'), book);
  const efforts = a.options.find((o) => o.id === 'extension-efforts');
  assert.ok(efforts);
  assert.equal(efforts.timing, 'ask-duo');
  assert.equal(efforts.applyVia, 'ask-duo');
  assert.equal(efforts.confirmed, false);
  assert.equal(efforts.canApplyNow, false);
  for (const o of a.options)
    if (!o.confirmed) assert.ok(o.timing !== 'automatic' && o.applyVia !== 'automatic', o.id);
});

test('the engine itself turns an automatic rule into "ask DUO" once its source is UNCONFIRMED', () => {
  const base = assess(wi2021Student, date('2025-06-01'), book);
  const temporary = base.options.find((o) => o.id === 'vrijstelling-education-temporary');
  assert.equal(temporary?.timing, 'automatic', 'confirmed: DUO grants it by itself');
  const source = book.sources['education-temporary']!;
  const doubted: RuleSet = {
    ...book,
    sources: { ...book.sources, 'education-temporary': { ...source, confirmed: false } },
  };
  const a = assess(wi2021Student, date('2025-06-01'), doubted);
  const o = a.options.find((x) => x.id === 'vrijstelling-education-temporary');
  assert.equal(o?.timing, 'ask-duo');
  assert.equal(o?.applyVia, 'ask-duo');
  assert.equal(o?.confirmed, false);
});

test('the AGI ontheffing names every fact-sheet condition, with the NT2 cap and the literacy rule from the parameters', () => {
  const facts = {
    ...wi2021Student,
    permitPurpose: 'family',
    permitDate: undefined,
    pipDate: undefined,
    obligationStartDate: date('2021-06-01'),
    courseHours: 600,
    examAttempts: 4,
    circumstances: [],
  } as Facts;
  const a = assess(facts, date('2024-01-15'), book);
  const agi = a.options.find((o) => o.id === 'ontheffing-efforts');
  assert.equal(agi?.variant, 'course');
  assert.equal(
    agi?.params.nt2Attempts,
    book.parameters['ontheffingEfforts.maxNt2AttemptsCounted'].values[0]!.value,
  );
  assert.equal(agi?.params.integrationHours, 200);
  const t = createTranslator('en', catalog('en'), catalog('en'));
  const text = describeAssessment(t, a).options.find((o) => o.id === 'ontheffing-efforts')!;
  const all = text.conditions.join('\n');
  assert.match(all, /Staatsexamen NT2 exam count too, but at most 2 per exam/);
  assert.match(all, /Literacy \(alfabetisering\) hours count too, but only if at least 200 of your hours/);
  assert.match(all, /before 1 January 2022/);
});
