// Each page inlines only the CSS it uses (src/adapters/web/page-css.ts): nothing visible may change.
// Every page type, in Dutch and Arabic, on a 360 px phone, on screen and in print: the computed
// style of every element (and its ::before, ::after and ::marker; every property but the custom
// ones, which are not drawn) with the page's CSS equals the
// one with the whole site's CSS.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildAssets } from '#adapters/web/build-assets.ts';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import { PAGE_TYPES } from '../support/page-types.ts';
import { launchBrowser, phoneContext } from './browser.ts';

const full = buildAssets({ rulesVersion: 'test', locales: [], offlineIndex: () => ({}) }).css;
let app: FastifyInstance;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  app = await buildApp({ today: () => date('2026-03-02') });
  browser = await launchBrowser();
  // Without scripts: the two versions of a page must differ in their CSS only.
  context = await phoneContext(browser, { javaScriptEnabled: false });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Every element's computed style (all drawn properties) and that of its pseudo-elements, in order. */
const styles = () => {
  const out: string[] = [];
  Array.from(document.querySelectorAll('*')).forEach((el, i) => {
    for (const pseudo of [null, '::before', '::after', '::marker']) {
      const cs = getComputedStyle(el, pseudo);
      // A pseudo-element that is not drawn: its other properties do not matter.
      if (
        pseudo === '::marker'
          ? cs.display === 'none' || getComputedStyle(el).display !== 'list-item'
          : pseudo && ['none', 'normal'].includes(cs.content)
      ) {
        out.push(`${i}${pseudo} -`);
        continue;
      }
      const values: string[] = [];
      for (let k = 0; k < cs.length; k++) {
        const name = cs[k]!;
        // Custom properties are not drawn: those no rule reads are dropped on purpose.
        if (!name.startsWith('--')) values.push(`${name}:${cs.getPropertyValue(name)}`);
      }
      out.push(
        `${i} ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}${pseudo ?? ''} ${values.join(';')}`,
      );
    }
  });
  return out;
};

/** The lines that differ, with their first three differing properties. */
function differences(a: string[], b: string[]): string[] {
  return a.flatMap((line, i) => {
    if (line === b[i]) return [];
    const other = new Set(b[i]?.split(';'));
    const props = line.split(';').filter((p) => !other.has(p));
    return [`${line.split(' ', 2).join(' ')}: ${props.slice(0, 3).join(', ')}`];
  });
}

for (const lang of ['nl', 'ar']) {
  test(`${lang}: every page type looks the same with its own CSS as with the whole CSS`, async () => {
    for (const path of PAGE_TYPES) {
      const url = `/${lang}${path}`;
      const html = (await app.inject({ url })).body;
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const own: Record<string, string[]> = {};
        for (const media of ['screen', 'print'] as const) {
          await page.emulateMedia({ media });
          own[media] = await page.evaluate(styles);
        }
        // The same document with the whole CSS (setContent sends no policy, so the style may change).
        await page.evaluate((css) => {
          document.querySelector('style')!.textContent = css;
        }, full);
        for (const media of ['print', 'screen'] as const) {
          await page.emulateMedia({ media });
          const whole = await page.evaluate(styles);
          assert.equal(whole.length, own[media]!.length, url);
          assert.deepEqual(differences(own[media]!, whole).slice(0, 5), [], `${url} (${media})`);
        }
      } finally {
        await page.close();
      }
    }
  });
}
