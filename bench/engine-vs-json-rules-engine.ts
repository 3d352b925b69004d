/**
 * Benchmark: the same obligation decision ("do I have to integrate?") made by Wegwijs' engine
 * and by json-rules-engine (the library a JS developer would reach for) on the same generated
 * cases, in one run. Checks both give the same answers, then prints assessments per second on
 * one core for each and the ratio. Targets: ≥ 10× json-rules-engine and ≥ 200,000/s.
 *
 * Fair to the peer: it stops at the first rule that fires, as ours does (engine.stop() on the
 * first success, so lower priorities are not evaluated); both run the same cases, the same number
 * of them, interleaved (ours, theirs, ours, theirs, ...) so a change in the machine's load touches
 * both alike; the best round of each counts. The full assess() with what-would-change (what the
 * API answers) is measured too, on the same cases.
 *
 *   npm run bench            (CASES=20000, ROUNDS=5 to change)
 * Exit code 1 when the answers differ or a target is missed.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { assess, obligationOf } from '#domain/assess.ts';
import { date, type PlainDate, plus } from '#domain/dates/plain-date.ts';
import { DIPLOMAS, EEA_COUNTRIES, type Facts, PERMIT_PURPOSES } from '#domain/facts/facts.ts';
import { derive } from '#domain/rules/derive.ts';
import {
  ASYLUM_PURPOSES,
  EARLY_WI2013_DIPLOMAS,
  FULL_VRIJSTELLING_DIPLOMAS,
  NON_TEMPORARY_PURPOSES,
  TEMPORARY_PURPOSES,
} from '#domain/rules/obligation.ts';
import { whatWouldChange } from '#domain/what-would-change.ts';

const book = loadRuleBook();
const CASES = Number(process.env.CASES ?? 20_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

// Deterministic generator (mulberry32), so every run measures the same cases.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261128);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const dayIn = (from: PlainDate, days: number) => plus(from, { days: Math.floor(random() * days) });

function generate(n: number): { facts: Facts; asOf: PlainDate }[] {
  const nationalities = ['SY', 'ER', 'TR', 'MA', 'AF', 'stateless', 'US', ...EEA_COUNTRIES.slice(0, 4)];
  return Array.from({ length: n }, () => {
    const asOf = dayIn(date('2020-01-01'), 2500);
    const facts: Facts = {
      nationality: pick(nationalities),
      familyOfEeaCitizen: random() < 0.05,
      birthDate: dayIn(date('1945-01-01'), 24000),
      permitPurpose: pick(PERMIT_PURPOSES),
      permitDate: dayIn(date('2012-06-01'), 5000),
      schoolYearsInNL: random() < 0.05 ? 9 : 0,
      diplomas: random() < 0.2 ? [pick(DIPLOMAS)] : [],
      hasIntegrationDiploma: random() < 0.1,
    };
    if (random() < 0.3) facts.obligationStartDate = facts.permitDate;
    return { facts, asOf };
  });
}

/** The same ordered rules, written the json-rules-engine way: priorities and an event per outcome. */
function jsonRulesEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const rules: [number, string, RuleProperties['conditions']][] = [
    [100, 'not-obliged', { all: [{ fact: 'nationality', operator: 'in', value: [...EEA_COUNTRIES] }] }],
    [99, 'not-obliged', { all: [{ fact: 'familyOfEeaCitizen', operator: 'equal', value: true }] }],
    [
      98,
      'not-obliged',
      {
        all: [
          {
            fact: 'permitPurpose',
            operator: 'in',
            value: [...TEMPORARY_PURPOSES, 'temporary-protection', 'asylum-seeker'],
          },
        ],
      },
    ],
    [
      97,
      'not-obliged',
      {
        all: [
          { fact: 'nationality', operator: 'equal', value: 'TR' },
          { fact: 'turkishEra', operator: 'equal', value: 'before-asylum-date' },
        ],
      },
    ],
    [
      96,
      'not-obliged',
      {
        all: [
          { fact: 'nationality', operator: 'equal', value: 'TR' },
          { fact: 'turkishEra', operator: 'equal', value: 'asylum-only' },
          { fact: 'permitPurpose', operator: 'notIn', value: [...ASYLUM_PURPOSES] },
        ],
      },
    ],
    // A permit or DUO start date still to come: not yet obliged (derived, as for our engine).
    [95.5, 'not-obliged', { all: [{ fact: 'startsLater', operator: 'equal', value: true }] }],
    [95, 'not-obliged', { all: [{ fact: 'ageBand', operator: 'in', value: ['under-minimum', 'aow'] }] }],
    [94, 'not-obliged', { all: [{ fact: 'schoolYearsInNL', operator: 'greaterThanInclusive', value: 8 }] }],
    [93, 'met', { all: [{ fact: 'hasIntegrationDiploma', operator: 'equal', value: true }] }],
    [92, 'exempt', { all: [{ fact: 'ageBand', operator: 'equal', value: 'minor' }] }],
    [
      91,
      'exempt',
      { any: FULL_VRIJSTELLING_DIPLOMAS.map((d) => ({ fact: 'diplomas', operator: 'contains', value: d })) },
    ],
    [
      90,
      'exempt',
      {
        all: [
          { any: EARLY_WI2013_DIPLOMAS.map((d) => ({ fact: 'diplomas', operator: 'contains', value: d })) },
          { fact: 'regime', operator: 'equal', value: 'wi2013' },
          { fact: 'nt2Era', operator: 'equal', value: 'full' },
        ],
      },
    ],
    [89, 'obliged', { all: [{ fact: 'permitPurpose', operator: 'in', value: [...NON_TEMPORARY_PURPOSES] }] }],
  ];
  for (const [priority, outcome, conditions] of rules)
    engine.addRule({ priority, conditions, event: { type: outcome } });
  // Stop at the first rule that fires, as an ordered rule list does (ours does).
  engine.on('success', () => {
    engine.stop();
  });
  return engine;
}

