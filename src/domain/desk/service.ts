/**
 * What the desk does, whatever the surface (JSON API, pages, CLI): validate and store a person's
 * facts, answer with the same engine as the public check for today, keep the history, check the
 * policy, and write the audit log. The store is injected (SQLite or PostgreSQL).
 */
import { type Assessment, assess } from '../assess.ts';
import { compare, type PlainDate } from '../dates/plain-date.ts';
import type { Inconsistency } from '../facts/consistency.ts';
import type { Facts } from '../facts/facts.ts';
import { type FieldProblem, parseAssessRequest } from '../facts/parse-facts.ts';
import type { RuleBook } from '../rulebook.ts';
import type { Account, AnswerSummary, AuditAction, Person, PersonListing, User } from './model.ts';
import {
  horizonOf,
  type NextAction,
  nextAction,
  nextActionOf,
  summarise,
  summaryChanges,
} from './next-action.ts';
import { type DeskAction, may, scopeOf } from './policy.ts';
import type { DeskStore } from './store.ts';

export const MAX_NAME = 80;
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export interface DeskDeps {
  store: DeskStore;
  book: RuleBook;
  today: () => PlainDate;
  /** The current instant as ISO-8601 (UTC), for timestamps. */
  now: () => string;
}

export class DeskError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly extra: Record<string, unknown> = {},
    /** For `inconsistent` fields: the clashes with their values, for the pages to say why (never sent as JSON). */
    readonly inconsistencies: readonly Inconsistency[] = [],
  ) {
    super(message);
  }
}

/** One row of the dashboard: the stored answer, moved along by today's date. */
export interface ListView {
  person: PersonListing;
  nextAction: NextAction | null;
  changedSinceSeen: (keyof AnswerSummary)[];
}

export interface PersonView {
  person: Person;
  assessment: Assessment;
  nextAction: NextAction | null;
  /** What moved in the answer since a helper last looked (rule change or time passing). */
  changedSinceSeen: (keyof AnswerSummary)[];
}

