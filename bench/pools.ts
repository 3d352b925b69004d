/**
 * Varied requests for bench/http.ts, so that no figure can come from answering the same request
 * again: fact sets generated like bench/engine-vs-json-rules-engine.ts does (deterministic, the
 * same every run), as API bodies and as result-page URLs, and the development eval's questions in
 * every language as searches.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeState } from '#adapters/web/state.ts';
import { date, type PlainDate, plus } from '#domain/dates/plain-date.ts';
import {
  CIRCUMSTANCES,
  DIPLOMAS,
  EEA_COUNTRIES,
  type Facts,
  PERMIT_PURPOSES,
  type PermitPurpose,
} from '#domain/facts/facts.ts';

/** The one assess request the benches repeat: an obliged Wi2021 person with a birth in the term. */
export const ASSESS_REQUEST = {
  asOf: '2025-11-20',
  facts: {
    nationality: 'ER',
    familyOfEeaCitizen: false,
    birthDate: '1996-12-12',
    permitPurpose: 'asylum',
    permitDate: '2022-11-02',
    schoolYearsInNL: 0,
    diplomas: [],
    hasIntegrationDiploma: false,
    pipDate: '2023-03-14',
    circumstances: ['birth'],
  },
} as const;

export interface PoolItem {
  path: string;
  body?: string;
}

/** Deterministic generator (mulberry32), so every run measures the same requests. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fact sets as people answer the check: mostly asylum and family migrants, a few of everything else. */
export function factSets(n: number, seed = 20261205): Facts[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const dayIn = (from: PlainDate, days: number) => plus(from, { days: Math.floor(random() * days) });
  const nationalities = [
    'SY',
    'ER',
    'TR',
    'MA',
    'AF',
    'UA',
    'IR',
    'SO',
    'stateless',
    'US',
    ...EEA_COUNTRIES.slice(0, 3),
  ];
  // Not 'asylum-seeker': no permit yet, while every set here has a permit date.
  const purposes: PermitPurpose[] = [
    'asylum',
    'asylum',
    'asylum',
    'asylum-family',
    'family',
    'family',
    ...PERMIT_PURPOSES.filter((p) => p !== 'asylum-seeker'),
  ];
  return Array.from({ length: n }, () => {
    const permitDate = dayIn(date('2019-01-01'), 2500);
    const facts: Facts = {
      nationality: pick(nationalities),
      familyOfEeaCitizen: random() < 0.05,
      birthDate: dayIn(date('1950-01-01'), 19000),
      permitPurpose: pick(purposes),
      permitDate,
      hasIntegrationDiploma: random() < 0.1,
      diplomas: random() < 0.2 ? [pick(DIPLOMAS)] : [],
      schoolYearsInNL: random() < 0.05 ? 9 : 0,
    };
    // A PIP (the municipality's plan) exists under the 2021 act, for purposes that lead to the obligation.
    const pipPossible =
      ['asylum', 'asylum-family', 'family'].includes(facts.permitPurpose!) &&
      String(permitDate) >= '2022-01-01';
    if (pipPossible && random() < 0.8)
      facts.pipDate = plus(permitDate, { days: 30 + Math.floor(random() * 200) });
    if (random() < 0.5) facts.medicalLimitation = random() < 0.1;
    if (random() < 0.4) facts.circumstances = random() < 0.5 ? [] : [pick(CIRCUMSTANCES)];
    if (random() < 0.4) facts.courseHours = Math.floor(random() * 700);
    if (random() < 0.4) facts.examAttempts = Math.floor(random() * 4);
    return facts;
  });
}

export const assessItems = (facts: readonly Facts[], asOf: string): PoolItem[] =>
  facts.map((f) => ({ path: '/api/v1/assess', body: JSON.stringify({ asOf, facts: f }) }));

export const resultItems = (facts: readonly Facts[], lang = 'nl'): PoolItem[] =>
  facts.map((f) => ({
    path: `/${lang}/result${writeState({ facts: f, dontKnow: new Set(), confirmed: new Set(), ignored: [] })}`,
  }));

/** Every question of the development eval (all its languages) as an API search. */
export function searchItems(): PoolItem[] {
  const file = fileURLToPath(new URL('../test/eval/questions-dev.jsonl', import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { q: string; lang: string })
    .map(({ q, lang }) => ({ path: `/api/v1/search?${new URLSearchParams({ q, lang })}` }));
}
