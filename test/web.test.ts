// The web pages through the real server, without a browser: the check's state lives in the URL,
// answers are validated, no cookies or third-party requests, strict security headers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './helpers.ts';

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer('2025-06-01');
});
after(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(server.base + path, { redirect: 'manual', ...init });

test('/ sends people to their language (Accept-Language), Dutch by default', async () => {
  assert.equal(
    (await get('/', { headers: { 'accept-language': 'ar,en;q=0.8' } })).headers.get('location'),
    '/ar/',
  );
  assert.equal((await get('/')).headers.get('location'), '/nl/');
});

test('pages have lang and dir, a strict CSP without inline scripts, and set no cookies', async () => {
  for (const [lang, dir] of [
    ['nl', 'ltr'],
    ['ar', 'rtl'],
    ['fa', 'rtl'],
    ['ti', 'ltr'],
  ]) {
    const res = await get(`/${lang}/`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, new RegExp(`<html lang="${lang}" dir="${dir}">`));
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    // No third-party requests: every src/href to another origin is a plain link, never a resource.
    for (const m of html.matchAll(/<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:[^"]+)"/g))
      assert.fail(`third-party resource ${m[1]}`);
  }
});

test('a whole journey without JavaScript: answers in the URL, redirects, then the result', async () => {
  let path = '/en/check';
  const answers: Record<string, string> = {
    nationality: 'answer=SY',
    permitPurpose: 'answer=asylum',
    familyOfEeaCitizen: 'answer=no',
    birthDate: 'answer-day=1&answer-month=1&answer-year=1990',
    permitDate: 'answer-day=1&answer-month=3&answer-year=2023',
    hasIntegrationDiploma: 'answer=no',
    diplomas: 'answered=1',
    schoolYearsInNL: 'answer=0',
    pipDate: 'answer-day=10&answer-month=5&answer-year=2023',
    route: 'answer=b1',
    medicalLimitation: 'answer=no',
    circumstances: 'answered=1&answer=birth',
    courseHours: 'dontknow=1',
    examAttempts: 'dontknow=1',
  };
  for (let step = 0; step < 60; step++) {
    const res = await get(path);
    if (res.status === 303 && res.headers.get('location')?.includes('/result')) {
      path = res.headers.get('location')!;
      break;
    }
    if (res.status === 303) {
      path = res.headers.get('location')!;
      continue;
    }
    assert.equal(res.status, 200, path);
    const html = await res.text();
    const fact = /name="q" value="([a-zA-Z]+)"/.exec(html)?.[1];
    assert.ok(fact && answers[fact], `a known question: ${fact}`);
    const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value(?:="([^"]*)")?/g)].map(
      ([, k, v]) => `${k}=${encodeURIComponent(v ?? '')}`,
    );
    path = `/en/check?${[...hidden.filter((h) => !h.startsWith('answered=')), answers[fact]].join('&')}`;
  }
  assert.match(path, /^\/en\/result\?/);
  const result = await (await get(path)).text();
  assert.match(result, /Yes, you have to integrate/);
  assert.match(result, /May 10, 2026/);
  assert.match(result, /More time because you gave birth/);
  assert.match(result, /Aanvraag verlenging inburgeringstermijn bij geboorte kind/);
  // Reloading the same URL gives the same page: the URL is the whole state.
  assert.equal(await (await get(path)).text(), result);
});

test('a wrong or missing answer shows the question again with a clear error, and keeps the other answers', async () => {
  const res = await get(
    '/nl/check?nationality=SY&permitPurpose=asylum&q=birthDate&answer-day=31&answer-month=2&answer-year=1990',
  );
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(html, /role="alert"/);
  assert.match(html, /aria-invalid="true"/);
  assert.match(html, /name="nationality" value="SY"/);
  const empty = await get('/nl/check?nationality=SY&q=permitPurpose');
  assert.equal(empty.status, 400);
});

test('"I don\'t know" moves on and the result says where to look it up', async () => {
  const res = await get('/en/check?nationality=SY&q=permitPurpose&dontknow=1');
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', /dk=permitPurpose/);
  const result = await (await get('/en/result?nationality=SY&dk=permitPurpose')).text();
  assert.match(result, /Look at your residence permit card or the IND letter/);
});

test('the summary lists answers with change links that keep the other answers', async () => {
  const html = await (
    await get('/en/summary?nationality=SY&permitPurpose=asylum&birthDate=1990-01-01')
  ).text();
  assert.match(html, /Syria/);
  assert.match(html, /1 January 1990|January 1, 1990/);
  const change = /href="(\/en\/check\?[^"]*edit=permitPurpose[^"]*)"/
    .exec(html)?.[1]
    ?.replaceAll('&amp;', '&');
  assert.ok(change);
  const form = await (await get(change)).text();
  assert.match(form, /value="asylum" checked/);
  assert.match(form, /name="birthDate" value="1990-01-01"/);
});

test('the calendar file has the term end and apply-from dates; nothing is stored', async () => {
  const res = await get(
    '/en/result.ics?nationality=SY&permitPurpose=asylum&birthDate=1990-01-01&permitDate=2023-03-01&pipDate=2023-05-10',
  );
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/calendar/);
  const ics = await res.text();
  assert.match(ics, /DTSTART;VALUE=DATE:20260510/);
  assert.match(ics, /DTSTART;VALUE=DATE:20251111/);
  assert.match(ics, /BEGIN:VALARM/);
});

