/**
 * The rule set (historically "rule book"): everything the engine decides with, as one value that
 * is passed to `assess`: the obligation, option and consequence rules, the per-act rules, the dated
 * parameters and the legal sources, plus a version that covers the rule data and the engine code.
 * An adapter builds it (content/ for parameters and sources, src/domain/rules for the rules); the
 * domain never reads files. Two rule sets can be used side by side in one process (docs/rules-version.md).
 */
import { compare, type PlainDate } from './dates/plain-date.ts';
import type { ActRule } from './rules/acts.ts';
import type { AfterTermRule } from './rules/after-term.ts';
import type { ConsequenceRule } from './rules/consequences.ts';
import type { DecisionEffects, ObligationRule } from './rules/obligation.ts';
import type { OptionRule } from './rules/options.ts';

export interface LegalSource {
  id: string;
  law: string;
  article?: string;
  url: string;
  lastChecked: string;
  /** false for a source behind an UNCONFIRMED fact: answers built on it say "ask DUO". */
  confirmed: boolean;
  /** The acts this source is law for (absent: not tied to one act, such as the AOW or the Awb). */
  acts?: readonly ('wi2007' | 'wi2013' | 'wi2021')[];
  /** The day the source stopped applying (an expired beleidsregel): never cited on or after it. */
  until?: string;
}

/** A rule's source for the person's act: a per-act override, else the rule's own source. */
export function sourceIdFor(
  rule: { source: string; sources?: Readonly<Partial<Record<'wi2007' | 'wi2013' | 'wi2021', string>>> },
  regime: 'wi2007' | 'wi2013' | 'wi2021' | null,
): string {
  return (regime && rule.sources?.[regime]) || rule.source;
}

export interface DatedValue<T> {
  from: PlainDate;
  value: T;
}

export interface Parameter<T = unknown> {
  id: string;
  description: string;
  source: string;
  values: readonly DatedValue<T>[];
}

export interface AowRow {
  year: number;
  years: number;
  months: number;
}

