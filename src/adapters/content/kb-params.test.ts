import assert from 'node:assert/strict';
import { test } from 'node:test';
import { date } from '#domain/dates/plain-date.ts';
import type { RuleSet } from '#domain/rulebook.ts';
import { interpolate, literalAmounts, placeholdersOf, ruleSetResolver } from './kb-params.ts';
import { loadRuleSet } from './load-rulebook.ts';

const bundled = loadRuleSet();
const resolve = ruleSetResolver(bundled, date('2026-12-05'));

/** The bundled rule set with one parameter's dated values replaced. */
function withValues(id: string, values: { from: string; value: unknown }[]): RuleSet {
  const parameters = { ...bundled.parameters } as Record<string, unknown>;
  const p = bundled.parameters[id as keyof typeof bundled.parameters];
  parameters[id] = { ...p, values: values.map((v) => ({ from: date(v.from), value: v.value })) };
  return { ...bundled, parameters } as RuleSet;
}

test('a placeholder becomes the parameter value, written as the language writes numbers (Latin digits)', () => {
  const text = 'at most € {{param:fine.wi2013.table/notAllTaken/0}}, PVT € {{param:fine.wi2021.max/pvt}}';
  assert.equal(interpolate(text, 'en', resolve).text, 'at most € 1,250, PVT € 340');
  assert.equal(interpolate('€ {{param:fine.wi2013.table/notAllTaken/0}}', 'nl', resolve).text, '€ 1.250');
  assert.equal(
    interpolate('{{param:fine.wi2013.table/notAllTaken/0}} €', 'ru', resolve).text,
    '1\u00a0250 €',
  );
  assert.equal(interpolate('{{param:loan.wi2013.asylum.max}} €', 'fr', resolve).text, '10\u202f000 €');
  // Arabic and Farsi keep Latin digits, as DUO's letters do (no ١٬٢٥٠ or ۱٬۲۵۰).
  assert.equal(interpolate('€ {{param:fine.wi2013.table/notAllTaken/0}}', 'ar', resolve).text, '€ 1,250');
  assert.equal(interpolate('€ {{param:fine.wi2013.table/notAllTaken/0}}', 'fa', resolve).text, '€ 1,250');
  assert.deepEqual(interpolate(text, 'en', resolve).problems, []);
  // In a question as people type it (phrasings), without a thousands separator.
  assert.equal(
    interpolate('fine me {{param:fine.wi2013.table/notAllTaken/0}} euro?', 'en', resolve, true).text,
    'fine me 1250 euro?',
  );
});

test('the value in force on the reference date is shown: a new dated amount appears on its day', () => {
  const changed = withValues('hearing.fineAbove', [
    { from: '2013-01-01', value: 340 },
    { from: '2027-01-01', value: 360 },
  ]);
  const text = 'above € {{param:hearing.fineAbove}}';
  assert.equal(interpolate(text, 'en', ruleSetResolver(changed, date('2026-12-31'))).text, 'above € 340');
  assert.equal(interpolate(text, 'en', ruleSetResolver(changed, date('2027-01-01'))).text, 'above € 360');
});

test('unknown parameters, fields, non-numbers and mistyped placeholders are reported, never shown as a number', () => {
  const { text, problems } = interpolate(
    '{{param:no.such}} {{param:fine.wi2021.max/nope}} {{param:term.wi2021}} {{parm:fine.wi2021.max}} {param:x}',
    'en',
    resolve,
  );
  assert.equal(problems.length, 5, problems.join('\n'));
  assert.match(problems[0]!, /unknown parameter "no\.such"/);
  assert.match(problems[1]!, /no field "nope"/);
  assert.match(problems[2]!, /not a number/);
  assert.match(problems[3]!, /not a placeholder/);
  assert.match(problems[4]!, /not a placeholder/);
  assert.ok(text.includes('{{param:no.such}}'));
});

test('placeholdersOf lists what a text names', () => {
  assert.deepEqual(placeholdersOf('€ {{param:a.b/c/0}} and {{param:d}}'), ['a.b/c/0', 'd']);
});

test('literal euro amounts are found in every language and script; placeholders and other numbers are not', () => {
  for (const text of [
    '€ 340',
    '€340',
    '1,250 €',
    '1 250 €',
    '1\u00a0250 евро',
    '50 euro',
    '50 euros',
    'de 1250 euros',
    '٣٤٠ يورو',
    '۲۲۵ یورو',
    '225 ዩሮ',
    '1250 欧元',
    '150 євро',
    '€\n  1,000',
    '150\n  يورو',
  ])
    assert.equal(literalAmounts(text).length, 1, text);
  for (const text of [
    '€ {{param:fine.wi2021.max/pvt}}',
    '{{param:loan.wi2013.asylum.max}} евро',
    '600 hours in 2022',
    'Postbus 764, 9700 AT Groningen',
    'the EU and Europe in 2024',
  ])
    assert.deepEqual(literalAmounts(text), [], text);
});
