// The case desk in Chromium on a 360 px phone: a helper's journey and a coordinator's with
// JavaScript switched off (the pages need none), a helper of another team who gets 404 for a
// person of team A, and axe (WCAG 2.x A and AA) with no sideways scroll on every desk page, in
// Dutch and English. One browser; the app on an ephemeral port with SQLite in a temporary folder.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { translator } from '#adapters/content/load-messages.ts';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { hashPassword } from '#adapters/desk/password.ts';
import { formToBody } from '#adapters/desk/views/fact-fields.tsx';
import { lazyStore } from '#app/desk.ts';
import { assess } from '#domain/assess.ts';
import { date, type PlainDate } from '#domain/dates/plain-date.ts';
import { parseAssessRequest } from '#domain/facts/parse-facts.ts';
import {
  ACCOUNTS,
  type Account,
  addPerson,
  DESK_TODAY,
  type DeskServer,
  FAMILY_FORM,
  PASSWORD,
  PERSON_FORM,
  pageLogin,
  proposedRules,
  startDesk,
} from '../support/desk.ts';
import { launchBrowser, phoneContext } from './browser.ts';
import { msg } from './support.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGS = ['nl', 'en'] as const;
const book = loadRuleBook();

let desk: DeskServer;
let proposed: { base: string };
let down: { base: string };
let browser: Browser;
before(async () => {
  [desk, browser] = await Promise.all([startDesk(), launchBrowser()]);
  [proposed, down] = await Promise.all([
    desk.another({ book: proposedRules() }),
    desk.another({ deskStore: lazyStore(() => Promise.reject(new Error('connection refused'))) }),
  ]);
});
after(async () => {
  await browser?.close();
  await desk?.close();
});

/** The engine's answer for a person form's facts today, as the desk must show it. */
function expected(form: Record<string, string>) {
  const parsed = parseAssessRequest({ facts: formToBody(form).facts }, date(DESK_TODAY));
  assert.ok(parsed.ok, 'the test facts are valid');
  return assess(parsed.facts, date(DESK_TODAY), book);
}
const shown = (lang: 'nl' | 'en', d: PlainDate | null | undefined) => {
  assert.ok(d, 'the engine gives this date');
  return translator(lang).date(d);
};

/** A 360 px context without JavaScript (as a helper's locked-down phone might be). */
/** The helper's person: the form's facts and special circumstances, so a letter to DUO is offered. */
const JOURNEY_FORM = { ...PERSON_FORM, 'f.circumstances': 'special-circumstances' };
const BSN = '123456782';

const noScript = () => phoneContext(browser, { javaScriptEnabled: false, serviceWorkers: 'block' });

async function signIn(page: Page, base: string, who: Account, lang: 'nl' | 'en') {
  await page.goto(`${base}/desk/${lang}/`);
  assert.match(page.url(), new RegExp(`/desk/${lang}/login$`), 'without a session: the sign-in page');
  await page.getByLabel(msg(lang, 'desk.login.email')).fill(ACCOUNTS[who].email);
  await page.getByLabel(msg(lang, 'desk.login.password')).fill(PASSWORD);
  await Promise.all([
    page.waitForURL(new RegExp(`/desk/${lang}/$`)),
    page.getByRole('button', { name: msg(lang, 'desk.login.submit') }).click(),
  ]);
}

/** Clicks and waits for the page the click leads to. */
async function go(page: Page, click: () => Promise<void>) {
  const before = page.url();
  await Promise.all([page.waitForURL((u) => u.href !== before, { waitUntil: 'load' }), click()]);
}

/** Submits the page's form with its button and waits for the answer (the same URL or another). */
async function submit(page: Page, name: string) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name, exact: true }).click()]);
}

/** The rows of the answer card's list: label → text. */
function answerRows(page: Page) {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll('#answer-h ~ dl > div'), (row) => [
        row.querySelector('dt')?.textContent?.trim() ?? '',
        row.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      ]),
    ),
  );
}

