// What real people ran into when they went through the app (a user walkthrough, 6 December 2026),
// each checked where they saw it: the result page in their language, and the case desk.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { catalog } from '#adapters/content/load-messages.ts';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import { LOCALES } from '#i18n/locales.ts';
import { addPerson, type DeskServer, PERSON_FORM, page, pageLogin, startDesk } from './support/desk.ts';

let app: Awaited<ReturnType<typeof buildApp>>;
let desk: DeskServer;
before(async () => {
  app = await buildApp({ today: () => date('2026-12-06') });
  desk = await startDesk();
});
after(async () => {
  await app.close();
  await desk.close();
});

const plain = (html: string) =>
  html
    .replace(/<\/?bdi[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
/** A catalog text with its arguments cut out: the parts that must appear on the page. */
const fixedParts = (text: string) =>
  text
    .split(/\{[^}]*\}/)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);

// A 17-year-old Afghan status holder: compulsory education exempts him until he turns 18.
const MINOR =
  'v=1&nationality=AF&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=2009-06-01&permitDate=2025-02-01' +
  '&ok=birthDate&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=1&circumstances=';

test('a 17-year-old is told his obligation starts at 18, not to ask DUO for a vrijstelling', async () => {
  for (const lang of LOCALES) {
    const m = catalog(lang);
    const res = await app.inject({ url: `/${lang}/result?${MINOR}` });
    assert.equal(res.statusCode, 200, lang);
    const text = plain(res.body);
    for (const part of fixedParts(m['headline.exempt.minor-in-compulsory-education']!))
      assert.ok(text.includes(part), `${lang}: the headline says "not yet" (${part})`);
    assert.ok(
      !text.includes(m['obligation.exempt.text']!),
      `${lang}: no "ask for the vrijstelling, until DUO has said yes"`,
    );
    for (const part of fixedParts(m['rule.regime.wi2021.future']!))
      assert.ok(text.includes(part), `${lang}: the start is ahead, not "started" (${part})`);
    assert.ok(
      !fixedParts(m['rule.regime.wi2021']!).every((part) => text.includes(part)),
      `${lang}: no past tense for a start next year`,
    );
  }
  const en = plain((await app.inject({ url: `/en/result?${MINOR}` })).body);
  assert.match(en, /Your obligation starts on June 1, 2027 at the latest/);
});

// A Syrian family migrant (permit April 2023) who does not know the date of her PIP.
const NO_PIP =
  'v=1&nationality=SY&permitPurpose=family&familyOfEeaCitizen=false&birthDate=1988-05-10&permitDate=2023-04-12' +
  '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&circumstances=&dk=pipDate%2CmedicalLimitation';

test('obliged without a PIP date: the page still says there is a term, how long, and where the date is', async () => {
  for (const lang of LOCALES) {
    const m = catalog(lang);
    const body = (await app.inject({ url: `/${lang}/result?${NO_PIP}` })).body;
    const text = plain(body);
    assert.ok(text.includes(m['ui.result.term']!), `${lang}: the term has its section`);
    assert.ok(text.includes(m['result.termUnknown.wi2021']!), `${lang}: how the term runs`);
    assert.ok(text.includes(m['ui.result.termUnknown.answer']!), `${lang}: a way to fill in the date`);
  }
  const body = (await app.inject({ url: `/en/result?${NO_PIP}` })).body;
  const href = /<a href="([^"]+)">I have found the date/.exec(body)?.[1]?.replace(/&amp;/g, '&');
  assert.ok(href, 'the link is there');
  assert.match(
    body,
    /<p class="no-print"><a href="[^"]+">I have found the date/,
    'not on paper or in the PDF',
  );
  const question = await app.inject({ url: href });
  assert.equal(question.statusCode, 200);
  assert.match(question.body, /name="q" value="pipDate"/, 'it opens the PIP question');
  // With the date the section gives the end instead.
  const known = plain(
    (await app.inject({ url: `/en/result?${NO_PIP.replace('&dk=pipDate%2C', '&pipDate=2024-09-01&dk=')}` }))
      .body,
  );
  assert.doesNotMatch(known, /Without that date/);
  assert.match(known, /September 1, 2027/);
});

