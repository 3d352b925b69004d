/**
 * The port the desk talks to storage through (implemented for SQLite and PostgreSQL in
 * src/adapters/storage). Every people query takes a Scope, so no query can forget the team rule.
 * Times are ISO strings (UTC instants), so both databases store them the same way.
 */
import type { Facts } from '../facts/facts.ts';
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
} from './model.ts';

export interface StoredLogin {
  user: User;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
  /** Set: the account is disabled; sign-in is refused like a wrong password. */
  disabledAt: string | null;
}

export interface NewPerson {
  org: string;
  teamId: string;
  displayName: string;
  language: string;
  facts: Facts;
  createdBy: string;
  rulesVersion: string;
  summary: AnswerSummary;
}

export interface PersonPatch {
  displayName?: string;
  language?: string;
  facts?: Facts;
  rulesVersion: string;
  summary: AnswerSummary;
}

/** One person's answer from an impact run, to be stored by `storeAnswers`. */
export interface RefreshedAnswer {
  id: string;
  /** The person's version the answer was computed from: if they were saved since, it is skipped. */
  version: number;
  /** The stored answer it replaces (kept as "what a helper last saw" when nothing was recorded). */
  before: { rulesVersion: string; summary: AnswerSummary };
  summary: AnswerSummary;
}

export type UpdateResult =
  | { kind: 'updated'; person: Person }
  | { kind: 'stale'; currentVersion: number }
  | { kind: 'not-found' };

export interface DeskStore {
  /** Creates the team when it does not exist yet. */
  addUser(input: {
    email: string;
    name: string;
    role: Role;
    org: string;
    team: string;
    passwordHash: string;
  }): Promise<User>;
  loginOf(email: string): Promise<StoredLogin | undefined>;
  recordLogin(userId: string, outcome: { failedLogins: number; lockedUntil: string | null }): Promise<void>;

  /** The accounts of an organisation (null: of every organisation), by organisation, name and e-mail. */
  accounts(org: string | null): Promise<Account[]>;
  /**
   * Disables (an ISO time) or enables (null) an account. Disabling ends every session of the account
   * and revokes its calendar feed, in one transaction; a disabled account's sessions are refused too.
   */
  setDisabled(userId: string, disabledAt: string | null): Promise<void>;
  /** Replaces the password hash, lifts a lock and ends every session of the account. */
  setPassword(userId: string, passwordHash: string): Promise<void>;

  createSession(s: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: string;
  }): Promise<void>;
  sessionOf(tokenHash: string, now: string): Promise<{ user: User; csrfToken: string } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;

  setCalendarToken(userId: string, tokenHash: string | null): Promise<void>;
  userByCalendarToken(tokenHash: string): Promise<User | undefined>;

  /** The teams of an organisation, by name (for the dashboard's team filter). */
  teamsOf(org: string): Promise<{ id: string; name: string }[]>;
  /** The accounts within a scope, by name (for the dashboard's "added by" filter). */
  usersOf(scope: Scope): Promise<{ id: string; name: string; teamId: string }[]>;

  listPeople(scope: Scope): Promise<Person[]>;
  /** The dashboard's rows: no facts, only the stored answer summary. */
  listSummaries(scope: Scope): Promise<PersonListing[]>;
  /** Stores a newer answer (after a rule change or a new day) without touching what a helper saw. */
  refreshAnswer(id: string, rulesVersion: string, summary: AnswerSummary): Promise<void>;
  person(scope: Scope, id: string): Promise<Person | undefined>;
  history(scope: Scope, id: string): Promise<HistoryEntry[]>;
  createPerson(p: NewPerson, now: string): Promise<Person>;
  updatePerson(
    scope: Scope,
    id: string,
    expectedVersion: number,
    patch: PersonPatch,
    by: string,
    now: string,
  ): Promise<UpdateResult>;
  /** Remembers what the helper last saw of a person's answer (for "changed since you last looked"). */
  markSeen(id: string, rulesVersion: string, summary: AnswerSummary): Promise<void>;
  erasePerson(scope: Scope, id: string): Promise<boolean>;
  /**
   * The answers of an impact run under `rulesVersion`, in one transaction: `changed` replace the
   * stored summary (what a helper saw stays, so they see "changed since you last looked"; a person
   * saved since the answer was computed is skipped: their save stored a fresh answer); `unchanged`
   * only get the new rules version. Writes nothing that is already so (a second run writes nothing).
   */
  storeAnswers(
    rulesVersion: string,
    changed: RefreshedAnswer[],
    unchanged: string[],
  ): Promise<{ changed: number; skipped: number; unchanged: number }>;
  /** How many people are stored, in every organisation (for the impact run's progress). */
  countPeople(): Promise<number>;
  /** Every person of every organisation, in batches (for the rule-change impact run). */
  eachPerson(batch: number, visit: (people: Person[]) => void | Promise<void>): Promise<void>;
  /** Erases people not changed since `before`; returns their ids. */
  eraseUnchangedSince(before: string): Promise<string[]>;

  audit(entry: AuditEntry): Promise<void>;
  auditLog(org: string, limit: number): Promise<AuditEntry[]>;

  /** Whether the database answers (for 503 on desk pages while the public app keeps working). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
