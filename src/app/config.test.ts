import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError, DEFAULT_LIMITS, defaultConfig, loadConfig, PROJECT_ROOT } from './config.ts';

const root = '/srv/wegwijs';
const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env, root);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
};

test('nothing set: the defaults, with the data directory under the project', () => {
  const config = loadConfig({}, root);
  assert.deepEqual(config, defaultConfig(root));
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, '/srv/wegwijs/data');
  assert.equal(config.logLevel, 'info');
  assert.equal(config.hsts, false);
  assert.equal(config.trustProxy, false);
  assert.deepEqual(config.limits, DEFAULT_LIMITS);
});

test('the project root is the folder with package.json and content/', () => {
  assert.equal(PROJECT_ROOT, fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, ''));
});

test('every variable is read and converted', () => {
  const config = loadConfig(
    {
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/wegwijs',
      LOG_LEVEL: 'WARN',
      HSTS: 'on',
      TRUST_PROXY: '1',
      PDF_CONCURRENCY: '3',
      PDF_QUEUE: '0',
      PDF_TIMEOUT_MS: '5000',
      RATE_LIMIT_PDF: '5',
      RATE_LIMIT_SEARCH: '0',
      RATE_LIMIT_ASSESS: '1000',
      PAGE_CACHE_ENTRIES: '0',
    },
    root,
  );
  assert.equal(config.port, 8080);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.dataDir, '/var/lib/wegwijs');
  assert.equal(config.logLevel, 'warn');
  assert.equal(config.hsts, true);
  assert.equal(config.trustProxy, 1);
  assert.deepEqual(config.limits, {
    pdfConcurrency: 3,
    pdfQueue: 0,
    pdfTimeoutMs: 5000,
    pdfPerMinute: 5,
    searchPerMinute: 0,
    assessPerMinute: 1000,
    pageCacheEntries: 0,
  });
});

test('empty values count as not set; a relative DATA_DIR is under the project', () => {
  const config = loadConfig({ PORT: '', HOST: ' ', DATA_DIR: 'data/run' }, root);
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, '/srv/wegwijs/data/run');
});

test('TRUST_PROXY: off, on, a hop count, or addresses', () => {
  assert.equal(loadConfig({ TRUST_PROXY: 'off' }, root).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }, root).trustProxy, true);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }, root).trustProxy, 2);
  assert.equal(
    loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback' }, root).trustProxy,
    '10.0.0.0/8,127.0.0.1,loopback',
  );
  assert.match(problemsOf({ TRUST_PROXY: 'everyone' })[0]!, /^TRUST_PROXY: .*got "everyone"/);
});

test('every bad value is named at once, with what it must be and what it got', () => {
  const problems = problemsOf({
    PORT: '80a',
    HOST: 'a host',
    LOG_LEVEL: 'loud',
    HSTS: 'maybe',
    PDF_CONCURRENCY: '0',
    RATE_LIMIT_SEARCH: '-1',
    CHROMIUM_PATH: '/nowhere/chromium',
  });
  assert.deepEqual(
    problems.map((p) => p.split(':')[0]),
    ['PORT', 'HOST', 'LOG_LEVEL', 'HSTS', 'CHROMIUM_PATH', 'PDF_CONCURRENCY', 'RATE_LIMIT_SEARCH'],
  );
  assert.match(problems[0]!, /whole number from 0 to 65535 \(got "80a"\)/);
  assert.match(problems[2]!, /one of fatal, error, warn, info, debug, trace, silent/);
  assert.match(problems[5]!, /from 1 to 32 \(got "0"\)/);
});

test('PORT beyond 65535 and fractions are refused', () => {
  assert.equal(problemsOf({ PORT: '65536' }).length, 1);
  assert.equal(problemsOf({ PORT: '3000.5' }).length, 1);
});

test('DATA_DIR never inside node_modules or the code', () => {
  assert.match(
    problemsOf({ DATA_DIR: 'node_modules/.cache/wegwijs' })[0]!,
    /^DATA_DIR: must not be inside node_modules/,
  );
  assert.match(problemsOf({ DATA_DIR: 'dist/var' })[0]!, /^DATA_DIR: must not be inside the code/);
  assert.match(problemsOf({ DATA_DIR: '/srv/wegwijs/src' })[0]!, /^DATA_DIR: must not be inside the code/);
});

test('the server refuses to start on a bad value with one clear message and no stack trace', () => {
  const server = join(PROJECT_ROOT, 'src', 'app', 'server.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', server], {
    env: { ...process.env, PORT: 'eighty', LOG_LEVEL: 'loud' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 1);
  assert.equal(
    run.stderr.trim(),
    [
      'Wegwijs could not start: the configuration has errors:',
      '  PORT: must be a whole number from 0 to 65535 (got "eighty")',
      '  LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ].join('\n'),
  );
});

test('HSTS is sent only when configured, and TRUST_PROXY decides the client address', async () => {
  const { buildApp } = await import('./build-app.ts');
  const plain = await buildApp();
  const behindTls = await buildApp({ config: { ...defaultConfig(), hsts: true, trustProxy: 1 } });
  for (const app of [plain, behindTls]) app.get('/ip-probe', async (request) => request.ip);
  try {
    const a = await plain.inject({ url: '/healthz', headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(a.headers['strict-transport-security'], undefined);
    const b = await behindTls.inject({ url: '/healthz', headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(b.statusCode, 200);
    assert.equal(b.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    const ip = { url: '/ip-probe', headers: { 'x-forwarded-for': '203.0.113.9' } };
    assert.equal((await behindTls.inject(ip)).body, '203.0.113.9');
    assert.equal((await plain.inject(ip)).body, '127.0.0.1');
  } finally {
    await plain.close();
    await behindTls.close();
  }
});

test('the case desk: DATABASE_URL must be PostgreSQL; WEGWIJS_DATA_DIR names the data directory', () => {
  assert.match(problemsOf({ DATABASE_URL: 'mysql://x' })[0]!, /^DATABASE_URL: must be a postgres/);
  assert.equal(
    loadConfig({ DATABASE_URL: 'postgres://u@h/db' }, '/srv/wegwijs').databaseUrl,
    'postgres://u@h/db',
  );
  assert.equal(loadConfig({ WEGWIJS_DATA_DIR: '/srv/desk' }, '/srv/wegwijs').dataDir, '/srv/desk');
  assert.equal(
    loadConfig({ HSTS: 'on' }, '/srv/wegwijs').secureCookie,
    true,
    'behind TLS the cookie is Secure',
  );
  assert.match(problemsOf({ DESK_RETENTION_DAYS: '-1' })[0]!, /^DESK_RETENTION_DAYS/);
});
