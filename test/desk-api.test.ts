// The case desk's JSON API through the real server on SQLite (spec/desk-api.md): sign-in with a
// session cookie and CSRF token, team isolation, optimistic versions, erase and export, audit.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { hashPassword } from '#adapters/desk/password.ts';
import { buildApp } from '#app/build-app.ts';
import { defaultConfig } from '#app/config.ts';
import { lazyStore, openDeskStore } from '#app/desk.ts';
import { date } from '#domain/dates/plain-date.ts';
import type { DeskStore } from '#domain/desk/store.ts';
import { REFUGEE_FACTS } from './support/desk.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'correct horse battery staple';
let dir: string;
let store: DeskStore;
let base: string;
let close: () => Promise<void>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wegwijs-desk-'));
  const config = { ...defaultConfig(), dataDir: dir };
  store = await openDeskStore(config, () => date(TODAY));
  const hash = await hashPassword(PASSWORD);
  for (const [email, role, team, org] of [
    ['anna@vwn.example', 'helper', 'Utrecht', 'vwn'],
    ['bram@vwn.example', 'helper', 'Zwolle', 'vwn'],
    ['cor@vwn.example', 'coordinator', 'Utrecht', 'vwn'],
    ['ada@vwn.example', 'admin', 'Utrecht', 'vwn'],
    ['dina@gemeente.example', 'coordinator', 'Utrecht', 'gemeente'],
  ] as const)
    await store.addUser({ email, name: email.split('@')[0] as string, role, org, team, passwordHash: hash });
  const app = await buildApp({ today: () => date(TODAY), deskStore: store, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  close = () => app.close();
});
after(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

interface Session {
  cookie: string;
  csrf: string;
}

async function login(email: string, password = PASSWORD): Promise<Session> {
  const res = await fetch(`${base}/desk/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(res.status, 200, `login ${email}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0] as string, csrf: body.csrfToken };
}

