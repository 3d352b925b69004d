/**
 * Page weight and Largest Contentful Paint of every page type, on a cheap phone on a slow line.
 *
 *   npm run bench:pages            (BENCH_RUNS=5 for more LCP runs, BENCH_LANG=ar for another language)
 *
 * Sizes: every response of a cold first visit (the HTML with its inline CSS, app.js, anything else
 * the browser asks for, such as the favicon), raw and compressed here from the bodies (gzip and brotli at the server's page levels,
 * src/adapters/web/compress.ts), and what actually crossed the wire (CDP encodedDataLength).
 *
 * LCP: a 360 × 740 phone context, slow 3G by CDP (Network.emulateNetworkConditions: 400 kbit/s down
 * and up, 400 ms latency) and a 4× slower CPU (Emulation.setCPUThrottlingRate), read with a
 * PerformanceObserver for 'largest-contentful-paint'; the median of BENCH_RUNS fresh (cold cache)
 * loads. Service workers are blocked for LCP (CDP does not throttle a worker's downloads); what the
 * service worker downloads on a first visit is measured and printed separately.
 *
 * Targets: critical HTML+CSS ≤ 14 KB compressed (the first round trip), total ≤ 50 KB, LCP ≤ 2.5 s.
 */
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { BROTLI_QUALITY, GZIP_LEVEL } from '#adapters/web/compress.ts';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import { launchBrowser } from '../test/e2e/browser.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LANG = process.env.BENCH_LANG ?? 'en';
const KB = 1024;
const k = (n: number) => (n / KB).toFixed(1);
const TARGET = { critical: 14 * KB, total: 50 * KB, lcp: 2500 };

const ASYLUM = 'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false';
const COMPLETE =
  `${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0` +
  '&pipDate=2023-05-10&medicalLimitation=false&circumstances=birth&courseHours=300&examAttempts=1';

const PAGES: Record<string, string> = {
  start: '/',
  'q: country': '/check',
  'q: choice': '/check?nationality=SY',
  'q: yes-no': '/check?nationality=SY&permitPurpose=asylum',
  'q: date': `/check?${ASYLUM}`,
  'q: multi-choice': `/check?${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false`,
  'q: number': `/check?${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=`,
  'q: error': `/check?${ASYLUM}&q=birthDate&answer-day=31&answer-month=2&answer-year=1990`,
  summary: `/summary?${COMPLETE}`,
  result: `/result?${COMPLETE}`,
  help: '/help',
  'kb topic': '/kb/extension-pregnancy-birth',
  search: '/search?q=DUO',
};

// At the levels the server compresses pages with, so the figures here are what it sends.
const gz = (b: Buffer) => gzipSync(b, { level: GZIP_LEVEL }).length;
const br = (b: Buffer) =>
  brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }).length;

// ── the app ─────────────────────────────────────────────────────────────────────────────────────
const app = await buildApp({ today: () => date('2026-03-02'), nowTime: () => '10:00' });
await app.listen({ port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const browser: Browser = await launchBrowser();
const phone = (serviceWorkers: 'allow' | 'block') =>
  browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    serviceWorkers,
  });

// ── sizes: every response of a cold first visit ─────────────────────────────────────────────────
interface Sizes {
  status: number;
  html: [number, number, number];
  css: [number, number, number];
  js: [number, number, number];
  doc: [number, number, number];
  total: [number, number, number];
  served: number;
  docWire: number;
  encoding: string;
  requests: string[];
}

const triple = (b: Buffer): [number, number, number] => [b.length, gz(b), br(b)];
const add = (a: [number, number, number], b: [number, number, number]): [number, number, number] => [
  a[0] + b[0],
  a[1] + b[1],
  a[2] + b[2],
];

