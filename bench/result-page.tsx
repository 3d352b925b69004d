/**
 * Where the time of one result page goes: each stage of GET /{lang}/result timed on its own
 * (median of many runs), then the whole request through the app. Prints milliseconds.
 *
 *   npx tsx bench/result-page.tsx            (BENCH_RUNS=400, BENCH_LANG=ar to change)
 *
 * A figure, not a test: the machine's load moves it; compare stages within one run.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { renderToString } from 'preact-render-to-string';
import { loadContacts } from '#adapters/content/load-contacts.ts';
import { loadKb } from '#adapters/content/load-kb.ts';
import { translator } from '#adapters/content/load-messages.ts';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { loadLexicon } from '#adapters/content/load-search.ts';
import { pageKit } from '#adapters/web/routes/page-kit.tsx';
import { readState } from '#adapters/web/state.ts';
import { ResultPage } from '#adapters/web/views/result.tsx';
import { timelineModel } from '#adapters/web/views/timeline.tsx';
import { buildApp } from '#app/build-app.ts';
import { amsterdamTime } from '#app/clock.ts';
import { devAssets } from '#app/dev-assets.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { whatWouldChange } from '#domain/what-would-change.ts';
import { describeAssessment } from '#i18n/describe-assessment.ts';
import type { Locale } from '#i18n/locales.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 400);
const LANG = (process.env.BENCH_LANG ?? 'nl') as Locale;
const QUERY =
  'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01&permitDate=2023-03-01' +
  '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=false' +
  '&circumstances=birth&courseHours=300&examAttempts=1';

const book = loadRuleBook();
const assets = devAssets(book, loadKb(), loadLexicon());
const kit = pageKit(book, assets);
const contacts = loadContacts();
const asOf = date('2026-11-28');
const query = Object.fromEntries(new URLSearchParams(QUERY));

function median(fn: () => unknown): number {
  for (let i = 0; i < 30; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const state = readState(query);
const a = assess(state.facts, asOf, book);
const t = translator(LANG);
const change = whatWouldChange(state.facts, asOf, book, a);
const text = describeAssessment(t, a, change, [...state.dontKnow]);
const page = () => (
  <ResultPage
    ctx={kit.context(LANG, '/result')}
    text={text}
    timeline={timelineModel(a, asOf)}
    dates={{}}
    links={{ summary: '/s', pdf: '/p', ics: '/i', restart: '/r' }}
    contacts={contacts}
    now={{ date: asOf, time: amsterdamTime() }}
  />
);
const html = `<!doctype html>${renderToString(page())}`;

const stages: [string, () => unknown][] = [
  ['readState (the URL)', () => readState(query)],
  ['assess', () => assess(state.facts, asOf, book)],
  ['whatWouldChange', () => whatWouldChange(state.facts, asOf, book, a)],
  ['describeAssessment', () => describeAssessment(t, a, change, [...state.dontKnow])],
  ['timelineModel', () => timelineModel(a, asOf)],
  ['page context', () => kit.context(LANG, '/result')],
  ['renderToString', () => renderToString(page())],
  ['kit.render (+ isolate, page CSS)', () => kit.render(page())],
  [
    'brotli q4 (thread pool)',
    () => brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
  ],
];
console.log(`result page (${LANG}), ${(html.length / 1024).toFixed(1)} KB HTML, median of ${RUNS} runs:`);
for (const [name, fn] of stages) console.log(`  ${name.padEnd(26)} ${median(fn).toFixed(3)} ms`);

const app = await buildApp({ today: () => asOf });
const url = `/${LANG}/result?${QUERY}`;
for (let i = 0; i < 30; i++) await app.inject(url);
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  await app.inject({ url, headers: { 'accept-encoding': 'br' } });
  times.push(performance.now() - t0);
}
times.sort((x, y) => x - y);
console.log(`  ${'whole request (inject)'.padEnd(26)} ${times[Math.floor(times.length / 2)]!.toFixed(3)} ms`);
await app.close();
