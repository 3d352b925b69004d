// `wegwijs desk impact [--apply]` (issue 9, ADR 009): every stored person re-run with a rule set;
// without --apply nothing is written (and GET /impact never writes); with --apply the stored answer
// summaries the dashboard reads are refreshed, what a helper last saw stays, so the dashboard and
// the person's page say "changed since you last looked"; a second run writes nothing; progress goes
// to stderr.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Command } from 'commander';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { impactRun, registerDeskCommands } from '#app/desk-cli.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { summarise } from '#domain/desk/next-action.ts';
import { readStoredFacts } from '#domain/desk/service.ts';
import {
  addPerson,
  DESK_TODAY,
  type DeskServer,
  FAMILY_FORM,
  type PageSession,
  page,
  pageLogin,
  proposedRules,
  startDesk,
} from './support/desk.ts';

let desk: DeskServer;
let anna: PageSession;
let noor: string; // obliged now, not obliged under the proposed rules
let amal: string; // the same answer under both
const current = loadRuleBook();
const proposed = proposedRules();
const today = date(DESK_TODAY);
const scope = { org: 'vwn', teamIds: null };

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}
const stored = async () => new Map((await desk.store.listSummaries(scope)).map((p) => [p.id, p] as const));

before(async () => {
  desk = await startDesk();
  anna = await pageLogin(desk.base, 'anna');
  noor = await addPerson(desk.base, anna, FAMILY_FORM);
  amal = await addPerson(desk.base, anna);
});
after(() => desk?.close());

test('a summary does not move just because a day passed (else everyone would be "changed" every day)', () => {
  const facts = readStoredFacts(
    {
      nationality: 'SY',
      permitPurpose: 'asylum',
      familyOfEeaCitizen: false,
      birthDate: '1990-01-01',
      permitDate: '2023-03-01',
      hasIntegrationDiploma: false,
      diplomas: [],
      schoolYearsInNL: 0,
      pipDate: '2023-05-10',
      medicalLimitation: true, // a medical exemption can be asked any time
    },
    today,
  );
  const days = ['2026-03-02', '2026-03-03', '2026-04-15'].map((d) =>
    summarise(assess(facts, date(d), current)),
  );
  assert.equal(days[0]?.letterFrom, '2023-05-11', 'a letter can be sent (since the term began)');
  assert.deepEqual(days[1], days[0]);
  assert.deepEqual(days[2], days[0]);
});

test('without --apply: whose answer moved, and nothing written; GET /impact writes nothing either', async () => {
  const before = await stored();
  const { io, out, err } = capture();
  const totals = await impactRun(desk.config, proposed, io, {
    json: true,
    today,
    batch: 1,
    progressEveryMs: 0,
  });
  assert.equal(totals.checked, 2);
  assert.equal(totals.moved, 1);
  assert.equal(totals.written, 0);
  const lines = out.map((l) => JSON.parse(l) as { id: string; changed: string[]; to: string });
  assert.deepEqual(
    lines.map((l) => l.id),
    [noor],
  );
  assert.ok(lines[0]?.changed.includes('obligation'));
  assert.equal(lines[0]?.to, proposed.version);
  assert.match(err.join('\n'), /impact: 1 of 2 \(50%\), \d+ moved/, 'progress on stderr');
  assert.match(err.at(-1) ?? '', /1 of 2 people have another answer/);
  const proposedApp = await desk.another({ book: proposed });
  const cor = await pageLogin(desk.base, 'cor');
  const api = await fetch(`${proposedApp.base}/desk/api/v1/impact`, { headers: { cookie: cor.cookie } });
  assert.equal(api.status, 200);
  assert.deepEqual(
    ((await api.json()) as { people: { id: string }[] }).people.map((p) => p.id),
    [noor],
  );
  assert.equal((await page(proposedApp.base, cor, '/desk/en/impact')).status, 200);
  assert.deepEqual(await stored(), before, 'a report changes nothing');
});

