// WCAG 1.4.10 Reflow: no page scrolls sideways at 320 px, nor at 200% zoom (a 1280 px window
// zoomed to 200% is a 640 px CSS viewport at device scale factor 2), in every registered language
// and on every page type. Long Dutch words such as "(verblijfsvergunning)" must wrap.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LOCALES } from '#i18n/locales.ts';
import { launchBrowser } from './browser.ts';
import { startApp } from './support.ts';

const ASYLUM = 'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false';
const COMPLETE =
  `${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0` +
  '&pipDate=2023-05-10&medicalLimitation=false&circumstances=birth&courseHours=300&examAttempts=1';

/** One page of every type; the knowledge-base answer with the longest Dutch terms. */
const PAGES = [
  '/',
  '/check',
  '/check?nationality=SY',
  `/check?${ASYLUM}`,
  `/check?${ASYLUM}&q=birthDate&answer-day=31&answer-month=2&answer-year=1990`,
  `/summary?${COMPLETE}`,
  `/result?${COMPLETE}`,
  '/result?nationality=PL',
  '/help',
  '/kb',
  '/kb/ontheffing-how-to-apply',
  '/kb/residence-permit',
  `/search?q=${encodeURIComponent('verblijfsvergunning inburgeringsexamen boete')}`,
  '/offline',
  '/no-such-page',
];

const VIEWPORTS = [
  { name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '200% zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
];

let server: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
before(async () => {
  [server, browser] = await Promise.all([startApp(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What is wider than the window: the page's scroll width and the first elements past the edge. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.scrollingElement!.scrollWidth;
    if (scrollWidth <= width) return null;
    const wide = Array.from(document.querySelectorAll('body *:not(.skip-link)'))
      .map((e) => [e, e.getBoundingClientRect()] as const)
      .filter(([, r]) => r.width > 0 && (r.right > width + 1 || r.left < -1))
      .slice(-3)
      .map(
        ([e, r]) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.left)}–${Math.round(r.right)}`,
      );
    return `scrollWidth ${scrollWidth} > ${width}: ${wide.join('; ')}`;
  });
}

test('the check can fail: a line that may not wrap makes the page scroll sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  try {
    await page.goto(`${server.base}/nl/`);
    assert.equal(await overflow(page), null);
    await page.evaluate(() => {
      const line = document.createElement('p');
      line.textContent = 'verblijfsvergunning '.repeat(10);
      // Through the CSSOM: the content security policy blocks style attributes.
      line.style.whiteSpace = 'nowrap';
      document.querySelector('main')!.append(line);
    });
    assert.match((await overflow(page)) ?? '', /scrollWidth \d+ > 320/);
  } finally {
    await context.close();
  }
});

for (const { name, viewport, deviceScaleFactor } of VIEWPORTS) {
  test(`no horizontal scrolling at ${name} in any language, on any page type`, async () => {
    const context: BrowserContext = await browser.newContext({
      viewport,
      deviceScaleFactor,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    try {
      for (const lang of LOCALES) {
        for (const path of PAGES) {
          await page.goto(`${server.base}/${lang}${path}`);
          const problem = await overflow(page);
          if (problem) problems.push(`/${lang}${path}: ${problem}`);
        }
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}
