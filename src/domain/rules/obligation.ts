/**
 * Who has to integrate. Ordered rules, first match wins, the way the law reads: the exceptions
 * that take a person out of the group come first, then "already met", then the vrijstellingen,
 * and last the general rule. Each rule names its legal source.
 */
import { builders, type Condition } from '../engine/conditions.ts';
import { EEA_COUNTRIES } from '../facts/facts.ts';
import type { DerivedValues } from './derive.ts';

export const OBLIGATIONS = ['obliged', 'not-obliged', 'exempt', 'met', 'unknown'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

export interface ObligationRule {
  id: string;
  decides: Exclude<Obligation, 'unknown'>;
  source: string;
  when: Condition<DerivedValues>;
}

const w = builders<DerivedValues>();

export const TEMPORARY_PURPOSES = ['study', 'work', 'other-temporary'] as const;
export const NON_TEMPORARY_PURPOSES = [
  'asylum',
  'asylum-family',
  'family',
  'spiritual-leader',
  'other-non-temporary',
] as const;
export const ASYLUM_PURPOSES = ['asylum', 'asylum-family'] as const;
export const FULL_VRIJSTELLING_DIPLOMAS = [
  'vmbo',
  'havo',
  'vwo',
  'mbo-2-plus',
  'hbo-wo-dutch',
  'belgium-suriname-dutch',
] as const;
export const EARLY_WI2013_DIPLOMAS = ['nt2-staatsexamen', 'mbo-1-entree'] as const;

export const OBLIGATION_RULES: readonly ObligationRule[] = [
  {
    id: 'not-obliged.eea-national',
    decides: 'not-obliged',
    source: 'nationality-eea',
    when: w.factIn('nationality', EEA_COUNTRIES),
  },
  {
    id: 'not-obliged.family-of-eea-citizen',
    decides: 'not-obliged',
    source: 'family-eea',
    when: w.is('familyOfEeaCitizen', true),
  },
  {
    id: 'not-obliged.temporary-purpose',
    decides: 'not-obliged',
    source: 'temporary-purposes',
    when: w.factIn('permitPurpose', TEMPORARY_PURPOSES),
  },
  {
    id: 'not-obliged.temporary-protection',
    decides: 'not-obliged',
    source: 'temporary-protection',
    when: w.factIn('permitPurpose', ['temporary-protection']),
  },
  {
    id: 'not-obliged.asylum-seeker',
    decides: 'not-obliged',
    source: 'asylum-seeker',
    when: w.factIn('permitPurpose', ['asylum-seeker']),
  },
  {
    // Not retroactive: Turkish nationals whose obligation would have started before 1 May 2020.
    id: 'not-obliged.turkish-before-2020-05',
    decides: 'not-obliged',
    source: 'turkish-not-retroactive',
    when: w.all(w.factIn('nationality', ['TR']), w.derived('turkishEra', ['before-asylum-date'])),
  },
  {
    id: 'not-obliged.turkish-non-asylum-before-2022',
    decides: 'not-obliged',
    source: 'turkish-2022',
    when: w.all(
      w.factIn('nationality', ['TR']),
      w.derived('turkishEra', ['asylum-only']),
      w.not(w.factIn('permitPurpose', ASYLUM_PURPOSES)),
    ),
  },
  {
    id: 'not-obliged.under-minimum-age',
    decides: 'not-obliged',
    source: 'age-minimum',
    when: w.derived('ageBand', ['under-minimum']),
  },
  {
    id: 'not-obliged.aow-age',
    decides: 'not-obliged',
    source: 'aow-age',
    when: w.derived('ageBand', ['aow']),
  },
  {
    id: 'not-obliged.school-years',
    decides: 'not-obliged',
    source: 'school-years',
    when: w.atLeast('schoolYearsInNL', { param: 'schoolYears.minimum' }),
  },
  {
    id: 'met.integration-diploma',
    decides: 'met',
    source: 'obligation-met',
    when: w.is('hasIntegrationDiploma', true),
  },
  {
    id: 'exempt.minor-in-compulsory-education',
    decides: 'exempt',
    source: 'age-start-after-vrijstelling',
    when: w.derived('ageBand', ['minor']),
  },
  {
    id: 'exempt.dutch-diploma',
    decides: 'exempt',
    source: 'diploma-vrijstelling',
    when: w.includesAny('diplomas', FULL_VRIJSTELLING_DIPLOMAS),
  },
  {
    id: 'exempt.nt2-or-entree-before-2015',
    decides: 'exempt',
    source: 'nt2-entree-2015',
    when: w.all(
      w.includesAny('diplomas', EARLY_WI2013_DIPLOMAS),
      w.derived('regime', ['wi2013']),
      w.derived('nt2Era', ['full']),
    ),
  },
  {
    id: 'obliged.non-temporary-permit',
    decides: 'obliged',
    source: 'temporary-purposes',
    when: w.factIn('permitPurpose', NON_TEMPORARY_PURPOSES),
  },
];