test('--apply stores the new answers; the dashboard and the page say "changed since you last looked"; a second run writes nothing', async () => {
  const { io, err } = capture();
  const totals = await impactRun(desk.config, proposed, io, { json: false, apply: true, today });
  assert.deepEqual(
    {
      moved: totals.moved,
      written: totals.written,
      skipped: totals.skipped,
      versionOnly: totals.versionOnly,
    },
    { moved: 1, written: 1, skipped: 0, versionOnly: 1 },
  );
  assert.match(err.join('\n'), /--apply: 1 answers stored .*1 unchanged answers marked/);
  const rows = await stored();
  assert.equal(rows.get(noor)?.summary.obligation, 'not-obliged');
  assert.equal(rows.get(noor)?.seenSummary?.obligation, 'obliged', 'what the helper saw stays');
  assert.equal(rows.get(noor)?.rulesVersion, proposed.version);
  assert.equal(rows.get(amal)?.rulesVersion, proposed.version);

  // The dashboard (it reads the stored summaries) on a server with the new rules.
  const live = await desk.another({ book: proposed });
  const people = (await (
    await fetch(`${live.base}/desk/api/v1/people`, { headers: { cookie: anna.cookie } })
  ).json()) as { people: { id: string; changedSinceSeen: string[] }[] };
  const byId = new Map(people.people.map((p) => [p.id, p.changedSinceSeen]));
  assert.ok(byId.get(noor)?.includes('obligation'));
  assert.deepEqual(byId.get(amal), []);
  const dashboard = await (await page(live.base, anna, '/desk/en/')).text();
  const card = (id: string) =>
    new RegExp(`<li[^>]*><h2><a href="/desk/en/people/${id}">[\\s\\S]*?</li>`).exec(dashboard)?.[0] ?? '';
  assert.match(card(noor), /The answer changed since you last looked/);
  assert.doesNotMatch(card(amal), /changed since you last looked/);

  // Idempotent: the same run again changes nothing.
  const again = await impactRun(desk.config, proposed, capture().io, { json: false, apply: true, today });
  assert.deepEqual(
    { moved: again.moved, written: again.written, versionOnly: again.versionOnly },
    { moved: 0, written: 0, versionOnly: 0 },
  );
  assert.deepEqual(await stored(), rows);

  // The helper opens the person: the mark shows once, with what moved, then the new answer is what
  // they saw.
  const first = await (await page(live.base, anna, `/desk/en/people/${noor}`)).text();
  assert.match(first, /The answer changed since you last looked/);
  assert.match(
    first,
    /<dt>Obligation<\/dt><dd>Yes, you have to integrate[^<]* → No, you do not have to integrate/,
    'what it was and what it is',
  );
  assert.doesNotMatch(
    await (await page(live.base, anna, `/desk/en/people/${noor}`)).text(),
    /changed since you last looked/,
  );
});

test('the command: --apply with --content is refused; --apply with the rules in use moves the answers back', async () => {
  const { io, out, err } = capture();
  const run = async (...args: string[]) => {
    const program = new Command().exitOverride();
    registerDeskCommands(program, io);
    await program.parseAsync(['desk', 'impact', ...args], { from: 'user' });
  };
  const saved = { dir: process.env.WEGWIJS_DATA_DIR, url: process.env.DATABASE_URL, code: process.exitCode };
  try {
    process.env.WEGWIJS_DATA_DIR = desk.config.dataDir;
    delete process.env.DATABASE_URL;
    await run('--apply', '--content', 'content');
    assert.equal(process.exitCode, 2);
    assert.match(err.join('\n'), /--apply stores the answers of the rules in use/);
    process.exitCode = 0;
    await run('--apply');
    assert.ok(
      out.some((l) => l.startsWith(noor)),
      'Noor moved back',
    );
    const rows = await stored();
    assert.equal(rows.get(noor)?.rulesVersion, current.version);
    assert.equal(rows.get(noor)?.summary.obligation, 'obliged');
  } finally {
    process.env.WEGWIJS_DATA_DIR = saved.dir;
    if (saved.dir === undefined) delete process.env.WEGWIJS_DATA_DIR;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    process.exitCode = saved.code;
  }
});
