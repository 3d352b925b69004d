// Issue 7 point 5: an UNCONFIRMED rule is never presented as automatic (API field and page say
// "ask DUO whether this applies"), and no option says "send the form" when there is no form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { catalog } from '#adapters/content/load-messages.ts';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import { LOCALES } from '#i18n/locales.ts';

let app: Awaited<ReturnType<typeof buildApp>>;
before(async () => {
  app = await buildApp({ today: () => date('2025-06-01') });
});
after(() => app.close());

/** A Wi2021 status holder with course hours and exam attempts: the "many lessons" extension fits. */
const facts = {
  nationality: 'SY',
  familyOfEeaCitizen: false,
  birthDate: '1990-01-01',
  permitPurpose: 'asylum',
  permitDate: '2023-03-01',
  pipDate: '2023-05-10',
  schoolYearsInNL: 0,
  diplomas: [],
  hasIntegrationDiploma: false,
  courseHours: 400,
  examAttempts: 2,
};
const query =
  'nationality=SY&familyOfEeaCitizen=false&birthDate=1990-01-01&permitPurpose=asylum&permitDate=2023-03-01' +
  '&pipDate=2023-05-10&schoolYearsInNL=0&hasIntegrationDiploma=false&courseHours=400&examAttempts=2';

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

test('the API answers the Wi2021 "many lessons" extension with timing and applyVia "ask-duo"', async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/assess',
    payload: { asOf: '2025-06-01', facts },
  });
  assert.equal(res.statusCode, 200);
  const a = res.json();
  const efforts = a.options.find((o: { id: string }) => o.id === 'extension-efforts');
  assert.ok(efforts, 'the option is listed');
  assert.equal(efforts.timing, 'ask-duo');
  assert.equal(efforts.applyVia, 'ask-duo');
  assert.equal(efforts.confirmed, false);
  assert.equal(efforts.canApplyNow, false);
  for (const o of a.options)
    if (!o.confirmed)
      assert.ok(o.timing !== 'automatic' && o.applyVia !== 'automatic', `${o.id} is unconfirmed`);
});

test('in every language the page says "ask DUO" for it and never "no application needed"', async () => {
  for (const lang of LOCALES) {
    const messages = catalog(lang);
    const res = await app.inject({ url: `/${lang}/result?${query}` });
    assert.equal(res.statusCode, 200, lang);
    const text = plain(res.body);
    assert.ok(text.includes(messages['timing.ask-duo']!), `${lang}: timing says ask DUO`);
    assert.ok(text.includes(messages['applyVia.ask-duo']!), `${lang}: how to apply says ask DUO`);
    assert.ok(!text.includes(messages['applyVia.automatic']!), `${lang}: no "no application needed"`);
    assert.ok(!text.includes(messages['timing.automatic']!), `${lang}: no "DUO does this by itself"`);
  }
});

test('the voluntary route says whom to ask, and never "send the form" (it has none)', async () => {
  const url =
    '/en/result?nationality=IN&familyOfEeaCitizen=false&permitPurpose=work&permitDate=2024-01-15&birthDate=1991-08-08';
  const en = catalog('en');
  const text = plain((await app.inject({ url })).body);
  assert.match(text, /Integrate voluntarily/);
  assert.ok(text.includes(en['applyVia.voluntary-exam']!));
  assert.doesNotMatch(text, /Send the form/);
  const nl = plain((await app.inject({ url: url.replace('/en/', '/nl/') })).body);
  assert.ok(nl.includes(catalog('nl')['applyVia.voluntary-exam']!));
  assert.doesNotMatch(nl, /Stuur het formulier/);
});
