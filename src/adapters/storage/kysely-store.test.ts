// One contract for the desk's storage, run against real SQLite and real PostgreSQL: the same
// behaviour from both, including the team scope, optimistic versions and erasure.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { date } from '#domain/dates/plain-date.ts';
import type { AnswerSummary, User } from '#domain/desk/model.ts';
import { scopeOf } from '#domain/desk/policy.ts';
import { readStoredFacts } from '#domain/desk/service.ts';
import type { DeskStore } from '#domain/desk/store.ts';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.ts';
import { openDatabase } from './database.ts';
import { kyselyStore } from './kysely-store.ts';
import { migrate } from './migrations.ts';

const summary: AnswerSummary = {
  regime: 'wi2021',
  obligation: 'obliged',
  termEnd: '2026-05-10',
  applyFrom: null,
  options: [],
  letterFrom: null,
  missing: [],
};
const readFacts = (json: unknown) => readStoredFacts(json, date('2026-01-01'));

/** The database the last store was opened on (to write a row as an older version left it). */
let lastTarget: { databaseUrl?: string; sqliteFile: string } = { sqliteFile: '' };

async function open(target: { databaseUrl?: string; sqliteFile: string }): Promise<DeskStore> {
  lastTarget = target;
  const database = openDatabase(target);
  await migrate(database.db, database.dialect);
  return kyselyStore(database, readFacts);
}

