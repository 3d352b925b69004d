/**
 * Measures question answering: runs question files (one {"q", "lang", "topic"} per line;
 * "topic": null marks a question Wegwijs should not answer) through the same code as
 * GET /api/v1/search, and through a fair MiniSearch baseline, and prints per file and language
 * top-1, top-3 and MRR of both, the latency, and how out-of-scope questions fare (confident must be
 * false). By default the public dev set, our own sets (questions-own, questions-short) and the
 * held-out set, in one run. Also counted: in-scope questions answered confident with another
 * topic first (the worst defect: the page shows that answer as THE answer).
 *
 * The baseline is fair: MiniSearch (BM25+, its prefix and fuzzy matching) gets the same documents
 * (one per topic and language), the same field weights, the same script-aware normalisation,
 * tokenisation and stemming keys, and the same lexicon expansion (concept tokens in titles,
 * phrasings and the question, and the concepts the question's numbers name) as our ranking. Our ranking must beat it by at least 10 points top-1
 * overall, or it should be replaced by it: the verdict is printed at the end.
 *
 *   npm run eval:search [-- --file PATH ...] [--misses] [--diff]
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { loadKb } from '#adapters/content/load-kb.ts';
import { buildSearchIndex, loadLexicon, STEMMERS } from '#adapters/content/load-search.ts';
import { queryWordKeys, wordKeys } from '#search/analyze.ts';
import { compileLexicon, LexiconMatcher } from '#search/lexicon.ts';
import { NumberCues } from '#search/numbers.ts';
import { runSearch, type SearchOutcome } from '#search/request.ts';
import { plainText } from '#search/search-index.ts';
import { fold, normaliseText, type Token, tokenize } from '#search/text.ts';
import { OUT_OF_SCOPE_PROBES } from '../test/fixtures/search-probes.ts';

interface Question {
  q: string;
  lang: string;
  topic: string | null;
}

const args = process.argv.slice(2);
const files = args.flatMap((a, i) => (args[i - 1] === '--file' ? [a] : []));
if (files.length === 0) {
  // questions-heldout.jsonl: 96 questions written on 2026-12-05 from the topic titles alone, run once
  // and never tuned on; its margin is the truest figure of how the ranking generalises. Keep it that
  // way: when you tune on a miss there, move the question to questions-own.jsonl and write new ones.
  // questions-heldout3.jsonl (written 2026-12-06 from topics.md, the fact sheets and the seed page only: short phone-typed questions, 30+ languages) is held out the same way and is never tuned on; run it with --file.
  // questions-short.jsonl: short, generic questions as typed on a phone (3-10 words, typos, Dutch
  // words mixed in), in every language; ours to tune on, like questions-own.jsonl.
  for (const name of [
    'questions-dev.jsonl',
    'questions-own.jsonl',
    'questions-short.jsonl',
    'questions-heldout.jsonl',
  ])
    files.push(fileURLToPath(new URL(`../test/eval/${name}`, import.meta.url)));
}
const showMisses = args.includes('--misses');
/** Questions one ranking gets right at rank 1 and the other does not. */
const showDiff = args.includes('--diff');
const MARGIN = 10;

const t0 = performance.now();
const entries = loadKb();
const lexiconSource = loadLexicon();
const index = buildSearchIndex(entries, lexiconSource);
const buildMs = performance.now() - t0;
const topicCount = index.data.topics.length;

