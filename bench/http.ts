/**
 * Throughput of the app against a bare Fastify hello-world on the same machine, measured
 * alternately in one run with autocannon: hello-world, POST /api/v1/assess, the result page and
 * search (API), round after round, so a change in the machine's load touches all of them alike.
 * Prints requests/s, p99 latency and errors per target, the ratios to hello-world against the
 * targets, and the app's resident memory over the run.
 *
 *   npm run bench:http                        a quick look (30 s of load on the app)
 *   BENCH_SECONDS=60 npm run bench:http       the full run (60 s of load on the app)
 *   BENCH_CONNECTIONS=200 (default), BENCH_ROUNDS=2 (default)
 *
 * The app runs as built (`npm start`, dist/; BENCH_SERVER=src runs the sources with tsx). The servers run in their own processes (the app with its rate limits off: RATE_LIMIT_*=0), the
 * load generator in this one, all on the same cores: the figures are relative, not absolute.
 * Exit code 1 when a ratio is below its target or a request failed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built server as in production (`npm start`: builds dist/ first when stale); BENCH_SERVER=src for the sources. */
const SERVER =
  process.env.BENCH_SERVER === 'src' ? ['--import', 'tsx', 'src/app/server.ts'] : ['bin/start.js'];

const RESULT_QUERY =
  'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01&permitDate=2023-03-01' +
  '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=false' +
  '&circumstances=birth&courseHours=300&examAttempts=1';
const ASSESS_BODY = JSON.stringify({
  asOf: '2025-11-20',
  facts: {
    nationality: 'ER',
    familyOfEeaCitizen: false,
    birthDate: '1996-12-12',
    permitPurpose: 'asylum',
    permitDate: '2022-11-02',
    schoolYearsInNL: 0,
    diplomas: [],
    hasIntegrationDiploma: false,
    pipDate: '2023-03-14',
    circumstances: ['birth'],
  },
});

interface Target {
  name: string;
  server: 'hello' | 'app';
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Share of hello-world's requests/s to reach. */
  target?: number;
}

const TARGETS: Target[] = [
  { name: 'hello-world', server: 'hello', method: 'GET', path: '/' },
  {
    name: 'POST /api/v1/assess',
    server: 'app',
    method: 'POST',
    path: '/api/v1/assess',
    body: ASSESS_BODY,
    target: 0.6,
  },
  { name: 'result page', server: 'app', method: 'GET', path: `/nl/result?${RESULT_QUERY}`, target: 0.25 },
  {
    name: 'search (API)',
    server: 'app',
    method: 'GET',
    path: '/api/v1/search?q=moet%20ik%20inburgeren&lang=nl',
    target: 0.5,
  },
];

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

const rss: number[] = [];
const sampler = setInterval(() => rss.push(rssOf(app.pid!)), 500);
const appTargets = TARGETS.filter((t) => t.server === 'app').length;
// The app's targets share SECONDS; hello-world gets as long as one app target.
const slot = Math.max(1, Math.round(SECONDS / appTargets / ROUNDS));
const totals = new Map(
  TARGETS.map((t) => [t.name, { requests: 0, seconds: 0, errors: 0, non2xx: 0, p99: [] as number[] }]),
);

console.log(
  `bench:http: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${slot} s per target, ` +
    `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(2)} at start`,
);
for (let round = 0; round < ROUNDS; round++) {
  for (const t of TARGETS) {
    const port = t.server === 'hello' ? helloPort : appPort;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}${t.path}`,
      method: t.method,
      connections: CONNECTIONS,
      duration: slot,
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      ...(t.body ? { body: t.body } : {}),
    });
    const total = totals.get(t.name)!;
    total.requests += result.requests.total;
    total.seconds += result.duration;
    total.errors += result.errors + result.timeouts;
    total.non2xx += result.non2xx;
    total.p99.push(result.latency.p99);
  }
}
clearInterval(sampler);
hello.kill();
app.kill();

const rate = (name: string) => totals.get(name)!.requests / totals.get(name)!.seconds;
const helloRate = rate('hello-world');
let failed = false;
console.log(
  `\n${'target'.padEnd(22)} ${'req/s'.padStart(8)} ${'× hello'.padStart(8)} ${'goal'.padStart(6)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'non-2xx'.padStart(8)}`,
);
for (const t of TARGETS) {
  const total = totals.get(t.name)!;
  const ratio = rate(t.name) / helloRate;
  const ok = (t.target === undefined || ratio >= t.target) && total.errors === 0 && total.non2xx === 0;
  if (!ok) failed = true;
  console.log(
    `${t.name.padEnd(22)} ${rate(t.name).toFixed(0).padStart(8)} ${(ratio * 100).toFixed(0).padStart(7)}% ` +
      `${t.target ? `${t.target * 100}%` : ''.padStart(0)}`.padEnd(6) +
      ` ${Math.max(...total.p99)
        .toFixed(0)
        .padStart(
          8,
        )} ${String(total.errors).padStart(7)} ${String(total.non2xx).padStart(8)} ${ok ? '' : '  ✗'}`,
  );
}
const settled = rss.slice(Math.floor(rss.length / 4));
const [first, last] = [settled[0] ?? 0, settled.at(-1) ?? 0];
console.log(
  `\napp RSS over the run: start ${rss[0]?.toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB, ` +
    `from the first quarter on ${first.toFixed(0)} → ${last.toFixed(0)} MB (${(((last - first) / first) * 100).toFixed(1)}%)`,
);
console.log(`load average at the end ${loadavg()[0]!.toFixed(2)}`);
process.exit(failed ? 1 : 0);
