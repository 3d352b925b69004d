/**
 * Every legal cut-off date on the day before, the day of and the day after. Expected answers
 * come from the law fact sheets (shared/reference/law-facts.md and its addendum), cited per test.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { type Assessment, assess } from '#domain/assess.ts';
import { date, minus, type PlainDate, plus } from '#domain/dates/plain-date.ts';
import type { Facts } from '#domain/facts/facts.ts';

const book = loadRuleBook();

/** An adult Syrian asylum status holder with every obligation fact known, unless overridden. */
const person = (overrides: Partial<Facts> = {}): Facts => ({
  nationality: 'SY',
  familyOfEeaCitizen: false,
  birthDate: date('1985-04-10'),
  permitPurpose: 'asylum',
  schoolYearsInNL: 0,
  hasIntegrationDiploma: false,
  diplomas: [],
  ...overrides,
});

const run = (facts: Facts, asOf: string | PlainDate): Assessment =>
  assess(facts, typeof asOf === 'string' ? date(asOf) : asOf, book);

/** The day before, the day of and the day after `day`, as ISO strings. */
const around = (day: string): [string, string, string] => {
  const d = date(day);
  return [minus(d, { days: 1 }).toString(), day, plus(d, { days: 1 }).toString()];
};

const appliedRule = (a: Assessment) =>
  a.reasons.find(
    (r) => r.status === 'applies' && !r.rule.startsWith('regime.') && !r.rule.startsWith('term.'),
  )?.rule;
const option = (a: Assessment, id: string) => a.options.find((o) => o.id === id);

describe('regime cut-off 2013-01-01 (Wi2007 / Wi2013)', () => {
  // main §0 [Wi2007]: told before 1 Jan 2013 -> pre-2013 rules; Wi2013 from 1 Jan 2013.
  const [before, on, after] = around('2013-01-01');
  for (const [start, regime] of [
    [before, 'wi2007'],
    [on, 'wi2013'],
    [after, 'wi2013'],
  ] as const) {
    test(`obliged from ${start} (DUO letter): ${regime}`, () => {
      const a = run(person({ obligationStartDate: date(start) }), '2014-06-01');
      assert.equal(a.obligation, 'obliged');
      assert.equal(a.regime, regime);
    });
    // The permit date stands for the start (as at the 2022 cut-off); before 2013 the letter's date is
    // asked too, since the old rules also need the notice before 2013 (main §0 Wi2007).
    test(`permit of ${start}, adult: ${regime}`, () => {
      const a = run(person({ permitDate: date(start) }), '2014-06-01');
      assert.equal(a.regime, regime);
      assert.equal(a.obligation, 'obliged');
      const told = a.reasons.some((r) => r.rule === 'regime.wi2007.told-date' && r.status === 'applies');
      assert.equal(told, regime === 'wi2007');
      assert.ok(a.missing.includes('obligationStartDate'));
    });
  }
});