test('the help page shows DUO with its hours and "open now", and the language-school caution', async () => {
  const html = await (await get('/en/help')).text();
  assert.match(html, /050 599 96 00/);
  assert.match(html, /Monday to Friday/);
  assert.match(html, /Open now|Closed now/);
  assert.match(html, /commercial organisations/);
});

test('knowledge-base pages, the index and search answer in the page language', async () => {
  const kb = await (await get('/tr/kb/extension-pregnancy-birth')).text();
  assert.match(kb, /<html lang="tr"/);
  assert.match(kb, /inburgeren\.nl/);
  assert.equal((await get('/en/kb')).status, 200);
  const search = await (await get(`/en/search?q=${encodeURIComponent('zwanger meer tijd')}`)).text();
  assert.match(search, /href="\/en\/kb\/extension-pregnancy-birth"/);
  const tooLong = await get(`/en/search?q=${'a'.repeat(501)}`);
  assert.equal(tooLong.status, 400);
});

test('knowledge-base amounts come from the rule parameters, in the language’s number format, isolated left-to-right in Arabic', async () => {
  const ar = await (await get('/ar/kb/fine')).text();
  const lead = ar.match(/<p class="lead">[\s\S]*?<\/p>/)?.[0] ?? '';
  // The summary, not only the Markdown answer, keeps "€ 1,250" in order inside the Arabic sentence.
  assert.match(lead, /<bdi dir="ltr">€ 1,250<\/bdi>/);
  assert.match(lead, /<bdi dir="ltr">€ 340<\/bdi>/);
  assert.doesNotMatch(ar, /\{\{param:/);
  const nl = await (await get('/nl/kb/fine')).text();
  assert.match(nl, /maximaal (<bdi dir="ltr">)?€ 1\.250/);
  assert.doesNotMatch(nl, /\{\{param:/);
});

test("knowledge-base sources speak the page's language: the site as written, the rest translated, same links", async () => {
  const sourcesOf = (html: string) => html.match(/<ul class="sources">([\s\S]*?)<\/ul>/)?.[1] ?? '';
  const links = (html: string) => [...sourcesOf(html).matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
  const en = await (await get('/en/kb/fine')).text();
  assert.match(sourcesOf(en), /inburgeren\.nl — fines \(2021 law and 2013 law\)/);
  for (const [lang, words] of [
    ['ar', 'الصفحة'],
    ['ti', 'ገጽ'],
    ['uk', 'сторінка'],
    ['so', 'su’aashan'],
  ] as const) {
    const html = await (await get(`/${lang}/kb/fine`)).text();
    const list = sourcesOf(html);
    const text = list.replace(/<[^>]*>/g, '');
    assert.doesNotMatch(text, /fines|2021 law|boete|bezwaar maken|hoorzitting/, lang);
    assert.match(list, /<bdi dir="ltr">inburgeren\.nl<\/bdi> — /, lang);
    assert.match(list, /<bdi dir="ltr">Schulinck<\/bdi> — /, lang);
    assert.ok(list.includes(words), `${lang}: ${list}`);
    assert.deepEqual(links(html), links(en), `${lang}: the same links`);
  }
  // Three inburgeren.nl pages on this topic: numbered, the number kept in order in Arabic.
  const ar = sourcesOf(await (await get('/ar/kb/fine')).text());
  assert.match(ar, /الصفحة <bdi dir="ltr">3<\/bdi> عن هذا السؤال/);
});

test('unknown pages and languages answer 404 with a page, never a stack trace', async () => {
  for (const path of ['/xx/', '/en/nope', '/en/kb/no-such-topic']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(await res.text(), /at .*\.tsx?:\d+/);
  }
});

test('the service worker and the offline list keep only public pages (no query strings)', async () => {
  const sw = await get('/sw.js');
  assert.equal(sw.status, 200);
  const list = await (await get('/ar/offline.json')).json();
  assert.ok(list.urls.includes('/ar/kb/extension-pregnancy-birth'));
  assert.ok(list.urls.every((u: string) => !u.includes('?')));
});

test('the result draws the term as a line, with the same dates in text, mirrored in Arabic', async () => {
  const state =
    'nationality=SY&familyOfEeaCitizen=no&birthDate=1990-01-01&permitPurpose=asylum&permitDate=2023-03-01' +
    '&schoolYearsInNL=0&diplomas=&hasIntegrationDiploma=no&pipDate=2023-05-10&circumstances=birth';
  const xOf = (html: string, kind: string) =>
    Number(new RegExp(`class="tl-mark tl-${kind}"><circle cx="([0-9.]+)"`).exec(html)?.[1]);
  const en = await (await get(`/en/result?${state}`)).text();
  assert.match(en, /<svg[^>]*role="img"[^>]*aria-labelledby="timeline-title timeline-desc"/);
  assert.match(en, /<desc id="timeline-desc">[^<]*\d{4}[^<]*<\/desc>/, 'the description names the dates');
  assert.match(en, /class="timeline-list"/, 'the dates stand in text beside the picture');
  assert.ok(xOf(en, 'start') < xOf(en, 'end'), 'left to right in English');
  const ar = await (await get(`/ar/result?${state}`)).text();
  assert.ok(xOf(ar, 'start') > xOf(ar, 'end'), 'mirrored in Arabic: the start is on the right');
});
