/**
 * The desk's storage on Kysely: the DeskStore port for SQLite and PostgreSQL alike. Every people
 * query is narrowed by the caller's Scope here, in SQL, so a person of another team is never even
 * read. Facts are stored as the JSON the assessment API takes.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type {
  Account,
  AnswerSummary,
  AuditEntry,
  HistoryEntry,
  Person,
  PersonListing,
  Role,
  Scope,
  User,
} from '#domain/desk/model.ts';
import type {
  DeskStore,
  NewPerson,
  PersonPatch,
  RefreshedAnswer,
  StoredLogin,
  UpdateResult,
} from '#domain/desk/store.ts';
import type { Facts } from '#domain/facts/facts.ts';
import type { Database, PersonTable, Schema } from './database.ts';

type PersonRow = PersonTable;

/** Facts hold PlainDates; stored as JSON they are ISO strings, read back by the caller's parser. */
export type FactsReader = (json: unknown) => Facts;

export function kyselyStore(database: Database, readFacts: FactsReader): DeskStore {
  const { db } = database;

  const userSelect = (q: Kysely<Schema>) =>
    q
      .selectFrom('users')
      .innerJoin('teams', 'teams.id', 'users.team_id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'users.role',
        'users.org',
        'users.team_id',
        'teams.name as team_name',
        'users.password_hash',
        'users.failed_logins',
        'users.locked_until',
        'users.disabled_at',
      ]);
  type UserRow = {
    id: string;
    email: string;
    name: string;
    role: string;
    org: string;
    team_id: string;
    team_name: string;
  };
  const toUser = (r: UserRow): User => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    org: r.org,
    teamId: r.team_id,
    teamName: r.team_name,
  });

  const toPerson = (r: PersonRow): Person => ({
    id: r.id,
    org: r.org,
    teamId: r.team_id,
    displayName: r.display_name,
    language: r.language,
    facts: readFacts(JSON.parse(r.facts)),
    version: Number(r.version),
    consentAt: r.consent_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    rulesVersion: r.rules_version,
    summary: JSON.parse(r.summary) as AnswerSummary,
    seenSummary: r.seen_summary ? (JSON.parse(r.seen_summary) as AnswerSummary) : null,
  });

  // biome-ignore lint/suspicious/noExplicitAny: the builder's type parameters vary by query.
  const scoped = <Q extends SelectQueryBuilder<Schema, 'people', any>>(q: Q, scope: Scope): Q => {
    const narrowed = q.where('people.org', '=', scope.org) as Q;
    if (scope.teamIds === null) return narrowed;
    if (scope.teamIds.length === 0) return narrowed.where('people.id', '=', '') as Q;
    return narrowed.where('people.team_id', 'in', [...scope.teamIds]) as Q;
  };

  return {
    async addUser(input) {
      return db.transaction().execute(async (trx) => {
        let team = await trx
          .selectFrom('teams')
          .selectAll()
          .where('org', '=', input.org)
          .where('name', '=', input.team)
          .executeTakeFirst();
        if (!team) {
          team = { id: randomUUID(), org: input.org, name: input.team };
          await trx.insertInto('teams').values(team).execute();
        }
        const id = randomUUID();
        await trx
          .insertInto('users')
          .values({
            id,
            email: input.email.toLowerCase(),
            name: input.name,
            role: input.role,
            org: input.org,
            team_id: team.id,
            password_hash: input.passwordHash,
            failed_logins: 0,
            locked_until: null,
            calendar_token_hash: null,
            created_at: new Date().toISOString(),
          })
          .execute();
        return {
          id,
          email: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          org: input.org,
          teamId: team.id,
          teamName: team.name,
        };
      });
    },

    async loginOf(email): Promise<StoredLogin | undefined> {
      const r = await userSelect(db).where('users.email', '=', email.toLowerCase()).executeTakeFirst();
      if (!r) return undefined;
      return {
        user: toUser(r),
        passwordHash: r.password_hash,
        failedLogins: Number(r.failed_logins),
        lockedUntil: r.locked_until,
        disabledAt: r.disabled_at,
      };
    },

    async accounts(org): Promise<Account[]> {
      let q = userSelect(db)
        .select((eb) =>
          eb
            .selectFrom('audit_log')
            .select((a) => a.fn.max('audit_log.at').as('at'))
            .whereRef('audit_log.user_id', '=', 'users.id')
            .where('audit_log.action', '=', 'login')
            .as('last_sign_in'),
        )
        .orderBy('users.org')
        .orderBy('users.name')
        .orderBy('users.email');
      if (org !== null) q = q.where('users.org', '=', org);
      return (await q.execute()).map((r) => ({
        ...toUser(r),
        disabledAt: r.disabled_at,
        lastSignInAt: r.last_sign_in ?? null,
      }));
    },

    async setDisabled(userId, disabledAt) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set(
            disabledAt === null
              ? { disabled_at: null }
              : { disabled_at: disabledAt, calendar_token_hash: null, failed_logins: 0, locked_until: null },
          )
          .where('id', '=', userId)
          .execute();
        if (disabledAt !== null) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      });
    },

    async setPassword(userId, passwordHash) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null })
          .where('id', '=', userId)
          .execute();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      });
    },

    async recordLogin(userId, outcome) {
      await db
        .updateTable('users')
        .set({ failed_logins: outcome.failedLogins, locked_until: outcome.lockedUntil })
        .where('id', '=', userId)
        .execute();
    },

    async createSession(s) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: s.tokenHash,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          expires_at: s.expiresAt,
          created_at: new Date().toISOString(),
        })
        .execute();
    },

    async sessionOf(tokenHash, now) {
      const r = await userSelect(db)
        .innerJoin('sessions', 'sessions.user_id', 'users.id')
        .select(['sessions.csrf_token', 'sessions.expires_at'])
        .where('sessions.token_hash', '=', tokenHash)
        // A disabled account's session stops at once, on every instance (the check is in the lookup).
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      if (!r || r.expires_at <= now) return undefined;
      return { user: toUser(r), csrfToken: r.csrf_token };
    },

    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async setCalendarToken(userId, tokenHash) {
      await db
        .updateTable('users')
        .set({ calendar_token_hash: tokenHash })
        .where('id', '=', userId)
        .execute();
    },

    async userByCalendarToken(tokenHash) {
      const r = await userSelect(db)
        .where('users.calendar_token_hash', '=', tokenHash)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return r ? toUser(r) : undefined;
    },

    async teamsOf(org) {
      return db.selectFrom('teams').select(['id', 'name']).where('org', '=', org).orderBy('name').execute();
    },

    async usersOf(scope) {
      let q = db
        .selectFrom('users')
        .select(['id', 'name', 'team_id'])
        .where('org', '=', scope.org)
        .orderBy('name')
        .orderBy('id');
      if (scope.teamIds !== null)
        q = scope.teamIds.length ? q.where('team_id', 'in', [...scope.teamIds]) : q.where('id', '=', '');
      return (await q.execute()).map((r) => ({ id: r.id, name: r.name, teamId: r.team_id }));
    },

    async listPeople(scope) {
      const rows = await scoped(db.selectFrom('people').selectAll('people'), scope).execute();
      return rows.map(toPerson);
    },

    async listSummaries(scope): Promise<PersonListing[]> {
      const rows = await scoped(
        db
          .selectFrom('people')
          .select([
            'people.id',
            'people.org',
            'people.team_id',
            'people.display_name',
            'people.language',
            'people.version',
            'people.created_by',
            'people.rules_version',
            'people.summary',
            'people.seen_summary',
          ]),
        scope,
      ).execute();
      return rows.map((r) => ({
        id: r.id,
        org: r.org,
        teamId: r.team_id,
        displayName: r.display_name,
        language: r.language,
        version: Number(r.version),
        createdBy: r.created_by,
        rulesVersion: r.rules_version,
        summary: JSON.parse(r.summary) as AnswerSummary,
        seenSummary: r.seen_summary ? (JSON.parse(r.seen_summary) as AnswerSummary) : null,
      }));
    },

    async refreshAnswer(id, rulesVersion, summary) {
      await db
        .updateTable('people')
        .set({ rules_version: rulesVersion, summary: JSON.stringify(summary) })
        .where('id', '=', id)
        .execute();
    },

    async person(scope, id) {
      const r = await scoped(db.selectFrom('people').selectAll('people'), scope)
        .where('people.id', '=', id)
        .executeTakeFirst();
      return r ? toPerson(r) : undefined;
    },

    async history(scope, id): Promise<HistoryEntry[]> {
      const rows = await scoped(
        db.selectFrom('person_history').innerJoin('people', 'people.id', 'person_history.person_id'),
        scope,
      )
        .select([
          'person_history.at',
          'person_history.user_id',
          'person_history.user_name',
          'person_history.changes',
          'person_history.id',
        ])
        .where('person_history.person_id', '=', id)
        .orderBy('person_history.id', 'asc')
        .execute();
      return rows.map((r) => ({
        at: r.at,
        userId: r.user_id,
        userName: r.user_name,
        changes: JSON.parse(r.changes) as HistoryEntry['changes'],
      }));
    },

    async createPerson(p: NewPerson, now: string) {
      const row: PersonRow = {
        id: randomUUID(),
        org: p.org,
        team_id: p.teamId,
        display_name: p.displayName,
        language: p.language,
        facts: JSON.stringify(p.facts),
        version: 1,
        consent_at: now,
        created_at: now,
        updated_at: now,
        created_by: p.createdBy,
        rules_version: p.rulesVersion,
        summary: JSON.stringify(p.summary),
        seen_rules_version: p.rulesVersion,
        seen_summary: JSON.stringify(p.summary),
      };
      await db.insertInto('people').values(row).execute();
      return toPerson(row);
    },

    async updatePerson(scope, id, expectedVersion, patch: PersonPatch, by, now): Promise<UpdateResult> {
      return db.transaction().execute(async (trx) => {
        const current = await scoped(trx.selectFrom('people').selectAll('people'), scope)
          .where('people.id', '=', id)
          .executeTakeFirst();
        if (!current) return { kind: 'not-found' } as const;
        if (Number(current.version) !== expectedVersion)
          return { kind: 'stale', currentVersion: Number(current.version) } as const;
        const before = toPerson(current);
        const changes: Record<string, [unknown, unknown]> = {};
        if (patch.displayName !== undefined && patch.displayName !== before.displayName)
          changes.displayName = [before.displayName, patch.displayName];
        if (patch.language !== undefined && patch.language !== before.language)
          changes.language = [before.language, patch.language];
        if (patch.facts) {
          const was = JSON.parse(current.facts) as Record<string, unknown>;
          const now = JSON.parse(JSON.stringify(patch.facts)) as Record<string, unknown>;
          for (const k of new Set([...Object.keys(was), ...Object.keys(now)]))
            if (JSON.stringify(was[k]) !== JSON.stringify(now[k]))
              changes[`facts.${k}`] = [was[k] ?? null, now[k] ?? null];
        }
        // The version check is repeated in the UPDATE itself: two writers cannot both win.
        const result = await trx
          .updateTable('people')
          .set({
            ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
            ...(patch.language !== undefined ? { language: patch.language } : {}),
            ...(patch.facts ? { facts: JSON.stringify(patch.facts) } : {}),
            version: expectedVersion + 1,
            updated_at: now,
            rules_version: patch.rulesVersion,
            summary: JSON.stringify(patch.summary),
            // Whoever changes the facts has seen the new answer.
            seen_rules_version: patch.rulesVersion,
            seen_summary: JSON.stringify(patch.summary),
          })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1)
          return { kind: 'stale', currentVersion: expectedVersion + 1 } as const;
        const user = await trx.selectFrom('users').select('name').where('id', '=', by).executeTakeFirst();
        await trx
          .insertInto('person_history')
          .values({
            person_id: id,
            at: now,
            user_id: by,
            user_name: user?.name ?? '',
            changes: JSON.stringify(changes),
          })
          .execute();
        const updated = await trx
          .selectFrom('people')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return { kind: 'updated', person: toPerson(updated) } as const;
      });
    },

    async markSeen(id, rulesVersion, summary) {
      await db
        .updateTable('people')
        .set({ seen_rules_version: rulesVersion, seen_summary: JSON.stringify(summary) })
        .where('id', '=', id)
        .execute();
    },

    async erasePerson(scope, id) {
      return db.transaction().execute(async (trx) => {
        const found = await scoped(trx.selectFrom('people').select('people.id'), scope)
          .where('people.id', '=', id)
          .executeTakeFirst();
        if (!found) return false;
        await trx.deleteFrom('person_history').where('person_id', '=', id).execute();
        await trx.deleteFrom('people').where('id', '=', id).execute();
        return true;
      });
    },

    async storeAnswers(rulesVersion, changed: RefreshedAnswer[], unchanged) {
      if (!changed.length && !unchanged.length) return { changed: 0, skipped: 0, unchanged: 0 };
      return db.transaction().execute(async (trx) => {
        let written = 0;
        for (const a of changed) {
          const seen = JSON.stringify(a.before.summary);
          const r = await trx
            .updateTable('people')
            .set((eb) => ({
              rules_version: rulesVersion,
              summary: JSON.stringify(a.summary),
              seen_summary: eb.fn.coalesce('seen_summary', eb.val(seen)),
              seen_rules_version: eb.fn.coalesce('seen_rules_version', eb.val(a.before.rulesVersion)),
            }))
            .where('id', '=', a.id)
            .where('version', '=', a.version)
            .executeTakeFirst();
          written += Number(r.numUpdatedRows);
        }
        const moved = unchanged.length
          ? await trx
              .updateTable('people')
              .set({ rules_version: rulesVersion })
              .where('id', 'in', unchanged)
              .where('rules_version', '<>', rulesVersion)
              .executeTakeFirst()
          : { numUpdatedRows: 0n };
        return {
          changed: written,
          skipped: changed.length - written,
          unchanged: Number(moved.numUpdatedRows),
        };
      });
    },

    async countPeople() {
      const r = await db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async eachPerson(batch, visit) {
      let after = '';
      for (;;) {
        const rows = await db
          .selectFrom('people')
          .selectAll()
          .where('id', '>', after)
          .orderBy('id', 'asc')
          .limit(batch)
          .execute();
        if (rows.length === 0) return;
        await visit(rows.map(toPerson));
        after = rows[rows.length - 1]?.id ?? after;
      }
    },

    async eraseUnchangedSince(before) {
      return db.transaction().execute(async (trx) => {
        const ids = (
          await trx.selectFrom('people').select('id').where('updated_at', '<', before).execute()
        ).map((r) => r.id);
        if (ids.length) {
          await trx.deleteFrom('person_history').where('person_id', 'in', ids).execute();
          await trx.deleteFrom('people').where('id', 'in', ids).execute();
        }
        return ids;
      });
    },

    async audit(entry: AuditEntry) {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at,
          org: entry.org,
          user_id: entry.userId,
          action: entry.action,
          person_id: entry.personId,
          account_id: entry.accountId ?? null,
        })
        .execute();
    },

    async auditLog(org, limit) {
      const rows = await db
        .selectFrom('audit_log')
        .select(['at', 'user_id', 'action', 'person_id', 'account_id'])
        .where('org', '=', org)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        at: r.at,
        org,
        userId: r.user_id,
        action: r.action as AuditEntry['action'],
        personId: r.person_id,
        accountId: r.account_id,
      }));
    },

    async ping() {
      try {
        await db.selectFrom('teams').select('id').limit(1).execute();
        return true;
      } catch {
        return false;
      }
    },

    async close() {
      await db.destroy();
    },
  };
}
