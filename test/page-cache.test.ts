/**
 * The result page kept after it is made (src/adapters/web/page-cache.ts): the same bytes and
 * headers as a fresh render, compressed or not, and never kept past the date or the minute.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildApp } from '#app/build-app.ts';
import { defaultConfig } from '#app/config.ts';
import { date } from '#domain/dates/plain-date.ts';

const URL_ =
  '/en/result?nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01' +
  '&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10';

async function appWith(entries: number, clock: { day: string; time: string }) {
  const config = defaultConfig();
  return buildApp({
    config: { ...config, limits: { ...config.limits, pageCacheEntries: entries } },
    today: () => date(clock.day),
    nowTime: () => clock.time,
  });
}

test('a kept result page is the same answer as a fresh one, in every encoding', async () => {
  const clock = { day: '2026-11-28', time: '10:30' };
  const [kept, fresh] = [await appWith(10, clock), await appWith(0, clock)];
  try {
    const expected = await fresh.inject({ url: URL_ });
    assert.equal(expected.statusCode, 200);
    for (let round = 0; round < 2; round++) {
      const plain = await kept.inject({ url: URL_ });
      assert.equal(plain.body, expected.body, `round ${round}: the same HTML`);
      for (const header of ['content-type', 'content-security-policy', 'cache-control', 'x-frame-options'])
        assert.equal(plain.headers[header], expected.headers[header], header);
      const br = await kept.inject({ url: URL_, headers: { 'accept-encoding': 'br' } });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers.vary, 'accept-encoding');
      assert.equal(Number(br.headers['content-length']), br.rawPayload.length);
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), expected.body);
      const gz = await kept.inject({ url: URL_, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.rawPayload).toString(), expected.body);
    }
  } finally {
    await kept.close();
    await fresh.close();
  }
});

test('a kept result page is made again on another day or minute', async () => {
  const clock = { day: '2026-11-28', time: '10:30' };
  const kept = await appWith(10, clock);
  const fresh = await appWith(0, clock);
  try {
    await kept.inject({ url: URL_ });
    for (const next of [
      { day: '2027-06-01', time: '10:30' },
      { day: '2027-06-01', time: '23:59' },
    ]) {
      Object.assign(clock, next);
      const [a, b] = [await kept.inject({ url: URL_ }), await fresh.inject({ url: URL_ })];
      assert.equal(a.body, b.body, `${next.day} ${next.time}`);
    }
  } finally {
    await kept.close();
    await fresh.close();
  }
});

test('a PDF of answers with a surprise to confirm does not let the result page skip asking', async () => {
  const clock = { day: '2026-11-28', time: '10:30' };
  const app = await appWith(10, clock);
  try {
    // Born last year: the check asks "you are 1 year old?" before showing a result.
    const query = 'nationality=SY&permitPurpose=asylum&birthDate=2025-06-01&permitDate=2026-01-10';
    const before = await app.inject({ url: `/en/result?${query}` });
    assert.equal(before.statusCode, 303, 'the check asks first');
    await app.inject({ url: `/en/result.pdf?${query}` });
    const after = await app.inject({ url: `/en/result?${query}` });
    assert.equal(after.statusCode, 303, 'still asks after the PDF was made');
  } finally {
    await app.close();
  }
});
