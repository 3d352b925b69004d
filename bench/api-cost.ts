/**
 * What one API request costs the server's main thread, stage by stage, in microseconds of CPU: the
 * assessment (parse, assess, what-would-change, serialise) and the search (the bench's question
 * and every question of the eval sets). Each figure is the fastest of several batches, measured in
 * one process, so two runs a minute apart compare changes even on a busy machine.
 *
 *   npm run bench:api-cost     (BENCH_ROUNDS=20000: calls per stage; BENCH_INDEX=FILE: a search index file)
 *
 * A figure, not a test: the machine's load moves it; compare stages within one run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { loadSearchIndex } from '#adapters/content/load-search.ts';
import { readSearchIndexFile } from '#adapters/content/search-index-file.ts';
import { DIST_DIR } from '#app/dist.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { parseAssessRequest } from '#domain/facts/parse-facts.ts';
import { whatWouldChange } from '#domain/what-would-change.ts';
import { runSearch } from '#search/request.ts';
import type { SearchIndex } from '#search/search-index.ts';
import { ASSESS_REQUEST } from './pools.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20_000);
const BATCHES = 7;

/** The body bench/http.ts posts (an obliged Wi2021 person with a birth in the term). */
const ASSESS_BODY = ASSESS_REQUEST;
const SEARCH_QUERY = { q: 'moet ik inburgeren', lang: 'nl' };

function searchIndex(): SearchIndex {
  const built =
    process.env.BENCH_INDEX ?? (DIST_DIR ? join(DIST_DIR, 'search', 'index.json') : 'dist/search/index.json');
  try {
    return readSearchIndexFile(built);
  } catch {
    return loadSearchIndex();
  }
}

/** CPU microseconds per call: the fastest of BATCHES batches of `rounds` calls (after a warm-up batch). */
function perCall(fn: (i: number) => unknown, rounds = ROUNDS): number {
  let sink = 0;
  // CPU time, not wall time: on a shared machine a batch may wait for a core.
  const batch = () => {
    const t0 = process.cpuUsage();
    for (let i = 0; i < rounds; i++) sink += fn(i) ? 1 : 0;
    const used = process.cpuUsage(t0);
    return (used.user + used.system) / rounds;
  };
  batch();
  const times = Array.from({ length: BATCHES }, batch);
  if (sink < 0) console.log(sink);
  // The fastest batch: on a shared machine the others lost time to the neighbours (cache, cores).
  return Math.min(...times);
}

const book = loadRuleBook();
const today = date('2026-11-28');
const parsed = parseAssessRequest(ASSESS_BODY, today);
if (!parsed.ok) throw new Error('the bench body does not parse');
const { facts, asOf } = parsed;
const assessment = assess(facts, asOf, book);
const changes = whatWouldChange(facts, asOf, book, assessment);
const answer = { ...assessment, whatWouldChange: changes };

/**
 * Many people rather than one: the bench body with its dates moved day by day (a different
 * birth, permit and plan date each time), so nothing learnt from one request helps the next.
 */
const PEOPLE = 5_000;
const day = (from: string, n: number) => {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const people = Array.from({ length: PEOPLE }, (_, i) => ({
  asOf: day('2025-11-20', i % 200),
  facts: {
    ...ASSESS_BODY.facts,
    birthDate: day('1960-01-01', (i * 7919) % 15_000),
    permitDate: day('2022-01-01', i % 400),
    pipDate: day('2023-03-14', i % 300),
  },
}));

const index = searchIndex();
const questions = ['questions-dev', 'questions-own', 'questions-heldout'].flatMap((name) =>
  readFileSync(new URL(`../test/eval/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { q: string; lang: string }),
);

const searched = runSearch(index, SEARCH_QUERY);

const rows: [string, number][] = [
  ['assess: parse the body', perCall(() => parseAssessRequest(ASSESS_BODY, today))],
  ['assess: assess()', perCall(() => assess(facts, asOf, book))],
  ['assess: whatWouldChange()', perCall(() => whatWouldChange(facts, asOf, book, assessment))],
  ['assess: JSON.stringify', perCall(() => JSON.stringify(answer))],
  [
    'assess: all four',
    perCall(() => {
      const p = parseAssessRequest(ASSESS_BODY, today);
      if (!p.ok) return 0;
      const a = assess(p.facts, p.asOf, book);
      return JSON.stringify({ ...a, whatWouldChange: whatWouldChange(p.facts, p.asOf, book, a) }).length;
    }),
  ],
  [
    `assess: all four, ${PEOPLE} people`,
    perCall((i) => {
      const p = parseAssessRequest(people[i % PEOPLE], today);
      if (!p.ok) throw new Error(JSON.stringify(p.problems));
      const a = assess(p.facts, p.asOf, book);
      return JSON.stringify({ ...a, whatWouldChange: whatWouldChange(p.facts, p.asOf, book, a) }).length;
    }, PEOPLE),
  ],
  [
    `assess: without whatWouldChange, ${PEOPLE} people`,
    perCall((i) => {
      const p = parseAssessRequest(people[i % PEOPLE], today);
      if (!p.ok) throw new Error(JSON.stringify(p.problems));
      return JSON.stringify(assess(p.facts, p.asOf, book)).length;
    }, PEOPLE),
  ],
  ['search: bench question', perCall(() => runSearch(index, SEARCH_QUERY))],
  [
    `search: eval questions (${questions.length})`,
    perCall(
      (i) => runSearch(index, questions[i % questions.length]!),
      Math.max(questions.length, Math.round(ROUNDS / 10)),
    ),
  ],
  ['search: JSON.stringify', perCall(() => JSON.stringify(searched))],
];
console.log(`API cost per call, fastest of ${BATCHES} batches (µs of CPU):`);
for (const [name, us] of rows) console.log(`  ${name.padEnd(34)} ${us.toFixed(1).padStart(8)}`);
