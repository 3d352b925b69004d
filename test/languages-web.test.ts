// Any language tag in a page URL or in Accept-Language gets the best supported language: through
// the real server, whatever locales are registered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isLocale } from '#i18n/locales.ts';
import { startServer } from './helpers.ts';

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer('2025-06-01');
});
after(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(server.base + path, { redirect: 'manual', ...init });
const startFor = async (acceptLanguage: string) =>
  (await get('/', { headers: { 'accept-language': acceptLanguage } })).headers.get('location');
const or = (lang: string, other: string) => (isLocale(lang) ? lang : other);

test('/ weighs Accept-Language by q-value and knows related languages', async () => {
  assert.equal(await startFor('en;q=0.3, ar;q=0.9'), '/ar/');
  assert.equal(await startFor('de-DE,de;q=0.9,nl;q=0.8,en;q=0.7'), '/nl/');
  assert.equal(await startFor('fa-AF'), '/fa/');
  assert.equal(await startFor('prs,en;q=0.5'), '/fa/');
  assert.equal(await startFor('ary'), '/ar/');
  assert.equal(await startFor('pt-BR,pt;q=0.9'), `/${or('pt', 'nl')}/`);
  assert.equal(await startFor('ja,*;q=0.1'), '/nl/');
  assert.equal(await startFor('nonsense!!,en;q=0.1'), '/en/');
  const res = await get('/', { headers: { 'accept-language': 'uk' } });
  assert.equal(res.status, 302);
  assert.match(res.headers.get('vary') ?? '', /accept-language/i);
});

test('a page in a real but unsupported language tag redirects to the best supported one', async () => {
  const cases: [string, string][] = [
    ['/fa-AF/kb', '/fa/kb'],
    ['/prs/', '/fa/'],
    ['/en-GB/help', '/en/help'],
    ['/ary/kb/fine', '/ar/kb/fine'],
    ['/ja/', '/en/'],
    ['/pt-BR/search?q=boete', `/${or('pt', 'en')}/search?q=boete`],
    ['/zh-CN/kb', `/${or('zh', 'en')}/kb`],
    ['/ku/check', `/${or('kmr', 'tr')}/check`],
  ];
  for (const [from, to] of cases) {
    const res = await get(from);
    assert.equal(res.status, 302, from);
    assert.equal(res.headers.get('location'), to, from);
  }
});

test('nonsense tags answer 404, and a redirect never leaves the site', async () => {
  for (const path of ['/xx/', '/qaa/kb', '/check/kb', '/en--GB/']) {
    assert.equal((await get(path)).status, 404, path);
  }
  for (const path of ['/prs//evil.example/', '/fa-AF/%2F%2Fevil.example', '/de/\\evil.example']) {
    const res = await get(path);
    const location = res.headers.get('location') ?? '';
    if (res.status === 302) assert.match(location, /^\/[a-z]+\//, path);
    assert.doesNotMatch(location, /^\/\/|^https?:|^\/\\/, path);
  }
});
