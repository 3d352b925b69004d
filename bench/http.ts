/**
 * Throughput of the app against a bare Fastify hello-world on the same machine, measured
 * alternately in one run with autocannon: hello-world, POST /api/v1/assess, the result page and
 * search (API), round after round, so a change in the machine's load touches all of them alike.
 *
 *   npm run bench:http                        a quick look (30 s of measured load on the app)
 *   BENCH_SECONDS=60 npm run bench:http       the full run
 *   BENCH_CONNECTIONS=200, BENCH_ROUNDS=2, BENCH_WORKERS=2, BENCH_WARMUP=10 (seconds), BENCH_POOL=2000
 *   BENCH_ONLY=result                         only the targets whose name matches (and hello-world)
 *
 * What it measures, honestly:
 * - The server, not the client. autocannon runs in BENCH_WORKERS worker threads (one JS thread
 *   could not send a result page as fast as the app makes it), and for every target the output
 *   prints the CPU the load generator used and the CPU the server used, so it shows which side
 *   was saturated. The server's CPU time per request (its process: main thread, zlib's thread
 *   pool, kernel time on its sockets) does not depend on how fast the client is: the ratio of
 *   hello-world's to a target's is what the target would reach if the server alone were the
 *   limit. Hello-world is sent exactly as the app's targets are (same workers, connections,
 *   headers and request function).
 * - No cache mistaken for speed. Assess and the result page run with one body or URL (as before)
 *   and with a pool of BENCH_POOL generated fact sets (bench/pools.ts; the result page's kept
 *   pages then serve ~PAGE_CACHE_ENTRIES/BENCH_POOL of requests); search with one question and
 *   with every question of the development eval, in all its languages. The goals are checked on
 *   the varied pools, with the single-request figures beside them.
 * - Memory after warming up: BENCH_WARMUP seconds of full load on the app's targets first (not
 *   measured), then the app's RSS sampled over the measured rounds: first, last, min, max and
 *   whether every sample is within ±10 % of the middle of that range.
 * - /healthz (issue 8: p99 ≤ 100 ms under this load): asked every 50 ms from this process's main
 *   thread (the load is sent from the workers) while the app is under load.
 *
 * The app runs as built (`npm start`, dist/; BENCH_SERVER=src runs the sources with tsx), the
 * servers in their own processes (the app with its rate limits off: RATE_LIMIT_*=0), the load
 * generator in this one, all on the same cores: the figures are relative, not absolute.
 * Exit code 1 when a goal is missed (by requests/s or by server CPU, or its µs budget, docs/adr/016), a request failed or got
 * another status than 2xx, RSS is not flat, or /healthz p99 is above 100 ms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ASSESS_REQUEST, assessItems, factSets, type PoolItem, resultItems, searchItems } from './pools.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const POOL = Number(process.env.BENCH_POOL ?? 2000);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built server as in production (`npm start`: builds dist/ first when stale); BENCH_SERVER=src for the sources. */
const SERVER =
  process.env.BENCH_SERVER === 'src' ? ['--import', 'tsx', 'src/app/server.ts'] : ['bin/start.js'];
/** Clock ticks a second in /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const TICKS = 100;

const RESULT_QUERY =
  'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01&permitDate=2023-03-01' +
  '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=false' +
  '&circumstances=birth&courseHours=300&examAttempts=1';
const ASSESS_BODY = JSON.stringify(ASSESS_REQUEST);

interface Target {
  name: string;
  server: 'hello' | 'app';
  method: 'GET' | 'POST';
  pool: PoolItem[];
  /** Share of hello-world to reach (checked by requests/s and by server CPU). */
  target?: number;
  /** Server CPU per request not to exceed, µs (docs/adr/016; checked beside the share). */
  budgetUs?: number;
}

// ── the servers ─────────────────────────────────────────────────────────────────────────────────
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function start(script: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, script, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 600_000; // a stale dist/ is rebuilt first (minutes on a busy machine)
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {}
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`${script.join(' ')} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
/** CPU seconds a process has used (user + system, all its threads). */
const cpuOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
};
/** CPU seconds this process (the load generator, all its threads) has used. */
const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const HELLO = `
const fastify = require('fastify')();
fastify.get('/', async () => ({ hello: 'world' }));
fastify.get('/healthz', async () => ({ ok: true }));
fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

const [helloPort, appPort] = [await freePort(), await freePort()];
const hello = await start(['-e', HELLO], {}, helloPort);
const app = await start(
  SERVER,
  { RATE_LIMIT_ASSESS: '0', RATE_LIMIT_SEARCH: '0', RATE_LIMIT_PDF: '0' },
  appPort,
);
const appBase = `http://127.0.0.1:${appPort}`;

// ── the requests ────────────────────────────────────────────────────────────────────────────────
/** The items the app answers with 2xx (a generated fact set can be one the check refuses or asks about). */
async function answered(items: PoolItem[], method: 'GET' | 'POST'): Promise<PoolItem[]> {
  const ok: PoolItem[] = [];
  for (let i = 0; i < items.length; i += 32) {
    await Promise.all(
      items.slice(i, i + 32).map(async (item) => {
        const res = await fetch(appBase + item.path, {
          method,
          redirect: 'manual',
          headers: { 'content-type': 'application/json' },
          ...(item.body ? { body: item.body } : {}),
        });
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 300) ok.push(item);
      }),
    );
  }
  return ok;
}

