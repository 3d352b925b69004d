// The backups of docs/desk.md, as documented: `sqlite3 desk.sqlite ".backup FILE"` while the app
// has the database open (its latest writes still only in the WAL file) and `pg_dump --format=custom`
// then `pg_restore` into an empty database; each restored copy opens as a desk store with everything.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { defaultConfig } from '#app/config.ts';
import { openDeskStore } from '#app/desk.ts';
import { date } from '#domain/dates/plain-date.ts';
import type { AnswerSummary } from '#domain/desk/model.ts';
import type { DeskStore } from '#domain/desk/store.ts';
import { startPostgres, type TestPostgres } from './support/postgres.ts';

const today = () => date('2026-03-02');
const summary: AnswerSummary = {
  regime: null,
  obligation: 'unknown',
  termEnd: null,
  applyFrom: null,
  options: [],
  letterFrom: null,
  missing: [],
};
let dir: string;
let pg: TestPostgres;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'wegwijs-backup-'));
  pg = startPostgres();
});
after(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function fill(store: DeskStore, n: number) {
  const u = await store.addUser({
    email: 'anna@backup.example',
    name: 'Anna',
    role: 'helper',
    org: 'o',
    team: 't',
    passwordHash: 'x',
  });
  for (let i = 0; i < n; i++)
    await store.createPerson(
      {
        org: 'o',
        teamId: u.teamId,
        displayName: `P${i}`,
        language: 'ar',
        facts: { nationality: 'SY' },
        createdBy: u.id,
        rulesVersion: 'r',
        summary,
      },
      '2026-03-02T10:00:00.000Z',
    );
}
const everyone = { org: 'o', teamIds: null };

test('SQLite: sqlite3 ".backup" while the app has the file open, restored by copying it in place', async () => {
  const live = join(dir, 'live');
  const store = await openDeskStore({ ...defaultConfig(), dataDir: live }, today);
  try {
    await fill(store, 50);
    assert.ok(statSync(join(live, 'desk.sqlite-wal')).size > 0, 'the latest writes are in the WAL file');
    const backup = join(dir, 'desk-backup.sqlite');
    execFileSync('sqlite3', [join(live, 'desk.sqlite'), `.backup '${backup}'`]);
    const restored = join(dir, 'restored');
    mkdirSync(restored);
    copyFileSync(backup, join(restored, 'desk.sqlite'));
    const copy = await openDeskStore({ ...defaultConfig(), dataDir: restored }, today);
    try {
      assert.equal((await copy.listPeople(everyone)).length, 50);
      assert.ok(await copy.loginOf('anna@backup.example'));
    } finally {
      await copy.close();
    }
  } finally {
    await store.close();
  }
});

test('PostgreSQL: pg_dump --format=custom, pg_restore into an empty database', async () => {
  const url = pg.freshDatabase();
  const store = await openDeskStore({ ...defaultConfig(), dataDir: dir, databaseUrl: url }, today);
  try {
    await fill(store, 20);
  } finally {
    await store.close();
  }
  const dump = join(dir, 'desk.dump');
  execFileSync('pg_dump', ['--format=custom', '--file', dump, url]);
  const target = pg.freshDatabase();
  execFileSync('pg_restore', ['--no-owner', '--dbname', target, dump]);
  const copy = await openDeskStore({ ...defaultConfig(), dataDir: dir, databaseUrl: target }, today);
  try {
    assert.equal((await copy.listPeople(everyone)).length, 20);
    assert.ok(await copy.loginOf('anna@backup.example'));
  } finally {
    await copy.close();
  }
});
