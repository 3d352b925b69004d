/**
 * `wegwijs desk …`: accounts (no sign-up page: spec/desk-api.md), the rule-change impact run and
 * the retention clean-up. Same store and engine as the server; the password comes on standard input.
 */
import type { Command } from 'commander';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '#adapters/desk/password.ts';
import { assess } from '#domain/assess.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { ROLES, type Role } from '#domain/desk/model.ts';
import { summarise, summaryChanges } from '#domain/desk/next-action.ts';
import type { DeskStore, RefreshedAnswer } from '#domain/desk/store.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import { amsterdamToday } from './clock.ts';
import { type Config, loadConfig } from './config.ts';
import { openDeskStore } from './desk.ts';

interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Standard input as text (tests give it directly; default: the process's standard input). */
  input?(): Promise<string>;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export interface ImpactOptions {
  json: boolean;
  /** Store the new answers (the dashboard reads them); what a helper saw stays for "changed since". */
  apply?: boolean;
  /** The day the answers are for (default: today in the Netherlands). */
  today?: PlainDate;
  /** People per batch (bounded memory; one transaction per batch with --apply). */
  batch?: number;
  /** At most one progress line on stderr per this many ms (0: after every batch). */
  progressEveryMs?: number;
}

export interface ImpactTotals {
  checked: number;
  moved: number;
  /** With --apply: answers replaced, people skipped (saved meanwhile), rules versions moved on. */
  written: number;
  skipped: number;
  versionOnly: number;
}

const n = (x: number) => x.toLocaleString('en');

/**
 * Re-runs every stored person with `book` and reports whose answer moved, in batches (bounded
 * memory), with progress on stderr. With `apply` it stores the new answers batch by batch; running
 * it again writes nothing (idempotent), and a person saved meanwhile keeps the answer of that save.
 */
export async function impactRun(config: Config, book: RuleBook, io: Io, options: ImpactOptions) {
  const today = options.today ?? amsterdamToday();
  const store = await openDeskStore(config, () => today);
  const totals: ImpactTotals = { checked: 0, moved: 0, written: 0, skipped: 0, versionOnly: 0 };
  const started = performance.now();
  const every = options.progressEveryMs ?? 2000;
  let lastProgress = started;
  try {
    const total = await store.countPeople();
    io.err(
      `impact: ${n(total)} people, rules ${book.version}, ${today.toString()}${options.apply ? ', storing the new answers' : ''}`,
    );
    await store.eachPerson(options.batch ?? 1000, async (people) => {
      const changed: RefreshedAnswer[] = [];
      const unchanged: string[] = [];
      for (const p of people) {
        totals.checked++;
        const after = summarise(assess(p.facts, today, book));
        const diff = summaryChanges(p.summary, after);
        if (!diff.length) {
          if (p.rulesVersion !== book.version) unchanged.push(p.id);
          continue;
        }
        totals.moved++;
        changed.push({
          id: p.id,
          version: p.version,
          before: { rulesVersion: p.rulesVersion, summary: p.summary },
          summary: after,
        });
        io.out(
          options.json
            ? JSON.stringify({
                id: p.id,
                org: p.org,
                teamId: p.teamId,
                from: p.rulesVersion,
                to: book.version,
                changed: diff,
                before: p.summary,
                after,
              })
            : `${p.id}\t${p.org}\t${diff.join(',')}\t${diff.map((k) => `${JSON.stringify(p.summary[k])} → ${JSON.stringify(after[k])}`).join('; ')}`,
        );
      }
      if (options.apply) {
        const stored = await store.storeAnswers(book.version, changed, unchanged);
        totals.written += stored.changed;
        totals.skipped += stored.skipped;
        totals.versionOnly += stored.unchanged;
      }
      const now = performance.now();
      if (now - lastProgress >= every && totals.checked < total) {
        lastProgress = now;
        const rate = totals.checked / ((now - started) / 1000);
        io.err(
          `impact: ${n(totals.checked)} of ${n(total)} (${Math.floor((totals.checked / Math.max(total, 1)) * 100)}%), ${n(totals.moved)} moved, ${n(Math.round(rate))} a second, about ${Math.ceil((total - totals.checked) / Math.max(rate, 1))} s left`,
        );
      }
    });
  } finally {
    await store.close();
  }
  const ms = Math.round(performance.now() - started);
  io.err(
    `impact: ${n(totals.moved)} of ${n(totals.checked)} people have another answer under rules ${book.version} (${n(ms)} ms)`,
  );
  if (options.apply)
    io.err(
      `impact --apply: ${n(totals.written)} answers stored (helpers see "changed since you last looked"), ` +
        `${n(totals.versionOnly)} unchanged answers marked with rules ${book.version}, ` +
        `${n(totals.skipped)} skipped (saved meanwhile: their answer is already fresh)`,
    );
  return totals;
}

/**
 * Runs an account command on the account with this e-mail address: a clear error and exit code 2
 * when there is none. `act` returns the line to print; every change is written to the audit log by
 * the caller's `act` (the actor is the command line: no user id).
 */
async function onAccount(
  io: Io,
  command: string,
  email: string,
  act: (
    store: DeskStore,
    account: { id: string; email: string; org: string; disabledAt: string | null },
  ) => Promise<string>,
) {
  const store = await openDeskStore(loadConfig(), amsterdamToday);
  try {
    const login = await store.loginOf(email);
    if (!login) {
      io.err(
        `wegwijs desk ${command}: no account with e-mail address ${email} (see wegwijs desk list-users)`,
      );
      process.exitCode = 2;
      return;
    }
    io.out(await act(store, { ...login.user, disabledAt: login.disabledAt }));
  } finally {
    await store.close();
  }
}

const accountAudit = (
  store: DeskStore,
  account: { id: string; org: string },
  action: 'account-disable' | 'account-enable' | 'account-password',
) =>
  store.audit({
    at: new Date().toISOString(),
    org: account.org,
    userId: null,
    action,
    personId: null,
    accountId: account.id,
  });

export function registerDeskCommands(program: Command, io: Io) {
  const desk = program.command('desk').description('the case desk: accounts, rule-change impact, retention');

  desk
    .command('add-user')
    .description('add an account; the password is read from standard input (at least 12 characters)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--team <team>')
    .option('--org <org>', 'organisation', 'default')
    .action(async (opts: { email: string; name: string; role: string; team: string; org: string }) => {
      const problems: string[] = [];
      if (!EMAIL.test(opts.email)) problems.push('--email: not an e-mail address');
      if (!(ROLES as readonly string[]).includes(opts.role))
        problems.push(`--role: one of ${ROLES.join(', ')}`);
      if (!opts.name.trim() || opts.name.length > 100) problems.push('--name: 1 to 100 characters');
      if (!opts.team.trim() || !opts.org.trim()) problems.push('--team and --org must not be empty');
      const password = await readStdin();
      if (password.length < MIN_PASSWORD_LENGTH)
        problems.push(`password (standard input): at least ${MIN_PASSWORD_LENGTH} characters`);
      if (problems.length) {
        io.err(`wegwijs desk add-user: ${problems.join('; ')}`);
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const store = await openDeskStore(config, amsterdamToday);
      try {
        if (await store.loginOf(opts.email)) {
          io.err(`wegwijs desk add-user: ${opts.email} has an account already`);
          process.exitCode = 1;
          return;
        }
        const user = await store.addUser({
          email: opts.email,
          name: opts.name.trim(),
          role: opts.role as Role,
          org: opts.org.trim(),
          team: opts.team.trim(),
          passwordHash: await hashPassword(password),
        });
        io.out(`added ${user.email} (${user.role}, team ${user.teamName}, organisation ${user.org})`);
      } finally {
        await store.close();
      }
    });

  desk
    .command('list-users')
    .description('list the accounts (e-mail, name, role, team, disabled, last sign-in; never a password)')
    .option('--org <org>', 'only this organisation')
    .option('--json', 'one JSON line per account')
    .action(async (opts: { org?: string; json?: boolean }) => {
      const store = await openDeskStore(loadConfig(), amsterdamToday);
      try {
        const accounts = await store.accounts(opts.org ?? null);
        if (!opts.json)
          io.out(['email', 'name', 'role', 'team', 'organisation', 'disabled', 'last sign-in'].join('\t'));
        for (const a of accounts)
          io.out(
            opts.json
              ? JSON.stringify({
                  email: a.email,
                  name: a.name,
                  role: a.role,
                  team: a.teamName,
                  org: a.org,
                  disabledAt: a.disabledAt,
                  lastSignInAt: a.lastSignInAt,
                })
              : [
                  a.email,
                  a.name,
                  a.role,
                  a.teamName,
                  a.org,
                  a.disabledAt ?? 'no',
                  a.lastSignInAt ?? 'never',
                ].join('\t'),
          );
        if (!accounts.length)
          io.err(`wegwijs desk list-users: no accounts${opts.org ? ` in ${opts.org}` : ''}`);
      } finally {
        await store.close();
      }
    });

  desk
    .command('disable-user')
    .description(
      'disable an account (a volunteer left): ends its sessions everywhere, revokes its calendar feed',
    )
    .requiredOption('--email <email>')
    .action(async (opts: { email: string }) => {
      await onAccount(io, 'disable-user', opts.email, async (store, account) => {
        if (account.disabledAt) return `${account.email} was disabled already (${account.disabledAt})`;
        await store.setDisabled(account.id, new Date().toISOString());
        await accountAudit(store, account, 'account-disable');
        return `disabled ${account.email}: signed out everywhere, calendar feed revoked`;
      });
    });

  desk
    .command('enable-user')
    .description('enable a disabled account again (its old calendar link stays revoked)')
    .requiredOption('--email <email>')
    .action(async (opts: { email: string }) => {
      await onAccount(io, 'enable-user', opts.email, async (store, account) => {
        if (!account.disabledAt) return `${account.email} is not disabled`;
        await store.setDisabled(account.id, null);
        await accountAudit(store, account, 'account-enable');
        return `enabled ${account.email}`;
      });
    });

  desk
    .command('set-password')
    .description(
      `set an account's password from standard input (at least ${MIN_PASSWORD_LENGTH} characters); ends its sessions`,
    )
    .requiredOption('--email <email>')
    .action(async (opts: { email: string }) => {
      const password = await (io.input ?? readStdin)();
      if (password.length < MIN_PASSWORD_LENGTH) {
        io.err(
          `wegwijs desk set-password: password (standard input): at least ${MIN_PASSWORD_LENGTH} characters`,
        );
        process.exitCode = 2;
        return;
      }
      await onAccount(io, 'set-password', opts.email, async (store, account) => {
        await store.setPassword(account.id, await hashPassword(password));
        await accountAudit(store, account, 'account-password');
        return `new password for ${account.email}; its sessions have ended`;
      });
    });

  desk
    .command('impact')
    .description(
      're-run every stored person with the current rules (or --content DIR), list whose answer moved; --apply stores the new answers',
    )
    .option('--content <dir>', 'a content folder with other rules (law/, rules/) to compare with')
    .option('--json', 'one JSON line per person')
    .option(
      '--apply',
      'store the new answers (the dashboard shows them, marked "changed since you last looked")',
    )
    .action(async (opts: { content?: string; json?: boolean; apply?: boolean }) => {
      if (opts.apply && opts.content) {
        io.err(
          'wegwijs desk impact: --apply stores the answers of the rules in use; --content only compares (use one)',
        );
        process.exitCode = 2;
        return;
      }
      const book = opts.content ? loadRuleBook(opts.content) : loadRuleBook();
      await impactRun(loadConfig(), book, io, { json: !!opts.json, apply: !!opts.apply });
    });

  desk
    .command('cleanup')
    .description('erase people whose record did not change for DESK_RETENTION_DAYS days')
    .action(async () => {
      const config = loadConfig();
      if (!config.retentionDays) {
        io.err('wegwijs desk cleanup: DESK_RETENTION_DAYS is not set (0 keeps everyone); nothing erased');
        return;
      }
      const store = await openDeskStore(config, amsterdamToday);
      try {
        const before = new Date(Date.now() - config.retentionDays * 86_400_000).toISOString();
        const ids = await store.eraseUnchangedSince(before);
        for (const id of ids)
          await store.audit({
            at: new Date().toISOString(),
            org: null,
            userId: null,
            action: 'retention-erase',
            personId: id,
          });
        io.out(`erased ${ids.length} people unchanged since ${before.slice(0, 10)}`);
      } finally {
        await store.close();
      }
    });
}
