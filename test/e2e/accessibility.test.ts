// axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page type in Dutch, English and
// Arabic, on a 360 px phone: zero violations. A failure prints each rule, its help and the elements.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import type { AnswerType } from '#domain/questionnaire/questions.ts';
import { QUESTION_BY_FACT } from '#domain/questionnaire/questions.ts';
import { LOCALES, nativeName } from '#i18n/locales.ts';
import { launchBrowser, phoneContext } from './browser.ts';
import { currentFact, LANGS, startApp } from './support.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const ASYLUM = 'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false';
const COMPLETE =
  `${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0` +
  '&pipDate=2023-05-10&medicalLimitation=false&circumstances=birth&courseHours=300&examAttempts=1';

interface PageType {
  path: string;
  status?: number;
  /** For a question page: the answer type it must show (so the list keeps covering every type). */
  asks?: AnswerType;
  error?: boolean;
}

const PAGES: Record<string, PageType> = {
  start: { path: '/' },
  'question country select': { path: '/check', asks: 'country' },
  'question choice': { path: '/check?nationality=SY', asks: 'choice' },
  'question yes-no': { path: '/check?nationality=SY&permitPurpose=asylum', asks: 'yes-no' },
  'question date': { path: `/check?${ASYLUM}`, asks: 'date' },
  'question multi-choice': {
    path: `/check?${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false`,
    asks: 'multi-choice',
  },
  'question number': {
    path: `/check?${ASYLUM}&birthDate=1990-01-01&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=`,
    asks: 'number',
  },
  'question with an invalid date': {
    path: `/check?${ASYLUM}&q=birthDate&answer-day=31&answer-month=2&answer-year=1990`,
    status: 400,
    asks: 'date',
    error: true,
  },
  'question with no answer chosen': {
    path: '/check?nationality=SY&q=permitPurpose',
    status: 400,
    asks: 'choice',
    error: true,
  },
  summary: { path: `/summary?${COMPLETE}` },
  result: { path: `/result?${COMPLETE}` },
  'result, not obliged': { path: '/result?nationality=PL' },
  help: { path: '/help' },
};

let server: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let context: BrowserContext;
before(async () => {
  [server, browser] = await Promise.all([startApp(), launchBrowser()]);
  // No service worker: it would download every page again each time the language changes.
  context = await phoneContext(browser, { serviceWorkers: 'block' });
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

test('the check can fail: axe reports a missing label and low contrast', async () => {
  const page = await context.newPage();
  try {
    await page.goto(`${server.base}/en/`);
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<input type="text" name="unlabelled"><p id="faint">faint</p>');
      // Through the CSSOM: the content security policy blocks style attributes.
      document.getElementById('faint')!.style.color = '#bbb';
    });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
    assert.deepEqual(violations.map((v) => v.id).sort(), ['color-contrast', 'label']);
  } finally {
    await page.close();
  }
});

for (const lang of LANGS) {
  test(`axe finds no WCAG 2.2 AA violations (${lang})`, async (t) => {
    const page = await context.newPage();
    try {
      for (const [name, p] of Object.entries(PAGES)) {
        await t.test(name, async () => {
          const res = await page.goto(`${server.base}/${lang}${p.path}`);
          assert.equal(res?.status(), p.status ?? 200, `${p.path}: HTTP status`);
          if (p.asks)
            assert.equal(
              QUESTION_BY_FACT.get(await currentFact(page))?.type,
              p.asks,
              `${p.path} asks a ${p.asks} question`,
            );
          if (p.error) assert.equal(await page.getByRole('alert').count(), 1, 'the error is announced');
          // Legacy mode runs axe.run() in the page itself: the same rules, without the extra blank page
          // per run that the default mode opens (our pages have no frames).
          const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
          const report = violations.flatMap((v) =>
            v.nodes.map(
              (n) =>
                `  ${v.id} (${v.impact}): ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`,
            ),
          );
          assert.equal(violations.length, 0, `${lang}${p.path}\n${report.join('\n')}`);
          // WCAG 1.4.10 Reflow (axe cannot see it): nothing wider than the 360 px screen.
          const wide = await page.evaluate(() => {
            const width = document.documentElement.clientWidth;
            return Array.from(
              document.querySelectorAll('body *:not(.skip-link)'),
              (e) => [e, e.getBoundingClientRect()] as const,
            )
              .filter(([, r]) => r.width > 0 && (r.right > width + 1 || r.left < -1))
              .map(
                ([e, r]) =>
                  `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className} ${Math.round(r.left)}–${Math.round(r.right)}`,
              )
              .slice(0, 5)
              .concat(
                document.documentElement.scrollWidth > width
                  ? [`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`]
                  : [],
              );
          });
          assert.deepEqual(wide, [], `${lang}${p.path}: wider than the screen`);
        });
      }
    } finally {
      await page.close();
    }
  });
}

