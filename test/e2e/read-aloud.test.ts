// Read aloud in real Chromium, with a stand-in speech engine that records what would be spoken
// (headless Chromium has no voices): piece by piece, never a long list, and help where the phone
// has no voice for the page's language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser.ts';
import { msg, startApp } from './support.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

type Spoken = { text: string; lang: string };

/** A page whose phone speaks only `voices` (language tags); what is spoken lands in window.__spoken. */
async function pageWithVoices(voices: string[]): Promise<Page> {
  const context = await phoneContext(browser, { serviceWorkers: 'block' });
  // A string, not a function: the test runner's transpiler would add helpers the page lacks.
  await context.addInitScript(`(() => {
    const spoken = [];
    window.__spoken = spoken;
    const list = ${JSON.stringify(voices)}.map((lang) => ({ lang, name: lang, default: false, localService: true, voiceURI: lang }));
    function Utterance(text) { this.text = text; this.lang = ''; this.voice = null; this.onend = null; }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speaking: false,
        getVoices: () => list,
        speak: (u) => spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => {},
        addEventListener: () => {},
      },
    });
  })();`);
  return context.newPage();
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);

test('a yes/no question is read as the question, its hint and each answer, one piece at a time', async () => {
  const page = await pageWithVoices(['en-GB']);
  await page.goto(`${app.base}/en/check?nationality=SY&permitPurpose=asylum`);
  await page.click('.read-aloud');
  const texts = (await spoken(page)).map((s) => s.text);
  assert.ok(texts.length >= 3, `pieces: ${JSON.stringify(texts)}`);
  assert.ok(
    texts.includes(msg('en', 'answer.yes')) && texts.includes(msg('en', 'answer.no')),
    'each answer on its own',
  );
  assert.ok(
    texts.every((t) => t.length < 400),
    'no piece runs everything together',
  );
  // A long hint is read in whole sentences, none left out.
  const hint = msg('en', 'question.familyOfEeaCitizen.help');
  const hintPieces = texts.filter((t) => t.length > 20 && hint.includes(t));
  assert.ok(hint.length > 250 && hintPieces.length >= 2, `hint in pieces: ${JSON.stringify(hintPieces)}`);
  assert.equal(hintPieces.join(' '), hint);
  await page.context().close();
});

test('the nationality question never reads the list of ~250 countries: it says how to choose', async () => {
  const page = await pageWithVoices(['en-US']);
  await page.goto(`${app.base}/en/check`);
  await page.click('.read-aloud');
  const texts = (await spoken(page)).map((s) => s.text);
  assert.ok(texts.includes(msg('en', 'ui.readAloud.listHint')), JSON.stringify(texts));
  const all = texts.join(' ');
  assert.ok(all.length < 1000, `read ${all.length} characters`);
  assert.doesNotMatch(all, /Zimbabwe|Afghanistan/);
  await page.context().close();
});

test('a knowledge-base answer is read paragraph by paragraph', async () => {
  const page = await pageWithVoices(['nl-NL']);
  await page.goto(`${app.base}/nl/kb/extension-pregnancy-birth`);
  await page.click('.read-aloud');
  const texts = (await spoken(page)).map((s) => s.text);
  const paragraphs = await page.locator('article h1, article p, article li').count();
  assert.ok(texts.length >= Math.min(paragraphs, 3), `${texts.length} pieces for ${paragraphs} blocks`);
  assert.equal(texts[0], (await page.locator('article h1').textContent())?.trim());
  await page.context().close();
});

test('without a voice for the language the button stays, explains the screen reader and offers a second language', async () => {
  const page = await pageWithVoices(['en-US']);
  await page.goto(`${app.base}/ti/kb/extension-pregnancy-birth`);
  const button = page.locator('.read-aloud');
  assert.ok(await button.isVisible(), 'the button stays');
  await button.click();
  assert.equal((await spoken(page)).length, 0, 'nothing is read in a voice of another language unasked');
  const help = page.locator('#read-aloud-help');
  assert.ok(await help.isVisible());
  assert.match((await help.textContent()) ?? '', /TalkBack/);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  // Only languages the phone can speak are offered: English here.
  const offered = await page
    .locator('.read-aloud-second option:not([hidden])')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.deepEqual(offered, ['en']);
  await page.selectOption('.read-aloud-second', 'en');
  await page.click('.read-aloud-second-go');
  await page.waitForFunction(() => (window as unknown as { __spoken: Spoken[] }).__spoken.length > 0);
  const read = await spoken(page);
  assert.ok(read.every((s) => s.lang === 'en-US'));
  assert.ok(
    read.some((s) => /[a-z]{4}/i.test(s.text)) && !read.some((s) => /[\u1200-\u137f]/.test(s.text)),
    'read in English',
  );
  await page.context().close();
});
