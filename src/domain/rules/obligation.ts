/**
 * Who has to integrate. Ordered rules, first match wins, the way the law reads: the exceptions
 * that take a person out of the group come first, then "already met", then the vrijstellingen,
 * and last the general rule. Each rule says everything about its decision: the condition, the
 * outcome, the legal source, the numbers its explanation names, which options stay open after it
 * and whether the consequences of a missed term apply (ADR 007). The engine has no rule ids in it.
 */
import { builders, type Condition } from '../engine/conditions.ts';
import { EEA_COUNTRIES } from '../facts/facts.ts';
import type { ValueRef } from '../rulebook.ts';
import type { DerivedValues, Regime } from './derive.ts';
import type { OptionId } from './options.ts';

export const OBLIGATIONS = ['obliged', 'not-obliged', 'exempt', 'met', 'unknown'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

/** What a decision (or an open answer) means for the rest of the assessment. */
export interface DecisionEffects {
  /**
   * The options still shown: `all` = every option rule of the person's act whose trigger holds;
   * a list = only these (an option that belongs to no act, such as voluntary integration, is
   * offered only where a decision lists it).
   */
  options: 'all' | readonly OptionId[];
  /** Whether what is at stake after a missed term (fines, permit, loan) is part of the answer. */
  consequences: boolean;
}

export interface ObligationRule extends DecisionEffects {
  id: string;
  decides: Exclude<Obligation, 'unknown'>;
  source: string;
  /** The source for a particular act where it differs (Wet inburgering (2013) art. 3 for Wi2013). */
  sources?: Readonly<Partial<Record<Regime, string>>>;
  when: Condition<DerivedValues>;
  /** The numbers and dates its explanation names (message placeholders). */
  params?: Readonly<Record<string, ValueRef>>;
}

/** No options, no consequences: the person is outside the obligation, or has met it. */
const NOTHING_FOLLOWS: DecisionEffects = { options: [], consequences: false };
/** Not obliged, but the integration exam can still matter (permanent permit, naturalisation). */
const VOLUNTARY_ROUTE: DecisionEffects = { options: ['voluntary-integration'], consequences: false };
/** Exempt already: only the vrijstelling itself is a route left to take. */
const VRIJSTELLING_ONLY: DecisionEffects = {
  options: ['vrijstelling-diploma', 'vrijstelling-education-temporary'],
  consequences: false,
};
/** Obliged: every route of the act, and what happens when the term passes. */
const EVERYTHING_OF_THE_ACT: DecisionEffects = { options: 'all', consequences: true };

/** While the answer is open (no rule decided): every route of the act may matter, no consequences yet. */
export const UNDECIDED: DecisionEffects = { options: 'all', consequences: false };

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
    ...NOTHING_FOLLOWS,
  },
  {
    id: 'not-obliged.family-of-eea-citizen',
    decides: 'not-obliged',
    source: 'family-eea',
    when: w.is('familyOfEeaCitizen', true),
    ...NOTHING_FOLLOWS,
  },
  {
    id: 'not-obliged.temporary-purpose',
    decides: 'not-obliged',
    source: 'temporary-purposes',
    sources: { wi2013: 'obligation-wi2013' },
    when: w.factIn('permitPurpose', TEMPORARY_PURPOSES),
    ...VOLUNTARY_ROUTE,
  },
  {
    id: 'not-obliged.temporary-protection',
    decides: 'not-obliged',
    source: 'temporary-protection',
    when: w.factIn('permitPurpose', ['temporary-protection']),
    ...VOLUNTARY_ROUTE,
  },
  {
    id: 'not-obliged.asylum-seeker',
    decides: 'not-obliged',
    source: 'asylum-seeker',
    when: w.factIn('permitPurpose', ['asylum-seeker']),
    ...NOTHING_FOLLOWS,
  },
  {
    // Not retroactive: Turkish nationals whose obligation would have started before 1 May 2020.
    id: 'not-obliged.turkish-before-asylum-obliged-from',
    decides: 'not-obliged',
    source: 'turkish-not-retroactive',
    // A DUO letter that says otherwise leaves it open (derive.ts noDuoLetter): DUO decides.
    when: w.all(
      w.factIn('nationality', ['TR']),
      w.derived('turkishEra', ['before-asylum-date']),
      w.derived('noDuoLetter', [true]),
    ),
    ...VOLUNTARY_ROUTE,
  },
  {
    id: 'not-obliged.turkish-non-asylum-before-all-obliged-from',
    decides: 'not-obliged',
    source: 'turkish-2022',
    when: w.all(
      w.factIn('nationality', ['TR']),
      w.derived('turkishEra', ['asylum-only']),
      w.not(w.factIn('permitPurpose', ASYLUM_PURPOSES)),
      w.derived('noDuoLetter', [true]),
    ),
    ...VOLUNTARY_ROUTE,
  },
  {
    // Brexit: British citizens who lived here by the end of the transition period keep their EU-law
    // rights (Withdrawal Agreement), like EU citizens: nothing follows, as for `eea-national`. A later
    // residence date leaves it open (derive.ts): never a definite "obliged" for a British national.
    id: 'not-obliged.uk-withdrawal-agreement',
    decides: 'not-obliged',
    source: 'uk-withdrawal-agreement',
    when: w.all(w.factIn('nationality', ['GB']), w.derived('ukWithdrawalAgreement', [true])),
    ...NOTHING_FOLLOWS,
  },
  {
    // The obligation starts once residence is granted: a permit or DUO start date still to come means "not yet".
    id: 'not-obliged.not-yet-started',
    decides: 'not-obliged',
    source: 'obligation-starts-with-residence',
    when: w.derived('startsLater', [true]),
    ...NOTHING_FOLLOWS,
    params: { from: { figure: 'obligationStart' } },
  },
  {
    id: 'not-obliged.under-minimum-age',
    decides: 'not-obliged',
    source: 'age-minimum',
    sources: { wi2013: 'age-minimum-wi2013' },
    when: w.derived('ageBand', ['under-minimum']),
    ...NOTHING_FOLLOWS,
    params: { age: { parameter: 'age.minimum' } },
  },
  {
    id: 'not-obliged.aow-age',
    decides: 'not-obliged',
    source: 'aow-age',
    // Unknown where the AOW date is an estimate or an UNCONFIRMED rollover day (addendum §1).
    when: w.derived('aowReached', [true]),
    ...NOTHING_FOLLOWS,
    params: { aowDate: { figure: 'aowDate' }, estimated: { figure: 'aowEstimated' } },
  },
  {
    id: 'not-obliged.school-years',
    decides: 'not-obliged',
    source: 'school-years',
    when: w.atLeast('schoolYearsInNL', { param: 'schoolYears.minimum' }),
    ...NOTHING_FOLLOWS,
    params: { years: { parameter: 'schoolYears.minimum' } },
  },
  {
    id: 'met.integration-diploma',
    decides: 'met',
    source: 'obligation-met',
    sources: { wi2013: 'obligation-met-wi2013' },
    when: w.is('hasIntegrationDiploma', true),
    ...NOTHING_FOLLOWS,
  },
  {
    id: 'exempt.minor-in-compulsory-education',
    decides: 'exempt',
    source: 'age-start-after-vrijstelling',
    // Or possibly: born on 29 February, on the 28 February of the 18th year (derive.ts adultDayOpen).
    when: w.any(w.derived('ageBand', ['minor']), w.derived('adultDayOpen', [true])),
    ...VRIJSTELLING_ONLY,
    params: { age: { parameter: 'age.practicalStart' } },
  },
  {
    id: 'exempt.dutch-diploma',
    decides: 'exempt',
    source: 'diploma-vrijstelling',
    sources: { wi2013: 'diploma-vrijstelling-wi2013' },
    when: w.includesAny('diplomas', FULL_VRIJSTELLING_DIPLOMAS),
    ...VRIJSTELLING_ONLY,
  },
  {
    id: 'exempt.nt2-or-entree-full-vrijstelling',
    decides: 'exempt',
    source: 'nt2-entree-2015',
    when: w.all(
      w.includesAny('diplomas', EARLY_WI2013_DIPLOMAS),
      w.derived('regime', ['wi2013']),
      w.derived('nt2Era', ['full']),
    ),
    ...VRIJSTELLING_ONLY,
  },
  {
    id: 'obliged.non-temporary-permit',
    decides: 'obliged',
    source: 'temporary-purposes',
    sources: { wi2013: 'obligation-wi2013', wi2007: 'regime-wi2007' },
    when: w.factIn('permitPurpose', NON_TEMPORARY_PURPOSES),
    ...EVERYTHING_OF_THE_ACT,
  },
];