describe('regime cut-off 2022-01-01 (Wi2013 / Wi2021)', () => {
  // main §0 [transition]: Wi2021 applies to people who became obliged on or after 1 Jan 2022.
  const [before, on, after] = around('2022-01-01');
  for (const [start, regime] of [
    [before, 'wi2013'],
    [on, 'wi2021'],
    [after, 'wi2021'],
  ] as const) {
    test(`obliged from ${start} (DUO letter): ${regime}`, () => {
      const a = run(person({ obligationStartDate: date(start) }), '2023-06-01');
      assert.equal(a.obligation, 'obliged');
      assert.equal(a.regime, regime);
    });
    test(`permit of ${start}, adult: ${regime}`, () => {
      const a = run(person({ permitDate: date(start) }), '2023-06-01');
      assert.equal(a.regime, regime);
      assert.equal(a.obligationStart?.toString(), start);
    });
  }

  test('the DUO letter date wins over the permit date in both directions', () => {
    assert.equal(
      run(person({ permitDate: date(before), obligationStartDate: date(on) }), '2023-06-01').regime,
      'wi2021',
    );
    assert.equal(
      run(person({ permitDate: date(on), obligationStartDate: date(before) }), '2023-06-01').regime,
      'wi2013',
    );
  });

  test('a minor with a 2021 permit: the 18th birthday decides (17 on 2021-12-31 -> Wi2013; 18 on 2022-01-01 -> Wi2021)', () => {
    // addendum §8: the obligation starts when the leerplicht/kwalificatieplicht vrijstelling ends, at 18.
    const permitDate = date('2021-06-01');
    const older = run(person({ birthDate: date('2003-12-31'), permitDate }), '2023-06-01');
    assert.equal(older.obligationStart?.toString(), '2021-12-31');
    assert.equal(older.regime, 'wi2013');
    const younger = run(person({ birthDate: date('2004-01-01'), permitDate }), '2023-06-01');
    assert.equal(younger.obligationStart?.toString(), '2022-01-01');
    assert.equal(younger.regime, 'wi2021');
    const youngest = run(person({ birthDate: date('2004-01-02'), permitDate }), '2023-06-01');
    assert.equal(youngest.obligationStart?.toString(), '2022-01-02');
    assert.equal(youngest.regime, 'wi2021');
  });
});

describe('Turkish nationals: asylum from 2020-05-01, everyone from 2022-01-01', () => {
  const turk = (overrides: Partial<Facts>) => person({ nationality: 'TR', ...overrides });

  // main §1 Nationality: from 1 May 2020 Turkish asylum status holders are obliged; not retroactive.
  const [b1, o1, a1] = around('2020-05-01');
  test(`asylum permit of ${b1}: not obliged`, () => {
    const a = run(turk({ permitDate: date(b1) }), '2021-06-01');
    assert.equal(a.obligation, 'not-obliged');
    assert.equal(appliedRule(a), 'not-obliged.turkish-before-asylum-obliged-from');
  });
  for (const day of [o1, a1]) {
    test(`asylum permit of ${day}: obliged under Wi2013`, () => {
      const a = run(turk({ permitDate: date(day) }), '2021-06-01');
      assert.equal(a.obligation, 'obliged');
      assert.equal(a.regime, 'wi2013');
    });
    test(`family-of-asylum permit of ${day}: obliged under Wi2013`, () => {
      assert.equal(
        run(turk({ permitPurpose: 'asylum-family', permitDate: date(day) }), '2021-06-01').obligation,
        'obliged',
      );
    });
  }
  for (const day of [b1, o1, a1]) {
    test(`family-migration permit of ${day}: not obliged (only asylum holders from May 2020)`, () => {
      const a = run(turk({ permitPurpose: 'family', permitDate: date(day) }), '2021-06-01');
      assert.equal(a.obligation, 'not-obliged');
    });
  }

  // main §1 Nationality [Wi2021]: from 1 Jan 2022 all Turkish newcomers are obliged.
  const [b2, o2, a2] = around('2022-01-01');
  test(`family-migration permit of ${b2}: not obliged`, () => {
    const a = run(turk({ permitPurpose: 'family', permitDate: date(b2) }), '2023-06-01');
    assert.equal(a.obligation, 'not-obliged');
    assert.equal(appliedRule(a), 'not-obliged.turkish-non-asylum-before-all-obliged-from');
  });
  for (const day of [o2, a2]) {
    test(`family-migration permit of ${day}: obliged under Wi2021`, () => {
      const a = run(turk({ permitPurpose: 'family', permitDate: date(day) }), '2023-06-01');
      assert.equal(a.obligation, 'obliged');
      assert.equal(a.regime, 'wi2021');
    });
  }
  test(`asylum permit of ${b2}: obliged under Wi2013 (asylum holders were obliged already)`, () => {
    const a = run(turk({ permitDate: date(b2) }), '2023-06-01');
    assert.equal(a.obligation, 'obliged');
    assert.equal(a.regime, 'wi2013');
  });
});

