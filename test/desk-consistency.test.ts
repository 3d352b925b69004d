// Facts that cannot all be true, entered through the desk's person form: the form says WHY, beside
// each field concerned and in the desk's language (the public check's reasons, with the other field
// named and the dates as the reader writes them), keeps every typed value, and ties the reason to
// its field for screen readers (aria-describedby, aria-invalid). The JSON API's 400 names the rule
// and the fields involved exactly as the assessment API does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { translator } from '#adapters/content/load-messages.ts';
import { date } from '#domain/dates/plain-date.ts';
import {
  addPerson,
  DESK_TODAY,
  type DeskServer,
  type PageSession,
  PERSON_FORM,
  page,
  pageLogin,
  startDesk,
} from './support/desk.ts';

let desk: DeskServer;
let anna: PageSession;
before(async () => {
  desk = await startDesk();
  anna = await pageLogin(desk.base, 'anna', 'en');
});
after(() => desk?.close());

/** The text of the element with this id (tags stripped, entities of the renderer undone). */
function textOf(html: string, id: string): string | undefined {
  const m = new RegExp(`<span id="${id}"[^>]*>([\\s\\S]*?)</span>`).exec(html);
  return m?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The opening tag of the form control with this id. */
function control(html: string, id: string): string {
  const m = new RegExp(`<(?:input|select)[^>]*\\bid="${id}"[^>]*>`).exec(html);
  assert.ok(m, `a control #${id}`);
  return m[0];
}

function assertLinked(html: string, fact: string, value: string) {
  const tag = control(html, `f-${fact}`);
  assert.match(tag, new RegExp(`aria-describedby="f-${fact}-error"`), `${fact}: described by its reason`);
  assert.match(tag, /aria-invalid="true"/, `${fact}: marked invalid`);
  assert.match(tag, new RegExp(`value="${value}"`), `${fact}: the typed value is kept`);
}

test('a birth date after the permit date: the new-person form says why at both fields, values kept', async () => {
  const t = translator('en');
  const res = await page(desk.base, anna, '/desk/en/people', {
    ...PERSON_FORM,
    displayName: 'Samira',
    'f.birthDate': '2024-06-01',
    'f.permitDate': '2020-05-01',
    'f.pipDate': '',
  });
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.doesNotMatch(html, /does not fit the other answers/);
  for (const fact of ['birthDate', 'permitDate']) {
    const reason = textOf(html, `f-${fact}-error`);
    assert.ok(reason, `${fact}: a reason beside the field`);
    assert.ok(reason.includes(t.date(date('2024-06-01'))), `${fact}: names the birth date: ${reason}`);
    assert.ok(reason.includes(t.date(date('2020-05-01'))), `${fact}: names the permit date: ${reason}`);
    assert.ok(reason.includes(t.t('fact.birthDate.label')), `${fact}: names the birth date field`);
    assert.ok(reason.includes(t.t('fact.permitDate.label')), `${fact}: names the permit date field`);
  }
  assertLinked(html, 'birthDate', '2024-06-01');
  assertLinked(html, 'permitDate', '2020-05-01');
  assert.match(html, /value="Samira"/, 'the name is kept');
  assert.match(control(html, 'f-nationality'), /id="f-nationality"/);
  assert.match(html, /<option value="SY" selected>/, 'the chosen country is kept');
  // The summary at the top says it once, linking to the first field involved.
  const summary = /<div class="alert error"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  assert.equal(summary.match(/<li/g)?.length, 1, `one line per contradiction: ${summary}`);
  assert.match(summary, /href="#f-birthDate"/);
});

test('a DUO start date before the birth, and more school years than the age: in Dutch, on the person page', async () => {
  const nlSession = await pageLogin(desk.base, 'anna', 'nl');
  const id = await addPerson(desk.base, nlSession);
  const t = translator('nl');
  const res = await page(desk.base, nlSession, `/desk/nl/people/${id}`, {
    ...PERSON_FORM,
    'f.birthDate': '2015-01-01',
    'f.permitDate': '2023-03-01',
    'f.pipDate': '',
    'f.obligationStartDate': '2014-01-01',
    'f.schoolYearsInNL': '9',
    version: '1',
  });
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.doesNotMatch(html, /past niet bij de andere antwoorden/);
  const duo = textOf(html, 'f-obligationStartDate-error') ?? '';
  assert.ok(duo.includes(t.date(date('2014-01-01'))), `the DUO date: ${duo}`);
  assert.ok(duo.includes(t.date(date('2015-01-01'))), `the birth date: ${duo}`);
  assert.ok(duo.includes(t.t('fact.obligationStartDate.label')), `names the DUO field: ${duo}`);
  assert.ok(duo.includes(t.t('fact.birthDate.label')), `names the birth date field: ${duo}`);
  const school = textOf(html, 'f-schoolYearsInNL-error') ?? '';
  assert.match(school, /\b9\b/, `the typed years: ${school}`);
  assert.ok(school.includes(t.date(date('2015-01-01'))), `the birth date it is measured against: ${school}`);
  // The volunteer reads of "the person", not "your date of birth" (desk.consistency.*).
  assert.match(school, /de persoon/, `speaks of the person: ${school}`);
  assert.doesNotMatch(school, /\b[Uu]w\b/, `not to the volunteer as if it were theirs: ${school}`);
  // The birth date takes part in both: both reasons stand beside it.
  const birth = textOf(html, 'f-birthDate-error') ?? '';
  assert.ok(birth.includes(duo) && birth.includes(school), `both reasons at the birth date: ${birth}`);
  assertLinked(html, 'obligationStartDate', '2014-01-01');
  assertLinked(html, 'schoolYearsInNL', '9');
  assertLinked(html, 'birthDate', '2015-01-01');
  // Nothing was stored.
  const again = await (await page(desk.base, nlSession, `/desk/nl/people/${id}`)).text();
  assert.match(control(again, 'f-birthDate'), /value="1990-01-01"/);
});

test('the JSON API answers 400 with rule and with per field, as the assessment API does', async () => {
  const facts = { birthDate: '2024-06-01', permitDate: '2020-05-01', permitPurpose: 'asylum' };
  const res = await fetch(`${desk.base}/desk/api/v1/people`, {
    method: 'POST',
    headers: { cookie: anna.cookie, 'x-csrf-token': anna.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: 'X', language: 'ar', facts, consent: true }),
  });
  assert.equal(res.status, 400);
  const body = (await res.json()) as { fields: Record<string, unknown>[] };
  const pub = await fetch(`${desk.base}/api/v1/assess`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ asOf: DESK_TODAY, facts }),
  });
  assert.equal(pub.status, 400);
  const expected = ((await pub.json()) as { fields: Record<string, unknown>[] }).fields;
  assert.deepEqual(body.fields, expected);
  for (const f of body.fields) {
    assert.equal(f.problem, 'inconsistent');
    assert.equal(f.rule, 'order');
    assert.deepEqual(f.with, ['facts.birthDate', 'facts.permitDate']);
  }
  assert.deepEqual(
    body.fields.map((f) => f.field),
    ['facts.birthDate', 'facts.permitDate'],
  );
});
