import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '#adapters/content/load-messages.ts';
import { Temporal } from '#domain/dates/plain-date.ts';
import { describeValue } from './fact-fields.tsx';

const en = translator('en');

test('history values read as the form shows them, not as JSON', () => {
  assert.equal(
    describeValue(en, 'facts.pipDate', '2023-05-10'),
    en.date(Temporal.PlainDate.from('2023-05-10')),
  );
  assert.equal(describeValue(en, 'facts.hasIntegrationDiploma', true), en.t('answer.yes'));
  assert.equal(describeValue(en, 'facts.nationality', 'ER'), 'Eritrea');
  assert.equal(describeValue(en, 'facts.nationality', 'stateless'), en.t('ui.question.stateless'));
  assert.equal(describeValue(en, 'facts.permitPurpose', 'asylum'), en.t('purpose.asylum'));
  assert.equal(describeValue(en, 'facts.diplomas', []), en.t('answer.none'));
  assert.equal(describeValue(en, 'facts.schoolYearsInNL', 3), '3');
  assert.equal(describeValue(en, 'language', 'ti'), 'ትግርኛ (ti)');
  assert.equal(describeValue(en, 'language', 'de-CH'), 'de-CH');
  assert.equal(describeValue(en, 'displayName', 'Noor'), 'Noor');
});

test('unknown, empty and odd values never break the page', () => {
  for (const v of [undefined, null, ''])
    assert.equal(describeValue(en, 'facts.birthDate', v), '—', String(v));
  assert.equal(describeValue(en, 'facts.birthDate', '2023-02-30'), '2023-02-30');
  assert.equal(describeValue(en, 'facts.permitPurpose', 'no-such-purpose'), 'no-such-purpose');
  assert.equal(describeValue(en, 'facts.noSuchFact', { a: 1 }), '{"a":1}');
});
