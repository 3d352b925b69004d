/**
 * The case desk's model: who works there (users with a role in a team of an organisation), the
 * people they support (a display name, a language and the facts the engine uses, nothing more),
 * and the port through which the desk reads and writes them. Pure types: storage is an adapter.
 */
import type { Facts } from '../facts/facts.ts';

export const ROLES = ['helper', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  org: string;
  teamId: string;
  teamName: string;
}

/** An account as an admin sees it (never its password hash). */
export interface Account extends User {
  /** When the account was disabled (null: active). A disabled account cannot sign in or use a session. */
  disabledAt: string | null;
  /** The last successful sign-in (from the audit log; null: never, or the log was cleared). */
  lastSignInAt: string | null;
}

/** What a query may see: one organisation, and in it all teams or only these. */
export interface Scope {
  org: string;
  /** null: every team of the organisation. */
  teamIds: readonly string[] | null;
}

export interface PersonInput {
  displayName: string;
  language: string;
  facts: Facts;
}

export interface Person extends PersonInput {
  id: string;
  org: string;
  teamId: string;
  version: number;
  consentAt: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** The rules version and a short summary of the answer when it was last saved or looked at. */
  rulesVersion: string;
  summary: AnswerSummary;
  /** The answer as a helper last saw it (null: never looked). */
  seenSummary: AnswerSummary | null;
}

/** The part of an answer the desk compares across rule versions and visits. */
export interface AnswerSummary {
  regime: string | null;
  obligation: string;
  termEnd: string | null;
  applyFrom: string | null;
  options: string[];
  /** The first day a letter (an option by application) can be sent; null: none to send. */
  letterFrom: string | null;
  missing: string[];
  /**
   * Present (true) when the obligation is unknown with nothing left to ask (the assessment's
   * `obligationMissing` is empty): the rules leave it open, ask DUO. Absent otherwise, and in
   * summaries stored before it existed.
   */
  obligationOpen?: true;
  /** Not obliged yet, with a known day the obligation starts (a minor's 18th birthday): that day. */
  obligationStartsOn?: string;
}

/** What the dashboard needs of a person: no facts, so a team of thousands lists in milliseconds. */
export interface PersonListing {
  id: string;
  org: string;
  teamId: string;
  displayName: string;
  language: string;
  version: number;
  createdBy: string;
  rulesVersion: string;
  summary: AnswerSummary;
  seenSummary: AnswerSummary | null;
}

export interface HistoryEntry {
  at: string;
  userId: string;
  userName: string;
  /** Field → [before, after]; facts are compared one by one. */
  changes: Record<string, [unknown, unknown]>;
}

export type AuditAction =
  | 'login'
  | 'login-failed'
  | 'logout'
  | 'person-read'
  | 'person-list'
  | 'person-create'
  | 'person-update'
  | 'person-erase'
  | 'person-export'
  | 'impact-read'
  | 'calendar-read'
  /** A letter to DUO was made for the person (its content, typed in, is never stored or logged). */
  | 'letter-made'
  | 'retention-erase'
  /** Account management (`wegwijs desk …` or the accounts page); `accountId` says which account. */
  | 'account-disable'
  | 'account-enable'
  | 'account-password';

export interface AuditEntry {
  at: string;
  /** The organisation the action belongs to (null for a failed login of an unknown address). */
  org: string | null;
  userId: string | null;
  action: AuditAction;
  /** An opaque person id (kept after an erase: that an erase happened, never what was erased). */
  personId: string | null;
  /** The account acted on, for account management (the actor is `userId`; null from the command line). */
  accountId?: string | null;
}
