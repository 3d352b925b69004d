import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalog } from '#adapters/content/load-messages.ts';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { STATUS_HOLDER_2023 } from '#domain/facts/example-person.ts';
import type { Facts } from '#domain/facts/facts.ts';
import { readLetterInput } from '#domain/letters/letter-input.ts';
import { letterFor } from '#domain/letters/letters.ts';
import { describeLetter } from './describe-letter.ts';
import { createTranslator } from './translate.ts';

const book = loadRuleBook();
const nl = createTranslator('nl', catalog('nl'), catalog('en'));
const POST = 'DUO Servicecentrum Inburgering, Postbus 764, 9700 AT Groningen';
const facts = (circumstances: string[], extra: Partial<Facts> = {}): Facts =>
  ({
    ...STATUS_HOLDER_2023,
    circumstances,
    ...extra,
  }) as Facts;
const input = (form: Record<string, string> = {}) => {
  const r = readLetterInput(form, date('2026-03-02'));
  assert.ok(r.ok);
  return r.input;
};

test('a cover letter names DUO form in the text and first among the enclosures', () => {
  const a = assess(facts(['birth']), date('2026-03-02'), book);
  const l = describeLetter(nl, letterFor(a, 'extension-birth')!, input({ city: 'Zwolle' }), POST);
  assert.deepEqual(l.addressee, ['DUO Servicecentrum Inburgering', 'Postbus 764', '9700 AT Groningen']);
  assert.equal(l.placeDate, 'Zwolle, 2 maart 2026');
  assert.ok(
    l.paragraphs.some((p) => p.includes('Aanvraag verlenging inburgeringstermijn bij geboorte kind')),
  );
  assert.match(
    l.enclosures[0]!,
    /^Het formulier "Aanvraag verlenging inburgeringstermijn bij geboorte kind"/,
  );
  assert.equal(l.enclosures[1], 'Een kopie van de geboorteakte');
  assert.ok(
    l.paragraphs.some((p) => p.includes('10 mei 2026')),
    'the term end',
  );
});

test('the medical ontheffing says no medical papers go with it, and the refund', () => {
  const a = assess(facts([], { medicalLimitation: true }), date('2026-03-02'), book);
  const l = describeLetter(nl, letterFor(a, 'ontheffing-medical')!, input(), POST);
  const text = l.paragraphs.join(' ');
  assert.match(text, /geen medische papieren/);
  assert.match(text, /Argonaut/);
  assert.match(text, /€ 225/);
});

test('empty details stay empty (lines on paper); the date alone without a place', () => {
  const a = assess(facts(['special-circumstances']), date('2026-03-02'), book);
  const l = describeLetter(nl, letterFor(a, 'extension-special-circumstances')!, input(), POST);
  assert.deepEqual(l.sender, ['', '', '']);
  assert.equal(l.placeDate, '2 maart 2026');
  assert.deepEqual(
    l.details.map((d) => [d.field, d.value]),
    [
      ['name', ''],
      ['birthDate', ''],
      ['bsn', ''],
      ['address', ''],
    ],
  );
  assert.equal(l.reason, '');
});
