// Letters to DUO through the desk's pages (a real server on SQLite, signed in): the person's page
// and the dashboard link to the letters the stored answer offers; the form takes the details the
// desk never stores (the BSN never reaches the database file, nor the audit log); "letter made" is
// audited with the person's id only; CSRF and team isolation as for every desk page.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  addPerson,
  type DeskServer,
  type PageSession,
  PERSON_FORM,
  page,
  pageLogin,
  startDesk,
} from './support/desk.ts';

const BSN = '123456782';
const NAME = 'Amal Voorbeeld-Haddad';
const STREET = 'Lange Nieuwstraat 41';

let desk: DeskServer;
let anna: PageSession;
let bram: PageSession;
let id: string;
before(async () => {
  desk = await startDesk();
  [anna, bram] = await Promise.all([pageLogin(desk.base, 'anna'), pageLogin(desk.base, 'bram')]);
  // Wi2021, PIP 2023-05-10: the term ends 2026-05-10; on 2026-03-02 the letter can be sent.
  id = await addPerson(desk.base, anna, { ...PERSON_FORM, 'f.circumstances': 'special-circumstances' });
});
after(() => desk?.close());

const letterPath = () => `/desk/nl/people/${id}/letters/extension-special-circumstances`;
const details = {
  name: NAME,
  address: STREET,
  postcode: '3512 PE',
  city: 'Utrecht',
  birthDate: '1990-01-01',
  bsn: BSN,
  reason: 'Van april tot en met augustus 2025 verzorgde ik mijn zieke moeder.',
  date: '2026-03-02',
};

test('the person page and the dashboard lead to the letters the answer offers', async () => {
  const person = await (await page(desk.base, anna, `/desk/nl/people/${id}`)).text();
  assert.match(person, /id="letters-h"/);
  assert.match(person, new RegExp(`href="/desk/nl/people/${id}/letters/extension-special-circumstances"`));
  const dashboard = await (await page(desk.base, anna, '/desk/nl/')).text();
  assert.match(
    dashboard,
    new RegExp(`href="/desk/nl/people/${id}#letters-h"`),
    'the letters-to-send item links there',
  );
});

test('the form: every field, the CSRF token, no-store', async () => {
  const res = await page(desk.base, anna, letterPath());
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const html = await res.text();
  for (const f of ['name', 'address', 'postcode', 'city', 'birthDate', 'bsn', 'reason', 'date'])
    assert.match(html, new RegExp(`name="${f}"`), f);
  assert.match(html, new RegExp(`name="_csrf" value="${anna.csrf}"`));
  assert.match(html, /formaction="[^"]+\/letters\/extension-special-circumstances\/pdf"/);
});

test('another team gets 404, a letter not offered gets 404, no CSRF token gets 403', async () => {
  assert.equal((await page(desk.base, bram, letterPath())).status, 404);
  assert.equal((await page(desk.base, anna, `/desk/nl/people/${id}/letters/extension-birth`)).status, 404);
  const noToken = await fetch(`${desk.base}${letterPath()}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: anna.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(details).toString(),
  });
  assert.equal(noToken.status, 403);
});

test('a bad BSN: 400, the field named, nothing audited as made', async () => {
  const res = await page(desk.base, anna, letterPath(), { ...details, bsn: '123456789' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /BSN \(burgerservicenummer\): dit is geen geldig BSN/);
});

test('the letter: Dutch with every part, the mirror copy in the person language (Arabic, RTL)', async () => {
  const res = await page(desk.base, anna, letterPath(), details);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const html = await res.text();
  const dutch = html.slice(html.indexOf('id="letter-dutch"'), html.indexOf('id="letter-mirror"'));
  for (const part of [
    NAME,
    STREET,
    '3512 PE',
    BSN,
    '1 januari 1990',
    'Postbus 764',
    'Handtekening',
    'Bijlagen',
  ])
    assert.ok(dutch.includes(part), part);
  assert.match(html, /class="letter-sheet letter-mirror"[^>]*lang="ar" dir="rtl"/);
  assert.match(html, /ترجمة لك/, 'the mirror heading in Arabic');
});

test('nothing typed is stored: not in the database file, not in the person, not in the audit log', async () => {
  const log = await desk.store.auditLog('vwn', 500);
  const made = log.filter((e) => e.action === 'letter-made');
  assert.equal(made.length, 1, 'one letter made (the 400 made none)');
  assert.equal(made[0]?.personId, id);
  assert.ok(!JSON.stringify(log).includes(BSN));
  const exported = await (await page(desk.base, anna, `/desk/api/v1/people/${id}/export`)).text();
  for (const secret of [BSN, NAME, STREET])
    assert.ok(!exported.includes(secret), `${secret} not in the export`);
  for (const file of ['desk.sqlite', 'desk.sqlite-wal']) {
    const path = join(desk.config.dataDir, file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (const secret of [BSN, NAME, STREET])
      assert.equal(bytes.includes(Buffer.from(secret)), false, `${secret} not in ${file}`);
  }
});
