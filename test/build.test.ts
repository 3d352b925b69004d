// The build as an operator runs it: dist/ made by `npm run build` (npm test builds first), started
// with plain node from a read-only copy of the code, serving its precompressed files.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { loadRuleSet } from '#adapters/content/load-rulebook.ts';
import { ensureBuilt, sourceHash, staleness } from '../scripts/build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let dist = '';

before(async () => {
  dist = await ensureBuilt({ root, log: () => {} });
});

test('dist/ is plain JavaScript that needs neither tsx nor esbuild at run time', () => {
  const server = readFileSync(join(dist, 'server.js'), 'utf8');
  assert.doesNotMatch(server, /from ["'](esbuild|tsx)/);
  assert.doesNotMatch(server, /dev-assets|build-assets/);
  assert.doesNotMatch(server, /import [^;]*["']#(domain|adapters|app|i18n)\//);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  assert.equal(manifest.sourceHash, sourceHash(root));
  for (const path of ['/assets/app.js', '/assets/offline-search.js', '/sw.js', '/nl/search-index.json'])
    assert.deepEqual(manifest.files[path].encodings, ['br', 'gzip', 'identity'], path);
});

test('a changed source file makes dist/ stale', () => {
  const copy = mkdtempSync(join(tmpdir(), 'wegwijs-stale-'));
  try {
    for (const entry of ['src', 'content', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts'])
      cpSync(join(root, entry), join(copy, entry), { recursive: true });
    cpSync(dist, join(copy, 'dist'), { recursive: true });
    assert.equal(staleness(copy), undefined);
    writeFileSync(join(copy, 'src', 'app', 'clock.ts'), '// changed\n', { flag: 'a' });
    assert.equal(staleness(copy), 'the sources changed since the last build');
    rmSync(join(copy, 'dist', 'search'), { recursive: true });
    assert.equal(staleness(copy), 'dist/search/index.json is missing');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

let server: ChildProcess | undefined;
let base = '';
let readOnly = '';
let dataDir = '';

async function startReadOnlyCopy() {
  readOnly = mkdtempSync(join(tmpdir(), 'wegwijs-ro-'));
  dataDir = mkdtempSync(join(tmpdir(), 'wegwijs-data-'));
  for (const entry of readdirSync(root)) {
    if (['node_modules', 'var', '.git', 'tmp', 'screenshots', 'scratch'].includes(entry)) continue;
    if (entry.startsWith('dist')) continue;
    cpSync(join(root, entry), join(readOnly, entry), { recursive: true });
  }
  cpSync(dist, join(readOnly, 'dist'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(readOnly, 'node_modules'));
  chmodRecursive(readOnly, false);
  server = spawn(process.execPath, [join(readOnly, 'bin', 'start.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr?.on('data', (d) => {
    stderr += d;
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start within 60 s: ${out}${stderr}`)), 60_000);
    server?.stdout?.on('data', (d) => {
      out += d;
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server?.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

function chmodRecursive(dir: string, writable: boolean) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    chmodSync(path, entry.isDirectory() ? (writable ? 0o755 : 0o555) : writable ? 0o644 : 0o444);
  }
  chmodSync(dir, writable ? 0o755 : 0o555);
}

after(() => {
  server?.kill('SIGKILL');
  if (readOnly) {
    chmodRecursive(readOnly, true);
    rmSync(readOnly, { recursive: true, force: true });
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the build runs from a read-only copy of the code, with DATA_DIR elsewhere', async () => {
  await startReadOnlyCopy();
  const health = await fetch(`${base}/healthz`);
  assert.equal(health.status, 200);
  // The built server names the same rule set as the sources (rule data + engine code version).
  assert.equal(((await health.json()) as { rulesVersion: string }).rulesVersion, loadRuleSet().version);
  const page = await fetch(`${base}/nl/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<html lang="nl"/);
});

test('static files are served precompressed, as the build wrote them, with ETags', async () => {
  const res = await fetch(`${base}/assets/app.js`, { headers: { 'accept-encoding': 'br' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('vary'), 'accept-encoding');
  // fetch decodes the body: compare it with the brotli file the build wrote, decoded.
  const expected = brotliDecompressSync(readFileSync(join(dist, 'public', 'assets', 'app.js.br'))).toString();
  assert.equal(await res.text(), expected);
  const etag = res.headers.get('etag');
  assert.match(etag ?? '', /^"[0-9a-f]{16}-br"$/);
  const again = await fetch(`${base}/assets/app.js`, {
    headers: { 'accept-encoding': 'br', 'if-none-match': etag! },
  });
  assert.equal(again.status, 304);
  const index = await fetch(`${base}/en/search-index.json`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(index.status, 200);
  assert.equal(index.headers.get('content-encoding'), 'gzip');
  assert.equal((await index.json()).format, 'wegwijs-search/1');
});

test('search answers from the built index (read once the server listens)', async () => {
  const res = await fetch(`${base}/api/v1/search?q=boete&lang=nl`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { results: { topic: string }[] };
  assert.ok(body.results.length > 0);
  assert.ok(body.results.some((r) => r.topic === 'fine'));
});
