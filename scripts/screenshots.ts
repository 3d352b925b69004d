/**
 * Screenshots of every page type in every language at 360 px wide, so a person can look at them:
 *   npm run screenshots            → screenshots/<lang>-<page>.png
 * Run it after changing a view, a stylesheet or a translation.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import { LOCALES } from '#i18n/locales.ts';
import { launchBrowser, phoneContext } from '../test/e2e/browser.ts';

const WI2021 =
  'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01&permitDate=2023-03-01' +
  '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&route=b1&medicalLimitation=false&circumstances=birth&courseHours=300&examAttempts=1';

export const PAGE_TYPES: Record<string, string> = {
  start: '/',
  'question-country': '/check',
  'question-choice': '/check?nationality=SY',
  'question-date': '/check?nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false',
  'question-error':
    '/check?nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&q=birthDate&answer-day=31&answer-month=2&answer-year=1990',
  summary: `/summary?${WI2021}`,
  result: `/result?${WI2021}`,
  help: '/help',
  kb: '/kb/extension-pregnancy-birth',
  search: '/search?q=DUO',
};

const app = await buildApp({ today: () => date('2026-11-28'), nowTime: () => '10:00' });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await launchBrowser();
const context = await phoneContext(browser);
const page = await context.newPage();
mkdirSync('screenshots', { recursive: true });
const only = process.argv[2];
let count = 0;
for (const lang of LOCALES) {
  if (only && !only.split(',').includes(lang)) continue;
  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    await page.goto(`${base}/${lang}${path}`);
    await page.screenshot({ path: `screenshots/${lang}-${name}.png`, fullPage: true });
    count++;
  }
}
await browser.close();
await app.close();
console.log(`${count} screenshots in screenshots/`);