const today = new Date().toISOString().slice(0, 10);
const facts = factSets(POOL);
const [assessPool, resultPool, searchPool] = [
  await answered(assessItems(facts, today), 'POST'),
  await answered(resultItems(facts), 'GET'),
  await answered(searchItems(), 'GET'),
];

const ALL_TARGETS: Target[] = [
  { name: 'hello-world', server: 'hello', method: 'GET', pool: [{ path: '/' }] },
  {
    name: 'assess, one body',
    server: 'app',
    method: 'POST',
    pool: [{ path: '/api/v1/assess', body: ASSESS_BODY }],
  },
  {
    name: `assess, ${assessPool.length} bodies`,
    server: 'app',
    method: 'POST',
    pool: assessPool,
    target: 0.6,
    budgetUs: 250,
  },
  {
    name: 'result page, one URL',
    server: 'app',
    method: 'GET',
    pool: [{ path: `/nl/result?${RESULT_QUERY}` }],
  },
  {
    name: `result page, ${resultPool.length} URLs`,
    server: 'app',
    method: 'GET',
    pool: resultPool,
    target: 0.25,
    budgetUs: 3000,
  },
  {
    name: 'search, one question',
    server: 'app',
    method: 'GET',
    pool: [{ path: '/api/v1/search?q=moet%20ik%20inburgeren&lang=nl' }],
  },
  {
    name: `search, ${searchPool.length} questions`,
    server: 'app',
    method: 'GET',
    pool: searchPool,
    target: 0.5,
    budgetUs: 1500,
  },
];
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined;
const TARGETS = ALL_TARGETS.filter((t) => t.server === 'hello' || !only || only.test(t.name));

const poolDir = mkdtempSync(join(tmpdir(), 'wegwijs-bench-'));
process.env.BENCH_POOLS = join(poolDir, 'pools.json');
writeFileSync(
  process.env.BENCH_POOLS,
  JSON.stringify(Object.fromEntries(TARGETS.map((t, i) => [i, t.pool]))),
);
const SETUP = fileURLToPath(new URL('pool-request.cjs', import.meta.url));

/** One autocannon run against a target; the CPU both sides used meanwhile. */
async function load(t: Target, seconds: number) {
  const server = t.server === 'hello' ? hello : app;
  const port = t.server === 'hello' ? helloPort : appPort;
  const [client0, server0] = [ownCpu(), cpuOf(server.pid!)];
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    workers: WORKERS,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
    requests: [{ method: t.method, path: `/__pool__/${TARGETS.indexOf(t)}`, setupRequest: SETUP as never }],
  });
  return { result, clientCpu: ownCpu() - client0, serverCpu: cpuOf(server.pid!) - server0 };
}

