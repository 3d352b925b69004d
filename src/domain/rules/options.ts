/**
 * The routes a person may take: vrijstelling, ontheffing, afschalen and extensions. Each option
 * rule names the act(s) it exists under, the body that decides, its legal source, a trigger (the
 * situation it is for: it must be true) and further requirements (true, or unknown: then the
 * option is shown with the facts still to check). Proof, form and where to apply are codes and
 * Dutch form names; the texts live in the message catalogs.
 */
import { builders, type Condition } from '../engine/conditions.ts';
import type { ParameterId } from '../rulebook.ts';
import type { DerivedValues, Regime } from './derive.ts';
import { ASYLUM_PURPOSES, EARLY_WI2013_DIPLOMAS, FULL_VRIJSTELLING_DIPLOMAS } from './obligation.ts';

export const OPTION_IDS = [
  'vrijstelling-diploma',
  'vrijstelling-education-temporary',
  'ontheffing-medical',
  'ontheffing-efforts',
  'ontheffing-integrated',
  'ontheffing-special-circumstances',
  'afschalen-a2',
  'extension-illness',
  'extension-family-death',
  'extension-birth',
  'extension-literacy',
  'extension-efforts',
  'extension-education',
  'extension-special-circumstances',
  'extension-several-circumstances',
  'extension-municipal-offer',
  'voluntary-integration',
] as const;
export type OptionId = (typeof OPTION_IDS)[number];

export type DecidingBody = 'DUO' | 'municipality' | 'IND';

/**
 * When it can be asked for: `apply-window` from six months before the term ends; `any-time`;
 * `automatic` (DUO acts without an application: only for confirmed rules); `ask-duo` (DUO may act by
 * itself, but the rule is UNCONFIRMED: the person asks DUO whether it applies, and never counts on
 * it); `end-of-term`; `after-term` (only once the term has ended).
 */
export const TIMINGS = [
  'apply-window',
  'any-time',
  'automatic',
  'ask-duo',
  'end-of-term',
  'after-term',
] as const;
export type Timing = (typeof TIMINGS)[number];

/**
 * How to ask for it (the texts are the catalogs' `applyVia.<code>`):
 * - `duo-post`: the named DUO form (`form`), by post; only for a rule that names its form.
 * - `duo-ask-how`: DUO decides, but the fact sheets name no form: call DUO to ask how, then write.
 * - `letter-to-duo`: a letter with the personal details the source lists (BIO extension).
 * - `municipality`: the contact person at the municipality (Wi2021 route decisions, pre-2013 act).
 * - `automatic`: nothing to send (confirmed automatic rules only).
 * - `ask-duo`: ask DUO whether it applies (an UNCONFIRMED rule DUO may apply by itself).
 * - `hearing`: the form in DUO's fine letter (a fine above the hearing limit).
 * - `voluntary-exam`: no application at all; ask DUO about the exams, the IND decides what is needed.
 */
export const APPLY_VIA = [
  'duo-post',
  'duo-ask-how',
  'letter-to-duo',
  'municipality',
  'automatic',
  'ask-duo',
  'hearing',
  'voluntary-exam',
] as const;
export type ApplyVia = (typeof APPLY_VIA)[number];

