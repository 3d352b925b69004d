// A letter to DUO from the Arabic result page on a 360 px phone: the person follows the link, types
// their details, and gets the Dutch letter to send (left-to-right, every required part) and the
// mirror copy in Arabic, laid out right-to-left with the BSN and the postcode kept left-to-right;
// axe finds nothing on the form, the form with errors, or the letter; the PDF (posted, never a GET
// with details) holds the Dutch letter and the Arabic script, as pdftotext reads it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ACCOUNTS,
  addPerson,
  type DeskServer,
  PASSWORD,
  PERSON_FORM,
  pageLogin,
  startDesk,
} from '../support/desk.ts';
import { launchBrowser, phoneContext } from './browser.ts';
import { msg, startApp } from './support.ts';

const run = promisify(execFile);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Wi2021, PIP 2023-05-10 (term ends 10 May 2026), special circumstances: on 2 March 2026 the letter can go. */
const STATE =
  'v=1&nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=no&birthDate=1990-01-01&permitDate=2023-03-01' +
  '&hasIntegrationDiploma=no&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=no' +
  '&circumstances=special-circumstances&courseHours=0&examAttempts=0';
const DETAILS = {
  name: 'أمل حداد',
  address: 'Oudegracht 100',
  postcode: '3511AB',
  city: 'Utrecht',
  birthDate: '1990-01-01',
  bsn: '111222333',
  reason: 'Van april tot en met augustus 2025 verzorgde ik mijn zieke moeder.',
};

let server: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let context: BrowserContext;
let dir: string;
before(async () => {
  [server, browser] = await Promise.all([startApp(), launchBrowser()]);
  context = await phoneContext(browser, { serviceWorkers: 'block' });
  dir = mkdtempSync(join(tmpdir(), 'wegwijs-letters-'));
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function axe(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
  const report = violations.flatMap((v) =>
    v.nodes.map((n) => `  ${v.id}: ${v.help} at ${n.target.join(' ')}`),
  );
  assert.equal(violations.length, 0, `${what}\n${report.join('\n')}`);
  const wide = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  assert.equal(wide, false, `${what}: nothing wider than the 360 px screen`);
}

test('Arabic: from the result page to the Dutch letter and its right-to-left mirror copy', async () => {
  const page = await context.newPage();
  try {
    await page.goto(`${server.base}/ar/result?${STATE}`);
    await axe(page, 'the result page with its letters (ar)');
    await page.click('#letter-extension-special-circumstances');
    assert.match(page.url(), /\/ar\/letter\/extension-special-circumstances\?v=1&/);
    await axe(page, 'the letter form (ar)');

    // A mistyped BSN: the form again, the field named and marked; axe still finds nothing.
    await page.fill('#letter-bsn', '123456789');
    await page.click('form.letter-form button[type="submit"]:not([formaction])');
    assert.ok((await page.textContent('#letter-errors'))?.includes(msg('ar', 'letter.field.bsn')));
    assert.equal(await page.getAttribute('#letter-bsn', 'aria-invalid'), 'true');
    await axe(page, 'the letter form with an error (ar)');

    for (const [field, value] of Object.entries(DETAILS)) await page.fill(`#letter-${field}`, value);
    await page.click('form.letter-form button[type="submit"]:not([formaction])');
    // The details went in the body: the address holds only the check's state.
    assert.doesNotMatch(page.url(), /bsn|111222333|Oudegracht/);

    const dutch = page.locator('#letter-dutch');
    assert.equal(await dutch.getAttribute('lang'), 'nl');
    assert.equal(await dutch.evaluate((e) => getComputedStyle(e).direction), 'ltr');
    const dutchText = (await dutch.textContent()) ?? '';
    for (const part of [
      DETAILS.name,
      'Oudegracht 100',
      '3511 AB Utrecht',
      '111222333',
      '1 januari 1990',
      'DUO Servicecentrum Inburgering',
      'Postbus 764',
      'bijzondere individuele omstandigheden',
      'Handtekening',
      'Bijlagen',
      'verzorgde ik mijn zieke moeder',
    ])
      assert.ok(dutchText.includes(part), `the Dutch letter has ${part}`);

    const mirror = page.locator('#letter-mirror');
    assert.equal(await mirror.getAttribute('lang'), 'ar');
    assert.equal(await mirror.evaluate((e) => getComputedStyle(e).direction), 'rtl');
    assert.ok(
      ((await page.textContent('#letter-mirror-heading')) ?? '').includes(msg('ar', 'letter.mirror.heading')),
      'labelled: a translation, send the Dutch letter',
    );
    assert.ok(
      ((await page.textContent('.letter-mirror .status')) ?? '').includes(
        msg('ar', 'ui.footer.status.machine-assisted'),
      ),
      'the translation status shown honestly',
    );
    // The BSN in the right-to-left copy is drawn left-to-right, its digits in their own order.
    const bsn = mirror.locator('.letter-detail-bsn bdi');
    assert.equal(await bsn.textContent(), '111222333');
    assert.equal(await bsn.evaluate((e) => getComputedStyle(e).direction), 'ltr');
    const digits = await bsn.evaluate((e) => {
      const text = e.firstChild!;
      return [0, 8].map((i) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect().left;
      });
    });
    assert.ok(digits[0]! < digits[1]!, `the first digit is drawn left of the last (${digits})`);
    await axe(page, 'the letter (ar)');
  } finally {
    await page.close();
  }
});

/** Arabic letters only, without marks, with lam-alef one way (pdftotext returns it visually). */
const arabicLetters = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[^\u0621-\u064A]/g, '')
    .replace(/ل([اأإآى])/g, '$1ل');

