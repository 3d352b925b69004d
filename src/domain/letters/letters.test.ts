/**
 * Which letters to DUO an answer offers (law-facts §3 and §5: extension and ontheffing grounds,
 * the Wi2021 special-circumstances letter "with BSN, name, address, date of birth, signature,
 * reason and evidence to DUO Servicecentrum Inburgering"), and the checks on what is typed into one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import type { Facts } from '#domain/facts/facts.ts';
import { OPTION_RULES } from '#domain/rules/options.ts';
import { bsnValid, readLetterInput } from './letter-input.ts';
import { EVIDENCE_IN_LETTER, isLetterOption, LETTER_FIELDS, letterFor, lettersFor } from './letters.ts';

const book = loadRuleBook();

/** A Wi2021 asylum status holder whose term (PIP 2023-03-14) ends on 2026-03-14. */
const wi2021 = (overrides: Partial<Facts> = {}): Facts => ({
  nationality: 'ER',
  familyOfEeaCitizen: false,
  birthDate: date('1996-12-12'),
  permitPurpose: 'asylum',
  permitDate: date('2022-11-02'),
  schoolYearsInNL: 0,
  diplomas: [],
  hasIntegrationDiploma: false,
  pipDate: date('2023-03-14'),
  route: 'b1',
  ...overrides,
});
const ids = (facts: Facts, asOf: string): string[] =>
  lettersFor(assess(facts, date(asOf), book)).map((l) => l.optionId);

describe('which letters an answer offers', () => {
  test('the Wi2021 special-circumstances letter has every part the law asks for', () => {
    const a = assess(wi2021({ circumstances: ['special-circumstances'] }), date('2025-11-20'), book);
    const letter = letterFor(a, 'extension-special-circumstances');
    assert.ok(letter, 'offered');
    assert.equal(letter.kind, 'letter', 'DUO has no form for it: the letter is the request');
    assert.equal(letter.addressee, 'duo');
    assert.equal(letter.reasonRequired, true);
    for (const f of ['name', 'address', 'postcode', 'city', 'birthDate', 'bsn', 'reason', 'date'] as const)
      assert.ok(letter.fields.includes(f), f);
    assert.deepEqual(letter.enclosures, ['explain-and-prove'], 'the evidence list');
    assert.match(letter.legalBasis.law, /Besluit inburgering 2021/);
    assert.equal(letter.canSendNow, true, 'the term started 2.5 years ago');
    assert.equal(letter.termEnd?.toString(), '2026-03-14');
  });

  test('the BIO ontheffing (UNCONFIRMED conditions) is offered but never as confirmed', () => {
    const a = assess(wi2021({ circumstances: ['special-circumstances'] }), date('2025-11-20'), book);
    const letter = letterFor(a, 'ontheffing-special-circumstances');
    assert.ok(letter);
    assert.equal(letter.confirmed, false);
  });

  test('illness: the extension letter lists the medical file, the pharmacy overview and the specialist letter', () => {
    const letter = letterFor(
      assess(wi2021({ circumstances: ['own-illness'] }), date('2025-11-20'), book),
      'extension-illness',
    );
    assert.deepEqual(letter?.enclosures, [
      'gp-medical-file',
      'pharmacy-medication-overview',
      'specialist-letter',
    ]);
  });

  test('the medical ontheffing goes with DUO form, without medical papers (Argonaut examines)', () => {
    const letter = letterFor(
      assess(wi2021({ medicalLimitation: true }), date('2024-01-10'), book),
      'ontheffing-medical',
    );
    assert.ok(letter);
    assert.equal(letter.kind, 'cover');
    assert.equal(letter.form, 'Aanvraag ontheffing bij ziekte');
    assert.deepEqual(letter.enclosures, []);
    assert.deepEqual(letter.notes, ['no-medical-papers-with-form', 'pay-invoice-refund']);
    assert.equal(letter.params.refund, 225);
  });

  test('a birth: the letter goes with the form and a copy of the birth certificate', () => {
    const letter = letterFor(
      assess(wi2021({ circumstances: ['birth'] }), date('2025-11-20'), book),
      'extension-birth',
    );
    assert.equal(letter?.kind, 'cover');
    assert.equal(letter?.form, 'Aanvraag verlenging inburgeringstermijn bij geboorte kind');
    assert.deepEqual(letter?.enclosures, ['birth-certificate-copy']);
  });

  test('before the apply window the letter is listed with the day it can be sent', () => {
    const a = assess(wi2021({ circumstances: ['birth'] }), date('2024-06-01'), book);
    const letter = letterFor(a, 'extension-birth');
    assert.equal(letter?.canSendNow, false);
    assert.ok(a.applyFrom, 'the engine knows the first day');
    assert.equal(letter?.sendFrom?.toString(), a.applyFrom?.toString());
  });

  test('none after the options close: an extension cannot be asked once the term has ended', () => {
    const facts = wi2021({ circumstances: ['birth', 'special-circumstances', 'own-illness'] });
    assert.ok(ids(facts, '2026-03-14').includes('extension-birth'), 'the last day still counts');
    const after = ids(facts, '2026-03-15');
    for (const id of ['extension-birth', 'extension-special-circumstances', 'extension-illness'])
      assert.ok(!after.includes(id), `${id} closed`);
  });

  test('no letter for what is not a request to DUO: automatic, the municipality, a hearing, the IND', () => {
    // Dutch education (temporary vrijstelling: automatic), afschalen (municipality), voluntary integration (IND).
    const facts = wi2021({ circumstances: ['dutch-education'], courseHours: 600 });
    const letters = ids(facts, '2025-11-20');
    assert.ok(!letters.includes('vrijstelling-education-temporary'));
    assert.ok(!letters.includes('afschalen-a2'));
    const notObliged = ids({ nationality: 'DE' } as Facts, '2025-11-20');
    assert.deepEqual(notObliged, []);
    for (const rule of OPTION_RULES) {
      const o = {
        decidedBy: rule.decidedBy,
        applyVia: rule.applyVia,
        timing: rule.timing,
      } as Parameters<typeof isLetterOption>[0];
      if (
        ['automatic', 'ask-duo', 'municipality', 'hearing', 'voluntary-exam'].includes(rule.applyVia) ||
        rule.decidedBy !== 'DUO'
      )
        assert.equal(isLetterOption(o), false, `${rule.id}/${rule.variant}`);
    }
  });

  test('every evidence code of a letter option says how it reads in a letter', () => {
    const unclassified = OPTION_RULES.filter(
      (r) => r.applyVia === 'duo-post' || r.applyVia === 'letter-to-duo',
    )
      .flatMap((r) => r.evidence)
      .filter((e) => !(e in EVIDENCE_IN_LETTER));
    assert.deepEqual(unclassified, []);
  });
});