test('the nationality question asks to choose from the list, not to type a code', async () => {
  for (const lang of LOCALES) {
    const m = catalog(lang);
    const text = plain((await app.inject({ url: `/${lang}/check` })).body);
    assert.ok(text.includes(m['question.nationality.help']!), lang);
    assert.ok(text.includes(m['ui.question.stateless']!), `${lang}: the list has the choice the help names`);
    assert.doesNotMatch(m['question.nationality.help']!, /\bSY\b|"stateless"|«stateless»/, lang);
  }
});

test('"we need more answers" does not point to questions that are not on the page', async () => {
  const text = plain(
    (await app.inject({ url: '/en/result?v=1&nationality=SO&familyOfEeaCitizen=false&dk=permitPurpose' }))
      .body,
  );
  assert.match(text, /We cannot say yet/);
  assert.doesNotMatch(text, /Answer the questions below/);
  assert.match(text, /where to look up what you did not know/);
  assert.match(text, /What you can look up/, 'the look-up section it points to is there');
});

// A British national who came in 2022: the rules leave it open, whatever else is answered.
const BRITISH_FORM: Record<string, string> = {
  ...PERSON_FORM,
  displayName: 'Brit',
  language: 'en',
  'f.nationality': 'GB',
  'f.permitPurpose': 'family',
  'f.permitDate': '2022-05-01',
  'f.pipDate': '',
};

test('desk: a person whose answer the rules leave open reads "ask DUO" on the dashboard, as on the result page', async () => {
  const anna = await pageLogin(desk.base, 'anna');
  const id = await addPerson(desk.base, anna, BRITISH_FORM);
  const nl = catalog('nl');
  const dashboard = plain(await (await page(desk.base, anna, '/desk/nl/')).text());
  const row = dashboard.slice(dashboard.indexOf('Brit'));
  assert.ok(row.includes(nl['desk.action.ask-duo']!), 'the row says to ask DUO');
  assert.ok(!row.startsWith(`Brit ${nl['desk.action.complete-facts']!}`), 'not "ask the person"');
  const person = plain(await (await page(desk.base, anna, `/desk/nl/people/${id}`)).text());
  assert.ok(person.includes(nl['obligation.unknown-open.title']!), 'the person page says the same');
  const api = await fetch(`${desk.base}/desk/api/v1/people`, { headers: { cookie: anna.cookie } });
  const people = (await api.json()) as { people: { displayName: string; nextAction: { kind: string } }[] };
  assert.equal(people.people.find((p) => p.displayName === 'Brit')?.nextAction.kind, 'ask-duo');
});

test('desk: an obliged person without a PIP date is not left at the bottom with nothing to do', async () => {
  const bram = await pageLogin(desk.base, 'bram');
  await addPerson(desk.base, bram, {
    ...PERSON_FORM,
    displayName: 'Layla',
    'f.permitPurpose': 'family',
    'f.pipDate': '',
  });
  await addPerson(desk.base, bram, { ...PERSON_FORM, displayName: 'Amal' });
  const nl = catalog('nl');
  const dashboard = plain(await (await page(desk.base, bram, '/desk/nl/')).text());
  const layla = dashboard.indexOf('Layla');
  assert.ok(layla >= 0 && layla < dashboard.indexOf('Amal'), 'Layla comes first: her term may have ended');
  assert.ok(
    dashboard.slice(layla).startsWith(`Layla ${nl['desk.action.complete-facts']!}`),
    'with "ask the person"',
  );
});

test("desk: a minor's page says 'not yet, at 18', as his result page does", async () => {
  const anna = await pageLogin(desk.base, 'anna');
  const id = await addPerson(desk.base, anna, {
    ...PERSON_FORM,
    displayName: 'Ahmad',
    'f.nationality': 'AF',
    'f.birthDate': '2008-09-01',
    'f.permitDate': '2025-02-01',
    'f.schoolYearsInNL': '1',
    'f.pipDate': '',
  });
  const person = plain(await (await page(desk.base, anna, `/desk/en/people/${id}`)).text());
  assert.match(
    person,
    /Not yet: while you must go to school, you do not have to integrate\. Your obligation starts on September 1, 2026 at the latest\./,
  );
  assert.doesNotMatch(person, /you can get an exemption/);
  // On the dashboard: the day to look again, not "you can get an exemption" with nothing to do.
  const en = catalog('en');
  const dashboard = plain(await (await page(desk.base, anna, '/desk/en/')).text());
  const row = dashboard.slice(dashboard.indexOf('Ahmad'));
  assert.ok(
    row.startsWith(`Ahmad ${en['desk.action.obligation-starts']!} – by September 1, 2026`),
    row.slice(0, 120),
  );
});

