// What an attacker or a broken client sends: every answer is the project's JSON error (under /api)
// or HTML error page, with the security headers, never a 5xx, never a redirect to another site.
// Sizes and rates are bounded; the API is open read-only CORS and never cacheable; one log line
// per request without personal data; no compression on the event loop.
import assert from 'node:assert/strict';
import { syncBuiltinESMExports } from 'node:module';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '#app/build-app.ts';
import { type Config, defaultConfig } from '#app/config.ts';
import { date } from '#domain/dates/plain-date.ts';

let app: FastifyInstance;
const withConfig = (
  change: Omit<Partial<Config>, 'limits'> & { limits?: Partial<Config['limits']> },
): Config => {
  const base = defaultConfig();
  return { ...base, ...change, limits: { ...base.limits, ...change.limits } };
};
before(async () => {
  app = await buildApp({ today: () => date('2026-11-28') });
});
after(() => app.close());

export function assertSecurityHeaders(res: LightMyRequestResponse, what: string) {
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers['x-frame-options'], 'DENY', `${what}: x-frame-options`);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', `${what}: referrer-policy`);
}

/** The project's error: JSON with error and message under /api, the HTML page elsewhere. */
function assertProjectError(res: LightMyRequestResponse, url: string, status?: number) {
  if (status) assert.equal(res.statusCode, status, url);
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: 4xx, got ${res.statusCode}`);
  assertSecurityHeaders(res, url);
  assert.equal(res.headers['cache-control'], 'no-store', `${url}: no-store`);
  if (url.startsWith('/api/')) {
    assert.match(String(res.headers['content-type']), /^application\/json/, url);
    const json = res.json();
    assert.equal(typeof json.error, 'string', url);
    assert.equal(typeof json.message, 'string', url);
  } else {
    assert.match(String(res.headers['content-type']), /^text\/html/, url);
    assert.match(res.body, /^<!doctype html><html lang="\w+"/, url);
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/, url);
  }
  assert.doesNotMatch(res.body, /at \w+ \(|node_modules|\.ts:\d+|FST_ERR/, `${url}: no internals`);
}

test('/:lang redirects only for a known language, never to another site', async () => {
  assert.equal((await app.inject('/en')).headers.location, '/en/');
  for (const url of [
    '/%2Fevil.com',
    '/%5Cevil.com',
    '//evil.com',
    '/%2F%2Fevil.com',
    '/xx',
    '/%09/evil.com',
  ]) {
    const res = await app.inject(url);
    assert.equal(res.headers.location, undefined, `${url} must not redirect`);
    assertProjectError(res, url, 404);
  }
});

test('every redirect of the app stays on the site, whatever the request says', async () => {
  const hostile = [
    '//evil.com',
    '/\\evil.com',
    '%2F%2Fevil.com',
    'https://evil.com',
    '\r\nLocation: //evil.com',
  ];
  const urls = [
    '/',
    '/en',
    ...hostile.map((h) => `/en/check?q=nationality&answer=${encodeURIComponent(h)}`),
    ...hostile.map((h) => `/en/check?nationality=SY&${encodeURIComponent(h)}=1`),
    '/en/check?q=familyOfEeaCitizen&answer=no',
  ];
  for (const url of urls) {
    for (const lang of ['', 'ar,en', '//evil.com', 'xx-evil']) {
      const res = await app.inject({ url, headers: { 'accept-language': lang } });
      const location = res.headers.location;
      if (location === undefined) continue;
      assert.match(String(location), /^\/[a-z]{2}\//, `${url}: ${location} stays on the site`);
      assert.doesNotMatch(String(location), /^\/\/|^\/\\|[\r\n]/, `${url}: ${location}`);
    }
  }
});

test('URLs that do not decode answer 4xx with the project error and security headers', async () => {
  for (const url of [
    '/%00',
    '/%0d%0aSet-Cookie:%20a=b',
    '/%E2%80%A8',
    '/%zz',
    '/en/%ff',
    '/en/kb/%E0%A4%A',
    '/api/v1/%zz',
    '/api/v1/search?q=%ff&lang=en',
    `/${'a'.repeat(300)}`,
    `/en/check?${'x'.repeat(5000)}`,
    '/api/v1/nothing-here',
  ]) {
    assertProjectError(await app.inject(url), url);
  }
});

test('a date nested 5,000 arrays deep is a 400 naming the field, not a stack overflow', async () => {
  const deep = `${'['.repeat(5000)}"2020-01-01"${']'.repeat(5000)}`;
  for (const fact of ['birthDate', 'nationality', 'diplomas', 'schoolYearsInNL']) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/assess',
      headers: { 'content-type': 'application/json' },
      payload: `{"facts":{"${fact}":${deep}}}`,
    });
    assertProjectError(res, '/api/v1/assess', 400);
    assert.equal(res.json().fields[0].field.split('[')[0], `facts.${fact}`);
    assert.ok(res.body.length < 2000, 'the answer does not echo the input');
  }
});

test('every API answer is no-store, 400s included; the API is open read-only CORS with a preflight', async () => {
  const answers = [
    await app.inject({ method: 'POST', url: '/api/v1/assess', payload: { facts: { birthDate: 'x' } } }),
    await app.inject({ method: 'POST', url: '/api/v1/assess', payload: { facts: {} } }),
    await app.inject('/api/v1/search?q=inburgering&lang=nl'),
    await app.inject('/api/v1/search?lang=zz'),
    await app.inject('/api/v1/openapi.json'),
  ];
  for (const res of answers) {
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['access-control-allow-credentials'], undefined);
    assertSecurityHeaders(res, 'api');
  }
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/api/v1/assess',
    headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' },
  });
  assert.equal(preflight.statusCode, 204);
  assert.equal(preflight.headers['access-control-allow-origin'], '*');
  assert.match(String(preflight.headers['access-control-allow-methods']), /POST/);
  assert.match(String(preflight.headers['access-control-allow-headers']), /content-type/);
  // Pages are not open to other origins.
  assert.equal((await app.inject('/en/')).headers['access-control-allow-origin'], undefined);
});

test('HSTS only when the site is configured for TLS', async () => {
  assert.equal((await app.inject('/en/')).headers['strict-transport-security'], undefined);
  const tls = await buildApp({ config: withConfig({ hsts: true }) });
  try {
    for (const url of ['/en/', '/api/v1/openapi.json', '/%zz', '/nowhere'])
      assert.equal(
        (await tls.inject(url)).headers['strict-transport-security'],
        'max-age=31536000; includeSubDomains',
        url,
      );
  } finally {
    await tls.close();
  }
});

test('one log line per request, without query string, body, path typed or address', async () => {
  const lines: string[] = [];
  const logged = await buildApp({ logger: true, logStream: { write: (l) => void lines.push(l) } });
  try {
    await logged.inject('/en/result?birthDate=1990-01-01&nationality=SY');
    await logged.inject({
      method: 'POST',
      url: '/api/v1/assess',
      payload: { facts: { pipDate: '2023-05-10' } },
    });
    await logged.inject('/en/kb/secret-person-name');
    await logged.inject('/%zz-private');
  } finally {
    await logged.close();
  }
  const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
  assert.equal(requests.length, 4, lines.join(''));
  assert.deepEqual(
    requests.map((r) => [r.method, r.route, r.status]),
    [
      ['GET', '/:lang/result', 200],
      ['POST', '/api/v1/assess', 200],
      ['GET', '/:lang/kb/:topic', 404],
      ['GET', '(none)', 400],
    ],
  );
  const all = lines.join('');
  for (const secret of ['1990-01-01', 'SY', '2023-05-10', 'secret-person', 'private', '127.0.0.1'])
    assert.ok(!all.includes(secret), `the log holds ${secret}`);
});

test('rate limits per client on assess, search and PDF: 429 with Retry-After and the project error', async () => {
  const limited = await buildApp({
    config: withConfig({ limits: { assessPerMinute: 2, searchPerMinute: 2, pdfPerMinute: 1 } }),
  });
  try {
    const cases = [
      { method: 'POST' as const, url: '/api/v1/assess', payload: { facts: {} } },
      { method: 'GET' as const, url: '/api/v1/search?q=exam&lang=en' },
      { method: 'GET' as const, url: '/en/search?q=exam' },
      { method: 'GET' as const, url: '/en/result.pdf?nationality=SY' },
    ];
    for (const c of cases) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await limited.inject({ ...c, remoteAddress: '10.0.0.1' }));
      const refused = answers.filter((r) => r.statusCode === 429);
      assert.ok(refused.length >= 1, `${c.url}: refused after its limit`);
      for (const r of refused) {
        assertProjectError(r, c.url, 429);
        assert.ok(Number(r.headers['retry-after']) > 0, `${c.url}: Retry-After`);
      }
      // Another client is not affected.
      const other = await limited.inject({ ...c, remoteAddress: '10.0.0.2' });
      assert.notEqual(other.statusCode, 429, `${c.url}: per client`);
    }
    // Pages that cost little are not limited.
    for (let i = 0; i < 5; i++) assert.equal((await limited.inject('/en/kb')).statusCode, 200);
  } finally {
    await limited.close();
  }
});

test('a body over the limit, and a header block over the limit, answer 4xx with the security headers', async () => {
  const big = await app.inject({
    method: 'POST',
    url: '/api/v1/assess',
    headers: { 'content-type': 'application/json' },
    payload: `{"facts":{},"x":"${'a'.repeat(70_000)}"}`,
  });
  assertProjectError(big, '/api/v1/assess', 400);
  assert.equal(big.json().error, 'body-too-large');

  const small = await buildApp({ requestLimits: { headerBytes: 2048 } });
  await small.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = small.server.address() as { port: number };
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`GET /en/ HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(4000)}\r\n\r\n`),
      );
      let data = '';
      socket.on('data', (d) => {
        data += d;
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    assert.match(raw, /^HTTP\/1\.1 431 /);
    assert.match(raw, /x-content-type-options: nosniff/i);
    assert.match(raw, /"error":"bad-request"/);
  } finally {
    await small.close();
  }
});

test('responses are compressed off the event loop (no synchronous zlib on a request)', async () => {
  const calls: string[] = [];
  const originals = { br: zlib.brotliCompressSync, gz: zlib.gzipSync, df: zlib.deflateSync };
  zlib.brotliCompressSync = ((...a: Parameters<typeof originals.br>) => {
    calls.push('br');
    return originals.br(...a);
  }) as typeof zlib.brotliCompressSync;
  zlib.gzipSync = ((...a: Parameters<typeof originals.gz>) => {
    calls.push('gz');
    return originals.gz(...a);
  }) as typeof zlib.gzipSync;
  syncBuiltinESMExports();
  try {
    for (const encoding of ['br', 'gzip']) {
      for (const url of ['/en/result?nationality=SY', '/en/kb', '/api/v1/openapi.json']) {
        const res = await app.inject({ url, headers: { 'accept-encoding': encoding } });
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.headers['content-encoding'], encoding, `${url} is compressed`);
      }
    }
  } finally {
    zlib.brotliCompressSync = originals.br;
    zlib.gzipSync = originals.gz;
    syncBuiltinESMExports();
  }
  assert.deepEqual(calls, []);
});

test('PDFs beyond the pool and its queue answer 503 with Retry-After and a page that says what to do', async () => {
  const small = await buildApp({ config: withConfig({ limits: { pdfConcurrency: 1, pdfQueue: 0 } }) });
  try {
    const url = '/nl/result.pdf?nationality=SY';
    const [a, b] = await Promise.all([small.inject(url), small.inject(url)]);
    const busy = [a, b].find((r) => r.statusCode === 503);
    const made = [a, b].find((r) => r.statusCode === 200);
    assert.ok(busy && made, `one made, one refused: ${a.statusCode} ${b.statusCode}`);
    assert.equal(made.headers['content-type'], 'application/pdf');
    assert.ok(Number(busy.headers['retry-after']) > 0);
    assertSecurityHeaders(busy, url);
    assert.match(busy.body, /<html lang="nl"/);
    // The link back carries the state format version (v=1) the check writes into every URL.
    assert.match(busy.body, /href="\/nl\/result\?(v=1&amp;)?nationality=SY"/, 'a way back to the result');
  } finally {
    await small.close();
  }
});
