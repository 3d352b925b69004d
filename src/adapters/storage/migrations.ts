/**
 * The migrations, one list for both engines, run at start (Kysely's Migrator keeps track of what
 * ran). Portable types only: text ids and ISO-8601 text times, JSON as text; the auto-numbered ids
 * of the history and the audit log are the one place the engines differ.
 */
import { type Kysely, type Migration, Migrator } from 'kysely';
import type { Dialect, Schema } from './database.ts';

function migrations(dialect: Dialect): Record<string, Migration> {
  const serial = (db: Kysely<unknown>, table: string) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  return {
    '001-desk': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('teams')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('org', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addUniqueConstraint('teams_org_name', ['org', 'name'])
          .execute();
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('org', 'text', (c) => c.notNull())
          .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('locked_until', 'text')
          .addColumn('calendar_token_hash', 'text', (c) => c.unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('people')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('org', 'text', (c) => c.notNull())
          .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('facts', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('consent_at', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('rules_version', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull())
          .addColumn('seen_rules_version', 'text')
          .addColumn('seen_summary', 'text')
          .execute();
        await db.schema.createIndex('people_org_team').on('people').columns(['org', 'team_id']).execute();
        await serial(db, 'person_history')
          .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('user_name', 'text', (c) => c.notNull())
          .addColumn('changes', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('person_history_person')
          .on('person_history')
          .column('person_id')
          .execute();
        await serial(db, 'audit_log')
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('org', 'text')
          .addColumn('user_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('person_id', 'text')
          .execute();
      },
    },
    // Accounts can be disabled when a volunteer leaves (docs/desk.md); the audit log says which
    // account an account action was about. Nullable, so existing rows need nothing.
    '002-account-disabled': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
        await db.schema.alterTable('audit_log').addColumn('account_id', 'text').execute();
      },
    },
  };
}

/** Brings the schema up to date; Kysely's migrator locks, so several instances may start at once. */
export async function migrate(db: Kysely<Schema>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
