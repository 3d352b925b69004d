/**
 * `wegwijs desk …`: accounts (no sign-up page: spec/desk-api.md), the rule-change impact run and
 * the retention clean-up. Same store and engine as the server; the password comes on standard input.
 */
import type { Command } from 'commander';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '#adapters/desk/password.ts';
import { assess } from '#domain/assess.ts';
import { ROLES, type Role } from '#domain/desk/model.ts';
import { summarise, summaryChanges } from '#domain/desk/next-action.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import { amsterdamToday } from './clock.ts';
import { type Config, loadConfig } from './config.ts';
import { openDeskStore } from './desk.ts';

interface Io {
  out(s: string): void;
  err(s: string): void;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Re-runs every stored person with `book` and reports whose answer moved, in batches (bounded memory). */
export async function impactRun(config: Config, book: RuleBook, io: Io, options: { json: boolean }) {
  const today = amsterdamToday();
  const store = await openDeskStore(config, () => today);
  let total = 0;
  let moved = 0;
  const started = performance.now();
  try {
    await store.eachPerson(1000, (people) => {
      for (const p of people) {
        total++;
        const after = summarise(assess(p.facts, today, book));
        const changed = summaryChanges(p.summary, after);
        if (!changed.length) continue;
        moved++;
        io.out(
          options.json
            ? JSON.stringify({
                id: p.id,
                org: p.org,
                teamId: p.teamId,
                from: p.rulesVersion,
                to: book.version,
                changed,
                before: p.summary,
                after,
              })
            : `${p.id}\t${p.org}\t${changed.join(',')}\t${changed.map((k) => `${JSON.stringify(p.summary[k])} → ${JSON.stringify(after[k])}`).join('; ')}`,
        );
      }
      if (!options.json) io.err(`… ${total} people checked`);
    });
  } finally {
    await store.close();
  }
  io.err(
    `${moved} of ${total} people have another answer under rules ${book.version} (${Math.round(performance.now() - started)} ms)`,
  );
}

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
    .command('impact')
    .description(
      're-run every stored person with the current rules (or --content DIR) and list whose answer moved',
    )
    .option('--content <dir>', 'a content folder with other rules (law/, rules/) to compare with')
    .option('--json', 'one JSON line per person')
    .action(async (opts: { content?: string; json?: boolean }) => {
      const book = opts.content ? loadRuleBook(opts.content) : loadRuleBook();
      await impactRun(loadConfig(), book, io, { json: !!opts.json });
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