async function jreDecide(engine: Engine, facts: Facts, asOf: PlainDate): Promise<string> {
  // json-rules-engine has no dates: the developer derives them first (we lend it our derivation).
  const d = derive(facts, asOf, book, false).values;
  const { events } = await engine.run({
    ...facts,
    ageBand: d.ageBand.value,
    turkishEra: d.turkishEra.value,
    regime: d.regime.value,
    nt2Era: d.nt2Era.value,
    startsLater: d.startsLater.value,
  });
  // Events come back in priority order; the first is the decision.
  return events[0]?.type ?? 'unknown';
}

const cases = generate(CASES);

// Same answers on every case first.
const engine = jsonRulesEngine();
let disagreements = 0;
for (const c of cases) {
  const ours = obligationOf(c.facts, c.asOf, book).obligation;
  const theirs = await jreDecide(engine, c.facts, c.asOf);
  if (ours !== theirs) {
    disagreements++;
    if (disagreements <= 3) console.error('disagreement', ours, theirs, JSON.stringify(c));
  }
}

function timeOurs(): number {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (const c of cases) sink += obligationOf(c.facts, c.asOf, book).obligation.length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink === 0) console.log('');
  return CASES / seconds;
}

function timeFull(): number {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (const c of cases) {
    const a = assess(c.facts, c.asOf, book);
    sink += whatWouldChange(c.facts, c.asOf, book, a).length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink === -1) console.log('');
  return CASES / seconds;
}

async function timeTheirs(): Promise<number> {
  const start = process.hrtime.bigint();
  for (const c of cases) await jreDecide(engine, c.facts, c.asOf);
  return CASES / (Number(process.hrtime.bigint() - start) / 1e9);
}

// Warm-up, then interleaved rounds; the best round of each.
timeOurs();
await timeTheirs();
timeFull();
let ours = 0;
let theirs = 0;
let full = 0;
for (let round = 0; round < ROUNDS; round++) {
  ours = Math.max(ours, timeOurs());
  theirs = Math.max(theirs, await timeTheirs());
  full = Math.max(full, timeFull());
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const ratio = ours / theirs;
const okRatio = ratio >= 10;
const okRate = ours >= 200_000;
console.log(
  `cases: ${fmt(CASES)} for each engine, ${ROUNDS} interleaved rounds, json-rules-engine stops at the first match; ` +
    `same answers: ${disagreements === 0 ? 'yes' : `NO (${disagreements} differ)`}`,
);
console.log(
  `wegwijs engine (obligation):        ${fmt(ours)} assessments/s ${okRate ? '' : '✗ (target ≥ 200,000/s)'}`,
);
console.log(`json-rules-engine (obligation):     ${fmt(theirs)} assessments/s`);
console.log(`ratio:                              ${ratio.toFixed(1)}× ${okRatio ? '' : '✗'} (target ≥ 10×)`);
console.log(
  `full assess() + whatWouldChange:    ${fmt(full)} per second (${(full / theirs).toFixed(1)}× the peer's obligation alone)`,
);
process.exitCode = disagreements === 0 && okRatio && okRate ? 0 : 1;