export interface OptionRule {
  id: OptionId;
  /** Distinguishes rules for the same option (per act or variant); also the message key suffix. */
  variant: string;
  /**
   * The acts it is a route under. Empty: it belongs to no act and is offered only where the
   * deciding obligation rule lists it in its `options` (voluntary integration).
   */
  regimes: readonly Regime[];
  decidedBy: DecidingBody;
  source: string;
  /** The source for a particular act where it differs (an expired beleidsregel only for its time). */
  sources?: Readonly<Partial<Record<Regime, string>>>;
  /** The situation it is for; absent: always (as far as the deciding rule offers it). */
  trigger?: Condition<DerivedValues>;
  requires?: Condition<DerivedValues>;
  timing: Timing;
  /** Extra time: a parameter holding a duration, or a fixed description code. */
  extraTime?: ParameterId | 'decided-by-duo';
  scope?: 'full' | 'partial';
  /** Exam parts still needed after a partial vrijstelling. */
  remaining?: readonly string[];
  conditions: readonly string[];
  evidence: readonly string[];
  /** The Dutch name of DUO's form, as people must find it on inburgeren.nl (required with `duo-post`). */
  form?: string;
  applyVia: ApplyVia;
  /** false where the conditions or amounts are UNCONFIRMED: the answer then says "ask DUO". */
  confirmed: boolean;
  /** Numeric facts for the message (fees, hours). */
  params?: Readonly<Record<string, ParameterId>>;
  /** `term-end`: it extends a running term, so it can no longer be asked once the term has ended. */
  until?: 'term-end';
}

const w = builders<DerivedValues>();
const circumstance = (...c: string[]) => w.includesAny('circumstances', c);
const BOTH: readonly Regime[] = ['wi2013', 'wi2021'];
const TERM_STARTED = 'term-started-2.5-years-ago';