function call(
  s: Session | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${base}/desk/api/v1${path}`, {
    method,
    headers: {
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const refugee = REFUGEE_FACTS;

test('without a session: 401; a wrong password: 401; five wrong: locked (429)', async () => {
  assert.equal((await call(null, 'GET', '/people')).status, 401);
  const wrong = () =>
    fetch(`${base}/desk/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@vwn.example', password: 'nope' }),
    });
  for (let i = 0; i < 5; i++) assert.equal((await wrong()).status, 401);
  const locked = await wrong();
  assert.equal(locked.status, 429);
  assert.ok(Number(locked.headers.get('retry-after')) > 0);
  // Locked even with the right password, until the lock ends.
  const right = await fetch(`${base}/desk/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ada@vwn.example', password: PASSWORD }),
  });
  assert.equal(right.status, 429);
});

test('a helper adds a person and sees the same answer as the public API, with the next action', async () => {
  const anna = await login('anna@vwn.example');
  const res = await call(anna, 'POST', '/people', {
    displayName: 'Sara',
    language: 'ti',
    facts: refugee,
    consent: true,
  });
  assert.equal(res.status, 201);
  const person = (await res.json()) as {
    id: string;
    version: number;
    assessment: { termEnd: string; obligation: string };
  };
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const pub = (await (
    await fetch(`${base}/api/v1/assess`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ asOf: TODAY, facts: refugee }),
    })
  ).json()) as { termEnd: string; obligation: string };
  assert.equal(person.assessment.termEnd, pub.termEnd);
  assert.equal(person.assessment.obligation, pub.obligation);
  const list = (await (await call(anna, 'GET', '/people')).json()) as {
    people: { id: string; nextAction: { kind: string; due: string } | null }[];
  };
  const mine = list.people.find((p) => p.id === person.id);
  assert.ok(mine?.nextAction, 'a next action with a due date');
});

test('no consent, bad facts or unknown fields: 400 naming the field; no CSRF token: 403', async () => {
  const anna = await login('anna@vwn.example');
  const noConsent = await call(anna, 'POST', '/people', { displayName: 'X', language: 'ar', facts: {} });
  assert.equal(noConsent.status, 400);
  assert.equal(((await noConsent.json()) as { fields: { field: string }[] }).fields[0]?.field, 'consent');
  const badDate = await call(anna, 'POST', '/people', {
    displayName: 'X',
    language: 'ar',
    facts: { birthDate: '1990-02-30' },
    consent: true,
  });
  assert.equal(badDate.status, 400);
  assert.match(JSON.stringify(await badDate.json()), /facts\.birthDate/);
  const bsn = await call(anna, 'POST', '/people', {
    displayName: 'X',
    language: 'ar',
    facts: {},
    consent: true,
    bsn: '123456782',
  });
  assert.equal(bsn.status, 400, 'no BSN or other field is stored');
  const noCsrf = await call({ ...anna, csrf: 'wrong' }, 'POST', '/people', {
    displayName: 'X',
    language: 'ar',
    facts: {},
    consent: true,
  });
  assert.equal(noCsrf.status, 403);
});

test('another team cannot read, change, erase or export a person: 404, as for an id that does not exist', async () => {
  const anna = await login('anna@vwn.example');
  const bram = await login('bram@vwn.example');
  const dina = await login('dina@gemeente.example');
  const cor = await login('cor@vwn.example');
  const { id } = (await (
    await call(anna, 'POST', '/people', {
      displayName: 'Amal',
      language: 'ar',
      facts: refugee,
      consent: true,
    })
  ).json()) as { id: string };
  for (const s of [bram, dina]) {
    assert.equal((await call(s, 'GET', `/people/${id}`)).status, 404);
    assert.equal(
      (await call(s, 'PATCH', `/people/${id}`, { displayName: 'Y' }, { 'if-match': '1' })).status,
      404,
    );
    assert.equal((await call(s, 'DELETE', `/people/${id}`)).status, 404);
    assert.equal((await call(s, 'GET', `/people/${id}/export`)).status, 404);
    const list = (await (await call(s, 'GET', '/people')).json()) as { people: { id: string }[] };
    assert.ok(!list.people.some((p) => p.id === id));
  }
  assert.equal((await call(bram, 'GET', '/people/not-a-uuid')).status, 404);
  assert.equal(
    (await call(cor, 'GET', `/people/${id}`)).status,
    200,
    'the coordinator sees every team of the organisation',
  );
  const ada = await login('cor@vwn.example');
  assert.equal((await call(ada, 'GET', `/people/${id}`)).status, 200);
});

test('changes need the current version (409 when stale) and keep a history of who changed what', async () => {
  const anna = await login('anna@vwn.example');
  const { id } = (await (
    await call(anna, 'POST', '/people', {
      displayName: 'Hana',
      language: 'so',
      facts: refugee,
      consent: true,
    })
  ).json()) as { id: string };
  const ok = await call(
    anna,
    'PATCH',
    `/people/${id}`,
    { facts: { ...refugee, nationality: 'SO' } },
    { 'if-match': '1' },
  );
  assert.equal(ok.status, 200);
  assert.equal(((await ok.json()) as { version: number }).version, 2);
  const stale = await call(anna, 'PATCH', `/people/${id}`, { displayName: 'H.' }, { 'if-match': '1' });
  assert.equal(stale.status, 409);
  assert.equal(
    (await call(anna, 'PATCH', `/people/${id}`, { displayName: 'H.' })).status,
    400,
    'If-Match is required',
  );
  const full = (await (await call(anna, 'GET', `/people/${id}`)).json()) as {
    history: { userName: string; changes: Record<string, unknown> }[];
  };
  assert.equal(full.history.length, 1);
  assert.deepEqual(full.history[0]?.changes['facts.nationality'], ['ER', 'SO']);
});

test('export gives everything held; erase leaves nothing but the audit line', async () => {
  const anna = await login('anna@vwn.example');
  const { id } = (await (
    await call(anna, 'POST', '/people', {
      displayName: 'Leave',
      language: 'fa',
      facts: refugee,
      consent: true,
    })
  ).json()) as { id: string };
  const exported = (await (await call(anna, 'GET', `/people/${id}/export`)).json()) as {
    person: { displayName: string };
  };
  assert.equal(exported.person.displayName, 'Leave');
  assert.equal((await call(anna, 'DELETE', `/people/${id}`)).status, 204);
  assert.equal((await call(anna, 'GET', `/people/${id}`)).status, 404);
  const log = await store.auditLog('vwn', 200);
  assert.ok(log.some((e) => e.action === 'person-erase' && e.personId === id));
  assert.ok(
    log.some((e) => e.action === 'person-read'),
    'reads are audited',
  );
});

test('an admin manages accounts, not people: 403 on a change', async () => {
  // The admin account was locked by the first test; another admin signs in.
  await store.addUser({
    email: 'adm2@vwn.example',
    name: 'adm2',
    role: 'admin',
    org: 'vwn',
    team: 'Utrecht',
    passwordHash: await hashPassword(PASSWORD),
  });
  const adm = await login('adm2@vwn.example');
  assert.equal(
    (await call(adm, 'POST', '/people', { displayName: 'X', language: 'ar', facts: {}, consent: true }))
      .status,
    403,
  );
});

test('logout ends the session', async () => {
  const anna = await login('anna@vwn.example');
  assert.equal((await call(anna, 'DELETE', '/session')).status, 204);
  assert.equal((await call(anna, 'GET', '/people')).status, 401);
});

test('the private calendar feed: a secret link, revocable', async () => {
  const anna = await login('anna@vwn.example');
  const { url } = (await (await call(anna, 'POST', '/calendar-token')).json()) as { url: string };
  const feed = await fetch(base + url);
  assert.equal(feed.status, 200);
  assert.match(await feed.text(), /BEGIN:VCALENDAR/);
  assert.equal((await call(anna, 'DELETE', '/calendar-token')).status, 204);
  assert.equal((await fetch(base + url)).status, 404);
});

test('a database that is down: 503 with Retry-After on the desk, while the public check keeps working', async () => {
  const down = lazyStore(() => Promise.reject(new Error('connection refused')));
  const app = await buildApp({ today: () => date(TODAY), deskStore: down });
  try {
    const api = await app.inject({
      method: 'GET',
      url: '/desk/api/v1/people',
      headers: { cookie: 'wegwijs_desk=abc' },
    });
    assert.equal(api.statusCode, 503);
    assert.ok(Number(api.headers['retry-after']) > 0);
    assert.doesNotMatch(api.body, /connection refused|at .*\.ts/, 'no internals reach the user');
    const page = await app.inject({
      method: 'GET',
      url: '/desk/nl/',
      headers: { cookie: 'wegwijs_desk=abc' },
    });
    assert.equal(page.statusCode, 503);
    const login = await app.inject({
      method: 'POST',
      url: '/desk/api/v1/session',
      payload: { email: 'anna@vwn.example', password: PASSWORD },
    });
    assert.equal(login.statusCode, 503);
    const pub = await app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      payload: { asOf: TODAY, facts: refugee },
    });
    assert.equal(pub.statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/nl/' })).statusCode, 200);
  } finally {
    await app.close();
  }
});