// ---- the fair baseline: MiniSearch over the same analysis ----
const lexicon = compileLexicon(lexiconSource, STEMMERS);
const matcher = new LexiconMatcher(lexicon);
/** The words our ranking ignores (stopwords, function words) are ignored by the baseline too. */
const noise = new Set([...lexicon.stopwords, ...(lexicon.functionWords ?? [])]);
const meaningful = (tokens: Token[]) => tokens.filter((t) => !noise.has(fold(t.text, t.script)));
/** A text as the keys our ranking indexes: each word's keys, then the lexicon's concepts. */
const documentKeys = (text: string, lang: string, concepts: boolean): string => {
  const tokens = tokenize(normaliseText(text), lang);
  const keys = meaningful(tokens).flatMap((t) => wordKeys(t, lang, STEMMERS));
  if (concepts) {
    const probes = LexiconMatcher.probes(tokens, STEMMERS, lang);
    for (const m of matcher.match(probes))
      if (!lexicon.markers?.includes(m.concept)) keys.push(`~${lexicon.concepts[m.concept]}`);
  }
  return keys.join(' ');
};
const numberCues = new NumberCues(lexicon);
const queryKeys = (text: string): string => {
  const normalised = normaliseText(text);
  const tokens = tokenize(normalised);
  const keys = meaningful(tokens).flatMap((t) => [...queryWordKeys(t, STEMMERS).keys()]);
  const matches = matcher.match(LexiconMatcher.probes(tokens, STEMMERS));
  for (const m of matches)
    if (!lexicon.markers?.includes(m.concept)) keys.push(`~${lexicon.concepts[m.concept]}`);
  // The concepts numbers name (an age past 60, a span of school ages), as our ranking sees them.
  for (const c of numberCues.concepts(normalised, tokens, matches)) keys.push(`~${lexicon.concepts[c]}`);
  return keys.join(' ');
};
const mini = new MiniSearch<{
  id: string;
  topic: string;
  title: string;
  phrasings: string;
  summary: string;
  terms: string;
  answer: string;
}>({
  fields: ['title', 'phrasings', 'summary', 'terms', 'answer'],
  storeFields: ['topic'],
  tokenize: (text) => text.split(' ').filter(Boolean),
  processTerm: (term) => term,
  searchOptions: {
    boost: { title: 3, phrasings: 3, summary: 1.5, terms: 1, answer: 1 },
    prefix: (term) => term.length >= 5 && !term.startsWith('~'),
    fuzzy: (term) => (term.length >= 6 && !term.startsWith('~') ? 0.2 : false),
    combineWith: 'OR',
  },
});
mini.addAll(
  entries.map((e) => ({
    id: `${e.topic}/${e.lang}`,
    topic: e.topic,
    title: documentKeys(e.title, e.lang, true),
    phrasings: e.phrasings.map((p) => documentKeys(p, e.lang, true)).join(' '),
    summary: documentKeys(e.summary, e.lang, false),
    terms: Object.entries(e.terms ?? {})
      .map(([k, v]) => documentKeys(`${k}: ${v}`, e.lang, false))
      .join(' '),
    answer: documentKeys(plainText(e.answer), e.lang, false),
  })),
);
const baselineRanking = (q: string): string[] => [
  ...new Set(mini.search(queryKeys(q)).map((r) => r.topic as string)),
];

// ---- measuring ----
interface Tally {
  n: number;
  top1: number;
  top3: number;
  rr: number;
}
/** `kb`: a tag the knowledge base has answers in; `other`: any other tag (de, am, prs, ar-MA, ku). */
const GROUPS = ['kb', 'other'];
const groupOf = (lang: string) => (index.languages.includes(lang) ? 'kb' : 'other');
const empty = (): Tally => ({ n: 0, top1: 0, top3: 0, rr: 0 });
const add = (t: Tally, ranking: readonly string[], topic: string) => {
  const rank = ranking.indexOf(topic) + 1;
  t.n++;
  if (rank === 1) t.top1++;
  if (rank >= 1 && rank <= 3) t.top3++;
  if (rank >= 1) t.rr += 1 / rank;
};
const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : '-').padStart(6);
const line = (label: string, t: Tally, b: Tally) =>
  `${label.padEnd(5)} ${String(t.n).padStart(4)}  ${pct(t.top1, t.n)} ${pct(t.top3, t.n)} ${(t.rr / t.n).toFixed(3).padStart(6)}   ${pct(b.top1, b.n)} ${pct(b.top3, b.n)} ${(b.rr / b.n).toFixed(3).padStart(6)}   ${(((t.top1 - b.top1) / t.n) * 100).toFixed(1).padStart(6)}`;
const quantile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
};

// Warm up (JIT, lazily built fuzzy tables), then measure.
for (const q of ['fine', 'meer tijd', 'تمديد', 'продовжити', 'ምውህሃድ', '延期'])
  runSearch(index, { q, limit: topicCount });

console.log(
  `index: ${topicCount} topics, ${entries.length} answers in ${index.languages.length} languages (${index.languages.join(' ')}), built in ${buildMs.toFixed(0)} ms, ${(JSON.stringify(index.toJSON()).length / 1024).toFixed(0)} KiB as JSON`,
);
const verdicts: string[] = [];
const pooled = { ours: empty(), base: empty() };
const allLatencies: number[] = [];
const allMedians: number[] = [];

