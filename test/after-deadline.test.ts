// After the deadline: the result leads with what happens now under the person's act, options that
// extend a running term say their window closed, the API says canApplyNow: false, no fine of € 0,
// no past events in the calendar file, and time spans in words people use.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readCatalog } from '#adapters/content/load-messages.ts';
import { date } from '#domain/dates/plain-date.ts';
import { LOCALES } from '#i18n/locales.ts';
import { createTranslator } from '#i18n/translate.ts';
import { startServer } from './helpers.ts';

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer('2031-03-20');
});
after(() => server.close());

const get = (path: string) => fetch(server.base + path, { redirect: 'manual' });
/** Wi2021 status holder, PIP 2023-03-14: the term ended on 2026-03-14, five years before "today". */
const WI2021_BIRTH =
  'nationality=ER&permitPurpose=asylum&familyOfEeaCitizen=no&birthDate=1996-12-12&permitDate=2022-11-02&pipDate=2023-03-14&schoolYearsInNL=0&hasIntegrationDiploma=no&diplomas=&medicalLimitation=no&circumstances=birth';
/** Wi2013 family migrant whose hours and attempts give no fine in the table. */
const WI2013_NO_FINE =
  'nationality=MA&permitPurpose=family&familyOfEeaCitizen=no&birthDate=1990-04-04&permitDate=2021-06-01&obligationStartDate=2021-06-01&termEndDate=2024-05-31&schoolYearsInNL=0&hasIntegrationDiploma=no&diplomas=&medicalLimitation=no&courseHours=320&examAttempts=2';

const text = (html: string) =>
  html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');

test('the result leads with what happens now, and the closed extension says so', async () => {
  const html = await (await get(`/en/result?${WI2021_BIRTH}`)).text();
  const page = text(html);
  const afterTerm = html.indexOf('id="after-term-heading"');
  const firstOption = html.indexOf('id="option-');
  assert.ok(afterTerm > 0, 'the after-the-deadline section is there');
  assert.ok(afterTerm < firstOption, 'it comes before the options');
  assert.match(page, /Vooraankondiging termijnoverschrijding/);
  assert.match(page, /hearing by phone \(hoorzitting\)/);
  assert.match(page, /object \(bezwaar\) within 6 weeks/);
  assert.match(page, /5 years ago/);
  assert.doesNotMatch(page, /months ago/);
  assert.match(page, /Too late: this could be asked until March 14, 2026/);
  assert.doesNotMatch(page, /You can ask for it now/);
  assert.doesNotMatch(html, /result\.ics/, 'no calendar link when every date is past');
});

test('after the deadline nothing says "ask now" in any language', async () => {
  for (const locale of LOCALES) {
    const t = createTranslator(locale, readCatalog(locale), readCatalog('en'));
    const now = t.t('timing.apply-window.now', { date: '\u0000' }).split('\u0000')[0]!.trim();
    const page = text(await (await get(`/${locale}/result?${WI2021_BIRTH}`)).text());
    assert.ok(now.length > 3);
    assert.ok(!page.includes(now), `${locale}: "${now}" on a result after the deadline`);
    const title = t.t('result.afterTerm.title').replace(/[\u00a0\u202f]/g, ' ');
    assert.ok(page.includes(title), `${locale}: what happens now`);
  }
});

test('no fine of € 0 is shown anywhere, in any language', async () => {
  for (const locale of LOCALES) {
    const page = text(await (await get(`/${locale}/result?${WI2013_NO_FINE}`)).text());
    assert.doesNotMatch(page, /€\s*0(?![\d.,])/, `${locale}: a fine of € 0`);
  }
  const en = text(await (await get(`/en/result?${WI2013_NO_FINE}`)).text());
  assert.match(en, /gives no fine/);
});

test('the API says canApplyNow: false for a closed window and lists the steps after the deadline', async () => {
  const res = await server.postJson('/api/v1/assess', {
    asOf: '2026-03-15',
    facts: {
      nationality: 'ER',
      familyOfEeaCitizen: false,
      birthDate: '1996-12-12',
      permitPurpose: 'asylum',
      permitDate: '2022-11-02',
      pipDate: '2023-03-14',
      schoolYearsInNL: 0,
      diplomas: [],
      hasIntegrationDiploma: false,
      medicalLimitation: false,
      circumstances: ['birth'],
    },
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    termPassed: boolean;
    options: { id: string }[];
    closedOptions: {
      id: string;
      canApplyNow: boolean;
      closed: string | null;
      availableUntil: string | null;
    }[];
    afterTerm: { id: string; source: { law: string } }[];
  };
  // A closed window is no route to take: not in `options`, but in `closedOptions` (ADR 019).
  assert.ok(!body.options.some((o) => o.id === 'extension-birth'));
  const birth = body.closedOptions.find((o) => o.id === 'extension-birth');
  assert.deepEqual(
    { canApplyNow: birth?.canApplyNow, closed: birth?.closed, availableUntil: birth?.availableUntil },
    { canApplyNow: false, closed: 'term-ended', availableUntil: '2026-03-14' },
  );
  assert.equal(body.termPassed, true);
  assert.ok(body.afterTerm.some((s) => s.id === 'hearing.if-above'));
  for (const s of body.afterTerm) assert.match(s.source.law, /2021|Algemene wet bestuursrecht/);
});

test('the calendar file holds no event in the past', async () => {
  const ics = await (await get(`/en/result.ics?${WI2021_BIRTH}`)).text();
  assert.doesNotMatch(ics, /BEGIN:VEVENT/);
  // Term end still to come, apply-from past: only the term end.
  const soon = await startServer('2026-01-10');
  try {
    const ics2 = await (await fetch(`${soon.base}/en/result.ics?${WI2021_BIRTH}`)).text();
    assert.match(ics2, /DTSTART;VALUE=DATE:20260314/);
    assert.doesNotMatch(ics2, /DTSTART;VALUE=DATE:20250915/);
  } finally {
    await soon.close();
  }
});

test('time spans read as people say them: years, not dozens of months', () => {
  const en = createTranslator('en', readCatalog('en'), readCatalog('en'));
  const nl = createTranslator('nl', readCatalog('nl'), readCatalog('en'));
  const from = date('2031-03-20');
  assert.equal(en.relative(date('2026-03-14'), from), '5 years ago');
  assert.equal(nl.relative(date('2026-03-14'), from), '5 jaar geleden');
  assert.equal(en.relative(date('2032-03-20'), from), 'in 1 year');
  assert.equal(en.relative(date('2032-09-20'), from), 'in 18 months');
  assert.equal(en.relative(date('2031-06-20'), from), 'in 3 months');
  assert.equal(en.relative(date('2031-03-27'), from), 'in 1 week');
  assert.equal(en.relative(date('2031-03-21'), from), 'tomorrow');
});
