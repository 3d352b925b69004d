// The guided check in a real browser, beyond a straight run: changing an answer from the summary,
// reloading and reopening a result URL, the keyboard alone, and the offline service worker.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FactName } from '#domain/facts/facts.ts';
import { launchBrowser, phoneContext } from './browser.ts';
import { assertResult, assertSubsequence, JOURNEYS } from './journeys.ts';
import { currentFact, longDate, msg, readResult, runCheck, startApp } from './support.ts';

let server: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
before(async () => {
  [server, browser] = await Promise.all([startApp(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('changing one answer on the summary page keeps the others and changes the result; the result URL reloads the same', async (t) => {
  const context = await phoneContext(browser, { serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const lang = 'en';
    const j = JOURNEYS[0]!;
    await runCheck(page, server.base, lang, j.answers);
    const before = await readResult(page);
    const beforeQuery = new URL(page.url()).searchParams;

    await page.getByRole('link', { name: msg(lang, 'ui.result.changeAnswers') }).click();
    await page.waitForURL(/\/en\/summary\?/);
    // Question → answer, as the summary lists them.
    const rows = () =>
      page.evaluate(
        () =>
          Object.fromEntries(
            Array.from(document.querySelectorAll('dl.summary > div'), (r) => [
              r.querySelector('dt')?.textContent?.trim() ?? '',
              r.querySelector('dd bdi')?.textContent?.trim() ?? '',
            ]),
          ) as Record<string, string>,
      );
    const pipTitle = msg(lang, 'question.pipDate.title');
    const rowsBefore = await rows();
    assert.equal(rowsBefore[pipTitle], longDate(lang, '2023-05-10'));
    assert.equal(rowsBefore[msg(lang, 'question.circumstances.title')], msg(lang, 'circumstance.birth'));

    await page
      .getByRole('link', { name: msg(lang, 'ui.summary.changeLabel', { question: pipTitle }) })
      .click();
    await page.waitForURL(/edit=pipDate/);
    assert.equal(await currentFact(page), 'pipDate');
    // The question opens with the current answer filled in.
    const day = page.getByRole('textbox', { name: msg(lang, 'ui.question.day'), exact: true });
    const month = page.getByRole('textbox', { name: msg(lang, 'ui.question.month'), exact: true });
    const year = page.getByRole('textbox', { name: msg(lang, 'ui.question.year'), exact: true });
    assert.deepEqual(
      [await day.inputValue(), await month.inputValue(), await year.inputValue()],
      ['10', '5', '2023'],
    );
    await day.fill('1');
    await month.fill('9');
    await page.getByRole('button', { name: msg(lang, 'ui.question.next'), exact: true }).click();
    await page.waitForURL(/\/en\/result\?/);

    const afterQuery = new URL(page.url()).searchParams;
    assert.equal(afterQuery.get('pipDate'), '2023-09-01');
    for (const [k, v] of beforeQuery)
      if (k !== 'pipDate') assert.equal(afterQuery.get(k), v, `answer ${k} kept`);
    const after = await readResult(page);
    assert.equal(after.obligation, 'obliged');
    assert.notEqual(
      after.dates[msg(lang, 'ui.result.termEnd')],
      before.dates[msg(lang, 'ui.result.termEnd')],
    );
    assert.ok(
      after.dates[msg(lang, 'ui.result.termEnd')]?.includes(longDate(lang, '2026-09-01')),
      JSON.stringify(after.dates),
    );
    assert.ok('extension-birth' in after.options, 'the other answers still count (gave birth)');

    await page.getByRole('link', { name: msg(lang, 'ui.result.changeAnswers') }).click();
    await page.waitForURL(/\/en\/summary\?/);
    const rowsAfter = await rows();
    assert.deepEqual(
      { ...rowsAfter, [pipTitle]: rowsBefore[pipTitle] },
      rowsBefore,
      'only the changed answer differs',
    );
    assert.equal(rowsAfter[pipTitle], longDate(lang, '2023-09-01'));

    await t.test('reloading or reopening the result URL gives the same result', async () => {
      await page.goBack({ waitUntil: 'load' });
      assert.match(page.url(), /\/en\/result\?/);
      const url = page.url();
      await page.reload();
      assert.equal(page.url(), url);
      assert.deepEqual(await readResult(page), after);
      const other = await (await phoneContext(browser, { javaScriptEnabled: false })).newPage();
      try {
        await other.goto(url);
        assert.deepEqual(
          await readResult(other),
          after,
          'the link alone holds the answers (a new browser, no script)',
        );
      } finally {
        await other.context().close();
      }
    });
  } finally {
    await context.close();
  }
});

test('keyboard only (Tab, Space, Enter, arrows, typing): from the start page to a result', async () => {
  const context = await phoneContext(browser, { serviceWorkers: 'block' });
  const lang = 'en';
  const j = JOURNEYS[3]!;
  try {
    const page = await context.newPage();
    await page.goto(`${server.base}/${lang}/`);
    const active = () =>
      page.evaluate(() => {
        const e = document.activeElement as HTMLInputElement | null;
        return {
          tag: e?.tagName.toLowerCase() ?? '',
          type: e?.type ?? '',
          name: e?.name ?? '',
          value: e?.value ?? '',
          text: e?.textContent?.trim() ?? '',
          checked: !!e?.checked,
          // WCAG 2.4.7: the keyboard focus is visible.
          outline: e ? getComputedStyle(e).outlineStyle : 'none',
        };
      });
    /** Presses Tab until the focused element passes `want`. */
    const tabTo = async (want: (a: Awaited<ReturnType<typeof active>>) => boolean, what: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (want(await active())) return;
      }
      assert.fail(`Tab never reached ${what} on ${page.url()}`);
    };
    const press = async (key: string) => {
      const before = page.url();
      await Promise.all([
        page.waitForURL((u) => u.href !== before, { waitUntil: 'load' }),
        page.keyboard.press(key),
      ]);
    };
    // The skip link comes first and jumps over the header to the main content.
    await page.keyboard.press('Tab');
    assert.equal((await active()).text, msg(lang, 'ui.skip'));
    await page.keyboard.press('Enter');
    await tabTo((a) => a.tag === 'a' && a.text === msg(lang, 'ui.start.button'), 'the start button');
    await press('Enter');

    const next = msg(lang, 'ui.question.next');
    const asked: FactName[] = [];
    for (let step = 0; step < 20 && !new URL(page.url()).pathname.endsWith('/result'); step++) {
      const fact = await currentFact(page);
      asked.push(fact);
      const answer = j.answers[fact];
      assert.ok(answer !== undefined, `no answer for ${fact}`);
      if (answer === '?') {
        await tabTo(
          (a) => a.tag === 'button' && a.text === msg(lang, 'ui.question.dontKnow'),
          "I don't know",
        );
        await press('Space');
        continue;
      }
      const first = await page
        .locator('form.question [name=answer], form.question [name=answer-day]')
        .first()
        .evaluate((e) => (e as HTMLInputElement).type);
      if (first === 'select-one') {
        await tabTo((a) => a.tag === 'select', 'the country list');
        for (let i = 0; i < 300 && (await active()).value !== answer; i++)
          await page.keyboard.press('ArrowDown');
        assert.equal((await active()).value, answer);
      } else if (first === 'radio') {
        await tabTo((a) => a.type === 'radio', 'the first radio button');
        // Arrow keys move through the group and check; Space checks the focused one.
        for (let i = 0; i < 15 && (await active()).value !== answer; i++)
          await page.keyboard.press('ArrowDown');
        assert.equal((await active()).value, answer, `radio ${answer}`);
        await page.keyboard.press('Space');
        assert.ok((await active()).checked);
      } else if (first === 'checkbox') {
        for (const v of answer as readonly string[]) {
          await tabTo((a) => a.type === 'checkbox' && a.value === v, `checkbox ${v}`);
          await page.keyboard.press('Space');
          assert.ok((await active()).checked);
        }
      } else if (first === 'text' && fact.endsWith('Date')) {
        const [y, m, d] = (answer as string).split('-') as [string, string, string];
        await tabTo((a) => a.name === 'answer-day', 'the day');
        await page.keyboard.type(d);
        await page.keyboard.press('Tab');
        await page.keyboard.type(m);
        await page.keyboard.press('Tab');
        await page.keyboard.type(y);
        await press('Enter'); // Enter in a text field submits with the first button: "Next".
        continue;
      } else {
        await tabTo((a) => a.name === 'answer', 'the text box');
        await page.keyboard.type(answer as string);
        await press('Enter');
        continue;
      }
      await tabTo((a) => a.tag === 'button' && a.text === next, 'Next');
      assert.notEqual((await active()).outline, 'none', 'the focused button shows an outline');
      await press(asked.length % 2 ? 'Enter' : 'Space');
    }
    assertSubsequence(asked, j.asks);
    await assertResult(page, lang, j);
  } finally {
    await context.close();
  }
});

test('with the offline service worker in control, the check reaches its result and no answers are cached', async () => {
  const context = await phoneContext(browser, { serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.base}/en/`);
    // Installed (its precache done) and in control of the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    assert.ok(
      await page.evaluate(() => navigator.serviceWorker.controller !== null),
      'the page is controlled',
    );

    const j = JOURNEYS[3]!;
    const asked = await runCheck(page, server.base, 'en', j.answers);
    assertSubsequence(asked, j.asks, j.exact);
    await assertResult(page, 'en', j);
    await page.getByRole('link', { name: msg('en', 'ui.result.changeAnswers') }).click();
    await page.waitForURL(/\/en\/summary\?/);

    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys())
        for (const r of await (await caches.open(key)).keys()) urls.push(r.url);
      return urls;
    });
    const paths = cached.map((u) => new URL(u).pathname);
    assert.ok(
      // The offline page at install, and the public pages as they were opened (nothing else is
      // downloaded until the person saves the knowledge base).
      paths.includes('/en/offline') && paths.includes('/en/'),
      `the public pages opened are kept offline: ${paths.join(' ')}`,
    );
    assert.deepEqual(
      cached.filter((u) => new URL(u).search !== ''),
      [],
      'no URL with answers (a query string) is in the cache',
    );
  } finally {
    await context.close();
  }
});