describe('NT2 and entreeopleiding: full vrijstelling only for obligations before 2015-01-01 (Wi2013)', () => {
  // main §2 [Wi2013]: obliged before 1 Jan 2015 -> full vrijstelling; on/after -> partial.
  const [before, on, after] = around('2015-01-01');
  for (const diploma of ['nt2-staatsexamen', 'mbo-1-entree'] as const) {
    test(`${diploma}, obliged from ${before}: exempt`, () => {
      const a = run(person({ obligationStartDate: date(before), diplomas: [diploma] }), '2016-06-01');
      assert.equal(a.obligation, 'exempt');
      assert.equal(appliedRule(a), 'exempt.nt2-or-entree-full-vrijstelling');
      assert.equal(option(a, 'vrijstelling-diploma')?.variant, 'early-wi2013');
      assert.equal(option(a, 'vrijstelling-diploma')?.scope, 'full');
    });
    for (const day of [on, after]) {
      test(`${diploma}, obliged from ${day}: obliged, partial vrijstelling`, () => {
        const a = run(person({ obligationStartDate: date(day), diplomas: [diploma] }), '2016-06-01');
        assert.equal(a.obligation, 'obliged');
        const o = option(a, 'vrijstelling-diploma');
        assert.equal(o?.scope, 'partial');
        assert.equal(o?.variant, diploma === 'nt2-staatsexamen' ? 'nt2-partial-wi2013' : 'entree-ona-wi2013');
      });
    }
  }
});

describe('16th and 18th birthday', () => {
  // addendum §8 / main §1 Age: from 16 in law, in practice obliged at 18 (leerplicht/kwalificatieplicht vrijstelling).
  const facts = person({ birthDate: date('2008-06-15'), permitDate: date('2023-01-10'), schoolYearsInNL: 2 });
  const [b16, o16, a16] = around('2024-06-15');
  test(`the day before the 16th birthday (${b16}): not obliged`, () => {
    const a = run(facts, b16);
    assert.equal(a.obligation, 'not-obliged');
    assert.equal(appliedRule(a), 'not-obliged.under-minimum-age');
  });
  for (const day of [o16, a16]) {
    test(`${day} (16): exempt while in compulsory education`, () => {
      const a = run(facts, day);
      assert.equal(a.obligation, 'exempt');
      assert.equal(appliedRule(a), 'exempt.minor-in-compulsory-education');
    });
  }
  const [b18, o18, a18] = around('2026-06-15');
  test(`the day before the 18th birthday (${b18}): exempt`, () => {
    assert.equal(run(facts, b18).obligation, 'exempt');
  });
  for (const day of [o18, a18]) {
    test(`${day} (18): obliged, from the 18th birthday, under Wi2021`, () => {
      const a = run(facts, day);
      assert.equal(a.obligation, 'obliged');
      assert.equal(a.regime, 'wi2021');
      assert.equal(a.obligationStart?.toString(), '2026-06-15');
    });
  }
});

describe('AOW date', () => {
  // addendum §1 table; main §1 Age: people who reached AOW age are not obliged.
  for (const [birth, aowDay] of [
    ['1956-06-01', '2023-04-01'], // 2023: 66 y 10 m
    ['1956-05-31', '2022-12-31'], // 2022: 66 y 7 m
    ['1957-03-01', '2024-03-01'], // 2024: 67 y
    ['1961-10-01', '2029-01-01'], // 2029: 67 y 3 m
  ] as const) {
    const facts = person({ birthDate: date(birth), permitDate: date('2021-06-01') });
    const [before, on, after] = around(aowDay);
    test(`born ${birth}: obliged on ${before}`, () => {
      const a = run(facts, before);
      assert.equal(a.obligation, 'obliged');
    });
    for (const day of [on, after]) {
      test(`born ${birth}: AOW age on ${aowDay}, not obliged on ${day}`, () => {
        const a = run(facts, day);
        assert.equal(a.obligation, 'not-obliged');
        assert.equal(appliedRule(a), 'not-obliged.aow-age');
        assert.equal(a.aowDate?.toString(), aowDay);
      });
    }
  }
});