test("a helper's journey without JavaScript: sign in, add a person, see the deadline, change a fact, history, a letter, export, erase, sign out", async () => {
  const lang = 'nl';
  const context = await noScript();
  const page = await context.newPage();
  try {
    await signIn(page, desk.base, 'anna', lang);
    assert.equal(await page.locator('h1').textContent(), msg(lang, 'desk.dashboard.title'));
    await go(page, () => page.getByRole('link', { name: msg(lang, 'desk.person.new') }).click());

    // The form: name, language, the facts, consent. First without consent: the page says what is missing.
    const q = (fact: string) => page.getByLabel(msg(lang, `question.${fact}.title`), { exact: true });
    await page.getByLabel(msg(lang, 'desk.field.displayName'), { exact: true }).fill('Amal');
    await page.getByLabel(msg(lang, 'desk.field.language'), { exact: true }).fill('ar');
    await q('nationality').selectOption('SY');
    await q('permitPurpose').selectOption('asylum');
    await q('familyOfEeaCitizen').selectOption('no');
    await q('birthDate').fill('1990-01-01');
    await q('permitDate').fill('2023-03-01');
    await q('hasIntegrationDiploma').selectOption('no');
    await page
      .getByRole('group', { name: msg(lang, 'question.diplomas.title') })
      .getByRole('checkbox', { name: msg(lang, 'answer.none'), exact: true })
      .check();
    await q('schoolYearsInNL').fill('0');
    await q('pipDate').fill('2023-05-10');
    await page
      .getByRole('group', { name: msg(lang, 'question.circumstances.title') })
      .locator('input[value="special-circumstances"]')
      .check();
    await submit(page, msg(lang, 'desk.person.add'));
    const alert = page.getByRole('alert');
    assert.equal(await alert.count(), 1, 'no consent: an error summary');
    assert.ok((await alert.textContent())?.includes(msg(lang, 'desk.field.consent')), 'consent is named');
    assert.equal(await q('birthDate').inputValue(), '1990-01-01', 'what was typed is kept');
    await page.getByLabel(msg(lang, 'desk.field.consent')).check();
    await go(page, () =>
      page.getByRole('button', { name: msg(lang, 'desk.person.add'), exact: true }).click(),
    );

    // The person's page: the engine's answer for today (term end, apply-from date).
    const url = page.url();
    const id = /\/people\/([0-9a-f-]{36})$/.exec(url)?.[1];
    assert.ok(id, `on the person's page: ${url}`);
    assert.equal(await page.locator('h1').textContent(), 'Amal');
    const first = expected(JOURNEY_FORM);
    let rows = await answerRows(page);
    assert.ok(
      rows[msg(lang, 'ui.result.termEnd')]?.startsWith(shown(lang, first.termEnd)),
      JSON.stringify(rows),
    );
    assert.equal(rows[msg(lang, 'ui.result.applyFrom')], shown(lang, first.applyFrom));
    assert.equal(rows[msg(lang, 'desk.filter.act')], msg(lang, `regime.${first.regime}`));

    // The dashboard lists her with the term end.
    await go(page, () =>
      page
        .getByRole('link', { name: msg(lang, 'desk.dashboard.title') })
        .first()
        .click(),
    );
    const card = page.locator('ol.desk-people > li', { has: page.getByRole('link', { name: 'Amal' }) });
    assert.match((await card.textContent()) ?? '', new RegExp(shown(lang, first.termEnd)));
    await go(page, () => card.getByRole('link', { name: 'Amal' }).click());

    // A fact changes (a later PIP date): the answer moves, and the history says who changed what.
    await q('pipDate').fill('2023-09-01');
    await submit(page, msg(lang, 'desk.person.save'));
    assert.equal(page.url(), url, 'back on the person page');
    const second = expected({ ...JOURNEY_FORM, 'f.pipDate': '2023-09-01' });
    assert.notEqual(String(second.termEnd), String(first.termEnd), 'the engine moves the term end');
    rows = await answerRows(page);
    assert.ok(
      rows[msg(lang, 'ui.result.termEnd')]?.startsWith(shown(lang, second.termEnd)),
      JSON.stringify(rows),
    );
    assert.equal(rows[msg(lang, 'ui.result.applyFrom')], shown(lang, second.applyFrom));
    const history = page.locator('section', {
      has: page.getByRole('heading', { name: msg(lang, 'desk.person.history') }),
    });
    const entry = (await history.textContent())?.replace(/\s+/g, ' ') ?? '';
    assert.match(entry, /anna/);
    assert.ok(entry.includes(msg(lang, 'question.pipDate.title')), entry);
    // Values as the form shows them (dates in the desk's language), not JSON.
    const [was, now] = [date('2023-05-10'), date('2023-09-01')];
    assert.ok(entry.includes(`${shown(lang, was)} → ${shown(lang, now)}`), entry);

    // A letter to DUO from the answer: the details are typed into the letter only; Dutch letter and
    // the mirror copy in the person's language (Arabic).
    const option = 'extension-special-circumstances';
    assert.ok(
      second.options.some((o) => o.id === option),
      'the engine offers the special-circumstances request',
    );
    await go(page, () =>
      page
        .getByRole('link', {
          name: `${msg(lang, 'letter.list.make')}: ${msg(lang, `option.${option}.title`)}`,
        })
        .click(),
    );
    const field = (f: string) => page.getByLabel(msg(lang, `letter.field.${f}`), { exact: false }).first();
    await field('name').fill('Amal Voorbeeld');
    await field('address').fill('Lange Nieuwstraat 41');
    await field('postcode').fill('3512 PE');
    await field('city').fill('Utrecht');
    await page.locator('[name=birthDate]').fill('1990-01-01');
    await page.locator('[name=bsn]').fill(BSN);
    await page.locator('[name=reason]').fill('Ik verzorgde mijn zieke moeder van april tot augustus 2025.');
    await submit(page, msg(lang, 'letter.form.show'));
    assert.equal(await page.locator('h1').first().textContent(), msg(lang, 'letter.result.title'));
    const dutch = (await page.locator('article.letter[lang=nl]').first().textContent()) ?? '';
    assert.ok(dutch.includes('Amal Voorbeeld') && dutch.includes(BSN), 'the Dutch letter has the details');
    assert.equal(await page.locator('.letter-mirror[lang=ar]').count(), 1, 'the mirror copy is in Arabic');
    await go(page, () => page.getByRole('link', { name: 'Amal', exact: true }).first().click());

    // Export: everything held, as JSON, through the page's link (the same session).
    const href = await page.getByRole('link', { name: msg(lang, 'desk.person.export') }).getAttribute('href');
    assert.ok(href);
    const exported = await context.request.get(new URL(href, desk.base).href);
    assert.equal(exported.status(), 200);
    assert.equal(exported.headers()['cache-control'], 'no-store');
    const data = (await exported.json()) as { person: { displayName: string; facts: { pipDate: string } } };
    assert.equal(data.person.displayName, 'Amal');
    assert.equal(data.person.facts.pipDate, '2023-09-01');
    assert.ok(!JSON.stringify(data).includes(BSN), 'the BSN typed into the letter is not held');

    // Erase: a confirmation page, then she is gone from the dashboard and her page is a 404.
    await go(page, () => page.getByRole('link', { name: msg(lang, 'desk.person.erase') }).click());
    assert.equal(await page.locator('h1').textContent(), msg(lang, 'desk.erase.title', { name: 'Amal' }));
    await go(page, () => page.getByRole('button', { name: msg(lang, 'desk.erase.confirm') }).click());
    assert.match(page.url(), /\/desk\/nl\/$/);
    assert.equal(await page.getByRole('link', { name: 'Amal' }).count(), 0, 'no longer listed');
    const gone = await page.goto(url);
    assert.equal(gone?.status(), 404);
    assert.equal(await page.locator('h1').textContent(), msg(lang, 'desk.error.notFound'));

    // Signing out ends the session: the desk asks to sign in again.
    await go(page, () =>
      page.getByRole('button', { name: msg(lang, 'desk.logout', { name: 'anna' }) }).click(),
    );
    assert.match(page.url(), /\/desk\/nl\/login$/);
    await page.goto(`${desk.base}/desk/nl/`);
    assert.match(page.url(), /\/desk\/nl\/login$/, 'the old session is gone');
  } finally {
    await context.close();
  }
});

