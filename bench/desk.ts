/**
 * The case desk at scale: 100,000 people in 50 teams. Prints the dashboard query for one team
 * (p50/p95 over repeated runs, the engine's answer for every person of the team included) and the
 * impact run over everyone (the bare loop, then `wegwijs desk impact --apply` twice: storing, then
 * nothing left to store), on SQLite and on PostgreSQL (a throwaway cluster, or
 * WEGWIJS_TEST_DATABASE_URL). Targets: dashboard p95 ≤ 50 ms; impact ≤ 60 s on one core.
 *   npm run bench:desk -- [--people 100000] [--runs 30]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { openDatabase } from '#adapters/storage/database.ts';
import { kyselyStore } from '#adapters/storage/kysely-store.ts';
import { migrate } from '#adapters/storage/migrations.ts';
import { defaultConfig } from '#app/config.ts';
import { impactRun } from '#app/desk-cli.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { summarise, summaryChanges } from '#domain/desk/next-action.ts';
import { deskService, readStoredFacts } from '#domain/desk/service.ts';
import { startPostgres } from '../test/support/postgres.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PEOPLE = arg('people', 100_000);
const RUNS = arg('runs', 30);
const TEAMS = 50;
const TODAY = date('2026-03-02');
const book = loadRuleBook();

const NATIONALITIES = ['SY', 'ER', 'AF', 'TR', 'IQ', 'IR', 'SO', 'UA', 'MA', 'ET'];
function facts(i: number) {
  const year = 2019 + (i % 7);
  const month = 1 + (i % 12);
  return {
    nationality: NATIONALITIES[i % NATIONALITIES.length],
    familyOfEeaCitizen: false,
    birthDate: `${1960 + (i % 45)}-${String(month).padStart(2, '0')}-15`,
    permitPurpose: i % 3 === 0 ? 'family' : 'asylum',
    permitDate: `${year}-${String(month).padStart(2, '0')}-01`,
    schoolYearsInNL: 0,
    diplomas: [],
    hasIntegrationDiploma: false,
    ...(i % 5 === 0 ? {} : { pipDate: `${year}-${String(month).padStart(2, '0')}-20` }),
  };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

async function run(name: string, target: { databaseUrl?: string; sqliteFile: string }) {
  const database = openDatabase(target);
  await migrate(database.db, database.dialect);
  const store = kyselyStore(database, (json) => readStoredFacts(json, TODAY));
  const users = [];
  for (let t = 0; t < TEAMS; t++)
    users.push(
      await store.addUser({
        email: `h${t}@bench.example`,
        name: `H${t}`,
        role: 'helper',
        org: 'bench',
        team: `team-${t}`,
        passwordHash: 'x',
      }),
    );
  const started = performance.now();
  const BATCH = 500;
  for (let i = 0; i < PEOPLE; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(PEOPLE, i + BATCH); j++) {
      const u = users[j % TEAMS]!;
      const f = readStoredFacts(facts(j), TODAY);
      const summary = JSON.stringify(summarise(assess(f, TODAY, book)));
      rows.push({
        id: randomUUID(),
        org: 'bench',
        team_id: u.teamId,
        display_name: `P${j}`,
        language: 'ar',
        facts: JSON.stringify(facts(j)),
        version: 1,
        consent_at: '2026-01-01T00:00:00.000Z',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        created_by: u.id,
        rules_version: 'old',
        summary,
        seen_rules_version: null,
        seen_summary: null,
      });
    }
    await database.db.insertInto('people').values(rows).execute();
  }
  console.log(
    `${name}: ${PEOPLE} people in ${TEAMS} teams stored in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const service = deskService({ store, book, today: () => TODAY, now: () => new Date().toISOString() });
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const list = await service.list(users[r % TEAMS]!);
    times.push(performance.now() - t0);
    if (list.length !== PEOPLE / TEAMS) throw new Error(`expected ${PEOPLE / TEAMS}, got ${list.length}`);
  }
  const p95 = pct(times, 0.95);
  console.log(
    `${name}: dashboard for one team (${PEOPLE / TEAMS} people, query + answers + sort): p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 50 ms) ${p95 <= 50 ? 'MET' : 'NOT MET'}`,
  );

  const i0 = performance.now();
  let moved = 0;
  let total = 0;
  await store.eachPerson(2000, (people) => {
    for (const p of people) {
      total++;
      if (summaryChanges(p.summary, summarise(assess(p.facts, TODAY, book))).length) moved++;
    }
  });
  const secs = (performance.now() - i0) / 1000;
  console.log(
    `${name}: impact run over ${total} people: ${secs.toFixed(1)} s, ${moved} answers moved (target ≤ 60 s) ${secs <= 60 ? 'MET' : 'NOT MET'}`,
  );

  // The command itself, storing the answers (`wegwijs desk impact --apply`): every row here has
  // another rules version, so the first run writes all of them; the second must write nothing.
  const config = {
    ...defaultConfig(),
    dataDir: dirname(target.sqliteFile || join(tmpdir(), 'unused', 'x')),
    databaseUrl: target.databaseUrl,
  };
  const quiet = { out: () => {}, err: () => {} };
  const applied: number[] = [];
  for (const _ of [1, 2]) {
    const a0 = performance.now();
    const totals = await impactRun(config, book, quiet, { json: false, apply: true, today: TODAY });
    const applySecs = (performance.now() - a0) / 1000;
    applied.push(applySecs);
    console.log(
      `${name}: impact --apply over ${totals.checked} people: ${applySecs.toFixed(1)} s, ${totals.written} answers and ${totals.versionOnly} rules versions written (target ≤ 60 s) ${applySecs <= 60 ? 'MET' : 'NOT MET'}`,
    );
  }
  await store.close();
  return p95 <= 50 && secs <= 60 && applied.every((x) => x <= 60);
}

const dir = mkdtempSync(join(tmpdir(), 'wegwijs-bench-desk-'));
const pg = startPostgres();
let ok = true;
try {
  ok = (await run('SQLite', { sqliteFile: join(dir, 'desk.sqlite') })) && ok;
  ok = (await run('PostgreSQL', { databaseUrl: pg.freshDatabase(), sqliteFile: '' })) && ok;
} finally {
  pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