describe('Wi2021 term end: PIP date + 3 years is the last day', () => {
  // addendum §3: term from the day after the PIP date; last day = PIP date + 3 years.
  const facts = person({ permitDate: date('2022-09-01'), pipDate: date('2023-03-14') });
  const [before, last, after] = around('2026-03-14');
  for (const [day, passed] of [
    [before, false],
    [last, false],
    [after, true],
  ] as const) {
    test(`PIP 2023-03-14, on ${day}: termPassed ${passed}`, () => {
      const a = run(facts, day);
      assert.equal(a.termEnd?.toString(), '2026-03-14');
      assert.equal(a.termStart?.toString(), '2023-03-15');
      assert.equal(a.termPassed, passed);
    });
  }
  test('obliged from 2021-06-01 with the letter ending 2024-05-31, on 2024-06-01: termPassed true', () => {
    const a = run({ ...facts, termEndDate: date('2024-05-31') }, '2024-06-01');
    assert.equal(a.termEndBasis, 'duo-letter');
    assert.equal(a.termPassed, true);
  });
});

describe('Wi2013 term end: obligation start + 3 years - 1 day is the last day', () => {
  // addendum §3: Wi2013 end = obligation start + 3 years - 1 day (estimate without a DUO letter).
  // addendum §4: letters only extend it, so after the estimated end only the letter can tell (null).
  const facts = person({ obligationStartDate: date('2021-06-01') });
  for (const [day, passed] of [
    ['2024-05-30', false],
    ['2024-05-31', false],
    ['2024-06-01', null],
  ] as const) {
    test(`obliged from 2021-06-01, on ${day}: termPassed ${passed}`, () => {
      const a = run(facts, day);
      assert.equal(a.termEnd?.toString(), '2024-05-31');
      assert.equal(a.termEndBasis, 'estimate');
      assert.equal(a.termPassed, passed);
    });
  }
});

describe('applyFrom: extensions can be asked once the term started 2.5 years ago', () => {
  // main §5 [both]: the term started at least 2.5 years ago (apply in the last 6 months).
  const wi2021 = person({
    permitDate: date('2022-09-01'),
    pipDate: date('2023-03-14'),
    circumstances: ['birth'],
  });
  const [before, on, after] = around('2025-09-15');
  for (const [day, can] of [
    [before, false],
    [on, true],
    [after, true],
  ] as const) {
    test(`Wi2021, PIP 2023-03-14, birth extension on ${day}: canApplyNow ${can}`, () => {
      const a = run(wi2021, day);
      assert.equal(a.applyFrom?.toString(), '2025-09-15');
      const o = option(a, 'extension-birth');
      assert.ok(o, 'extension-birth offered');
      assert.equal(o.availableFrom?.toString(), '2025-09-15');
      assert.equal(o.canApplyNow, can);
    });
  }

  const wi2013 = person({ obligationStartDate: date('2021-06-01'), courseHours: 600, examAttempts: 4 });
  for (const [day, can] of [
    ['2023-11-30', false],
    ['2023-12-01', true],
    ['2023-12-02', true],
  ] as const) {
    test(`Wi2013, obliged from 2021-06-01, AGI ontheffing and efforts extension on ${day}: canApplyNow ${can}`, () => {
      const a = run(wi2013, day);
      assert.equal(a.applyFrom?.toString(), '2023-12-01');
      for (const id of ['ontheffing-efforts', 'extension-efforts']) {
        const o = option(a, id);
        assert.ok(o, `${id} offered`);
        assert.equal(o.availableFrom?.toString(), '2023-12-01');
        assert.equal(o.canApplyNow, can, id);
      }
    });
  }

  test('options that may be asked any time do not wait for the window', () => {
    const a = run(
      person({ permitDate: date('2022-09-01'), pipDate: date('2023-03-14'), medicalLimitation: true }),
      '2023-04-01',
    );
    const o = option(a, 'ontheffing-medical');
    assert.equal(o?.canApplyNow, true);
    assert.equal(o?.availableFrom, null);
  });
});

