/**
 * Measures question answering: runs a questions file (default test/eval/questions-dev.jsonl,
 * one {"q", "lang", "topic"} per line; "topic": null marks a question Wegwijs should not answer)
 * through the same code as GET /api/v1/search, and through a plain MiniSearch BM25 baseline over
 * the same content, and prints top-1, top-3 and MRR per language and overall, the latency, and
 * how out-of-scope questions fare (confident must be false).
 *
 *   npm run eval:search [-- --file PATH] [--misses]
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { loadKb } from '#adapters/content/load-kb.ts';
import { buildSearchIndex, loadLexicon } from '#adapters/content/load-search.ts';
import { runSearch, type SearchOutcome } from '#domain/search/request.ts';
import { OUT_OF_SCOPE_PROBES } from '../test/fixtures/search-probes.ts';

interface Question {
  q: string;
  lang: string;
  topic: string | null;
}

const args = process.argv.slice(2);
const fileArg = args.indexOf('--file');
const file =
  fileArg >= 0 && args[fileArg + 1]
    ? args[fileArg + 1]!
    : fileURLToPath(new URL('../test/eval/questions-dev.jsonl', import.meta.url));
const showMisses = args.includes('--misses');

const questions: Question[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Question);
const inScope = questions.filter((q) => q.topic);
const outOfScope: Question[] = [
  ...questions.filter((q) => !q.topic),
  ...OUT_OF_SCOPE_PROBES.map((p) => ({ q: p.q, lang: p.lang, topic: null })),
];

const t0 = performance.now();
const entries = loadKb();
const index = buildSearchIndex(entries, loadLexicon());
const buildMs = performance.now() - t0;
const topicCount = index.data.topics.length;

// Baseline: MiniSearch with its defaults (BM25+), one document per topic and language.
const mini = new MiniSearch<{
  id: string;
  topic: string;
  title: string;
  summary: string;
  phrasings: string;
  answer: string;
}>({
  fields: ['title', 'summary', 'phrasings', 'answer'],
  storeFields: ['topic'],
});
mini.addAll(
  entries.map((e) => ({
    id: `${e.topic}/${e.lang}`,
    topic: e.topic,
    title: e.title,
    summary: e.summary,
    phrasings: e.phrasings.join('\n'),
    answer: e.answer,
  })),
);
const baselineRanking = (q: string): string[] => [...new Set(mini.search(q).map((r) => r.topic as string))];

interface Tally {
  n: number;
  top1: number;
  top3: number;
  rr: number;
}
const empty = (): Tally => ({ n: 0, top1: 0, top3: 0, rr: 0 });
const add = (t: Tally, ranking: readonly string[], topic: string) => {
  const rank = ranking.indexOf(topic) + 1;
  t.n++;
  if (rank === 1) t.top1++;
  if (rank >= 1 && rank <= 3) t.top3++;
  if (rank >= 1) t.rr += 1 / rank;
};

// Warm up (JIT, lazily built fuzzy tables), then measure.
for (const q of inScope.slice(0, 20)) runSearch(index, { q: q.q, limit: topicCount });

const ours = new Map<string, Tally>();
const base = new Map<string, Tally>();
/** Per question: the time of its first search, and the median of five (less disturbed by other processes). */
const latencies: number[] = [];
const medians: number[] = [];
const timeSearch = (q: string, limit?: number) => {
  const times: number[] = [];
  let outcome: SearchOutcome | undefined;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    outcome = runSearch(index, { q, limit });
    times.push(performance.now() - start);
  }
  latencies.push(times[0]!);
  medians.push([...times].sort((a, b) => a - b)[2]!);
  return outcome!;
};
let confidentInScope = 0;
const misses: string[] = [];
for (const q of inScope) {
  const outcome = timeSearch(q.q, topicCount);
  if (!outcome.ok) throw new Error(`rejected: ${q.q}`);
  const ranking = outcome.response.results.map((r) => r.topic);
  if (outcome.response.confident) confidentInScope++;
  for (const key of [q.lang, 'all']) {
    if (!ours.has(key)) ours.set(key, empty());
    if (!base.has(key)) base.set(key, empty());
    add(ours.get(key)!, ranking, q.topic!);
    add(base.get(key)!, baselineRanking(q.q), q.topic!);
  }
  if (showMisses && ranking[0] !== q.topic) {
    misses.push(
      `${q.lang} want ${q.topic} (rank ${ranking.indexOf(q.topic!) + 1}) got ${ranking.slice(0, 3).join(', ')} | ${q.q}`,
    );
  }
}

let oosFalse = 0;
const oosConfident: string[] = [];
for (const q of outOfScope) {
  const outcome = timeSearch(q.q);
  if (outcome.ok && !outcome.response.confident) oosFalse++;
  else
    oosConfident.push(`${q.lang}: ${q.q} → ${outcome.ok ? outcome.response.results[0]?.topic : 'rejected'}`);
}

const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : '-').padStart(6);
const line = (label: string, t: Tally, b: Tally) =>
  `${label.padEnd(5)} ${String(t.n).padStart(4)}  ${pct(t.top1, t.n)} ${pct(t.top3, t.n)} ${(t.rr / t.n).toFixed(3).padStart(6)}   ${pct(b.top1, b.n)} ${pct(b.top3, b.n)} ${(b.rr / b.n).toFixed(3).padStart(6)}`;

const quantile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
};

console.log(`questions: ${file}`);
console.log(
  `index: ${topicCount} topics, ${entries.length} answers, built in ${buildMs.toFixed(0)} ms, ${(JSON.stringify(index.toJSON()).length / 1024).toFixed(0)} KiB as JSON\n`,
);
console.log('lang     n   wegwijs: top-1  top-3    MRR   minisearch: top-1  top-3    MRR');
const langs = [...ours.keys()].filter((k) => k !== 'all').sort();
for (const l of langs) console.log(line(l, ours.get(l)!, base.get(l)!));
console.log(line('all', ours.get('all') ?? empty(), base.get('all') ?? empty()));
console.log(`\nconfident on in-scope questions: ${confidentInScope}/${inScope.length}`);
console.log(`out-of-scope questions answered confident:false: ${oosFalse}/${outOfScope.length}`);
for (const m of oosConfident) console.log(`  confident but out of scope: ${m}`);
console.log(
  `latency per search (${latencies.length} questions, the same code as the API, after a warm-up):\n` +
    `  first search:   p50 ${quantile(latencies, 0.5)} ms, p95 ${quantile(latencies, 0.95)} ms, max ${quantile(latencies, 1)} ms\n` +
    `  median of five: p50 ${quantile(medians, 0.5)} ms, p95 ${quantile(medians, 0.95)} ms, max ${quantile(medians, 1)} ms`,
);
const load = loadavg()[0]!;
if (load > availableParallelism())
  console.log(
    `  (load average ${load.toFixed(1)} on ${availableParallelism()} cores: other processes slow these figures down)`,
  );
if (showMisses) for (const m of misses) console.log(`miss: ${m}`);