test("a coordinator's journey without JavaScript: every team's people, the act and team filters, a change in another team, rule changes", async () => {
  const lang = 'en';
  const anna = await pageLogin(desk.base, 'anna');
  const bram = await pageLogin(desk.base, 'bram');
  const inA = await addPerson(desk.base, anna, { ...PERSON_FORM, displayName: 'Samir' });
  const inB = await addPerson(desk.base, bram, {
    ...PERSON_FORM,
    displayName: 'Tesfay',
    'f.permitDate': '2019-06-01',
    'f.pipDate': '',
  });
  const moved = await addPerson(desk.base, anna, FAMILY_FORM);
  const context = await noScript();
  const page = await context.newPage();
  try {
    await signIn(page, desk.base, 'cor', lang);
    const names = await page.locator('ol.desk-people h2').allTextContents();
    for (const n of ['Samir', 'Tesfay', 'Noor']) assert.ok(names.includes(n), `${n} is listed: ${names}`);
    // The act filter (a plain GET form).
    await page.getByLabel(msg(lang, 'desk.filter.act'), { exact: true }).selectOption('wi2013');
    await go(page, () => page.getByRole('button', { name: msg(lang, 'desk.filter.apply') }).click());
    assert.match(page.url(), /act=wi2013/);
    assert.deepEqual(await page.locator('ol.desk-people h2').allTextContents(), ['Tesfay']);
    // The team filter (coordinators only): team A's people, not team B's.
    await page.getByLabel(msg(lang, 'desk.filter.act'), { exact: true }).selectOption('');
    await page.getByLabel(msg(lang, 'desk.filter.team'), { exact: true }).selectOption({ label: 'Utrecht' });
    await go(page, () => page.getByRole('button', { name: msg(lang, 'desk.filter.apply') }).click());
    const teamA = await page.locator('ol.desk-people h2').allTextContents();
    assert.ok(teamA.includes('Samir') && teamA.includes('Noor'), `team A: ${teamA}`);
    assert.ok(!teamA.includes('Tesfay'), `not team B: ${teamA}`);
    await page.getByLabel(msg(lang, 'desk.filter.team'), { exact: true }).selectOption({ label: 'Zwolle' });
    await go(page, () => page.getByRole('button', { name: msg(lang, 'desk.filter.apply') }).click());
    assert.deepEqual(await page.locator('ol.desk-people h2').allTextContents(), ['Tesfay']);

    // Team B's person: the coordinator may change the facts; the history names them.
    await go(page, () => page.getByRole('link', { name: 'Tesfay' }).click());
    assert.ok(page.url().endsWith(inB));
    await page.getByLabel(msg(lang, 'question.schoolYearsInNL.title'), { exact: true }).fill('1');
    await submit(page, msg(lang, 'desk.person.save'));
    const history = page.locator('section', {
      has: page.getByRole('heading', { name: msg(lang, 'desk.person.history') }),
    });
    assert.match((await history.textContent()) ?? '', /cor/);

    // Rule changes: under the current rules nothing moved; under a proposed rule set Noor's answer did.
    await go(page, () => page.getByRole('link', { name: msg(lang, 'desk.impact.title') }).click());
    assert.equal(await page.getByRole('link', { name: 'Noor' }).count(), 0);
    assert.ok((await page.textContent('main'))?.includes(msg(lang, 'desk.impact.none')));
    // The same database behind an app with the proposed rules (the session lives in the database).
    await page.goto(`${proposed.base}/desk/${lang}/impact`);
    const row = page.locator('main li', { has: page.getByRole('link', { name: 'Noor' }) });
    const text = (await row.textContent())?.replace(/\s+/g, ' ') ?? '';
    assert.ok(
      text.includes(
        `${msg(lang, 'obligation.obliged.title')} → ${msg(lang, 'obligation.not-obliged.title')}`,
      ),
      text,
    );
    assert.equal(
      await page.getByRole('link', { name: 'Samir' }).count(),
      0,
      'only people whose answer moved',
    );
    await go(page, () => row.getByRole('link', { name: 'Noor' }).click());
    assert.ok(page.url().endsWith(moved));
  } finally {
    await context.close();
  }
  // Team B's helper, in the browser, cannot open team A's person: the same 404 page as no such person.
  const other = await noScript();
  const page2 = await other.newPage();
  try {
    await signIn(page2, desk.base, 'bram', lang);
    assert.equal(await page2.getByRole('link', { name: 'Samir' }).count(), 0);
    for (const path of [`/people/${inA}`, `/people/${inA}/erase`]) {
      const res = await page2.goto(`${desk.base}/desk/${lang}${path}`);
      assert.equal(res?.status(), 404, path);
      assert.equal(await page2.locator('h1').textContent(), msg(lang, 'desk.error.notFound'));
    }
  } finally {
    await other.close();
  }
});

