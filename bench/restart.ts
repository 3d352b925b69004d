/**
 * Restart after a crash: the built server (node dist/server.js) under load is killed with SIGKILL
 * and started again at once (as systemd or a container runtime would); the figure is the time from
 * the kill to the first `/healthz` 200 of the new process. Target: ≤ 2 s.
 *
 *   npm run bench:restart                      3 kills, 4 s of load before each
 *   BENCH_KILLS=5 BENCH_CONNECTIONS=50         more kills, another load
 *
 * The load (autocannon: POST /api/v1/assess and the result page) runs in this process and keeps
 * running through the kill; the server runs with its rate limits off. All on the same cores, so
 * on a busy machine the figure includes waiting for a core. Exit code 1 when the median is over 2 s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureBuilt } from '../scripts/build.js';

const KILLS = Number(process.env.BENCH_KILLS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const LOAD_MS = 4000;
const TARGET_MS = 2000;

const RESULT_PATH =
  '/en/result?nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01' +
  '&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10';
const ASSESS_BODY = JSON.stringify({
  asOf: '2025-11-20',
  facts: { nationality: 'ER', birthDate: '1996-12-12', permitPurpose: 'asylum', permitDate: '2022-11-02' },
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const dist = await ensureBuilt();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'wegwijs-restart-'));

function startServer(): ChildProcess {
  return spawn(process.execPath, [join(dist, 'server.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      RATE_LIMIT_ASSESS: '0',
      RATE_LIMIT_SEARCH: '0',
      RATE_LIMIT_PDF: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Polls /healthz every 10 ms; resolves with the time of the first 200. */
async function ready(deadlineMs = 30_000): Promise<number> {
  const until = performance.now() + deadlineMs;
  while (performance.now() < until) {
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return performance.now();
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the server was not ready within 30 s');
}

/** CPU time (user + system, ms) a process has used, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

let server = startServer();
await ready();
// With a callback autocannon returns the running instance (to stop it); the figures here are ours.
const load = autocannon(
  {
    url: base,
    connections: CONNECTIONS,
    duration: Math.ceil(((LOAD_MS + 3000) * KILLS) / 1000) + 5,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/assess',
        headers: { 'content-type': 'application/json' },
        body: ASSESS_BODY,
      },
      { method: 'GET', path: RESULT_PATH },
    ],
  },
  () => {},
);

const figures: number[] = [];
const cpu: number[] = [];
try {
  for (let i = 0; i < KILLS; i++) {
    await new Promise((r) => setTimeout(r, LOAD_MS));
    const exited = new Promise((r) => server.once('exit', r));
    const killedAt = performance.now();
    server.kill('SIGKILL');
    await exited;
    server = startServer();
    const readyAt = await ready();
    const used = cpuMs(server.pid);
    figures.push(readyAt - killedAt);
    if (used !== undefined) cpu.push(used);
    console.log(
      `kill ${i + 1}: ready again after ${Math.round(readyAt - killedAt)} ms` +
        (used === undefined ? '' : ` (the new process used ${used} ms of CPU by then)`),
    );
  }
} finally {
  load.stop();
  server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}

const sorted = [...figures].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(
  `restart after kill -9 under load (${CONNECTIONS} connections): median ${Math.round(median)} ms, ` +
    `worst ${Math.round(sorted.at(-1)!)} ms; target ≤ ${TARGET_MS} ms; load average ${loadavg()[0]!.toFixed(1)}`,
);
if (cpu.length)
  console.log(
    `CPU time of the new process until ready: median ${[...cpu].sort((a, b) => a - b)[Math.floor(cpu.length / 2)]} ms ` +
      '(its start plus the load it served before the health check got through)',
  );
process.exitCode = median <= TARGET_MS ? 0 : 1;