export interface Duration {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

/** The type of every parameter in content/rules/parameters.yaml, so a lookup is typed. */
export interface ParameterTypes {
  'regime.wi2013.from': PlainDate;
  'regime.wi2021.from': PlainDate;
  'turkish.asylum.obligedFrom': PlainDate;
  'turkish.all.obligedFrom': PlainDate;
  'uk.transitionPeriod.lastDay': PlainDate;
  'age.minimum': number;
  'age.practicalStart': number;
  'age.aow': readonly AowRow[];
  'age.aow.fixedUntilYear': number;
  'schoolYears.minimum': number;
  'diploma.nt2EntreeFull.before': PlainDate;
  'term.wi2021': Duration;
  'term.wi2013': Duration;
  'term.wi2007': Duration;
  'applyWindow.months': number;
  'ontheffingEfforts.hours': number;
  'ontheffingEfforts.attempts': number;
  'ontheffingEfforts.minIntegrationHoursForLiteracy': number;
  'ontheffingEfforts.maxNt2AttemptsCounted': number;
  'ontheffingEfforts.literacyHours': number;
  'ontheffingEfforts.testFee': number;
  'ontheffingIntegrated.yearsInNL': number;
  'ontheffingIntegrated.yearsWorked': number;
  'ontheffingIntegrated.interviewFee': number;
  'ontheffingMedical.refund': number;
  'afschalen.hours': number;
  'extension.birth': Duration;
  'extension.familyDeath': Duration;
  'extension.literacy.wi2021': { minMonths: number; maxMonths: number };
  'extension.literacy.wi2013.maxYears': number;
  'extension.efforts.wi2013.hours': number;
  'extension.efforts.wi2013.attempts': number;
  'extension.efforts.wi2013.years': number;
  'extension.illness.minMonths': number;
  'fine.wi2013.table': {
    notAllTaken: readonly number[];
    allTakenOnce: readonly number[];
    failedTakenTwice: readonly number[];
    hourBands: readonly number[];
  };
  'fine.wi2013.newTermYears': number;
  'fine.wi2013.courseStatementHours': number;
  'fine.wi2013.pvt.max': number;
  'pvt.wi2013.from': PlainDate;
  'loan.wi2013.partialForgiveness': {
    onePartLate: readonly number[];
    twoPartsLate: readonly number[];
    monthBands: readonly number[];
  };
  'loan.repayment': { startsAfterMonths: number; years: number; interestFixedYears: number };
  'fine.wi2021.max': { learningRoute: number; pvt: number; map: number };
  'fine.wi2021.municipalPip.max': number;
  'hearing.fineAbove': number;
  'decision.weeks': number;
  'objection.weeks': number;
  // Amounts the knowledge base names (content/kb, {{param:…}}); the rules do not decide with them.
  'exam.fees': { part: number; totalWi2013: number; totalWi2021: number };
  'pvt.fee.wi2013': number;
  'loan.wi2013.asylum.max': number;
  'loan.wi2021.capUnconfirmed': number;
}

export type ParameterId = keyof ParameterTypes;

export const PARAMETER_IDS = [
  'regime.wi2013.from',
  'regime.wi2021.from',
  'turkish.asylum.obligedFrom',
  'turkish.all.obligedFrom',
  'uk.transitionPeriod.lastDay',
  'age.minimum',
  'age.practicalStart',
  'age.aow',
  'age.aow.fixedUntilYear',
  'schoolYears.minimum',
  'diploma.nt2EntreeFull.before',
  'term.wi2021',
  'term.wi2013',
  'term.wi2007',
  'applyWindow.months',
  'ontheffingEfforts.hours',
  'ontheffingEfforts.attempts',
  'ontheffingEfforts.minIntegrationHoursForLiteracy',
  'ontheffingEfforts.maxNt2AttemptsCounted',
  'ontheffingEfforts.literacyHours',
  'ontheffingEfforts.testFee',
  'ontheffingIntegrated.yearsInNL',
  'ontheffingIntegrated.yearsWorked',
  'ontheffingIntegrated.interviewFee',
  'ontheffingMedical.refund',
  'afschalen.hours',
  'extension.birth',
  'extension.familyDeath',
  'extension.literacy.wi2021',
  'extension.literacy.wi2013.maxYears',
  'extension.efforts.wi2013.hours',
  'extension.efforts.wi2013.attempts',
  'extension.efforts.wi2013.years',
  'extension.illness.minMonths',
  'fine.wi2013.table',
  'fine.wi2013.newTermYears',
  'fine.wi2013.courseStatementHours',
  'fine.wi2013.pvt.max',
  'pvt.wi2013.from',
  'loan.wi2013.partialForgiveness',
  'loan.repayment',
  'fine.wi2021.max',
  'fine.wi2021.municipalPip.max',
  'hearing.fineAbove',
  'decision.weeks',
  'objection.weeks',
  'exam.fees',
  'pvt.fee.wi2013',
  'loan.wi2013.asylum.max',
  'loan.wi2021.capUnconfirmed',
] as const satisfies readonly ParameterId[];

// Fails to compile if a parameter type has no entry in PARAMETER_IDS.
export const ALL_PARAMETERS_LISTED: Exclude<ParameterId, (typeof PARAMETER_IDS)[number]> extends never
  ? true
  : false = true;

/**
 * A number or date a rule names in its explanation or consequence: a legal parameter (on the
 * assessment's date; `field` picks one part of a structured value, a dotted path such as
 * `monthBands.1` a part of a part), or a figure the engine
 * computes for this person.
 */
export type ValueRef = { parameter: ParameterId; field?: string } | { figure: Figure };

/**
 * Figures computed per person: the last day of the term, the AOW date (and whether it is an
 * estimate), and the Wi2013 fine from the fine table (the table's maximum while hours or exam
 * attempts are unknown), the end of the new Wi2013 term after a fine, and the last days of the
 * Wi2013 partial loan-forgiveness bands (the term end plus each band's months).
 */
export const FIGURES = [
  'termEnd',
  'aowDate',
  'aowEstimated',
  'wi2013Fine',
  'wi2013NewTermEnd',
  'obligationStart',
  'loanForgivenessFirstBandEnd',
  'loanForgivenessLastBandEnd',
] as const;
export type Figure = (typeof FIGURES)[number];

/** The rules as data: what the engine interprets. Plain values, so they can be hashed and compared. */
export interface RuleData {
  /** Ordered, first match wins. */
  obligation: readonly ObligationRule[];
  /** What follows while no obligation rule has decided. */
  undecided: DecisionEffects;
  /** In order of display; per option id the first rule that fits is used. */
  options: readonly OptionRule[];
  /** In order of display. */
  consequences: readonly ConsequenceRule[];
  /** Per act: the source of the act itself and of its term. */
  acts: Readonly<Record<ActRule['regime'], ActRule>>;
  /** In order: what happens once the term has passed (obliged only). */
  afterTerm: readonly AfterTermRule[];
}

export interface RuleSet {
  /**
   * `rules-` and 12 hex digits: a hash over `contentVersion` and `codeVersion`, so an answer can
   * be reproduced later and two rule sets compared (the case desk's impact report).
   */
  version: string;
  /** Hash of the rule data: sources, parameters and every rule. */
  contentVersion: string;
  /** Hash of the engine code that interprets the rules (src/domain rule modules). */
  codeVersion: string;
  sources: Readonly<Record<string, LegalSource>>;
  parameters: { readonly [K in ParameterId]: Parameter<ParameterTypes[K]> };
  rules: RuleData;
}

/** The earlier name of `RuleSet`; both name the same value. */
export type RuleBook = RuleSet;

/** The value of a parameter on a date: the newest value whose `from` is on or before it (else the oldest). */
export function valueOn<K extends ParameterId>(book: RuleBook, id: K, on: PlainDate): ParameterTypes[K] {
  const values = book.parameters[id].values;
  if (values.length === 1) return values[0]!.value;
  let chosen = values[0]!;
  for (const v of values) if (compare(v.from, on) <= 0) chosen = v;
  return chosen.value;
}

export function sourceOf(book: RuleBook, sourceId: string): LegalSource {
  const source = book.sources[sourceId];
  if (!source) throw new Error(`unknown legal source: ${sourceId}`);
  return source;
}
