// The public letters to DUO through the app: offered from the result page, a GET form with no
// personal detail in the URL, a POST that renders the Dutch letter and the mirror copy with
// `no-store`, nothing stored (the desk's store is never touched), nothing logged, and a 400 naming
// each bad field.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import type { DeskStore } from '#domain/desk/store.ts';

/** A Wi2021 asylum status holder, PIP 2023-03-14 (term ends 2026-03-14), special circumstances. */
const STATE =
  'v=1&nationality=ER&familyOfEeaCitizen=no&birthDate=1996-12-12&permitPurpose=asylum&permitDate=2022-11-02' +
  '&schoolYearsInNL=0&diplomas=none&hasIntegrationDiploma=no&pipDate=2023-03-14&route=b1' +
  '&circumstances=special-circumstances';
const BSN = '111222333';
const NAME = 'Amal Haddad-Testpersoon';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const good = {
  name: NAME,
  address: 'Stationsstraat 12',
  postcode: '3511ab',
  city: 'Utrecht',
  birthDate: '1996-12-12',
  bsn: BSN,
  reason: 'Van maart tot augustus 2025 zorgde ik voor mijn broer.',
  date: '2025-11-20',
};

const storeCalls: string[] = [];
/** A desk store that records every call: the public letters must never reach it. */
const spyStore = new Proxy({} as DeskStore, {
  get: (_t, name: string) => async () => {
    storeCalls.push(name);
    return name === 'ping' ? true : undefined;
  },
});
const lines: string[] = [];
let app: FastifyInstance;
before(async () => {
  app = await buildApp({
    today: () => date('2025-11-20'),
    deskStore: spyStore,
    logger: true,
    logStream: { write: (l) => void lines.push(l) },
  });
});
after(() => app.close());

const post = (url: string, body: string) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  });