describe('the hearing after the Wi2013 term', () => {
  // main §5 [both]: other reasons after the term has expired (hearing with the fine letter).
  const facts = person({
    obligationStartDate: date('2021-06-01'),
    circumstances: ['special-circumstances'],
    courseHours: 100,
    examAttempts: 1,
  });
  for (const [day, can] of [
    ['2024-05-31', false],
    ['2024-06-01', true],
    ['2024-06-02', true],
  ] as const) {
    test(`term ends 2024-05-31, on ${day}: canApplyNow ${can}`, () => {
      const o = option(run(facts, day), 'extension-special-circumstances');
      assert.equal(o?.variant, 'hearing');
      assert.equal(o?.availableFrom?.toString(), '2024-06-01');
      assert.equal(o?.canApplyNow, can);
    });
  }
});

describe('a PIP dated 2024-02-29', () => {
  // addendum §3 edge case: the anniversary does not exist; 28 February is the cautious choice.
  const facts = person({ permitDate: date('2023-11-01'), pipDate: date('2024-02-29') });
  test('term from 2024-03-01 to 2027-02-28, extensions from 2026-09-01', () => {
    const a = run(facts, '2025-01-10');
    assert.equal(a.termStart?.toString(), '2024-03-01');
    assert.equal(a.termEnd?.toString(), '2027-02-28');
    assert.equal(a.applyFrom?.toString(), '2026-09-01');
  });
  for (const [day, passed] of [
    ['2027-02-27', false],
    ['2027-02-28', false],
    ['2027-03-01', true],
  ] as const) {
    test(`on ${day}: termPassed ${passed}`, () => {
      assert.equal(run(facts, day).termPassed, passed);
    });
  }
});

describe('numeric thresholds, one below, at and one above', () => {
  test('8 school years in the Netherlands (main §2)', () => {
    const at = (years: number) =>
      run(person({ permitDate: date('2023-01-10'), schoolYearsInNL: years }), '2024-01-10').obligation;
    assert.equal(at(7.9), 'obliged');
    assert.equal(at(8), 'not-obliged');
    assert.equal(at(9), 'not-obliged');
  });

  test('Wi2013 fine table hour bands 150 and 300 (main §6)', () => {
    const fine = (courseHours: number, examAttempts: number) => {
      const a = run(
        person({
          permitPurpose: 'family',
          obligationStartDate: date('2019-09-02'),
          courseHours,
          examAttempts,
        }),
        '2023-01-10',
      );
      const c = a.consequences.find((c) => c.id.startsWith('fine.wi2013.'));
      // The table's "no fine" cell is its own consequence, so no page ever says "€ 0".
      return c?.id === 'fine.wi2013.none' ? 0 : c?.params.amount;
    };
    assert.deepEqual([fine(149, 0), fine(150, 0), fine(151, 0)], [1250, 875, 875]);
    assert.deepEqual([fine(299, 0), fine(300, 0), fine(301, 0)], [875, 500, 500]);
    assert.deepEqual([fine(149, 1), fine(150, 1), fine(299, 1), fine(300, 1)], [1000, 625, 625, 250]);
    assert.deepEqual([fine(149, 2), fine(150, 2), fine(299, 2), fine(300, 2)], [750, 375, 375, 0]);
  });

  test('afschalen at 600 hours on the B1-route (main §7)', () => {
    const offered = (courseHours: number) =>
      option(
        run(
          person({ permitDate: date('2022-09-01'), pipDate: date('2023-03-14'), route: 'b1', courseHours }),
          '2025-01-10',
        ),
        'afschalen-a2',
      ) !== undefined;
    assert.deepEqual([offered(599), offered(600), offered(601)], [false, true, true]);
  });
});