test('a person who is not obliged is not told to check the end of a term first to integrate voluntarily', async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/assess',
    payload: {
      asOf: '2026-12-06',
      facts: {
        nationality: 'GB',
        familyOfEeaCitizen: false,
        permitPurpose: 'work',
        birthDate: '1980-03-01',
        permitDate: '2019-05-01',
      },
    },
  });
  const a = res.json() as { obligation: string; options: { id: string; toCheck: string[] }[] };
  assert.equal(a.obligation, 'not-obliged');
  assert.deepEqual(a.options.find((o) => o.id === 'voluntary-integration')?.toCheck, []);
  const text = plain(
    (
      await app.inject({
        url: '/en/result?v=1&nationality=GB&familyOfEeaCitizen=false&permitPurpose=work&birthDate=1980-03-01&permitDate=2019-05-01',
      })
    ).body,
  );
  assert.match(text, /Integrate voluntarily/);
  assert.doesNotMatch(text, /Check first/);
});

test('a man who reaches AOW age before his term ends is told so, in his language', async () => {
  // Born 1 March 1960: AOW age (67) on 1 March 2027; his Wi2021 term ends on 1 June 2027.
  const q =
    'v=1&nationality=TR&permitPurpose=family&familyOfEeaCitizen=false&birthDate=1960-03-01&permitDate=2024-02-01' +
    '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2024-06-01&circumstances=';
  for (const lang of LOCALES) {
    const text = plain((await app.inject({ url: `/${lang}/result?${q}` })).body);
    for (const part of fixedParts(catalog(lang)['result.aowBeforeTermEnd']!))
      assert.ok(text.includes(part), `${lang}: ${part}`);
  }
  const en = plain((await app.inject({ url: `/en/result?${q}` })).body);
  assert.match(
    en,
    /You reach the state pension age \(AOW age\) on March 1, 2027, before your term ends on June 1, 2027/,
  );
  // Born a year earlier he reaches it after the end: nothing to say then.
  const later = plain(
    (await app.inject({ url: `/en/result?${q.replace('1960-03-01', '1961-09-01')}` })).body,
  );
  assert.doesNotMatch(later, /You reach the state pension age/);
});

test('obliged without a permit date: the term is still there, in general, with the way to fill in the date', async () => {
  const q =
    'v=1&nationality=SY&permitPurpose=family&familyOfEeaCitizen=false&birthDate=1988-05-10' +
    '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&dk=permitDate%2CobligationStartDate';
  for (const lang of LOCALES) {
    const m = catalog(lang);
    const text = plain((await app.inject({ url: `/${lang}/result?${q}` })).body);
    assert.ok(text.includes(m['obligation.obliged.title']!), `${lang}: obliged`);
    assert.ok(text.includes(m['result.termUnknown.noAct']!), `${lang}: the term, in general`);
  }
  const body = (await app.inject({ url: `/en/result?${q}` })).body;
  const href = /<a href="([^"]+)">I have found the date/.exec(body)?.[1]?.replace(/&amp;/g, '&');
  assert.match((await app.inject({ url: href! })).body, /name="q" value="permitDate"/);
});

test('"Check first: <a question>" ends with the question mark, not "?." or "؟."', async () => {
  // An Eritrean whose Wi2021 term ended: the A2 option asks to check the route first.
  const q =
    'v=1&nationality=ER&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-03-01&permitDate=2022-06-01' +
    '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&circumstances=birth&pipDate=2022-09-01&courseHours=700&examAttempts=3';
  for (const lang of LOCALES) {
    const m = catalog(lang);
    const text = plain((await app.inject({ url: `/${lang}/result?${q}` })).body);
    const title = m['question.route.title']!.replace(/\s+/g, ' ');
    assert.ok(text.includes(title), `${lang}: the check names the route question`);
    const after = text.slice(text.indexOf(title) + title.length, text.indexOf(title) + title.length + 2);
    assert.doesNotMatch(after, /^\s*[.\u06d4\u3002\u1362]/u, `${lang}: no full stop after the question mark`);
  }
});
