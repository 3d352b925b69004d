// Every reason cites the law of the person's own act, and never a rule after it expired: walked over
// the golden cases and a grid of generated people across both acts, every circumstance, and dates
// before and after 1 January 2022 (when the Beleidsregel verlenging inburgeringstermijnen expired).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { type Assessment, assess } from '#domain/assess.ts';
import { compare, date } from '#domain/dates/plain-date.ts';
import type { Facts } from '#domain/facts/facts.ts';
import { parseAssessRequest } from '#domain/facts/parse-facts.ts';
import type { LegalSource } from '#domain/rulebook.ts';
import { RULES } from '#domain/rules/rule-data.ts';

const book = loadRuleBook();
const CASES_DIR = fileURLToPath(new URL('../content/rules/cases/', import.meta.url));

function goldenAssessments(): Assessment[] {
  const out: Assessment[] = [];
  for (const file of readdirSync(CASES_DIR).filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(CASES_DIR + file, 'utf8')) as {
      cases: { asOf: string; facts: Record<string, unknown> }[];
    };
    for (const c of doc.cases) {
      const parsed = parseAssessRequest({ asOf: c.asOf, facts: c.facts }, date('2030-12-31'));
      if (parsed.ok) out.push(assess(parsed.facts, parsed.asOf, book));
    }
  }
  return out;
}

const CIRCUMSTANCES = [
  'own-illness',
  'family-illness',
  'family-death',
  'birth',
  'literacy-course',
  'dutch-education',
  'special-circumstances',
  'several-circumstances',
  'municipal-offer-delayed',
] as const;

function* generated(): Generator<Assessment> {
  const starts = [
    '2012-06-01',
    '2014-03-01',
    '2016-09-15',
    '2019-09-02',
    '2021-06-01',
    '2022-03-01',
    '2023-05-10',
  ];
  const asOfs = [
    '2016-01-10',
    '2019-01-10',
    '2021-12-31',
    '2022-01-01',
    '2024-06-01',
    '2026-03-15',
    '2029-01-01',
  ];
  for (const start of starts)
    for (const asOf of asOfs) {
      if (compare(date(asOf), date(start)) < 0) continue;
      for (const purpose of ['asylum', 'family', 'other-non-temporary'] as const)
        for (const hours of [undefined, 100, 320, 700])
          for (const circumstance of [undefined, ...CIRCUMSTANCES]) {
            const facts: Facts = {
              nationality: 'SY',
              familyOfEeaCitizen: false,
              birthDate: date('1990-04-04'),
              permitPurpose: purpose,
              permitDate: date(start),
              schoolYearsInNL: 0,
              diplomas: circumstance === 'dutch-education' ? ['nt2-staatsexamen'] : [],
              hasIntegrationDiploma: false,
              medicalLimitation: circumstance === 'own-illness',
              ...(start >= '2022-01-01'
                ? { pipDate: date(start).add({ months: 2 }), route: 'b1' as const }
                : {}),
              ...(hours !== undefined ? { courseHours: hours, examAttempts: hours > 300 ? 4 : 1 } : {}),
              ...(circumstance ? { circumstances: [circumstance] } : {}),
            } as Facts;
            yield assess(facts, date(asOf), book);
          }
    }
}

function citations(a: Assessment): { what: string; source: LegalSource }[] {
  return [
    ...a.reasons.map((r) => ({ what: `reason ${r.rule}`, source: r.source })),
    ...a.options.map((o) => ({ what: `option ${o.id}/${o.variant}`, source: o.source })),
    ...a.consequences.map((c) => ({ what: `consequence ${c.id}`, source: c.source })),
    ...a.afterTerm.map((s) => ({ what: `after the term ${s.id}`, source: s.source })),
  ];
}

function problems(a: Assessment): string[] {
  const out: string[] = [];
  for (const { what, source } of citations(a)) {
    if (a.regime && source.acts && !source.acts.includes(a.regime))
      out.push(`${a.regime} on ${a.asOf}: ${what} cites ${source.id} (${source.acts.join(', ')})`);
    if (source.until && compare(a.asOf, date(source.until)) >= 0)
      out.push(`${a.asOf}: ${what} cites ${source.id}, which expired on ${source.until}`);
  }
  return out;
}

test('every reason, option, consequence and step cites its own act and no expired rule', () => {
  const all = [...goldenAssessments(), ...generated()];
  const regimes = new Set(all.map((a) => a.regime));
  assert.ok(regimes.has('wi2013') && regimes.has('wi2021') && regimes.has('wi2007'), 'all three acts walked');
  assert.ok(all.length > 2000, `${all.length} assessments`);
  const found = [...new Set(all.flatMap(problems))];
  assert.deepEqual(found.slice(0, 20), [], `${found.length} wrong citations`);
});