let pg: TestPostgres;
let dir: string;
before(() => {
  pg = startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'wegwijs-sqlite-'));
});
after(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const engines: [string, () => Promise<DeskStore>][] = [
  ['SQLite', () => open({ sqliteFile: join(dir, `desk-${Math.random().toString(36).slice(2)}.db`) })],
  ['PostgreSQL', () => open({ databaseUrl: pg.freshDatabase(), sqliteFile: '' })],
];

for (const [name, make] of engines) {
  describe(`desk storage on ${name}`, () => {
    let store: DeskStore;
    let helperA: User;
    let helperB: User;
    let coordinator: User;
    let otherOrg: User;
    before(async () => {
      store = await make();
      helperA = await store.addUser({
        email: 'A@example.org',
        name: 'Anna',
        role: 'helper',
        org: 'vwn',
        team: 'Utrecht',
        passwordHash: 'x',
      });
      helperB = await store.addUser({
        email: 'b@example.org',
        name: 'Bram',
        role: 'helper',
        org: 'vwn',
        team: 'Zwolle',
        passwordHash: 'x',
      });
      coordinator = await store.addUser({
        email: 'c@example.org',
        name: 'Cor',
        role: 'coordinator',
        org: 'vwn',
        team: 'Utrecht',
        passwordHash: 'x',
      });
      otherOrg = await store.addUser({
        email: 'd@example.org',
        name: 'Dina',
        role: 'coordinator',
        org: 'gemeente',
        team: 'Utrecht',
        passwordHash: 'x',
      });
    });
    after(() => store.close());

    const newPerson = (u: User, displayName = 'Sara') =>
      store.createPerson(
        {
          org: u.org,
          teamId: u.teamId,
          displayName,
          language: 'ar',
          facts: { nationality: 'SY', birthDate: date('1990-01-01') },
          createdBy: u.id,
          rulesVersion: 'r1',
          summary,
        },
        '2026-01-01T10:00:00.000Z',
      );

    test('users: one team per name in an organisation; e-mail found in any case', async () => {
      assert.equal(helperA.teamId, coordinator.teamId);
      assert.notEqual(helperA.teamId, helperB.teamId);
      assert.notEqual(
        helperA.teamId,
        otherOrg.teamId,
        'the same team name in another organisation is another team',
      );
      const login = await store.loginOf('a@EXAMPLE.org');
      assert.equal(login?.user.id, helperA.id);
      assert.equal(await store.loginOf('nobody@example.org'), undefined);
    });

    test('teams and accounts for the filters: per organisation, and a helper only their own team', async () => {
      assert.deepEqual(
        (await store.teamsOf('vwn')).map((t) => t.name),
        ['Utrecht', 'Zwolle'],
      );
      assert.deepEqual(
        (await store.teamsOf('gemeente')).map((t) => t.name),
        ['Utrecht'],
      );
      assert.deepEqual(
        (await store.usersOf(scopeOf(coordinator))).map((u) => u.name),
        ['Anna', 'Bram', 'Cor'],
      );
      assert.deepEqual(
        (await store.usersOf(scopeOf(helperA))).map((u) => u.name),
        ['Anna', 'Cor'],
      );
      assert.deepEqual(
        (await store.usersOf(scopeOf(otherOrg))).map((u) => u.name),
        ['Dina'],
      );
    });

    test('people are read only within the scope: own team, the coordinator’s organisation, never another', async () => {
      const p = await newPerson(helperA);
      assert.equal((await store.person(scopeOf(helperA), p.id))?.displayName, 'Sara');
      assert.deepEqual((await store.person(scopeOf(helperA), p.id))?.facts, {
        nationality: 'SY',
        birthDate: date('1990-01-01'),
      });
      assert.equal(await store.person(scopeOf(helperB), p.id), undefined);
      assert.ok(await store.person(scopeOf(coordinator), p.id));
      assert.equal(await store.person(scopeOf(otherOrg), p.id), undefined);
      assert.ok(!(await store.listPeople(scopeOf(helperB))).some((x) => x.id === p.id));
      assert.ok((await store.listPeople(scopeOf(coordinator))).some((x) => x.id === p.id));
      assert.equal(await store.erasePerson(scopeOf(helperB), p.id), false, 'no erase across teams');
    });

    test('a change needs the current version; a stale one is refused; the history says who changed what', async () => {
      const p = await newPerson(helperA);
      const patch = { facts: { nationality: 'ER' }, rulesVersion: 'r1', summary };
      const first = await store.updatePerson(
        scopeOf(helperA),
        p.id,
        1,
        patch,
        helperA.id,
        '2026-01-02T10:00:00.000Z',
      );
      assert.equal(first.kind, 'updated');
      const stale = await store.updatePerson(
        scopeOf(helperA),
        p.id,
        1,
        patch,
        helperA.id,
        '2026-01-02T11:00:00.000Z',
      );
      assert.deepEqual(stale, { kind: 'stale', currentVersion: 2 });
      const out = await store.updatePerson(
        scopeOf(helperB),
        p.id,
        2,
        patch,
        helperB.id,
        '2026-01-02T11:00:00.000Z',
      );
      assert.equal(out.kind, 'not-found');
      const history = await store.history(scopeOf(helperA), p.id);
      assert.equal(history.length, 1);
      assert.equal(history[0]?.userName, 'Anna');
      assert.deepEqual(history[0]?.changes['facts.nationality'], ['SY', 'ER']);
      assert.deepEqual(history[0]?.changes['facts.birthDate'], ['1990-01-01', null]);
    });

    test('ten writers with the same version at once: exactly one wins', async () => {
      const p = await newPerson(helperA);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.updatePerson(
            scopeOf(helperA),
            p.id,
            1,
            { displayName: `N${i}`, rulesVersion: 'r1', summary },
            helperA.id,
            '2026-01-03T10:00:00.000Z',
          ),
        ),
      );
      assert.equal(results.filter((r) => r.kind === 'updated').length, 1);
      assert.equal((await store.person(scopeOf(helperA), p.id))?.version, 2);
    });

    test('erase removes the person and their history; the audit log keeps only that it happened', async () => {
      const p = await newPerson(helperA, 'Erase me');
      await store.updatePerson(
        scopeOf(helperA),
        p.id,
        1,
        { displayName: 'Erase me too', rulesVersion: 'r1', summary },
        helperA.id,
        '2026-01-04T10:00:00.000Z',
      );
      await store.audit({
        at: '2026-01-04T10:00:00.000Z',
        org: 'vwn',
        userId: helperA.id,
        action: 'person-erase',
        personId: p.id,
      });
      assert.equal(await store.erasePerson(scopeOf(helperA), p.id), true);
      assert.equal(await store.person(scopeOf(helperA), p.id), undefined);
      assert.deepEqual(await store.history(scopeOf(coordinator), p.id), []);
      const log = await store.auditLog('vwn', 10);
      assert.ok(log.some((e) => e.action === 'person-erase' && e.personId === p.id));
      assert.ok(!JSON.stringify(log).includes('Erase me'));
    });

    test('sessions expire, end on logout; calendar tokens can be revoked', async () => {
      await store.createSession({
        tokenHash: 'h1',
        userId: helperA.id,
        csrfToken: 'c1',
        expiresAt: '2026-01-01T18:00:00.000Z',
      });
      assert.equal((await store.sessionOf('h1', '2026-01-01T17:59:59.000Z'))?.user.id, helperA.id);
      assert.equal(await store.sessionOf('h1', '2026-01-01T18:00:00.000Z'), undefined);
      await store.deleteSession('h1');
      assert.equal(await store.sessionOf('h1', '2026-01-01T10:00:00.000Z'), undefined);
      await store.setCalendarToken(helperA.id, 'cal');
      assert.equal((await store.userByCalendarToken('cal'))?.id, helperA.id);
      await store.setCalendarToken(helperA.id, null);
      assert.equal(await store.userByCalendarToken('cal'), undefined);
    });

    test('accounts: listed without passwords; disabling ends sessions and the calendar feed, enabling restores sign-in', async () => {
      const user = await store.addUser({
        email: 'leaver@example.org',
        name: 'Lea',
        role: 'helper',
        org: 'vwn',
        team: 'Utrecht',
        passwordHash: 'old-hash',
      });
      await store.createSession({
        tokenHash: 'lea1',
        userId: user.id,
        csrfToken: 'c',
        expiresAt: '2999-01-01T00:00:00.000Z',
      });
      await store.createSession({
        tokenHash: 'lea2',
        userId: user.id,
        csrfToken: 'c',
        expiresAt: '2999-01-01T00:00:00.000Z',
      });
      await store.setCalendarToken(user.id, 'lea-cal');
      await store.audit({
        at: '2026-01-02T09:00:00.000Z',
        org: 'vwn',
        userId: user.id,
        action: 'login',
        personId: null,
      });
      await store.audit({
        at: '2026-01-03T09:00:00.000Z',
        org: 'vwn',
        userId: user.id,
        action: 'login',
        personId: null,
      });

      const listed = (await store.accounts('vwn')).find((a) => a.id === user.id);
      assert.deepEqual(listed, { ...user, disabledAt: null, lastSignInAt: '2026-01-03T09:00:00.000Z' });
      assert.ok(!JSON.stringify(await store.accounts(null)).includes('old-hash'), 'never a password hash');
      assert.ok(
        (await store.accounts(null)).some((a) => a.org === 'gemeente'),
        'every organisation',
      );
      assert.ok(
        (await store.accounts('vwn')).every((a) => a.org === 'vwn'),
        'one organisation',
      );
      assert.equal((await store.loginOf('leaver@example.org'))?.disabledAt, null);

      await store.setDisabled(user.id, '2026-01-04T10:00:00.000Z');
      assert.equal((await store.loginOf('leaver@example.org'))?.disabledAt, '2026-01-04T10:00:00.000Z');
      assert.equal(await store.sessionOf('lea1', '2026-01-04T10:00:01.000Z'), undefined);
      assert.equal(await store.sessionOf('lea2', '2026-01-04T10:00:01.000Z'), undefined);
      assert.equal(await store.userByCalendarToken('lea-cal'), undefined);
      // A session created anyway (say, by an instance that read the account just before) is refused too.
      await store.createSession({
        tokenHash: 'lea3',
        userId: user.id,
        csrfToken: 'c',
        expiresAt: '2999-01-01T00:00:00.000Z',
      });
      assert.equal(await store.sessionOf('lea3', '2026-01-04T10:00:01.000Z'), undefined);
      assert.equal(
        (await store.accounts('vwn')).find((a) => a.id === user.id)?.disabledAt,
        '2026-01-04T10:00:00.000Z',
      );

      await store.setDisabled(user.id, null);
      assert.equal((await store.loginOf('leaver@example.org'))?.disabledAt, null);
      assert.equal((await store.sessionOf('lea3', '2026-01-04T10:00:01.000Z'))?.user.id, user.id);
      assert.equal(
        await store.userByCalendarToken('lea-cal'),
        undefined,
        'the old calendar link stays revoked',
      );

      await store.recordLogin(user.id, { failedLogins: 0, lockedUntil: '2999-01-01T00:00:00.000Z' });
      await store.setPassword(user.id, 'new-hash');
      const after = await store.loginOf('leaver@example.org');
      assert.equal(after?.passwordHash, 'new-hash');
      assert.equal(after?.lockedUntil, null, 'a new password lifts a lock');
      assert.equal(
        await store.sessionOf('lea3', '2026-01-04T10:00:01.000Z'),
        undefined,
        'and ends the sessions',
      );

      await store.audit({
        at: '2026-01-04T10:00:00.000Z',
        org: 'vwn',
        userId: null,
        action: 'account-disable',
        personId: null,
        accountId: user.id,
      });
      const [last] = await store.auditLog('vwn', 1);
      assert.deepEqual(last, {
        at: '2026-01-04T10:00:00.000Z',
        org: 'vwn',
        userId: null,
        action: 'account-disable',
        personId: null,
        accountId: user.id,
      });
    });

    test('an impact run stores new answers once: what a helper saw stays; a person saved meanwhile is skipped', async () => {
      const moved = await newPerson(helperA, 'Moved');
      const same = await newPerson(helperA, 'Same');
      const savedMeanwhile = await newPerson(helperA, 'Saved');
      const looked = await newPerson(helperA, 'Looked');
      await store.markSeen(looked.id, 'r1', summary);
      const count = await store.countPeople();
      assert.ok(count >= 4);
      await store.updatePerson(
        scopeOf(helperA),
        savedMeanwhile.id,
        1,
        { displayName: 'Saved again', rulesVersion: 'r1', summary },
        helperA.id,
        '2026-01-05T10:00:00.000Z',
      );
      const after: AnswerSummary = { ...summary, termEnd: '2026-11-10' };
      const answer = (id: string) => ({
        id,
        version: 1,
        before: { rulesVersion: 'r1', summary },
        summary: after,
      });
      const first = await store.storeAnswers(
        'r2',
        [answer(moved.id), answer(savedMeanwhile.id), answer(looked.id)],
        [same.id],
      );
      assert.deepEqual(first, { changed: 2, skipped: 1, unchanged: 1 });
      const rows = new Map((await store.listSummaries(scopeOf(helperA))).map((p) => [p.id, p]));
      assert.deepEqual(rows.get(moved.id)?.summary, after);
      assert.equal(rows.get(moved.id)?.rulesVersion, 'r2');
      assert.deepEqual(rows.get(moved.id)?.seenSummary, summary, 'what the helper saw stays');
      assert.deepEqual(rows.get(looked.id)?.seenSummary, summary);
      assert.equal(rows.get(same.id)?.rulesVersion, 'r2');
      assert.deepEqual(rows.get(same.id)?.summary, summary);
      assert.equal(rows.get(savedMeanwhile.id)?.rulesVersion, 'r1', 'the save meanwhile wins');
      assert.equal(rows.get(savedMeanwhile.id)?.version, 2);
      // A row from before the desk remembered what a helper saw: the replaced answer becomes it.
      const legacy = await newPerson(helperA, 'Legacy');
      const raw = openDatabase(lastTarget);
      await raw.db
        .updateTable('people')
        .set({ seen_summary: null, seen_rules_version: null })
        .where('id', '=', legacy.id)
        .execute();
      await raw.db.destroy();
      assert.deepEqual(await store.storeAnswers('r2', [answer(legacy.id)], []), {
        changed: 1,
        skipped: 0,
        unchanged: 0,
      });
      const legacyRow = (await store.listSummaries(scopeOf(helperA))).find((p) => p.id === legacy.id);
      assert.deepEqual(legacyRow?.seenSummary, summary);
      assert.deepEqual(legacyRow?.summary, after);
      // The same run again: nothing left to write.
      assert.deepEqual(await store.storeAnswers('r2', [], [same.id]), {
        changed: 0,
        skipped: 0,
        unchanged: 0,
      });
      assert.equal(await store.countPeople(), count + 1);
    });

    test('every person is visited once in batches; retention erases the unchanged', async () => {
      const seen = new Set<string>();
      let batches = 0;
      await store.eachPerson(2, (people) => {
        batches++;
        for (const p of people) seen.add(p.id);
      });
      const all = await store.listPeople({ org: 'vwn', teamIds: null });
      assert.equal(seen.size, all.length);
      assert.ok(batches >= Math.ceil(all.length / 2));
      const old = await newPerson(helperA, 'Old');
      const gone = await store.eraseUnchangedSince('2026-01-01T10:00:00.001Z');
      assert.ok(gone.includes(old.id));
      assert.equal(await store.person(scopeOf(helperA), old.id), undefined);
    });

    test('the database answers ping', async () => {
      assert.equal(await store.ping(), true);
    });
  });
}