describe('what is typed into a letter', () => {
  const today = date('2026-11-28');
  test('the 11-test: real-looking numbers pass, a typo fails', () => {
    assert.equal(bsnValid('111222333'), true);
    assert.equal(bsnValid('123456782'), true);
    assert.equal(bsnValid('123456789'), false);
    assert.equal(bsnValid('1112 22 333'), true, 'spaces are allowed');
    assert.equal(bsnValid('12345'), false);
    assert.equal(bsnValid('000000000'), false);
  });

  test('everything may stay empty (written by hand on paper); the date is today', () => {
    const r = readLetterInput({}, today);
    assert.ok(r.ok);
    assert.equal(r.input.date.toString(), '2026-11-28');
    assert.equal(r.input.bsn, '');
  });

  test('each bad field is named, once', () => {
    const r = readLetterInput(
      {
        name: 'x'.repeat(101),
        postcode: '12345',
        bsn: '123456789',
        birthDate: '1990-02-30',
        date: 'tomorrow',
        vNumber: 'abc',
      },
      today,
    );
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.problems.map((p) => `${p.field}:${p.problem}`).sort(), [
      'birthDate:not-a-date',
      'bsn:bsn',
      'date:not-a-date',
      'name:too-long',
      'postcode:postcode',
      'vNumber:v-number',
    ]);
    assert.equal(readLetterInput({ birthDate: '2030-01-01' }, today).ok, false, 'born in the future');
  });

  test('values are tidied: one line, a postcode as 1234 AB, the reason keeps its lines', () => {
    const r = readLetterInput(
      {
        name: ' Amal\n Haddad ',
        postcode: '1234ab',
        bsn: '111 222 333',
        reason: 'Line 1\r\n\r\n\r\n\r\nLine 2\u0007',
      },
      today,
    );
    assert.ok(r.ok);
    assert.equal(r.input.name, 'Amal Haddad');
    assert.equal(r.input.postcode, '1234 AB');
    assert.equal(r.input.bsn, '111222333');
    assert.equal(r.input.reason, 'Line 1\n\nLine 2');
  });

  test('the form has the fields in the letter order', () => {
    assert.deepEqual(LETTER_FIELDS.slice(0, 6), ['name', 'address', 'postcode', 'city', 'birthDate', 'bsn']);
  });
});
