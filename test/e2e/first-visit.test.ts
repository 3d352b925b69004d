// A first visit costs what the page costs: ≤ 50 KB transferred in all, the service worker's
// background work included, and no search index, until the person chooses "save for offline use".
// Bytes are counted on the server's sockets (headers and bodies as sent), so nothing the browser
// or its service worker fetches escapes the count.
import assert from 'node:assert/strict';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import { launchBrowser, phoneContext } from './browser.ts';

const BUDGET = 50 * 1024;
let browser: Browser;
let base: string;
let close: () => Promise<unknown>;
const sockets = new Set<Socket>();
let closedBytes = 0;
const paths: string[] = [];

before(async () => {
  const app = await buildApp({ today: () => date('2026-11-28') });
  app.addHook('onRequest', async (request) => {
    paths.push(request.url.split('?')[0]!);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  close = () => app.close();
  browser = await launchBrowser();
  // The size shown on the "save" button is measured in-process on the first knowledge-base page of
  // a language: done here, so the requests counted below are only the visit's.
  for (const lang of ['nl', 'ar', 'fa', 'en']) await fetch(`${base}/${lang}/kb`);
});
after(async () => {
  await browser?.close();
  await close?.();
});

const sent = () => closedBytes + [...sockets].reduce((n, s) => n + s.bytesWritten, 0);

for (const path of ['/nl/', '/ar/check', '/nl/kb', '/fa/kb/fine', '/en/help']) {
  test(`first visit to ${path}: at most 50 KB in all, service worker included, no search index`, async (t) => {
    const context = await phoneContext(browser);
    const before = sent();
    paths.length = 0;
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: 'load' });
    // Until the worker is active and nothing more is sent for two seconds.
    let last = -1;
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(1000);
      const active = await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated',
      );
      const now = sent();
      if (active && now === last) break;
      last = now;
    }
    await context.close();
    const total = sent() - before;
    t.diagnostic(`${path}: ${(total / 1024).toFixed(1)} KB sent: ${paths.join(' ')}`);
    assert.ok(total <= BUDGET, `${path}: ${(total / 1024).toFixed(1)} KB sent (${paths.join(' ')})`);
    assert.ok(!paths.some((p) => p.endsWith('search-index.json')), `no index: ${paths.join(' ')}`);
    assert.ok(paths.includes('/sw.js'), 'the service worker was installed');
  });
}