test('two stores on one PostgreSQL database see each other’s sessions, writes and disabled accounts', async () => {
  const url = pg.freshDatabase();
  const one = await open({ databaseUrl: url, sqliteFile: '' });
  const two = await open({ databaseUrl: url, sqliteFile: '' });
  try {
    const u = await one.addUser({
      email: 'x@example.org',
      name: 'X',
      role: 'helper',
      org: 'o',
      team: 't',
      passwordHash: 'x',
    });
    await one.createSession({
      tokenHash: 'shared',
      userId: u.id,
      csrfToken: 'c',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    assert.equal((await two.sessionOf('shared', '2026-01-01T00:00:00.000Z'))?.user.id, u.id);
    const p = await two.createPerson(
      {
        org: 'o',
        teamId: u.teamId,
        displayName: 'P',
        language: 'ti',
        facts: {},
        createdBy: u.id,
        rulesVersion: 'r',
        summary,
      },
      '2026-01-01T00:00:00.000Z',
    );
    assert.equal((await one.person(scopeOf(u), p.id))?.displayName, 'P');
    // Disabled on one instance: the session the other one holds is refused on its next lookup.
    await one.setDisabled(u.id, '2026-01-01T00:00:00.000Z');
    assert.equal(await two.sessionOf('shared', '2026-01-01T00:00:01.000Z'), undefined);
    assert.equal((await two.loginOf('x@example.org'))?.disabledAt, '2026-01-01T00:00:00.000Z');
  } finally {
    await one.close();
    await two.close();
  }
});
