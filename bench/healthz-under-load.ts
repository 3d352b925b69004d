/**
 * Is the server still answering while expensive work runs? /healthz is asked every 50 ms while
 * (1) 20 PDFs are requested at once, then (2) 12 offline search indexes are downloaded at once
 * (every language, as "save for offline use" does). Prints /healthz p50/p99/max per phase and
 * what the PDF requests got (made, or 503 "busy" beyond the pool and its queue).
 *
 *   npm run bench:healthz
 *
 * /healthz under the throughput load (200 connections on assess, the result page and search) is
 * measured by `npm run bench:http`, which prints its p99 per target and in all.
 *
 * The app runs in its own process with its rate limits off (RATE_LIMIT_*=0). Exit code 1 when
 * /healthz p99 is above 100 ms in a phase. A figure, not a test: the machine's load moves it.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '#i18n/locales.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUERY =
  'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01&permitDate=2023-03-01' +
  '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=false' +
  '&circumstances=birth&courseHours=300&examAttempts=1';

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;
// The built server as in production (`npm start`: builds dist/ first when stale); BENCH_SERVER=src for the sources.
const SERVER =
  process.env.BENCH_SERVER === 'src' ? ['--import', 'tsx', 'src/app/server.ts'] : ['bin/start.js'];
const app = spawn(process.execPath, SERVER, {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PDF: '0',
    RATE_LIMIT_SEARCH: '0',
    RATE_LIMIT_ASSESS: '0',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  if (i > 3000) throw new Error('the app did not start');
  await new Promise((r) => setTimeout(r, 200));
}
// Warm: the browser for PDFs is started on the first one; the offline indexes are made once.
await fetch(`${base}/nl/result.pdf?${QUERY}`);
for (const lang of LOCALES) await fetch(`${base}/${lang}/search-index.json`);

async function phase(name: string, work: () => Promise<string[]>) {
  const times: number[] = [];
  let done = false;
  const probe = (async () => {
    while (!done) {
      const t0 = performance.now();
      await fetch(`${base}/healthz`).then((r) => r.arrayBuffer());
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  const outcomes = await work();
  const seconds = (performance.now() - t0) / 1000;
  done = true;
  await probe;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const tally = new Map<string, number>();
  for (const o of outcomes) tally.set(o, (tally.get(o) ?? 0) + 1);
  const counts = [...tally].map(([k, v]) => `${v}× ${k}`).join(', ');
  const p99 = at(0.99);
  console.log(
    `${name}: ${seconds.toFixed(1)} s (${counts}); /healthz ${times.length} probes: ` +
      `p50 ${at(0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms ${p99 <= 100 ? '' : '✗ (target p99 ≤ 100 ms)'}`,
  );
  return p99 <= 100;
}

console.log(`bench:healthz, load average ${loadavg()[0]!.toFixed(2)} at start`);
const okPdf = await phase('20 PDFs at once', () =>
  Promise.all(
    Array.from({ length: 20 }, () =>
      fetch(`${base}/nl/result.pdf?${QUERY}`).then(async (r) => {
        await r.arrayBuffer();
        return String(r.status);
      }),
    ),
  ),
);
const langs = Array.from({ length: 12 }, (_, i) => LOCALES[i % LOCALES.length]!);
const okIndex = await phase('12 offline indexes at once', () =>
  Promise.all(
    langs.map((lang) =>
      fetch(`${base}/${lang}/search-index.json`, { headers: { 'accept-encoding': 'br' } }).then(async (r) => {
        const sent = Number(r.headers.get('content-length') ?? 0);
        await r.arrayBuffer();
        return `${r.status} (${(sent / 1024).toFixed(0)} KB ${r.headers.get('content-encoding') ?? ''})`;
      }),
    ),
  ),
);
app.kill();
process.exit(okPdf && okIndex ? 0 : 1);