/** axe with the same tags as the public pages' test, and WCAG 1.4.10: nothing wider than 360 px. */
async function audit(page: Page, what: string): Promise<string[]> {
  const problems: string[] = [];
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
  for (const v of violations)
    for (const n of v.nodes)
      problems.push(`${what}: ${v.id} (${v.impact}) ${v.help} at ${n.target.join(' ')}`);
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = Array.from(
      document.querySelectorAll('body *:not(.skip-link)'),
      (e) => [e, e.getBoundingClientRect()] as const,
    )
      .filter(([, r]) => r.width > 0 && (r.right > width + 1 || r.left < -1))
      .map(
        ([e, r]) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.left)}–${Math.round(r.right)}`,
      )
      .slice(0, 3);
    if (document.documentElement.scrollWidth > width)
      out.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return out;
  });
  for (const w of wide) problems.push(`${what}: wider than 360 px: ${w}`);
  return problems;
}

test('the audit can fail: a missing label, low contrast and a too wide element on a desk page are reported', async () => {
  const context = await phoneContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(`${desk.base}/desk/en/login`);
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML(
        'beforeend',
        '<input type="text" name="x"><p id="faint">faint</p><p id="wide">w</p>',
      );
      // Through the CSSOM: the content security policy blocks style attributes.
      document.getElementById('faint')!.style.color = '#bbb';
      document.getElementById('wide')!.style.width = '500px';
    });
    const problems = await audit(page, 'login');
    for (const expected of [' label ', ' color-contrast ', 'wider than 360 px'])
      assert.ok(
        problems.some((p) => p.includes(expected)),
        `${expected.trim()} reported: ${problems.join('; ')}`,
      );
  } finally {
    await context.close();
  }
});

test('axe finds no WCAG 2.x A/AA violations and nothing scrolls sideways on any desk page (nl, en, 360 px)', async () => {
  // Dina's organisation has nobody yet: her dashboard starts empty.
  const context: BrowserContext = await phoneContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems: string[] = [];
  const visit = async (what: string, status: number, act: () => Promise<unknown>) => {
    const res = (await act()) as { status(): number } | null | undefined;
    if (res && typeof res.status === 'function') assert.equal(res.status(), status, `${what}: HTTP status`);
    problems.push(...(await audit(page, what)));
  };
  // An admin for the accounts page, and a disabled account on it (its "enable" button).
  const hash = await hashPassword(PASSWORD);
  await desk.store.addUser({
    email: 'ada-axe@vwn.example',
    name: 'Ada',
    role: 'admin',
    org: 'vwn',
    team: 'Utrecht',
    passwordHash: hash,
  });
  const leaver = await desk.store.addUser({
    email: 'leaver-axe@vwn.example',
    name: 'Lea',
    role: 'helper',
    org: 'vwn',
    team: 'Zwolle',
    passwordHash: hash,
  });
  await desk.store.setDisabled(leaver.id, new Date().toISOString());
  try {
    for (const lang of LANGS) {
      const at = (path: string) => `${desk.base}/desk/${lang}${path}`;
      const L = (what: string) => `${lang} ${what}`;
      await context.clearCookies();
      await visit(L('login'), 200, () => page.goto(at('/login')));
      await page.getByLabel(msg(lang, 'desk.login.email')).fill(ACCOUNTS.dina.email);
      await page.getByLabel(msg(lang, 'desk.login.password')).fill('not the password');
      const wrong = page.waitForResponse(
        (r) => r.url().endsWith('/login') && r.request().method() === 'POST',
      );
      await page.getByRole('button', { name: msg(lang, 'desk.login.submit') }).click();
      assert.equal((await wrong).status(), 401);
      await page.waitForLoadState();
      await visit(L('login, wrong password'), 401, async () => undefined);
      await signIn(page, desk.base, 'dina', lang);
      await visit(L('dashboard, nobody'), 200, () => page.goto(at('/?act=wi2007')));
      assert.equal(await page.locator('ol.desk-people > li').count(), 0);

      // The form, then the form with errors (no consent, a number that is not one).
      await visit(L('new person'), 200, () => page.goto(at('/people/new')));
      await page.getByLabel(msg(lang, 'desk.field.displayName'), { exact: true }).fill('Lina');
      await page.getByLabel(msg(lang, 'desk.field.language'), { exact: true }).fill('uk');
      await page.getByLabel(msg(lang, 'question.schoolYearsInNL.title'), { exact: true }).fill('many');
      await page.getByLabel(msg(lang, 'desk.field.consent')).check();
      await submit(page, msg(lang, 'desk.person.add'));
      assert.equal(await page.getByRole('alert').locator('li').count(), 1, 'the problem is named');
      assert.equal(
        await page.locator('[name="f.schoolYearsInNL"]').getAttribute('aria-invalid'),
        'true',
        'and marked at the field',
      );
      await visit(L('new person with errors'), 400, async () => undefined);
      const targets = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLAnchorElement>('[role=alert] a[href^="#"]'), (a) =>
          document.getElementById(a.hash.slice(1)) ? 'ok' : a.hash,
        ),
      );
      assert.deepEqual(targets, ['ok'], 'the error summary links to the field');
      assert.ok(
        (await page.title()).startsWith(`${msg(lang, 'ui.error.title')}: `),
        'the title says so first',
      );
      for (const [k, v] of Object.entries(PERSON_FORM).filter(
        ([k]) => k.startsWith('f.') && k !== 'f.diplomas',
      )) {
        const field = page.locator(`[name="${k}"]`);
        if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(v);
        else await field.fill(v);
      }
      await page.getByLabel(msg(lang, 'desk.field.consent')).check();
      await go(page, () =>
        page.getByRole('button', { name: msg(lang, 'desk.person.add'), exact: true }).click(),
      );
      const person = page.url();
      await page.getByLabel(msg(lang, 'question.pipDate.title'), { exact: true }).fill('2023-06-01');
      await submit(page, msg(lang, 'desk.person.save'));
      await visit(L('person, with history'), 200, async () => undefined);
      assert.equal(await page.getByRole('heading', { name: msg(lang, 'desk.person.history') }).count(), 1);
      await visit(L('dashboard, with people'), 200, () => page.goto(at('/')));
      // WCAG 2.5.8: the header's and the menu's targets are at least 24 × 24 px (sign-out included).
      const small = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.lang-nav a, .desk-nav a, .desk-nav button'))
          .map((e) => [e.textContent?.trim(), e.getBoundingClientRect()] as const)
          .filter(([, r]) => r.height < 24 || r.width < 24)
          .map(([name, r]) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`),
      );
      assert.deepEqual(small, [], `${lang}: targets too small`);

      // The person form with an error, and a stale write (someone saved in between: 409).
      await page.goto(person);
      await page.getByLabel(msg(lang, 'question.courseHours.title'), { exact: true }).fill('-3');
      await submit(page, msg(lang, 'desk.person.save'));
      await visit(L('person form with errors'), 400, async () => undefined);
      await page.goto(person);
      const csrf = await page.locator('form.desk-form input[name=_csrf]').inputValue();
      const version = await page.locator('form.desk-form input[name=version]').inputValue();
      const other = await context.request.post(person, {
        form: {
          ...PERSON_FORM,
          _csrf: csrf,
          version,
          displayName: 'Lina',
          language: 'uk',
          'f.courseHours': '20',
        },
        maxRedirects: 0,
      });
      assert.equal(other.status(), 303, 'the other save went through');
      await page.getByLabel(msg(lang, 'desk.field.displayName'), { exact: true }).fill('Lina K.');
      await submit(page, msg(lang, 'desk.person.save'));
      await visit(L('person, stale write (409)'), 409, async () => undefined);
      assert.equal(await page.getByRole('alert').count(), 1, 'the conflict is announced');
      assert.ok((await page.title()).startsWith(`${msg(lang, 'ui.error.title')}: `), 'in the title too');

      // A letter for Lina (special circumstances): the form, the form with an error, the letter.
      await page.goto(person);
      await page
        .getByRole('group', { name: msg(lang, 'question.circumstances.title') })
        .locator('input[value="special-circumstances"]')
        .check();
      await submit(page, msg(lang, 'desk.person.save'));
      await visit(L('letter form'), 200, () =>
        page.goto(`${person}/letters/extension-special-circumstances`),
      );
      await page.locator('[name=bsn]').fill('123');
      await submit(page, msg(lang, 'letter.form.show'));
      await visit(L('letter form with an error'), 400, async () => undefined);
      await page.locator('[name=bsn]').fill(BSN);
      await submit(page, msg(lang, 'letter.form.show'));
      await visit(L('letter'), 200, async () => undefined);
      assert.equal(await page.locator('.letter-mirror[lang=uk]').count(), 1, 'the mirror copy in Ukrainian');
      await visit(L('erase'), 200, () => page.goto(`${person}/erase`));
      await visit(L('rule changes, none'), 200, () => page.goto(at('/impact')));
      const noor = await addPerson(desk.base, await pageLogin(desk.base, 'dina'), {
        ...FAMILY_FORM,
        displayName: `Noor ${lang}`,
      });
      await visit(L('rule changes, moved'), 200, () => page.goto(`${proposed.base}/desk/${lang}/impact`));
      assert.ok((await page.locator('main li').count()) >= 1, 'someone is listed');
      // Seen under the current rules, then opened under the proposed ones: what moved, was → now.
      await page.goto(at(`/people/${noor}`));
      await visit(L('person, changed since you last looked'), 200, () =>
        page.goto(`${proposed.base}/desk/${lang}/people/${noor}`),
      );
      assert.equal(
        await page.locator('main p.badge + dl').count(),
        1,
        'the change is marked, with what moved',
      );
      await visit(L('calendar'), 200, () => page.goto(at('/calendar')));
      await submit(page, msg(lang, 'desk.calendar.new'));
      assert.match(
        await page.getByLabel(msg(lang, 'desk.calendar.yourLink')).inputValue(),
        /\/desk\/calendar\/.+\.ics$/,
      );
      await visit(L('calendar, with the link'), 200, async () => undefined);
      await visit(L('no such person (404)'), 404, () =>
        page.goto(at('/people/00000000-0000-4000-8000-000000000000')),
      );
      // An expired form (its token no longer matches): 403 with a page that says so.
      await page.goto(`${person}/erase`);
      await page.locator('main input[name=_csrf]').evaluate((e) => {
        (e as HTMLInputElement).value = 'expired';
      });
      await submit(page, msg(lang, 'desk.erase.confirm'));
      await visit(L('expired form (403)'), 403, async () => undefined);
      await visit(L('database down (503)'), 503, () => page.goto(`${down.base}/desk/${lang}/`));
      // A coordinator's dashboard has more filters (team, added by).
      await context.clearCookies();
      await signIn(page, desk.base, 'cor', lang);
      assert.equal(await page.getByLabel(msg(lang, 'desk.filter.team'), { exact: true }).count(), 1);
      await visit(L("dashboard, a coordinator's filters"), 200, async () => undefined);
      // An admin's accounts page.
      await context.clearCookies();
      await page.goto(at('/login'));
      await page.getByLabel(msg(lang, 'desk.login.email')).fill('ada-axe@vwn.example');
      await page.getByLabel(msg(lang, 'desk.login.password')).fill(PASSWORD);
      await Promise.all([
        page.waitForURL(new RegExp(`/desk/${lang}/$`)),
        page.getByRole('button', { name: msg(lang, 'desk.login.submit') }).click(),
      ]);
      await visit(L('accounts (admin)'), 200, () => page.goto(at('/accounts')));
      assert.equal(
        await page.getByRole('button', { name: msg(lang, 'desk.accounts.enable', { name: 'Lea' }) }).count(),
        1,
      );
    }
    await visit('unknown desk language (404)', 404, () => page.goto(`${desk.base}/desk/xx/`));
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, []);
});