/** Languages added later, each with its script: the pages people land on, with the right lang and dir. */
const MORE: readonly { lang: string; dir: 'ltr' | 'rtl' }[] = [
  { lang: 'zh', dir: 'ltr' },
  { lang: 'ps', dir: 'rtl' },
  { lang: 'ckb', dir: 'rtl' },
  { lang: 'kmr', dir: 'ltr' },
];
const MORE_PAGES = [
  '/',
  '/kb/fine',
  `/search?q=${encodeURIComponent('DUO')}`,
  `/result?${COMPLETE}`,
  '/help',
];

for (const { lang, dir } of MORE) {
  test(`axe finds no WCAG 2.2 AA violations, lang="${lang}" dir="${dir}" (${lang})`, async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    try {
      for (const path of MORE_PAGES) {
        const res = await page.goto(`${server.base}/${lang}${path}`);
        assert.equal(res?.status(), 200, `${lang}${path}`);
        assert.equal(await page.locator('html').getAttribute('lang'), lang, `${lang}${path}: lang`);
        assert.equal(await page.locator('html').getAttribute('dir'), dir, `${lang}${path}: dir`);
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
        for (const v of violations)
          problems.push(
            `${lang}${path}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
          );
        const scrolls = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        if (scrolls) problems.push(`${lang}${path}: the page scrolls sideways at 360 px`);
      }
    } finally {
      await page.close();
    }
    assert.deepEqual(problems, []);
  });
}

test('the language menu at 360 px: one tap opens every language, each named in its own script, all on screen', async () => {
  const page = await context.newPage();
  try {
    for (const lang of ['en', 'ar']) {
      await page.goto(`${server.base}/${lang}/`);
      // Closed, the menu is one line: the heading of the page is on the first screen.
      const h1 = await page.locator('h1').boundingBox();
      assert.ok(h1 && h1.y < 300, `${lang}: the title starts high on the screen (${h1?.y})`);
      await page.locator('.lang-menu summary').click();
      const items = page.locator('.lang-list li > *');
      assert.equal(await items.count(), LOCALES.length, `${lang}: every language is listed`);
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      for (let i = 0; i < LOCALES.length; i++) {
        const item = items.nth(i);
        assert.equal(await item.getAttribute('lang'), LOCALES[i]);
        assert.equal(await item.textContent(), nativeName(LOCALES[i]!));
        const box = await item.boundingBox();
        assert.ok(box, `${LOCALES[i]} is shown`);
        // WCAG 2.5.8: targets of at least 24 × 24 px; and inside the screen.
        assert.ok(box.height >= 24 && box.width >= 24, `${LOCALES[i]}: ${box.width}×${box.height}`);
        assert.ok(box.x >= 0 && box.x + box.width <= width + 1, `${LOCALES[i]} fits: ${box.x}+${box.width}`);
      }
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
      assert.deepEqual(
        violations.map((v) => v.id),
        [],
        `${lang}: axe with the menu open`,
      );
      // Choosing a language opens the same page in it.
      await page.locator('.lang-list a[hreflang="zh"]').click();
      await page.waitForURL(/\/zh\/$/);
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh');
    }
  } finally {
    await page.close();
  }
});
