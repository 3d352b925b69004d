// Two app instances against one PostgreSQL database, as behind a load balancer (issue 9): each
// instance opens and migrates the database itself (both at once), a session made through one is
// seen through the other, a write through one is read through the other, and a change through
// one makes the other's stale write a 409.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '#adapters/desk/password.ts';
import { buildApp } from '#app/build-app.ts';
import { type Config, defaultConfig } from '#app/config.ts';
import { openDeskStore } from '#app/desk.ts';
import { date } from '#domain/dates/plain-date.ts';
import { REFUGEE_FACTS } from './support/desk.ts';
import { startPostgres, type TestPostgres } from './support/postgres.ts';

const TODAY = '2026-03-02';
const PASSWORD = 'two instances battery staple';
const facts = REFUGEE_FACTS;

let pg: TestPostgres;
let dir: string;
let config: Config;
let a: FastifyInstance;
let b: FastifyInstance;

before(async () => {
  pg = startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'wegwijs-two-'));
  config = { ...defaultConfig(), dataDir: dir, databaseUrl: pg.freshDatabase() };
  // Two instances with nothing but the configuration in common (no store passed in): each opens
  // its own pool and runs the migrations on its first desk request.
  a = await buildApp({ today: () => date(TODAY), config });
  b = await buildApp({ today: () => date(TODAY), config });
});
after(async () => {
  await a?.close();
  await b?.close();
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a session and a write made through one instance are seen through the other; a stale write is 409', async () => {
  // Both instances migrate the empty database at the same moment (the migrator's lock).
  const first = await Promise.all([
    a.inject({ method: 'GET', url: '/desk/api/v1/people', headers: { cookie: 'wegwijs_desk=none' } }),
    b.inject({ method: 'GET', url: '/desk/api/v1/people', headers: { cookie: 'wegwijs_desk=none' } }),
  ]);
  assert.deepEqual(
    first.map((r) => r.statusCode),
    [401, 401],
  );
  const setup = await openDeskStore(config, () => date(TODAY));
  try {
    await setup.addUser({
      email: 'anna@two.example',
      name: 'Anna',
      role: 'helper',
      org: 'two',
      team: 'Utrecht',
      passwordHash: await hashPassword(PASSWORD),
    });
  } finally {
    await setup.close();
  }

  // Sign in through A; the cookie and the CSRF token work on B.
  const login = await a.inject({
    method: 'POST',
    url: '/desk/api/v1/session',
    payload: { email: 'anna@two.example', password: PASSWORD },
  });
  assert.equal(login.statusCode, 200);
  const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
  const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
  const listB = await b.inject({ method: 'GET', url: '/desk/api/v1/people', headers });
  assert.equal(listB.statusCode, 200, 'the session made through A is seen through B');
  assert.deepEqual(listB.json(), { people: [] });
  const pageB = await b.inject({ method: 'GET', url: '/desk/nl/', headers: { cookie } });
  assert.equal(pageB.statusCode, 200, 'and on B’s pages');

  // Write through A, read through B.
  const created = await a.inject({
    method: 'POST',
    url: '/desk/api/v1/people',
    headers,
    payload: { displayName: 'Sara', language: 'ti', facts, consent: true },
  });
  assert.equal(created.statusCode, 201);
  const { id } = created.json<{ id: string }>();
  const readB = await b.inject({ method: 'GET', url: `/desk/api/v1/people/${id}`, headers });
  assert.equal(readB.statusCode, 200, 'the write through A is read through B');
  assert.equal(readB.json<{ displayName: string }>().displayName, 'Sara');
  assert.equal(readB.json<{ version: number }>().version, 1);
  assert.match((await b.inject({ method: 'GET', url: '/desk/en/', headers: { cookie } })).body, /Sara/);

  // Both loaded version 1; A saves first; B's save of version 1 is stale.
  const changeA = await a.inject({
    method: 'PATCH',
    url: `/desk/api/v1/people/${id}`,
    headers: { ...headers, 'if-match': '1' },
    payload: { facts: { ...facts, nationality: 'SO' } },
  });
  assert.equal(changeA.statusCode, 200);
  assert.equal(changeA.json<{ version: number }>().version, 2);
  const staleB = await b.inject({
    method: 'PATCH',
    url: `/desk/api/v1/people/${id}`,
    headers: { ...headers, 'if-match': '1' },
    payload: { displayName: 'S.' },
  });
  assert.equal(staleB.statusCode, 409, 'B’s write of the old version is refused');
  assert.equal(staleB.json<{ currentVersion: number }>().currentVersion, 2);
  const afterB = await b.inject({ method: 'GET', url: `/desk/api/v1/people/${id}`, headers });
  const person = afterB.json<{ displayName: string; version: number; facts: { nationality: string } }>();
  assert.deepEqual([person.displayName, person.version, person.facts.nationality], ['Sara', 2, 'SO']);

  // Logging out through B ends the session on A too.
  assert.equal((await b.inject({ method: 'DELETE', url: '/desk/api/v1/session', headers })).statusCode, 204);
  assert.equal((await a.inject({ method: 'GET', url: '/desk/api/v1/people', headers })).statusCode, 401);
});

test('the lock-out after five wrong passwords holds on both instances', async () => {
  const setup = await openDeskStore(config, () => date(TODAY));
  try {
    await setup.addUser({
      email: 'bram@two.example',
      name: 'Bram',
      role: 'helper',
      org: 'two',
      team: 'Utrecht',
      passwordHash: await hashPassword(PASSWORD),
    });
  } finally {
    await setup.close();
  }
  const attempt = (app: FastifyInstance, password: string) =>
    app.inject({
      method: 'POST',
      url: '/desk/api/v1/session',
      payload: { email: 'bram@two.example', password },
    });
  // Alternating instances: the failures add up in the database, not per process.
  for (let i = 0; i < 5; i++) assert.equal((await attempt(i % 2 ? a : b, 'wrong password')).statusCode, 401);
  assert.equal((await attempt(a, PASSWORD)).statusCode, 429);
  assert.equal((await attempt(b, PASSWORD)).statusCode, 429);
});