test('the result page links to each letter the answer offers, with the state and nothing else', async () => {
  const res = await app.inject(`/en/result?${STATE}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /id="letters-heading"/);
  const hrefs = [...res.body.matchAll(/href="(\/en\/letter\/[^"]+)"/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&'),
  );
  const ids = hrefs.map((h) => h.split('?')[0]!.split('/').at(-1));
  assert.ok(ids.includes('extension-special-circumstances'), ids.join());
  assert.ok(ids.includes('ontheffing-special-circumstances'), ids.join());
  for (const h of hrefs) {
    assert.match(h, /\?v=1&/, 'the check state');
    assert.doesNotMatch(h, /[?&](name|bsn|address|postcode|city|reason)=/, 'no personal detail');
  }
});

test('GET: the form, with the fields the letter needs and no personal detail in any URL', async () => {
  const res = await app.inject(`/ar/letter/extension-special-circumstances?${STATE}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  for (const f of ['name', 'address', 'postcode', 'city', 'birthDate', 'bsn', 'reason', 'date'])
    assert.match(res.body, new RegExp(`name="${f}"`), f);
  assert.match(res.body, /<form method="post" action="\/ar\/letter\/extension-special-circumstances\?v=1/);
  assert.match(res.body, /formaction="\/ar\/letter\/extension-special-circumstances\/pdf\?v=1/);
  assert.match(res.body, /<html lang="ar" dir="rtl">/);
  assert.match(res.body, /<bdi dir="ltr">1990-05-31<\/bdi>/, 'the example date keeps its order in Arabic');
});

test('a letter the answer does not offer is 404; after the term it is gone', async () => {
  assert.equal((await app.inject(`/en/letter/extension-birth?${STATE}`)).statusCode, 404);
  assert.equal((await app.inject(`/en/letter/no-such-thing?${STATE}`)).statusCode, 404);
  const late = await buildApp({ today: () => date('2026-03-15'), deskStore: spyStore });
  try {
    assert.equal((await late.inject(`/en/letter/extension-special-circumstances?${STATE}`)).statusCode, 404);
  } finally {
    await late.close();
  }
});

test('POST: the Dutch letter with every required part and the mirror copy, no-store', async () => {
  const res = await post(`/ar/letter/extension-special-circumstances?${STATE}`, form(good));
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.equal(res.headers['set-cookie'], undefined);
  const html = res.body;
  const dutch = html.slice(html.indexOf('<section class="letter-sheet"'), html.indexOf('id="letter-mirror"'));
  assert.match(dutch, /<article class="letter" lang="nl" dir="ltr" id="letter-dutch"/);
  for (const part of [
    NAME,
    'Stationsstraat 12',
    '3511 AB',
    'Utrecht',
    BSN,
    '12 december 1996',
    'DUO Servicecentrum Inburgering',
    'Postbus 764',
    '9700 AT Groningen',
    'Handtekening',
    'bijzondere individuele omstandigheden',
    'Besluit inburgering 2021',
    'Bijlagen',
    'Papieren die laten zien wat er gebeurde',
    'zorgde ik voor mijn broer',
  ])
    assert.ok(dutch.includes(part), `Dutch letter has ${part}`);
  const mirror = html.slice(html.indexOf('letter-mirror-heading'));
  assert.match(html, /class="letter-sheet letter-mirror"[^>]*lang="ar" dir="rtl"/);
  assert.ok(mirror.includes(NAME), 'the mirror copy has the same details');
  assert.match(mirror, /<bdi dir="ltr">111222333<\/bdi>/, 'the BSN kept left-to-right');
  assert.match(mirror, /<div dir="auto">9700 AT Groningen<\/div>/, "DUO's postcode line keeps its order");
  assert.ok(dutch.includes('<dt>Adres</dt>'), 'the full address is labelled as one');
  assert.match(mirror, /status-machine-assisted/, 'the translation status is shown');
});

test('POST in Dutch: no mirror copy (the letter is already in the person language)', async () => {
  const res = await post(`/nl/letter/extension-special-circumstances?${STATE}`, form(good));
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /id="letter-dutch"/);
  assert.doesNotMatch(res.body, /id="letter-mirror"/);
});

test('POST with empty fields: lines to write on by hand', async () => {
  const res = await post(`/en/letter/extension-special-circumstances?${STATE}`, '');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /class="fill"/);
});

test('bad input: 400, the form again, each bad field named, what was typed kept', async () => {
  const res = await post(
    `/en/letter/extension-special-circumstances?${STATE}`,
    form({ ...good, bsn: '123456789', postcode: '35', birthDate: '1996-13-40', name: 'x'.repeat(150) }),
  );
  assert.equal(res.statusCode, 400);
  assert.equal(res.headers['cache-control'], 'no-store');
  const errors = res.body.slice(
    res.body.indexOf('id="letter-errors"'),
    res.body.indexOf('</ul>', res.body.indexOf('id="letter-errors"')),
  );
  for (const label of ['BSN (citizen service number)', 'Postcode', 'Date of birth', 'Name'])
    assert.ok(errors.includes(label), `names ${label}`);
  assert.match(res.body, /href="#letter-bsn"/);
  assert.match(res.body, /aria-invalid="true"/);
  assert.match(res.body, /value="123456789"/, 'the typed value comes back to correct');
});

test('a body that is too large is refused with a 4xx, never a 5xx', async () => {
  const res = await post(
    `/en/letter/extension-special-circumstances?${STATE}`,
    form({ reason: 'x'.repeat(40_000) }),
  );
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, String(res.statusCode));
});

test('nothing stored and nothing logged: the desk store untouched, no name or BSN in the log', async () => {
  await post(`/en/letter/extension-special-circumstances?${STATE}`, form(good));
  await post(`/en/letter/extension-special-circumstances?${STATE}`, form({ ...good, postcode: 'bad' }));
  assert.deepEqual(
    storeCalls.filter((c) => c !== 'close'),
    [],
    'the public letters never touch the desk store',
  );
  const log = lines.join('\n');
  assert.ok(
    lines.some((l) => l.includes('/:lang/letter/:id')),
    'the requests were logged (by route)',
  );
  for (const secret of [BSN, NAME, 'Stationsstraat', 'broer', '1996-12-12'])
    assert.ok(!log.includes(secret), `${secret} not in the log`);
});
