/**
 * The four situations of the guided check, with what their result page must show, and the
 * assertions the browser suites share.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { FactName } from '#domain/facts/facts.ts';
import { phoneContext } from './browser.ts';
import { type Answers, LANGS, type Lang, longDate, msg, readResult, runCheck } from './support.ts';

export interface Journey {
  name: string;
  answers: Answers;
  obligation: 'obliged' | 'not-obliged' | 'exempt';
  regime?: 'wi2021' | 'wi2013';
  termEnd?: string;
  applyFrom?: string;
  options: string[];
  /** Facts the check must have asked (in this order), or exactly these when `exact`. */
  asks: FactName[];
  exact?: boolean;
}

export const JOURNEYS: Journey[] = [
  {
    name: 'asylum status holder, Wi2021 with a PIP date, gave birth',
    answers: {
      nationality: 'SY',
      permitPurpose: 'asylum',
      familyOfEeaCitizen: 'no',
      birthDate: '1990-01-01',
      permitDate: '2023-03-01',
      obligationStartDate: '?',
      hasIntegrationDiploma: 'no',
      diplomas: [],
      schoolYearsInNL: '0',
      pipDate: '2023-05-10',
      termEndDate: '?',
      route: 'b1',
      medicalLimitation: 'no',
      circumstances: ['birth'],
      courseHours: '300',
      examAttempts: '1',
    },
    obligation: 'obliged',
    regime: 'wi2021',
    termEnd: '2026-05-10',
    applyFrom: '2025-11-11',
    options: ['extension-birth'],
    asks: [
      'nationality',
      'permitPurpose',
      'birthDate',
      'permitDate',
      'diplomas',
      'schoolYearsInNL',
      'pipDate',
      'circumstances',
    ],
  },
  {
    name: 'family migrant, Wi2013 with a DUO start date, a death in the family',
    answers: {
      nationality: 'MA',
      permitPurpose: 'family',
      familyOfEeaCitizen: 'no',
      birthDate: '1992-06-15',
      permitDate: '2021-02-10',
      obligationStartDate: '2021-02-22',
      hasIntegrationDiploma: 'no',
      diplomas: [],
      schoolYearsInNL: '0',
      pipDate: '?',
      termEndDate: '?',
      route: '?',
      medicalLimitation: 'no',
      circumstances: ['family-death'],
      courseHours: '300',
      examAttempts: '1',
      yearsInNL: '5',
      yearsWorkedInNL: '1',
    },
    obligation: 'obliged',
    regime: 'wi2013',
    termEnd: '2024-02-21',
    applyFrom: '2023-08-22',
    options: ['extension-family-death'],
    asks: ['nationality', 'permitPurpose', 'permitDate', 'obligationStartDate', 'circumstances'],
  },
  {
    name: 'EU citizen: not obliged after one question',
    answers: { nationality: 'PL' },
    obligation: 'not-obliged',
    options: [],
    asks: ['nationality'],
    exact: true,
  },
  {
    name: 'Dutch havo diploma: exempt',
    answers: {
      nationality: 'ER',
      permitPurpose: 'asylum',
      familyOfEeaCitizen: 'no',
      birthDate: '1995-03-03',
      permitDate: '2022-06-01',
      obligationStartDate: '?',
      hasIntegrationDiploma: 'no',
      diplomas: ['havo'],
      schoolYearsInNL: '2',
      pipDate: '?',
      termEndDate: '?',
      route: '?',
      medicalLimitation: 'no',
      circumstances: [],
      courseHours: '?',
      examAttempts: '?',
    },
    obligation: 'exempt',
    regime: 'wi2021',
    options: ['vrijstelling-diploma'],
    asks: ['nationality', 'permitPurpose', 'diplomas'],
  },
];

export function assertSubsequence(asked: FactName[], expected: FactName[], exact?: boolean) {
  if (exact) return assert.deepEqual(asked, expected);
  let i = 0;
  for (const f of asked) if (f === expected[i]) i++;
  assert.equal(i, expected.length, `asked ${asked.join(' → ')}; expected in order ${expected.join(' → ')}`);
  assert.equal(new Set(asked).size, asked.length, `no question asked twice: ${asked.join(' → ')}`);
}

export async function assertLanguage(page: Page, lang: Lang) {
  const html = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));
  assert.deepEqual(html, { lang, dir: lang === 'ar' ? 'rtl' : 'ltr' }, `<html lang dir> on ${page.url()}`);
}

export async function assertResult(page: Page, lang: Lang, j: Journey) {
  assert.match(new URL(page.url()).pathname, new RegExp(`^/${lang}/result$`));
  const r = await readResult(page);
  assert.equal(r.obligation, j.obligation);
  assert.equal(r.headline, msg(lang, `obligation.${j.obligation}.title`));
  if (j.regime) assert.ok(r.main.includes(msg(lang, `regime.${j.regime}`)), `the page names ${j.regime}`);
  const termEnd = msg(lang, 'ui.result.termEnd');
  const applyFrom = msg(lang, 'ui.result.applyFrom');
  if (j.termEnd) {
    assert.ok(
      r.dates[termEnd]?.includes(longDate(lang, j.termEnd)),
      `term end ${longDate(lang, j.termEnd)} in ${JSON.stringify(r.dates)}`,
    );
  } else {
    assert.deepEqual(r.dates, {}, 'no term dates');
  }
  if (j.applyFrom)
    assert.ok(
      r.dates[applyFrom]?.includes(longDate(lang, j.applyFrom)),
      `apply from in ${JSON.stringify(r.dates)}`,
    );
  for (const id of j.options)
    assert.equal(
      r.options[id],
      msg(lang, `option.${id}.title`),
      `option ${id} in ${JSON.stringify(r.options)}`,
    );
  if (j.options.length === 0) assert.deepEqual(r.options, {}, 'no options');
  return r;
}

/** Registers one test per situation that runs it in Dutch, English and Arabic, in one browser context. */
export function journeyTests(
  test: typeof import('node:test').test,
  env: () => { base: string; browser: Browser },
  javaScriptEnabled: boolean,
) {
  for (const j of JOURNEYS) {
    test(`${j.name} (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async (t) => {
      const { base, browser } = env();
      // The offline service worker is blocked here: switching language in one context makes it
      // download every page of the new language in the background (check.test.ts tests it alone).
      // One language after the other: on two cores, side by side is slower.
      const context = await phoneContext(browser, { javaScriptEnabled, serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        for (const lang of LANGS) {
          await t.test(lang, async () => {
            const asked = await runCheck(page, base, lang, j.answers, () => assertLanguage(page, lang));
            assertSubsequence(asked, j.asks, j.exact);
            await assertResult(page, lang, j);
          });
        }
      } finally {
        await context.close();
      }
    });
  }
}