/** Stored facts back to typed facts; a fact that no longer validates is dropped, never fatal. */
export function readStoredFacts(json: unknown, today: PlainDate): Facts {
  let facts = (json && typeof json === 'object' ? { ...(json as Record<string, unknown>) } : {}) as Record<
    string,
    unknown
  >;
  for (let i = 0; i < 20; i++) {
    const parsed = parseAssessRequest({ facts }, today);
    if (parsed.ok) return parsed.facts;
    const bad = new Set(parsed.problems.map((p) => p.field.replace(/^facts\./, '').split(/[.[]/)[0]));
    facts = Object.fromEntries(Object.entries(facts).filter(([k]) => !bad.has(k)));
  }
  return {};
}

export function deskService(deps: DeskDeps) {
  const { store, book } = deps;

  const guard = (user: User, action: DeskAction) => {
    if (!may(user, action)) throw new DeskError(403, 'forbidden', 'Your role may not do this.');
  };
  const audit = (user: User | null, action: AuditAction, personId: string | null = null) =>
    store.audit({ at: deps.now(), org: user?.org ?? null, userId: user?.id ?? null, action, personId });

  const view = (person: Person): PersonView => {
    const today = deps.today();
    const assessment = assess(person.facts, today, book);
    const now = summarise(assessment);
    return {
      person,
      assessment,
      nextAction: nextAction(assessment, today),
      changedSinceSeen: summaryChanges(person.seenSummary ?? person.summary, now),
    };
  };

  const validate = (
    body: Record<string, unknown>,
    required: boolean,
  ): { displayName?: string; language?: string; facts?: Facts } => {
    const problems: FieldProblem[] = [];
    const inconsistencies: Inconsistency[] = [];
    const out: { displayName?: string; language?: string; facts?: Facts } = {};
    const known = new Set(['displayName', 'language', 'facts', 'consent', 'teamId']);
    for (const k of Object.keys(body))
      if (!known.has(k))
        problems.push({ field: k, problem: 'unknown-field', message: `Unknown field "${k}".` });
    if (body.displayName !== undefined || required) {
      const n = body.displayName;
      if (typeof n !== 'string' || n.trim() === '' || n.length > MAX_NAME)
        problems.push({
          field: 'displayName',
          problem: typeof n === 'string' ? 'out-of-range' : 'wrong-type',
          message: `displayName must be text of 1 to ${MAX_NAME} characters (a first name or initials is enough).`,
        });
      else out.displayName = n.trim();
    }
    if (body.language !== undefined || required) {
      const l = body.language;
      if (typeof l !== 'string' || !LANGUAGE_TAG.test(l))
        problems.push({
          field: 'language',
          problem: 'unknown-value',
          message: 'language must be a language tag such as ar or ti.',
        });
      else out.language = l;
    }
    if (body.facts !== undefined || required) {
      const parsed = parseAssessRequest({ facts: body.facts ?? {} }, deps.today());
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        inconsistencies.push(...parsed.inconsistencies);
      } else out.facts = parsed.facts;
    }
    if (problems.length)
      throw new DeskError(
        400,
        'invalid-request',
        `The request has ${problems.length} problem(s).`,
        problems,
        {},
        inconsistencies,
      );
    return out;
  };

  return {
    async list(
      user: User,
      filter: { dueWithinDays?: number; regime?: string; createdBy?: string; teamId?: string } = {},
    ) {
      guard(user, 'people.read');
      const people = await store.listSummaries(scopeOf(user));
      await audit(user, 'person-list');
      const today = deps.today();
      const horizon =
        filter.dueWithinDays === undefined ? undefined : today.add({ days: filter.dueWithinDays });
      const at = horizonOf(today);
      return people
        .filter((p) => (filter.teamId ? p.teamId === filter.teamId : true))
        .filter((p) => (filter.createdBy ? p.createdBy === filter.createdBy : true))
        .filter((p) => (filter.regime ? p.summary.regime === filter.regime : true))
        .map(
          (p): ListView => ({
            person: p,
            nextAction: nextActionOf(p.summary, at),
            changedSinceSeen: p.seenSummary ? summaryChanges(p.seenSummary, p.summary) : [],
          }),
        )
        .filter((v) => (horizon ? !!v.nextAction && compare(v.nextAction.due, horizon) <= 0 : true))
        .sort(byDue);
    },

    /** What the dashboard's filters offer: the organisation's teams (not to a helper), the accounts in scope. */
    async filterChoices(user: User) {
      guard(user, 'people.read');
      const scope = scopeOf(user);
      const [teams, helpers] = await Promise.all([
        scope.teamIds === null ? store.teamsOf(user.org) : Promise.resolve([]),
        store.usersOf(scope),
      ]);
      return { teams, helpers: helpers.map(({ id, name }) => ({ id, name })) };
    },

    async get(user: User, id: string) {
      guard(user, 'people.read');
      const person = await store.person(scopeOf(user), id);
      if (!person) throw notFound();
      const v = view(person);
      const history = await store.history(scopeOf(user), id);
      await audit(user, 'person-read', id);
      return { ...v, history };
    },

    /** After a helper looked at the person's page: what they saw becomes the new baseline. */
    async markSeen(id: string, v: PersonView) {
      const now = summarise(v.assessment);
      if (summaryChanges(v.person.summary, now).length || v.person.rulesVersion !== book.version)
        await store.refreshAnswer(id, book.version, now);
      await store.markSeen(id, book.version, now);
    },

    async create(user: User, body: Record<string, unknown>) {
      guard(user, 'people.write');
      if (body.consent !== true)
        throw new DeskError(400, 'invalid-request', 'The person must agree before their data is stored.', [
          { field: 'consent', problem: 'wrong-type', message: 'consent must be true: ask the person first.' },
        ]);
      const input = validate(body, true);
      const teamId = typeof body.teamId === 'string' && user.role !== 'helper' ? body.teamId : user.teamId;
      const assessment = assess(input.facts as Facts, deps.today(), book);
      const person = await store.createPerson(
        {
          org: user.org,
          teamId,
          displayName: input.displayName as string,
          language: input.language as string,
          facts: input.facts as Facts,
          createdBy: user.id,
          rulesVersion: book.version,
          summary: summarise(assessment),
        },
        deps.now(),
      );
      await audit(user, 'person-create', person.id);
      return view(person);
    },

    async update(user: User, id: string, expectedVersion: number, body: Record<string, unknown>) {
      guard(user, 'people.write');
      const { consent: _consent, teamId: _team, ...rest } = body;
      const input = validate(rest, false);
      const scope = scopeOf(user);
      const current = await store.person(scope, id);
      if (!current) throw notFound();
      const facts = input.facts ?? current.facts;
      const summary = summarise(assess(facts, deps.today(), book));
      const result = await store.updatePerson(
        scope,
        id,
        expectedVersion,
        { ...input, rulesVersion: book.version, summary },
        user.id,
        deps.now(),
      );
      if (result.kind === 'not-found') throw notFound();
      if (result.kind === 'stale')
        throw new DeskError(
          409,
          'stale-version',
          'Someone changed this person since you loaded it: reload and try again.',
          [],
          {
            currentVersion: result.currentVersion,
          },
        );
      await audit(user, 'person-update', id);
      return view(result.person);
    },

    async erase(user: User, id: string) {
      guard(user, 'people.erase');
      if (!(await store.erasePerson(scopeOf(user), id))) throw notFound();
      await audit(user, 'person-erase', id);
    },

    async exportPerson(user: User, id: string) {
      guard(user, 'people.read');
      const person = await store.person(scopeOf(user), id);
      if (!person) throw notFound();
      const history = await store.history(scopeOf(user), id);
      await audit(user, 'person-export', id);
      return { exportedAt: deps.now(), person, history };
    },

    /** People whose answer under the current rules differs from the one stored under `from`. */
    async impact(user: User, from?: string) {
      guard(user, 'impact.read');
      const people = await store.listPeople(scopeOf(user));
      await audit(user, 'impact-read');
      return people
        .filter((p) => (from ? p.rulesVersion === from : p.rulesVersion !== book.version))
        .map((p) => ({
          id: p.id,
          displayName: p.displayName,
          before: p.summary,
          after: summarise(assess(p.facts, deps.today(), book)),
        }))
        .filter((x) => summaryChanges(x.before, x.after).length > 0);
    },

    /** The accounts of the admin's organisation (never another's, never a password hash). */
    async accounts(user: User): Promise<Account[]> {
      guard(user, 'accounts.manage');
      return store.accounts(user.org);
    },

    /**
     * Disables (ends its sessions and calendar feed) or enables an account of the admin's own
     * organisation; another organisation's account is 404, like one that does not exist. An admin
     * cannot disable their own account (no organisation locks itself out from the desk).
     */
    async setAccountDisabled(user: User, accountId: string, disabled: boolean) {
      guard(user, 'accounts.manage');
      const account = (await store.accounts(user.org)).find((a) => a.id === accountId);
      if (!account) throw new DeskError(404, 'not-found', 'No such account.');
      if (disabled && account.id === user.id)
        throw new DeskError(403, 'forbidden', 'An admin cannot disable their own account.');
      if (disabled === (account.disabledAt !== null)) return account;
      await store.setDisabled(account.id, disabled ? deps.now() : null);
      await store.audit({
        at: deps.now(),
        org: user.org,
        userId: user.id,
        action: disabled ? 'account-disable' : 'account-enable',
        personId: null,
        accountId: account.id,
      });
      return account;
    },

    audit,
    /** The version of the rules the answers are given with now. */
    rulesVersion: book.version,
  };
}

export type DeskService = ReturnType<typeof deskService>;

const notFound = () => new DeskError(404, 'not-found', 'No such person.');

function byDue(a: ListView, b: ListView): number {
  if (!a.nextAction) return b.nextAction ? 1 : 0;
  if (!b.nextAction) return -1;
  return (
    compare(a.nextAction.due, b.nextAction.due) || a.person.displayName.localeCompare(b.person.displayName)
  );
}
