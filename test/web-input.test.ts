// The guided check without a browser: what people type on their phones (Arabic-Indic and Persian
// digits), what was typed stays after an error, impossible orders never reach an answer (also by a
// hand-made link to the result, its PDF or calendar file), and surprising answers are confirmed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './helpers.ts';

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer('2026-11-28');
});
after(() => server.close());

const get = (path: string) => fetch(server.base + path, { redirect: 'manual' });
/** The page's words without tags (numbers and dates are isolated in <bdi>). */
const words = (html: string) => html.replace(/<[^>]+>/g, '');
const dateAnswer = (
  fact: string,
  d: string,
  m: string,
  y: string,
  state = 'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false',
) =>
  `?${state}&q=${fact}&answer-day=${encodeURIComponent(d)}&answer-month=${encodeURIComponent(m)}&answer-year=${encodeURIComponent(y)}`;

test('a date typed in Arabic-Indic or Persian digits is read', async () => {
  for (const [lang, d, m, y] of [
    ['ar', '١٢', '١٢', '١٩٩٦'],
    ['fa', '۱۲', '۱۲', '۱۹۹۶'],
  ] as const) {
    const res = await get(`/${lang}/check${dateAnswer('birthDate', d, m, y)}`);
    assert.equal(res.status, 303, lang);
    assert.match(res.headers.get('location') ?? '', /birthDate=1996-12-12/, lang);
  }
  const n = await get('/ar/check?nationality=SY&q=schoolYearsInNL&answer=%D9%A8');
  assert.match(n.headers.get('location') ?? '', /schoolYearsInNL=8/);
});

test('after an error the typed date stays in its boxes; the error summary comes first and links to the field', async () => {
  const res = await get(`/nl/check${dateAnswer('birthDate', '11', '20', '1985')}`);
  assert.equal(res.status, 400);
  const html = await res.text();
  for (const [part, v] of [
    ['day', '11'],
    ['month', '20'],
    ['year', '1985'],
  ])
    assert.match(html, new RegExp(`name="answer-${part}"[^>]*value="${v}"`), `${part} keeps ${v}`);
  assert.match(html, /omgedraaid/, 'says day and month look swapped');
  const summary = html.indexOf('error-summary');
  assert.ok(
    summary > 0 && summary < html.indexOf('class="question"'),
    'the error summary comes before the form',
  );
  assert.match(html, /class="alert error error-summary" role="alert" tabindex="-1"/);
  assert.match(html, /href="#answer-month"/);
  assert.match(html, /inputmode="numeric"/);
  assert.match(html, /autocomplete="bday-year"/);
});

test('each slip in a date has its own message', async () => {
  const cases: [string, string, string, RegExp][] = [
    ['20', '11', '85', /4 digits/],
    ['31', '4', '1990', /does not exist in this month/],
    ['20', '', '1990', /the day, the month and the year/],
    ['1', '1', '10002', /1900 to 2100/],
  ];
  for (const [d, m, y, message] of cases) {
    const res = await get(`/en/check${dateAnswer('birthDate', d, m, y)}`);
    assert.equal(res.status, 400, `${d}-${m}-${y}`);
    assert.match(words(await res.text()), message, `${d}-${m}-${y}`);
  }
  const n = await get('/en/check?nationality=SY&q=schoolYearsInNL&answer=25');
  assert.equal(n.status, 400);
  const html = await n.text();
  assert.match(words(html), /from 0 to 20/);
  assert.match(html, /name="answer"[^>]*value="25"/, 'the typed number stays');
});

test('a birth date in the future is refused on its question', async () => {
  const res = await get(`/en/check${dateAnswer('birthDate', '1', '1', '2030')}`);
  assert.equal(res.status, 400);
  assert.match(await res.text(), /in the future/);
});

test('a permit before the birth sends the person back with a link to the other answer', async () => {
  const res = await get(
    `/en/check${dateAnswer('permitDate', '1', '1', '1989', 'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-05-01')}`,
  );
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(html, /must come after/);
  assert.match(html, /name="answer-year"[^>]*value="1989"/);
  assert.match(html, /href="\/en\/check\?[^"]*birthDate=1990-05-01[^"]*edit=birthDate"/);
});

const IMPOSSIBLE =
  'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-05-01&permitDate=2023-05-01&pipDate=2023-02-01' +
  '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&termEndDate=2026-02-01&route=b1&medicalLimitation=false&circumstances=';

test('a hand-made link with an impossible order never shows an answer: result, PDF and calendar file', async () => {
  for (const path of ['/en/check', '/en/result', '/en/result.pdf', '/en/result.ics']) {
    const res = await get(`${path}?${IMPOSSIBLE}`);
    assert.equal(res.status, 400, path);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/, path);
    const html = await res.text();
    assert.match(html, /cannot all be true/, path);
    assert.doesNotMatch(html, /you have to integrate|do not have to integrate/i, path);
    assert.match(html, /edit=permitDate/, `${path} links to the permit question`);
    assert.match(html, /edit=pipDate/, `${path} links to the PIP question`);
  }
});

test('a birth date that makes the person a child asks "is that right?" before any answer', async () => {
  const answer = await get(`/en/check${dateAnswer('birthDate', '20', '11', '2025')}`);
  assert.equal(answer.status, 303);
  const next = await get(answer.headers.get('location')!);
  assert.equal(next.status, 200);
  const html = await next.text();
  assert.match(words(html), /You entered November 20, 2025: that means you are 1 year old\. Is that right\?/);
  assert.match(html, /not your child/);
  assert.match(html, /name="ok" value="birthDate"/);
  assert.match(html, /edit=birthDate/);
  // A hand-made link to the result goes back to the question first.
  const result = await get(
    `/en/result?nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=2025-11-20`,
  );
  assert.equal(result.status, 303);
  // Confirmed: the check goes on to the result.
  const confirmed = await get(
    '/en/check?nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=2025-11-20&ok=birthDate',
  );
  assert.equal(confirmed.status, 303);
  assert.match(confirmed.headers.get('location') ?? '', /\/en\/result\?.*ok=birthDate/);
});

test('a permit still to come is confirmed, then the result says "not yet" with the date', async () => {
  const state =
    'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-05-01&permitDate=2027-01-15';
  const ask = await get(`/en/check?${state}`);
  assert.equal(ask.status, 200);
  assert.match(await ask.text(), /that date is still to come/);
  const res = await get(`/en/result?${state}&ok=permitDate`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(words(html), /Not yet: your integration obligation can start on January 15, 2027\./);
  assert.match(html, /2027/);
});
