// The four situations of the guided check with JavaScript switched off, in Dutch, English and
// Arabic: every page is a plain GET form and must reach the same result (check.test.ts has them with JavaScript).
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { journeyTests } from './journeys.ts';
import { startApp } from './support.ts';

let server: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
before(async () => {
  [server, browser] = await Promise.all([startApp(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

journeyTests(test, () => ({ base: server.base, browser }), false);