// ── /healthz and memory, sampled from this thread while the workers send the load ────────────────
let probing: string | undefined;
const healthz = new Map<string, number[]>();
const probe = (async () => {
  for (;;) {
    if (probing === 'stop') return;
    if (probing) {
      const times = healthz.get(probing) ?? healthz.set(probing, []).get(probing)!;
      const t0 = performance.now();
      try {
        await (await fetch(`${appBase}/healthz`)).arrayBuffer();
        times.push(performance.now() - t0);
      } catch {
        times.push(Number.POSITIVE_INFINITY);
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
})();
const rss: { warm: boolean; mb: number }[] = [];
let warm = false;
const sampler = setInterval(() => rss.push({ warm, mb: rssOf(app.pid!) }), 250);

// ── the run ─────────────────────────────────────────────────────────────────────────────────────
const appTargets = TARGETS.filter((t) => t.server === 'app');
// The app's targets share SECONDS; hello-world gets as long as one app target.
const slot = Math.max(2, Math.round(SECONDS / appTargets.length / ROUNDS));
console.log(
  `bench:http: ${CONNECTIONS} connections from ${WORKERS} autocannon worker threads, ${ROUNDS} rounds of ` +
    `${slot} s per target after ${WARMUP} s of warm-up; ${availableParallelism()} cores, ` +
    `load average ${loadavg()[0]!.toFixed(2)} at start`,
);
console.log(
  `pools: ${assessPool.length} assess bodies and ${resultPool.length} result URLs answered 2xx of ${POOL} ` +
    `generated fact sets; ${searchPool.length} eval questions`,
);
const warmSlot = Math.max(1, Math.round(WARMUP / appTargets.length));
for (const t of appTargets) await load(t, warmSlot);
warm = true;

const totals = new Map(
  TARGETS.map((t) => [
    t.name,
    { requests: 0, seconds: 0, errors: 0, non2xx: 0, p99: [] as number[], clientCpu: 0, serverCpu: 0 },
  ]),
);
for (let round = 0; round < ROUNDS; round++) {
  for (const t of TARGETS) {
    probing = t.server === 'app' ? t.name : undefined;
    const { result, clientCpu, serverCpu } = await load(t, slot);
    probing = undefined;
    const total = totals.get(t.name)!;
    total.requests += result.requests.total;
    total.seconds += result.duration;
    total.errors += result.errors + result.timeouts;
    total.non2xx += result.non2xx;
    total.p99.push(result.latency.p99);
    total.clientCpu += clientCpu;
    total.serverCpu += serverCpu;
  }
}
probing = 'stop';
await probe;
clearInterval(sampler);
hello.kill();
app.kill();
rmSync(poolDir, { recursive: true, force: true });

// ── the figures ─────────────────────────────────────────────────────────────────────────────────
const rate = (name: string) => totals.get(name)!.requests / totals.get(name)!.seconds;
const cpuPerRequest = (name: string) => totals.get(name)!.serverCpu / totals.get(name)!.requests;
const helloRate = rate('hello-world');
const helloCpu = cpuPerRequest('hello-world');
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
let failed = false;
const columns = [
  ['target', 26],
  ['req/s', 8],
  ['× hello', 8],
  ['µs CPU/req', 11],
  ['× hello CPU', 12],
  ['goal', 5],
  ['µs budget', 10],
  ['p99 ms', 7],
  ['client CPU', 11],
  ['server CPU', 11],
  ['healthz p99', 12],
  ['errors', 7],
  ['non-2xx', 8],
] as const;
console.log(
  `\n${columns.map(([name, width], i) => (i ? name.padStart(width) : name.padEnd(width))).join(' ')}`,
);
for (const t of TARGETS) {
  const total = totals.get(t.name)!;
  const ratio = rate(t.name) / helloRate;
  const cpuRatio = helloCpu / cpuPerRequest(t.name);
  const probes = healthz.get(t.name) ?? [];
  const withinBudget = t.budgetUs === undefined || cpuPerRequest(t.name) * 1e6 <= t.budgetUs;
  const ok =
    (t.target === undefined || (ratio >= t.target && cpuRatio >= t.target)) &&
    withinBudget &&
    total.errors === 0 &&
    total.non2xx === 0;
  if (!ok) failed = true;
  const cells = [
    t.name,
    rate(t.name).toFixed(0),
    pct(ratio),
    (cpuPerRequest(t.name) * 1e6).toFixed(0),
    pct(cpuRatio),
    t.target ? pct(t.target) : '',
    t.budgetUs ? `${t.budgetUs}${withinBudget ? '' : ' ✗'}` : '',
    Math.max(...total.p99).toFixed(0),
    pct(total.clientCpu / total.seconds),
    pct(total.serverCpu / total.seconds),
    probes.length ? quantile(probes, 0.99).toFixed(0) : '',
    String(total.errors),
    String(total.non2xx),
  ];
  console.log(
    `${cells.map((c, i) => (i ? c.padStart(columns[i]![1]) : c.padEnd(columns[i]![1]))).join(' ')}${ok ? '' : '  ✗'}`,
  );
}
console.log(
  `(client/server CPU: share of one core during the target's seconds; ${WORKERS} worker threads can use ` +
    `${WORKERS * 100}%. × hello CPU: hello-world's server CPU per request over the target's, i.e. the share ` +
    `the server would reach if it alone were the limit. Goals are checked on both ratios. µs budget: the ` +
    `server CPU per request the target may use (docs/adr/016), checked too.)`,
);

const allProbes = [...healthz.values()].flat();
const healthP99 = quantile(allProbes, 0.99);
const healthOk = allProbes.length > 0 && healthP99 <= 100;
if (!healthOk) failed = true;
console.log(
  `\n/healthz while the app is under load: ${allProbes.length} probes, p50 ${quantile(allProbes, 0.5).toFixed(1)} ms, ` +
    `p99 ${healthP99.toFixed(1)} ms, max ${Math.max(...allProbes).toFixed(1)} ms ${healthOk ? '(goal p99 ≤ 100 ms)' : '✗ (goal p99 ≤ 100 ms)'}`,
);

const warmup = rss.filter((s) => !s.warm).map((s) => s.mb);
const measured = rss.filter((s) => s.warm).map((s) => s.mb);
const [first, last] = [measured[0] ?? 0, measured.at(-1) ?? 0];
const [min, max] = [Math.min(...measured), Math.max(...measured)];
// Flat: every sample within ±10 % of the middle of the range (max ≤ 1.22 × min).
const spread = (max - min) / (max + min);
const flat = measured.length > 0 && spread <= 0.1;
if (!flat) failed = true;
console.log(
  `app RSS: during the ${WARMUP} s warm-up at full load (not judged) ${warmup[0]?.toFixed(0)} → ` +
    `${warmup.at(-1)?.toFixed(0)} MB; over the measured rounds (${measured.length} samples) first ${first.toFixed(0)}, ` +
    `last ${last.toFixed(0)}, min ${min.toFixed(0)}, max ${max.toFixed(0)} MB: ±${(spread * 100).toFixed(0)}% ` +
    `${flat ? '(goal ±10%)' : '✗ (goal ±10%)'}`,
);
console.log(`load average at the end ${loadavg()[0]!.toFixed(2)}`);
process.exit(failed ? 1 : 0);