for (const file of files) {
  const questions: Question[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question);
  const inScope = questions.filter((q) => q.topic);
  const outOfScope: Question[] = [
    ...questions.filter((q) => !q.topic),
    ...(file === files[0] ? OUT_OF_SCOPE_PROBES.map((p) => ({ q: p.q, lang: p.lang, topic: null })) : []),
  ];

  const ours = new Map<string, Tally>();
  const base = new Map<string, Tally>();
  /** Per question: the time of its first search, and the median of five (less disturbed by other processes). */
  const latencies: number[] = [];
  const medians: number[] = [];
  // With the question's language tag, as a browser or the app sends it (any BCP 47 tag).
  const timeSearch = (q: string, lang: string, limit?: number) => {
    const times: number[] = [];
    let outcome: SearchOutcome | undefined;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      outcome = runSearch(index, { q, lang, limit });
      times.push(performance.now() - start);
    }
    latencies.push(times[0]!);
    medians.push([...times].sort((a, b) => a - b)[2]!);
    return outcome!;
  };
  let confidentInScope = 0;
  /** Confident with another answer first: the worst defect (the page shows it as THE answer). */
  let confidentWrong = 0;
  const misses: string[] = [];
  for (const q of inScope) {
    const outcome = timeSearch(q.q, q.lang, topicCount);
    if (!outcome.ok) throw new Error(`rejected: ${q.lang} ${q.q}`);
    const ranking = outcome.response.results.map((r) => r.topic);
    if (outcome.response.confident) confidentInScope++;
    if (outcome.response.confident && ranking[0] !== q.topic) confidentWrong++;
    for (const key of [q.lang, groupOf(q.lang), 'all']) {
      if (!ours.has(key)) ours.set(key, empty());
      if (!base.has(key)) base.set(key, empty());
      add(ours.get(key)!, ranking, q.topic!);
      add(base.get(key)!, baselineRanking(q.q), q.topic!);
    }
    if (showDiff && ranking[0] !== q.topic && baselineRanking(q.q)[0] === q.topic)
      console.log(
        `only wegwijs misses: ${q.lang} want ${q.topic} got ${ranking.slice(0, 2).join(', ')} | ${q.q}`,
      );
    if (showDiff && ranking[0] === q.topic && baselineRanking(q.q)[0] !== q.topic)
      console.log(
        `only minisearch misses: ${q.lang} want ${q.topic} got ${baselineRanking(q.q).slice(0, 2).join(', ')} | ${q.q}`,
      );
    if (showMisses && ranking[0] !== q.topic) {
      misses.push(
        `${outcome.response.confident ? 'CONFIDENT ' : ''}${q.lang} want ${q.topic} (rank ${ranking.indexOf(q.topic!) + 1}) got ${ranking.slice(0, 3).join(', ')} | ${q.q}`,
      );
    }
  }

  let oosFalse = 0;
  const oosConfident: string[] = [];
  for (const q of outOfScope) {
    const outcome = timeSearch(q.q, q.lang);
    if (outcome.ok && !outcome.response.confident) oosFalse++;
    else
      oosConfident.push(
        `${q.lang}: ${q.q} → ${outcome.ok ? outcome.response.results[0]?.topic : 'rejected'}`,
      );
  }

  console.log(`\nquestions: ${file}`);
  console.log('lang     n   wegwijs: top-1  top-3    MRR   minisearch: top-1  top-3    MRR   margin');
  const langs = [...ours.keys()].filter((k) => k !== 'all' && !GROUPS.includes(k)).sort();
  for (const l of langs) console.log(line(l, ours.get(l)!, base.get(l)!));
  // Tags with answers of their own, and every other tag (de, am, prs, ar-MA, ku ...) as one group.
  for (const g of GROUPS) if (ours.has(g)) console.log(line(g, ours.get(g)!, base.get(g)!));
  const all = ours.get('all') ?? empty();
  const allBase = base.get('all') ?? empty();
  console.log(line('all', all, allBase));
  console.log(
    `confident on in-scope questions: ${confidentInScope}/${inScope.length}, of which wrong at rank 1: ${confidentWrong}`,
  );
  console.log(`out-of-scope questions answered confident:false: ${oosFalse}/${outOfScope.length}`);
  for (const m of oosConfident) console.log(`  confident but out of scope: ${m}`);
  console.log(
    `latency per search (${latencies.length} questions): first search p50 ${quantile(latencies, 0.5)} ms, p95 ${quantile(latencies, 0.95)} ms; median of five p50 ${quantile(medians, 0.5)} ms, p95 ${quantile(medians, 0.95)} ms`,
  );
  if (showMisses) for (const m of misses) console.log(`miss: ${m}`);
  allLatencies.push(...latencies);
  allMedians.push(...medians);
  for (const [into, from] of [
    [pooled.ours, all],
    [pooled.base, allBase],
  ] as const) {
    into.n += from.n;
    into.top1 += from.top1;
  }
  const margin = ((all.top1 - allBase.top1) / (all.n || 1)) * 100;
  verdicts.push(
    `${basename(file)}: top-1 ${pct(all.top1, all.n).trim()} vs MiniSearch ${pct(allBase.top1, allBase.n).trim()}, margin ${margin.toFixed(2)} points: ${margin >= MARGIN ? 'keep our ranking' : `below ${MARGIN} points: replace it with MiniSearch`}`,
  );
}

console.log(
  `\nlatency over all files: first search p95 ${quantile(allLatencies, 0.95)} ms, median of five p95 ${quantile(allMedians, 0.95)} ms`,
);
const load = loadavg()[0]!;
if (load > availableParallelism())
  console.log(
    `  (load average ${load.toFixed(1)} on ${availableParallelism()} cores: other processes slow these figures down)`,
  );
console.log('');
for (const v of verdicts) console.log(v);
const pooledMargin = ((pooled.ours.top1 - pooled.base.top1) / (pooled.ours.n || 1)) * 100;
console.log(
  `all files: top-1 ${pct(pooled.ours.top1, pooled.ours.n).trim()} vs MiniSearch ${pct(pooled.base.top1, pooled.base.n).trim()}, margin ${pooledMargin.toFixed(2)} points (target ≥ ${MARGIN})`,
);
