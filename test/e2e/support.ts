/**
 * Shared by the browser suites: the app on an ephemeral loopback port with a fixed clock, the
 * expected texts from the message catalogs, and a driver that answers the guided check through its
 * real forms (with the mouse or with the keyboard only).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import type { FactName } from '#domain/facts/facts.ts';
import { QUESTION_BY_FACT } from '#domain/questionnaire/questions.ts';

/** The day the tests live on: the Wi2021 case's term (ending 10 May 2026) is still running. */
export const TODAY = '2026-03-02';
export const NOW_TIME = '10:00';

export async function startApp() {
  const app = await buildApp({ today: () => date(TODAY), nowTime: () => NOW_TIME });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export type Lang = 'nl' | 'en' | 'ar';
export const LANGS: readonly Lang[] = ['nl', 'en', 'ar'];

const catalogs = new Map<string, Record<string, string>>();
function catalog(lang: string): Record<string, string> {
  let c = catalogs.get(lang);
  if (!c) {
    const path = new URL(`../../content/messages/${lang}.json`, import.meta.url);
    c = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
    catalogs.set(lang, c);
  }
  return c;
}

/** true when content/messages/<lang>.json exists (Arabic is being written while these tests are). */
export function hasCatalog(lang: string): boolean {
  return existsSync(new URL(`../../content/messages/${lang}.json`, import.meta.url));
}

/**
 * A text as the page shows it: the language's catalog, else English (the app's fallback).
 * Only for messages without ICU arguments, or with `{name}` arguments given in `params`.
 */
export function msg(lang: string, key: string, params: Record<string, string> = {}): string {
  const text = catalog(lang)[key] ?? catalog('en')[key];
  if (text === undefined) throw new Error(`no message ${key} in ${lang}.json or en.json`);
  return text.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}

/** A date as the pages show it: Gregorian, Latin digits, long month (as DUO's letters). */
export function longDate(lang: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, {
    calendar: 'gregory',
    numberingSystem: 'latn',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * An answer per fact: a country code, an option value, 'yes'/'no', a date 'YYYY-MM-DD', a number
 * as text, a list of option values for a multi-choice, or '?' for "I don't know".
 */
export type Answers = Partial<Record<FactName, string | readonly string[]>>;

const OPTION_PREFIX: Partial<Record<FactName, string>> = {
  permitPurpose: 'purpose',
  diplomas: 'diploma',
  circumstances: 'circumstance',
  route: 'route',
};

export function optionLabel(lang: string, fact: FactName, value: string): string {
  return msg(lang, `${OPTION_PREFIX[fact]}.${value}`);
}

/** The fact the page asks about (the form's hidden `q`). */
export async function currentFact(page: Page): Promise<FactName> {
  const q = await page.evaluate(
    () => document.querySelector<HTMLInputElement>('form.question input[type=hidden][name=q]')?.value,
  );
  if (!q) throw new Error(`not a question page: ${page.url()}`);
  return q as FactName;
}

async function submitAndWait(page: Page, act: () => Promise<void>) {
  const before = page.url();
  await Promise.all([page.waitForURL((u) => u.href !== before, { waitUntil: 'load' }), act()]);
}

/** Answers the question on the page with the mouse (clicks, fill, select), then presses its button. */
export async function answerWithMouse(page: Page, lang: string, answers: Answers): Promise<FactName> {
  const fact = await currentFact(page);
  const answer = answers[fact];
  if (answer === undefined) throw new Error(`the check asked ${fact}, which this journey has no answer for`);
  const q = QUESTION_BY_FACT.get(fact)!;
  const title = msg(lang, `question.${fact}.title`);
  if (answer === '?') {
    await submitAndWait(page, () =>
      page.getByRole('button', { name: msg(lang, 'ui.question.dontKnow'), exact: true }).click(),
    );
    return fact;
  }
  switch (q.type) {
    case 'country':
      await page.getByRole('combobox', { name: title }).selectOption(answer as string);
      break;
    case 'yes-no':
      await page.getByRole('radio', { name: msg(lang, `answer.${answer}`), exact: true }).check();
      break;
    case 'choice':
      await page.getByRole('radio', { name: optionLabel(lang, fact, answer as string), exact: true }).check();
      break;
    case 'multi-choice': {
      const checked = await page.evaluate(() =>
        Array.from(
          document.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked'),
          (b) => b.value,
        ),
      );
      for (const v of q.options ?? []) {
        const want = (answer as readonly string[]).includes(v);
        if (want === checked.includes(v)) continue;
        await page.getByRole('checkbox', { name: optionLabel(lang, fact, v), exact: true }).setChecked(want);
      }
      break;
    }
    case 'date': {
      const [y, m, d] = (answer as string).split('-') as [string, string, string];
      await page
        .getByRole('textbox', { name: msg(lang, 'ui.question.day'), exact: true })
        .fill(String(Number(d)));
      await page
        .getByRole('textbox', { name: msg(lang, 'ui.question.month'), exact: true })
        .fill(String(Number(m)));
      await page.getByRole('textbox', { name: msg(lang, 'ui.question.year'), exact: true }).fill(y);
      break;
    }
    case 'number':
      await page.getByRole('textbox', { name: title }).fill(answer as string);
      break;
  }
  await submitAndWait(page, () =>
    page.getByRole('button', { name: msg(lang, 'ui.question.next'), exact: true }).click(),
  );
  return fact;
}

/** Runs the check from its first question with the mouse until the result page; returns the facts asked. */
export async function runCheck(
  page: Page,
  base: string,
  lang: string,
  answers: Answers,
  onPage?: () => Promise<void>,
) {
  await page.goto(`${base}/${lang}/`);
  await onPage?.();
  await submitAndWait(page, () =>
    page.getByRole('link', { name: msg(lang, 'ui.start.button'), exact: true }).click(),
  );
  const asked: FactName[] = [];
  for (let i = 0; i < 25 && !new URL(page.url()).pathname.endsWith('/result'); i++) {
    await onPage?.();
    asked.push(await answerWithMouse(page, lang, answers));
  }
  await onPage?.();
  return asked;
}

/** What the result page says, read from its DOM in one round trip. */
export function readResult(page: Page) {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const outcome = document.querySelector<HTMLElement>('main h1.outcome');
    return {
      obligation: /outcome-([a-z-]+)/.exec(outcome?.className ?? '')?.[1],
      headline: outcome?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      main: document.querySelector<HTMLElement>('main')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      dates: Object.fromEntries(
        Array.from(document.querySelectorAll<HTMLElement>('section.dates dl > div'), (row) => [
          row.querySelector<HTMLElement>('dt')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          row.querySelector<HTMLElement>('dd')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        ]),
      ) as Record<string, string>,
      options: Object.fromEntries(
        Array.from(document.querySelectorAll<HTMLElement>('main section.option'), (card) => [
          card.id.replace(/^option-/, ''),
          card.querySelector<HTMLElement>('h3')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        ]),
      ) as Record<string, string>,
    };
  });
}