export const OPTION_RULES: readonly OptionRule[] = [
  {
    id: 'vrijstelling-diploma',
    variant: 'full',
    regimes: BOTH,
    decidedBy: 'DUO',
    source: 'diploma-vrijstelling',
    sources: { wi2013: 'diploma-vrijstelling-wi2013' },
    trigger: w.includesAny('diplomas', FULL_VRIJSTELLING_DIPLOMAS),
    timing: 'any-time',
    scope: 'full',
    conditions: ['dutch-diploma-listed'],
    evidence: ['diploma-copy'],
    form: 'Aanvraag vrijstelling',
    applyVia: 'duo-post',
    confirmed: true,
  },
  {
    id: 'vrijstelling-diploma',
    variant: 'early-wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'nt2-entree-2015',
    trigger: w.all(w.includesAny('diplomas', EARLY_WI2013_DIPLOMAS), w.derived('nt2Era', ['full'])),
    timing: 'any-time',
    scope: 'full',
    conditions: ['obliged-before-2015'],
    evidence: ['diploma-copy'],
    form: 'Aanvraag vrijstelling',
    applyVia: 'duo-post',
    confirmed: true,
  },
  {
    id: 'vrijstelling-diploma',
    variant: 'nt2-partial-wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'nt2-entree-2015',
    trigger: w.all(w.includesAny('diplomas', ['nt2-staatsexamen']), w.derived('nt2Era', ['partial'])),
    timing: 'any-time',
    scope: 'partial',
    remaining: ['knm', 'ona'],
    conditions: ['obliged-from-2015'],
    evidence: ['diploma-copy'],
    form: 'Aanvraag vrijstelling',
    applyVia: 'duo-post',
    confirmed: true,
  },
  {
    id: 'vrijstelling-diploma',
    variant: 'entree-ona-wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'nt2-entree-2015',
    trigger: w.all(w.includesAny('diplomas', ['mbo-1-entree']), w.derived('nt2Era', ['partial'])),
    timing: 'automatic',
    scope: 'partial',
    remaining: ['knm', 'language-a2'],
    conditions: ['obliged-from-2015'],
    evidence: [],
    applyVia: 'automatic',
    confirmed: true,
  },
  {
    id: 'vrijstelling-diploma',
    variant: 'nt2-partial-wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'diploma-vrijstelling',
    trigger: w.includesAny('diplomas', ['nt2-staatsexamen']),
    timing: 'any-time',
    scope: 'partial',
    remaining: ['knm', 'pvt', 'map'],
    conditions: ['nt2-certificates'],
    evidence: ['diploma-copy'],
    form: 'Aanvraag vrijstelling',
    applyVia: 'duo-post',
    confirmed: true,
  },
  {
    id: 'vrijstelling-education-temporary',
    variant: 'both',
    regimes: BOTH,
    decidedBy: 'DUO',
    source: 'education-temporary',
    trigger: circumstance('dutch-education'),
    timing: 'automatic',
    conditions: ['education-leads-to-exempting-diploma', 'started-by-18-plus-2-months'],
    evidence: ['proof-of-enrolment'],
    applyVia: 'automatic',
    confirmed: true,
  },
  {
    id: 'ontheffing-medical',
    variant: 'duo',
    regimes: BOTH,
    decidedBy: 'DUO',
    source: 'ontheffing-medical-procedure',
    trigger: w.is('medicalLimitation', true),
    timing: 'any-time',
    conditions: ['permanent-impairment', 'argonaut-examination'],
    evidence: ['no-medical-papers-with-form', 'pay-invoice-refund'],
    form: 'Aanvraag ontheffing bij ziekte',
    applyVia: 'duo-post',
    confirmed: true,
    params: { refund: 'ontheffingMedical.refund' },
  },
  {
    id: 'ontheffing-medical',
    variant: 'wi2007',
    regimes: ['wi2007'],
    decidedBy: 'municipality',
    source: 'regime-wi2007',
    trigger: w.is('medicalLimitation', true),
    timing: 'any-time',
    conditions: ['permanent-impairment'],
    evidence: ['medical-statement'],
    applyVia: 'municipality',
    confirmed: true,
  },
  {
    // AGI, Wi2013 only (main §3 "Wi2013: ontheffing for demonstrable efforts"; Regeling inburgering
    // art. 2.4b): every condition of genoeg-uren-cursus-gedaan.jsp is listed. The engine checks the
    // totals it is told (hours, the fewest attempts at a part not passed); the rest it cannot know
    // (how many hours were literacy, how many attempts were NT2), so they are listed as conditions:
    // - the obligation started before 1 January 2022 (the act itself: Wi2021 has no AGI);
    // - >= ontheffingEfforts.hours classroom hours at a school listed when the course started;
    //   integration-course and NT2 hours add up; literacy (alfabetisering) hours count only with
    //   >= ontheffingEfforts.minIntegrationHoursForLiteracy hours of integration course;
    // - >= ontheffingEfforts.attempts attempts at every exam; at most
    //   ontheffingEfforts.maxNt2AttemptsCounted Staatsexamen NT2 attempts count per exam;
    // - the term started at least 2.5 years ago.
    id: 'ontheffing-efforts',
    variant: 'course',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'ontheffing-efforts-wi2013',
    trigger: w.all(
      w.atLeast('courseHours', { param: 'ontheffingEfforts.hours' }),
      w.atLeast('examAttempts', { param: 'ontheffingEfforts.attempts' }),
    ),
    timing: 'apply-window',
    conditions: [
      'obliged-before-2022',
      'hours-at-listed-school',
      'integration-and-nt2-hours-add-up',
      'literacy-hours-only-with-integration-hours',
      'classroom-hours-only',
      'attempts-every-exam',
      'nt2-attempts-count-at-most',
      TERM_STARTED,
    ],
    evidence: ['verklaring-deelname-cursus'],
    form: 'Aanvraag ontheffing aantoonbaar geleverde inspanningen (verklaring deelname cursus)',
    applyVia: 'duo-post',
    confirmed: true,
    params: {
      hours: 'ontheffingEfforts.hours',
      attempts: 'ontheffingEfforts.attempts',
      integrationHours: 'ontheffingEfforts.minIntegrationHoursForLiteracy',
      nt2Attempts: 'ontheffingEfforts.maxNt2AttemptsCounted',
    },
  },
  {
    // AGI literacy variant (same page): >= ontheffingEfforts.hours in total, of which
    // >= ontheffingEfforts.literacyHours alfabetisering, at a listed school, classroom only
    // (literacy courses may not be given online), and a DUO test (ontheffingEfforts.testFee).
    id: 'ontheffing-efforts',
    variant: 'literacy',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'ontheffing-efforts-wi2013',
    trigger: w.all(
      circumstance('literacy-course'),
      w.atLeast('courseHours', { param: 'ontheffingEfforts.hours' }),
    ),
    timing: 'apply-window',
    conditions: [
      'obliged-before-2022',
      'hours-with-literacy-hours',
      'listed-school',
      'classroom-hours-only',
      'duo-test',
      TERM_STARTED,
    ],
    evidence: ['verklaring-deelname-cursus'],
    form: 'Aanvraag ontheffing aantoonbaar geleverde inspanningen (verklaring deelname cursus)',
    applyVia: 'duo-post',
    confirmed: true,
    params: {
      hours: 'ontheffingEfforts.hours',
      literacyHours: 'ontheffingEfforts.literacyHours',
      fee: 'ontheffingEfforts.testFee',
    },
  },
  {
    id: 'ontheffing-integrated',
    variant: 'wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'ontheffing-integrated-wi2013',
    trigger: w.all(
      w.atLeast('yearsInNL', { param: 'ontheffingIntegrated.yearsInNL' }),
      w.atLeast('yearsWorkedInNL', { param: 'ontheffingIntegrated.yearsWorked' }),
    ),
    timing: 'any-time',
    conditions: ['years-registered-in-nl', 'years-worked', 'good-dutch-interview'],
    evidence: ['werkgeversverklaring'],
    form: 'Aanvraag ontheffing inburgeringsplicht',
    applyVia: 'duo-post',
    confirmed: true,
    params: {
      years: 'ontheffingIntegrated.yearsInNL',
      worked: 'ontheffingIntegrated.yearsWorked',
      fee: 'ontheffingIntegrated.interviewFee',
    },
  },
  {
    id: 'ontheffing-special-circumstances',
    variant: 'wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'ontheffing-bio-wi2021',
    trigger: circumstance('special-circumstances'),
    timing: 'any-time',
    conditions: ['not-your-fault', 'impossible-or-extremely-difficult'],
    evidence: ['explain-and-prove'],
    applyVia: 'letter-to-duo',
    confirmed: false,
  },
  {
    id: 'afschalen-a2',
    variant: 'wi2021',
    regimes: ['wi2021'],
    decidedBy: 'municipality',
    source: 'afschalen-wi2021',
    trigger: w.atLeast('courseHours', { param: 'afschalen.hours' }),
    requires: w.factIn('route', ['b1']),
    timing: 'any-time',
    conditions: ['b1-route', 'hours-half-in-person', 'considerable-efforts'],
    evidence: ['course-hours-statement'],
    applyVia: 'municipality',
    confirmed: true,
    params: { hours: 'afschalen.hours' },
  },
  {
    id: 'extension-illness',
    variant: 'wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'extension-illness-wi2013',
    trigger: circumstance('own-illness', 'family-illness'),
    timing: 'apply-window',
    // The beleidsregel that gave "as long as the illness" expired on 1 January 2022: DUO decides the length.
    extraTime: 'decided-by-duo',
    conditions: ['ill-more-than-months', 'treated-in-nl', 'illness-prevented-integrating', TERM_STARTED],
    evidence: ['gp-medical-file', 'pharmacy-medication-overview', 'specialist-letter'],
    applyVia: 'duo-ask-how',
    until: 'term-end',
    confirmed: true,
    params: { months: 'extension.illness.minMonths' },
  },
  {
    id: 'extension-illness',
    variant: 'wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'extension-illness',
    trigger: circumstance('own-illness', 'family-illness'),
    timing: 'apply-window',
    extraTime: 'decided-by-duo',
    conditions: ['ill-more-than-months', 'treated-in-nl', 'illness-prevented-integrating', TERM_STARTED],
    evidence: ['gp-medical-file', 'pharmacy-medication-overview', 'specialist-letter'],
    applyVia: 'duo-ask-how',
    until: 'term-end',
    confirmed: true,
    params: { months: 'extension.illness.minMonths' },
  },
  {
    id: 'extension-family-death',
    variant: 'both',
    regimes: BOTH,
    decidedBy: 'DUO',
    source: 'extension-family-death',
    sources: { wi2013: 'extension-family-death-wi2013' },
    trigger: circumstance('family-death'),
    timing: 'apply-window',
    extraTime: 'extension.familyDeath',
    conditions: ['direct-family-member', 'during-the-term', TERM_STARTED],
    evidence: ['death-certificate'],
    form: 'Aanvraag verlenging inburgeringstermijn bij overlijden',
    applyVia: 'duo-post',
    until: 'term-end',
    confirmed: true,
  },
  {
    id: 'extension-birth',
    variant: 'both',
    regimes: BOTH,
    decidedBy: 'DUO',
    source: 'extension-birth',
    sources: { wi2013: 'extension-birth-wi2013' },
    trigger: circumstance('birth'),
    timing: 'apply-window',
    extraTime: 'extension.birth',
    conditions: ['gave-birth-during-term', TERM_STARTED],
    evidence: ['birth-certificate-copy'],
    form: 'Aanvraag verlenging inburgeringstermijn bij geboorte kind',
    applyVia: 'duo-post',
    until: 'term-end',
    confirmed: true,
  },
  {
    id: 'extension-literacy',
    variant: 'wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'extension-literacy',
    trigger: circumstance('literacy-course'),
    requires: w.factIn('route', ['b1', 'education']),
    timing: 'apply-window',
    extraTime: 'extension.literacy.wi2021',
    conditions: ['b1-or-education-route', 'listed-school', 'three-consecutive-months', TERM_STARTED],
    evidence: ['proof-of-enrolment'],
    form: 'Aanvraag verlenging van de inburgeringstermijn bij alfabetisering',
    applyVia: 'duo-post',
    until: 'term-end',
    confirmed: true,
  },
  {
    id: 'extension-literacy',
    variant: 'wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'extension-literacy-wi2013',
    trigger: circumstance('literacy-course'),
    timing: 'automatic',
    extraTime: 'decided-by-duo',
    conditions: ['letter-after-course', 'apply-if-no-letter-in-8-weeks'],
    evidence: ['proof-of-enrolment'],
    form: 'Aanvraag verlenging van de inburgeringstermijn bij alfabetisering',
    applyVia: 'automatic',
    until: 'term-end',
    confirmed: true,
    params: { maxYears: 'extension.literacy.wi2013.maxYears' },
  },
  {
    id: 'extension-efforts',
    variant: 'wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'extension-efforts-wi2013',
    trigger: w.all(
      w.atLeast('courseHours', { param: 'extension.efforts.wi2013.hours' }),
      w.atLeast('examAttempts', { param: 'extension.efforts.wi2013.attempts' }),
    ),
    timing: 'apply-window',
    extraTime: 'extension.efforts.wi2013.years',
    conditions: ['hours-300-listed-school', 'ona-once', 'failed-exams-twice', TERM_STARTED],
    evidence: ['verklaring-deelname-cursus'],
    form: 'Aanvraag verlenging inburgeringstermijn',
    applyVia: 'duo-post',
    until: 'term-end',
    confirmed: true,
    params: { hours: 'extension.efforts.wi2013.hours', attempts: 'extension.efforts.wi2013.attempts' },
  },
  {
    id: 'extension-efforts',
    variant: 'wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'extension-efforts-wi2021',
    trigger: w.all(w.atLeast('courseHours', 1), w.atLeast('examAttempts', 1)),
    // UNCONFIRMED (addendum §2a): no published thresholds, so never "automatic": ask DUO.
    timing: 'ask-duo',
    extraTime: 'decided-by-duo',
    conditions: ['thresholds-unconfirmed'],
    evidence: [],
    applyVia: 'ask-duo',
    until: 'term-end',
    confirmed: false,
  },
  {
    id: 'extension-education',
    variant: 'wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'extension-education-wi2013',
    trigger: circumstance('dutch-education'),
    timing: 'apply-window',
    extraTime: 'decided-by-duo',
    conditions: ['education-in-dutch-exempting-diploma', 'automatic-for-vo-mbo-vavo'],
    evidence: ['proof-of-enrolment'],
    form: 'Aanvraag verlenging inburgeringstermijn bij inschrijving reguliere opleiding',
    applyVia: 'duo-post',
    until: 'term-end',
    confirmed: true,
  },
  {
    id: 'extension-education',
    variant: 'wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'extension-education-wi2021',
    trigger: circumstance('dutch-education'),
    timing: 'apply-window',
    extraTime: 'decided-by-duo',
    conditions: ['non-exempting-education', TERM_STARTED],
    evidence: ['proof-of-enrolment'],
    applyVia: 'duo-ask-how',
    until: 'term-end',
    confirmed: true,
  },
  {
    id: 'extension-special-circumstances',
    variant: 'wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'extension-other-reason',
    trigger: circumstance('special-circumstances'),
    timing: 'apply-window',
    extraTime: 'decided-by-duo',
    conditions: [
      'no-other-ground',
      'three-consecutive-months-not-illness',
      'explain-and-prove',
      TERM_STARTED,
    ],
    evidence: ['letter-with-personal-details', 'explain-and-prove'],
    applyVia: 'letter-to-duo',
    until: 'term-end',
    confirmed: true,
  },
  {
    id: 'extension-special-circumstances',
    variant: 'hearing',
    regimes: BOTH,
    decidedBy: 'DUO',
    source: 'extension-hearing-after-term',
    trigger: circumstance('special-circumstances'),
    requires: w.derived('fineAboveHearingLimit', [true]),
    timing: 'after-term',
    extraTime: 'decided-by-duo',
    conditions: ['fine-letter-above-hearing-limit'],
    params: { amount: 'hearing.fineAbove' },
    evidence: ['explain-and-prove'],
    applyVia: 'hearing',
    confirmed: true,
  },
  {
    id: 'extension-several-circumstances',
    variant: 'wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'extension-other-reason',
    trigger: circumstance('several-circumstances'),
    timing: 'apply-window',
    extraTime: 'decided-by-duo',
    conditions: ['together-three-consecutive-months', TERM_STARTED],
    evidence: ['explain-and-prove'],
    applyVia: 'letter-to-duo',
    until: 'term-end',
    confirmed: true,
  },
  {
    id: 'extension-municipal-offer',
    variant: 'wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'extension-municipal-offer',
    trigger: circumstance('municipal-offer-delayed'),
    requires: w.factIn('permitPurpose', ASYLUM_PURPOSES),
    timing: 'end-of-term',
    extraTime: 'decided-by-duo',
    conditions: ['course-not-started-in-time', 'asylum-status-holder'],
    evidence: ['municipality-statement'],
    applyVia: 'duo-ask-how',
    until: 'term-end',
    confirmed: true,
  },
  {
    // Outside the obligation: for people a not-obliged rule sends here (`options` of that rule).
    id: 'voluntary-integration',
    variant: 'not-obliged',
    regimes: [],
    decidedBy: 'IND',
    source: 'voluntary-integration',
    timing: 'any-time',
    // main §1 Other categories: the IND decides whether the exam is needed; [Wi2013] voluntary
    // integrators could borrow from DUO (until 3 years after BRP registration), UNCONFIRMED after
    // 2022, so the condition says "ask DUO". There is no application form (applyVia).
    conditions: ['needed-for-permanent-permit-or-naturalisation', 'voluntary-loan-ask-duo'],
    evidence: [],
    applyVia: 'voluntary-exam',
    confirmed: true,
  },
];
