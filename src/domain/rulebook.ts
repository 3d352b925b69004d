/**
 * The rule book: legal sources and dated parameters, loaded from content/ by an adapter and
 * handed to the engine. The domain never reads files; it only looks values up here.
 */
import { compare, type PlainDate } from './dates/plain-date.ts';

export interface LegalSource {
  id: string;
  law: string;
  article?: string;
  url: string;
  lastChecked: string;
  /** false for a source behind an UNCONFIRMED fact: answers built on it say "ask DUO". */
  confirmed: boolean;
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
  'fine.wi2021.max': { learningRoute: number; pvt: number; map: number };
  'fine.wi2021.municipalPip.max': number;
  'hearing.fineAbove': number;
  'decision.weeks': number;
  'objection.weeks': number;
}

export type ParameterId = keyof ParameterTypes;

export const PARAMETER_IDS = [
  'regime.wi2013.from',
  'regime.wi2021.from',
  'turkish.asylum.obligedFrom',
  'turkish.all.obligedFrom',
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
  'fine.wi2021.max',
  'fine.wi2021.municipalPip.max',
  'hearing.fineAbove',
  'decision.weeks',
  'objection.weeks',
] as const satisfies readonly ParameterId[];

// Fails to compile if a parameter type has no entry in PARAMETER_IDS.
export const ALL_PARAMETERS_LISTED: Exclude<ParameterId, (typeof PARAMETER_IDS)[number]> extends never
  ? true
  : false = true;

export interface RuleBook {
  /** Identifies the rule set (content hash), so an answer can be reproduced later. */
  version: string;
  sources: Readonly<Record<string, LegalSource>>;
  parameters: { readonly [K in ParameterId]: Parameter<ParameterTypes[K]> };
}

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