test('a Wi2013 obligation cites Wet inburgering (2013) art. 3, a Wi2021 one Wet inburgering 2021', () => {
  const person = (start: string, pip?: string): Facts =>
    ({
      nationality: 'SY',
      familyOfEeaCitizen: false,
      birthDate: date('1990-04-04'),
      permitPurpose: 'family',
      permitDate: date(start),
      schoolYearsInNL: 0,
      diplomas: [],
      hasIntegrationDiploma: false,
      ...(pip ? { pipDate: date(pip) } : {}),
    }) as Facts;
  const wi2013 = assess(person('2021-06-01'), date('2022-06-01'), book);
  const decided = wi2013.reasons.find((r) => r.rule === 'obliged.non-temporary-permit');
  assert.equal(wi2013.regime, 'wi2013');
  assert.match(decided?.source.law ?? '', /^Wet inburgering \(2013\)/);
  assert.equal(decided?.source.article, 'art. 3');
  const wi2021 = assess(person('2022-06-01', '2022-08-01'), date('2023-06-01'), book);
  assert.match(
    wi2021.reasons.find((r) => r.rule === 'obliged.non-temporary-permit')?.source.law ?? '',
    /2021/,
  );
});

test('the check can fail: a source of the other act, or an expired one, is reported', () => {
  const a = assess(
    { nationality: 'SY', permitPurpose: 'family', permitDate: date('2021-06-01') } as Facts,
    date('2023-01-01'),
    book,
  );
  const wrong = {
    ...a,
    reasons: [{ rule: 'x', status: 'applies' as const, source: book.sources['term-wi2021']! }],
  };
  assert.equal(problems({ ...wrong, regime: 'wi2013' }).length, 1);
  const expired = {
    ...a,
    reasons: [{ rule: 'x', status: 'applies' as const, source: book.sources['beleidsregel-geen-verwijt']! }],
  };
  assert.equal(problems(expired).length, 1);
});

test('every consequence, option and after-term rule cites a source of each act it is listed under', () => {
  const wrong: string[] = [];
  const check = (what: string, regimes: readonly string[], sourceId: string) => {
    const source = book.sources[sourceId];
    if (!source) wrong.push(`${what}: unknown source ${sourceId}`);
    else if (source.acts)
      for (const act of regimes)
        if (!source.acts.includes(act as 'wi2013')) wrong.push(`${what} (${act}) cites ${sourceId}`);
  };
  for (const r of RULES.consequences) check(`consequence ${r.id}`, r.regimes, r.source);
  for (const r of RULES.afterTerm) check(`after the term ${r.id}`, r.regimes, r.source);
  for (const r of RULES.options)
    for (const act of r.regimes) check(`option ${r.id}/${r.variant}`, [act], r.sources?.[act] ?? r.source);
  assert.deepEqual(wrong, []);
  // The loan and PVT consequences of issue 7 are there, each with its own Wi2013 source.
  const ids = RULES.consequences.map((r) => `${r.id}:${r.source}`);
  for (const expected of [
    'fine.wi2013.pvt:fine-wi2013-pvt',
    'loan.wi2013.partial-forgiveness:loan-partial-forgiveness-wi2013',
    'loan.wi2013.repay:loan-forgiveness-wi2013',
    'loan.repayment:loan-repayment',
  ])
    assert.ok(ids.includes(expected), expected);
});

test('every source states its article, or null where the fact sheets name none (never guessed)', () => {
  const raw = parse(
    readFileSync(fileURLToPath(new URL('../content/law/sources.yaml', import.meta.url)), 'utf8'),
  ) as Record<string, { article?: string | null }>;
  const unstated = Object.entries(raw)
    .filter(([, s]) => !('article' in s))
    .map(([id]) => id);
  assert.deepEqual(unstated, [], 'sources without an `article` key');
  for (const [id, s] of Object.entries(raw))
    if (s.article !== null) assert.equal(book.sources[id]?.article, s.article, id);
    else assert.equal(book.sources[id]?.article, undefined, id);
  // The articles the fact sheets give for the loan and the AGI rules are there.
  assert.equal(book.sources['loan-forgiveness-wi2013']?.article, 'art. 4.13 lid 4');
  assert.equal(book.sources['loan-wi2021']?.article, 'art. 20');
  assert.equal(
    book.sources['ontheffing-efforts-wi2013']?.article,
    'art. 2.4b (Besluit inburgering art. 2.8b)',
  );
});
