// The guided check in a real browser, driven through its forms: four situations in Dutch, English
// and Arabic with JavaScript, and right-to-left Arabic pages. The same situations without
// JavaScript: check-nojs.test.ts; changing answers, reloading, keyboard only and the offline
// service worker: check-flows.test.ts (split so that each file stays near a minute on two cores).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser.ts';
import { assertLanguage, journeyTests } from './journeys.ts';
import { longDate, startApp } from './support.ts';

let server: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
before(async () => {
  [server, browser] = await Promise.all([startApp(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the dates are written as each language writes them', () => {
  assert.equal(longDate('nl', '2026-05-10'), '10 mei 2026');
  assert.equal(longDate('en', '2026-05-10'), 'May 10, 2026');
  assert.equal(longDate('ar', '2026-05-10'), '10 مايو 2026');
});

journeyTests(test, () => ({ base: server.base, browser }), true);

test('Arabic pages are right-to-left: <html dir="rtl" lang="ar">', async () => {
  const context = await phoneContext(browser, { serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    for (const path of [
      '/',
      '/check',
      '/check?nationality=SY',
      '/summary?nationality=SY',
      '/result?nationality=PL',
      '/help',
    ]) {
      const res = await page.goto(`${server.base}/ar${path}`);
      assert.equal(res?.status(), 200, path);
      await assertLanguage(page, 'ar');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl', path);
    }
  } finally {
    await context.close();
  }
});
