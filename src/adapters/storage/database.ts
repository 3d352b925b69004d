/**
 * One Kysely database for both engines: SQLite by default (one file in the data directory, WAL,
 * zero set-up) and PostgreSQL when a `postgres://` URL is given. The same migrations and queries
 * run on both; only a few column types differ (see migrations.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { type ColumnType, type Generated, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';

export interface TeamTable {
  id: string;
  org: string;
  name: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: string;
  org: string;
  team_id: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  calendar_token_hash: string | null;
  created_at: string;
  disabled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface PersonTable {
  id: string;
  org: string;
  team_id: string;
  display_name: string;
  language: string;
  facts: string;
  version: number;
  consent_at: string;
  created_at: string;
  updated_at: string;
  created_by: string;
  rules_version: string;
  summary: string;
  seen_rules_version: string | null;
  seen_summary: string | null;
}

export interface HistoryTable {
  id: Generated<number>;
  person_id: string;
  at: string;
  user_id: string;
  user_name: string;
  changes: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  org: string | null;
  user_id: string | null;
  action: string;
  person_id: string | null;
  account_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface Schema {
  teams: TeamTable;
  users: UserTable;
  sessions: SessionTable;
  people: PersonTable;
  person_history: HistoryTable;
  audit_log: AuditTable;
}

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  dialect: Dialect;
  /** Where the data lives, for the logs and docs (a file path, or the URL without its password). */
  location: string;
}

export type Count = ColumnType<number, never, never>;

export function openDatabase(target: { databaseUrl?: string | undefined; sqliteFile: string }): Database {
  if (target.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: target.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5000,
    });
    // A database that goes away must not take the process with it: the desk answers 503.
    pool.on('error', () => {});
    return {
      db: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      location: target.databaseUrl.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@'),
    };
  }
  mkdirSync(dirname(target.sqliteFile), { recursive: true });
  const sqlite = new Sqlite(target.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  // Durability (docs/desk.md, test/desk-crash.test.ts). In WAL mode every commit is written to the
  // -wal file before better-sqlite3 returns, so a killed process (kill -9) loses nothing with NORMAL
  // already: the bytes are in the operating system. FULL also fsyncs the WAL at every commit, so an
  // acknowledged write survives a crash of the machine or a power cut too; it costs about 3 ms a
  // commit on this project's disks, far below what a desk writes.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) }),
    dialect: 'sqlite',
    location: target.sqliteFile,
  };
}