test('the PDF by POST: application/pdf, no-store, the Dutch letter and the Arabic script in it', async () => {
  const res = await fetch(`${server.base}/ar/letter/extension-special-circumstances/pdf?${STATE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(DETAILS).toString(),
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const file = join(dir, 'letter-ar.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const { stdout: info } = await run('pdfinfo', [file]);
  assert.match(info, /Pages:\s+([2-9]|\d\d)/, 'the Dutch letter, then the mirror copy on its own page');
  const { stdout: raw } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  const text = raw.replace(/\s+/g, ' ');
  for (const part of ['Handtekening', '111222333', 'Postbus 764', 'bijzondere individuele omstandigheden'])
    assert.ok(text.includes(part), `the PDF has ${part}`);
  // Line by line: joined lines would make letter pairs (a lam and an alef) that are not in the text.
  const lines = raw.split('\n').map(arabicLetters);
  for (const key of ['letter.mirror.heading', 'letter.salutation', 'letter.enclosures']) {
    const expected = arabicLetters(msg('ar', key));
    assert.ok(
      lines.some((l) => l.includes(expected)),
      `the Arabic ${key} is in the PDF as Arabic letters`,
    );
  }
  // GET never makes a PDF (the details would be in the address).
  assert.equal(
    (await fetch(`${server.base}/ar/letter/extension-special-circumstances/pdf?${STATE}`)).status,
    404,
  );
});

test('Dutch and English: axe finds nothing on the public letter pages and on the desk letter pages', async () => {
  const desk: DeskServer = await startDesk();
  const page = await context.newPage();
  try {
    const anna = await pageLogin(desk.base, 'anna');
    const id = await addPerson(desk.base, anna, {
      ...PERSON_FORM,
      'f.circumstances': 'special-circumstances',
    });
    for (const lang of ['nl', 'en'] as const) {
      await page.goto(`${server.base}/${lang}/letter/extension-special-circumstances?${STATE}`);
      await axe(page, `${lang} public letter form`);
      await page.fill('#letter-birthDate', '31-12-1990');
      await page.click('form.letter-form button[type="submit"]:not([formaction])');
      assert.ok(
        (await page.title()).startsWith(`${msg(lang, 'ui.error.title')}: `),
        'the title says so first',
      );
      await axe(page, `${lang} public letter form with an error`);
      await page.fill('#letter-birthDate', '1990-12-31');
      await page.click('form.letter-form button[type="submit"]:not([formaction])');
      await axe(page, `${lang} public letter`);

      await context.clearCookies();
      await page.goto(`${desk.base}/desk/${lang}/login`);
      await page.getByLabel(msg(lang, 'desk.login.email')).fill(ACCOUNTS.anna.email);
      await page.getByLabel(msg(lang, 'desk.login.password')).fill(PASSWORD);
      await Promise.all([
        page.waitForURL(new RegExp(`/desk/${lang}/$`)),
        page.getByRole('button', { name: msg(lang, 'desk.login.submit') }).click(),
      ]);
      await page.goto(`${desk.base}/desk/${lang}/people/${id}`);
      await page.click('#letter-extension-special-circumstances');
      await axe(page, `${lang} desk letter form`);
      await page.fill('#letter-bsn', '12345');
      await page.click('form.letter-form button[type="submit"]:not([formaction])');
      assert.equal(await page.getAttribute('#letter-bsn', 'aria-invalid'), 'true');
      await axe(page, `${lang} desk letter form with an error`);
      await page.fill('#letter-bsn', '111222333');
      await page.fill('#letter-name', 'Amal');
      await page.click('form.letter-form button[type="submit"]:not([formaction])');
      assert.equal(await page.locator('#letter-mirror').getAttribute('dir'), 'rtl', 'Amal reads Arabic');
      await axe(page, `${lang} desk letter`);
    }
  } finally {
    await page.close();
    await desk.close();
  }
});