async function sizes(path: string): Promise<Sizes> {
  const context = await phone('block');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Every request of the visit, from CDP (Playwright does not report the favicon request).
  const seen = new Map<string, { url: string; type: string; encoding: string; wire: number }>();
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.entries(e.response.headers);
    const encoding = headers.find(([h]) => h.toLowerCase() === 'content-encoding')?.[1];
    seen.set(e.requestId, {
      url: e.response.url,
      type: e.response.mimeType,
      encoding: String(encoding ?? 'identity'),
      wire: 0,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (r) r.wire = e.encodedDataLength;
  });
  const res = await page.goto(`${origin}/${LANG}${path}`, { waitUntil: 'networkidle' });
  await context.close();

  const bodies: { url: string; type: string; body: Buffer; wire: number; encoding: string }[] = [];
  for (const r of seen.values()) {
    // The same bytes again from the app (uncompressed), to compress them here.
    const body = Buffer.from(
      await (
        await fetch(r.url, { redirect: 'manual', headers: { 'accept-encoding': 'identity' } })
      ).arrayBuffer(),
    );
    bodies.push({ ...r, body });
  }
  const main = bodies.find((b) => b.url === res?.url())!;
  const doc = main.body;
  const htmlText = doc.toString('utf8');
  const css = Buffer.from(
    [...htmlText.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join(''),
    'utf8',
  );
  const htmlOnly = Buffer.from(htmlText.replace(/(<style[^>]*>)[\s\S]*?(<\/style>)/g, '$1$2'), 'utf8');
  const sum = (list: typeof bodies) =>
    list.reduce<[number, number, number]>((t, b) => add(t, triple(b.body)), [0, 0, 0]);
  return {
    status: res?.status() ?? 0,
    html: triple(htmlOnly),
    css: triple(css),
    js: sum(bodies.filter((b) => /javascript/.test(b.type))),
    doc: triple(doc),
    total: sum(bodies),
    served: bodies.reduce((t, b) => t + b.wire, 0),
    docWire: main.wire,
    encoding: main.encoding,
    requests: bodies.map((b) => `${new URL(b.url).pathname} ${k(b.body.length)}`),
  };
}

// ── LCP under slow 3G and a 4× slower CPU ──────────────────────────────────────────────────────
async function lcp(base: string, path: string): Promise<{ ms: number; element: string }> {
  const context: BrowserContext = await phone('block');
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1000) / 8,
      uploadThroughput: (400 * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${base}/${LANG}${path}`, { waitUntil: 'load', timeout: 60_000 });
    // A string, so the bundler adds no helpers: the last LCP entry once two frames have passed.
    return await page.evaluate(`new Promise((resolve) => {
      let last = null;
      new PerformanceObserver((list) => { const e = list.getEntries(); last = e[e.length - 1]; })
        .observe({ type: 'largest-contentful-paint', buffered: true });
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve({
        ms: last ? last.startTime : NaN,
        element: last && last.element ? last.element.tagName.toLowerCase() + (last.element.className ? '.' + String(last.element.className).split(' ')[0] : '') : '?',
      }), 100)));
    })`);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// ── the service worker's first-visit downloads ─────────────────────────────────────────────────
async function serviceWorkerDownloads(): Promise<{
  requests: number;
  bytes: number;
  gz: number;
  br: number;
  largest: string[];
}> {
  const context = await phone('allow');
  const seen: Promise<{ path: string; size: [number, number, number] }>[] = [];
  context.on('requestfinished', (r) => {
    // Bodies of the worker's requests are not readable here: the same URL again from the app.
    if (r.serviceWorker())
      seen.push(
        fetch(r.url(), { headers: { 'accept-encoding': 'identity' } })
          .then((res) => res.arrayBuffer())
          .then((b) => ({ path: new URL(r.url()).pathname, size: triple(Buffer.from(b)) })),
      );
  });
  const page = await context.newPage();
  await page.goto(`${origin}/${LANG}/`, { waitUntil: 'load' });
  // Wait until the worker is active and has stopped downloading.
  let count = -1;
  for (let i = 0; i < 60 && count !== seen.length; i++) {
    count = seen.length;
    await page.waitForTimeout(1000);
  }
  const all = await Promise.all(seen);
  await context.close();
  const sum = all.reduce<[number, number, number]>((t, x) => add(t, x.size), [0, 0, 0]);
  const largest = [...all]
    .sort((a, b) => b.size[0] - a.size[0])
    .slice(0, 4)
    .map((x) => `${x.path} ${k(x.size[0])} raw / ${k(x.size[1])} gzip`);
  return { requests: all.length, bytes: sum[0], gz: sum[1], br: sum[2], largest };
}

// ── run and print ───────────────────────────────────────────────────────────────────────────────
const t3 = (t: [number, number, number]) => `${k(t[0])} / ${k(t[1])} / ${k(t[2])}`;
const sec = (n: number) => (Number.isNaN(n) ? '–' : `${(n / 1000).toFixed(2)} s`);
const ok = (b: boolean) => (b ? 'yes' : 'NO');

console.log(
  `Wegwijs pages (${LANG}), first visit, cold cache, 360×740 phone. Sizes in KB: raw / gzip-${GZIP_LEVEL} / brotli-${BROTLI_QUALITY} (computed here ` +
    `from the bodies). LCP: median of ${RUNS} loads as served, slow 3G (400 kbit/s down and up, 400 ms) and 4× CPU.\n`,
);
const rows: string[][] = [];
const failures: string[] = [];
const requestLists: string[] = [];
for (const [name, path] of Object.entries(PAGES)) {
  const z = await sizes(path);
  if (z.status === 404) {
    rows.push([name, '404 (no such page yet)']);
    continue;
  }
  requestLists.push(`  ${name}: ${z.requests.join(', ')}`);
  const runs: number[] = [];
  let element = '';
  for (let i = 0; i < RUNS; i++) {
    const a = await lcp(origin, path);
    runs.push(a.ms);
    element = a.element;
  }
  const lcpMs = median(runs);
  const critical = z.doc[1] <= TARGET.critical;
  const total = z.total[1] <= TARGET.total;
  const fast = lcpMs <= TARGET.lcp;
  if (!critical) failures.push(`${name}: critical HTML+CSS ${k(z.doc[1])} KB gzip > 14 KB`);
  if (!total) failures.push(`${name}: total ${k(z.total[1])} KB gzip > 50 KB`);
  if (!fast) failures.push(`${name}: LCP ${sec(lcpMs)} > 2.5 s`);
  rows.push([
    name,
    String(z.status),
    t3(z.html),
    t3(z.css),
    t3(z.js),
    t3(z.doc),
    t3(z.total),
    `${k(z.docWire)} ${z.encoding}`,
    `${k(z.served)} (${z.requests.length})`,
    `${sec(lcpMs)} (${sec(Math.min(...runs))}–${sec(Math.max(...runs))})`,
    element,
    `${ok(critical)} / ${ok(total)} / ${ok(fast)}`,
  ]);
}

const header = [
  'page',
  'HTTP',
  'HTML (no CSS)',
  'CSS (inline)',
  'JS',
  'critical HTML+CSS',
  'total',
  'HTML on wire',
  'all on wire (req)',
  'LCP median (min–max)',
  'LCP element',
  '≤14 KB / ≤50 KB / ≤2.5 s',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line([...r, ...Array(header.length - r.length).fill('')]));

console.log(`\nRequests of each first visit (KB raw):\n${requestLists.join('\n')}`);
const sw = await serviceWorkerDownloads();
console.log(
  `\nService worker, first visit to /${LANG}/ (in the background, after the page): ${sw.requests} downloads, ` +
    `${k(sw.bytes)} KB raw, ${k(sw.gz)} KB gzip, ${k(sw.br)} KB brotli. Largest: ${sw.largest.join(', ')}.`,
);
console.log(
  '"critical" is the whole HTML response (the CSS is inline); "total" is every response of the visit; the verdicts ' +
    'use gzip. "on wire" is what Chromium received (CDP encodedDataLength, headers included) with the encoding the ' +
    'server chose.',
);
console.log(failures.length ? `\nTargets not met:\n  ${failures.join('\n  ')}` : '\nAll targets met.');

await browser.close();
await app.close();
