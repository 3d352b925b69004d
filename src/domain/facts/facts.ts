/**
 * The facts a person can tell about themselves: the input of every assessment. Every fact is
 * optional; an absent fact is unknown, never "no". The public contract is
 * shared/spec/assess-api.md; this file is its single source in code.
 */
import type { PlainDate } from '../dates/plain-date.ts';

export const PERMIT_PURPOSES = [
  'asylum',
  'asylum-family',
  'family',
  'spiritual-leader',
  'temporary-protection',
  'study',
  'work',
  'other-temporary',
  'other-non-temporary',
  'asylum-seeker',
] as const;
export type PermitPurpose = (typeof PERMIT_PURPOSES)[number];

export const DIPLOMAS = [
  'vmbo',
  'havo',
  'vwo',
  'mbo-2-plus',
  'mbo-1-entree',
  'hbo-wo-dutch',
  'hbo-wo-other',
  'nt2-staatsexamen',
  'belgium-suriname-dutch',
] as const;
export type Diploma = (typeof DIPLOMAS)[number];

export const CIRCUMSTANCES = [
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
export type Circumstance = (typeof CIRCUMSTANCES)[number];

export const ROUTES = ['b1', 'education', 'z'] as const;
export type Route = (typeof ROUTES)[number];

/** Nationals of these countries (EU, EEA and Switzerland) are never obliged. NL: Dutch nationals are not vreemdelingen. */
export const EEA_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
  'CH',
] as const;

export interface Facts {
  nationality?: string;
  familyOfEeaCitizen?: boolean;
  birthDate?: PlainDate;
  permitPurpose?: PermitPurpose;
  permitDate?: PlainDate;
  obligationStartDate?: PlainDate;
  pipDate?: PlainDate;
  termEndDate?: PlainDate;
  schoolYearsInNL?: number;
  diplomas?: readonly Diploma[];
  hasIntegrationDiploma?: boolean;
  medicalLimitation?: boolean;
  circumstances?: readonly Circumstance[];
  courseHours?: number;
  examAttempts?: number;
  route?: Route;
  /** Wi2013 "already integrated" ontheffing: years living in the Netherlands (extension of the contract). */
  yearsInNL?: number;
  /** Wi2013 "already integrated" ontheffing: years of paid or voluntary work in the Netherlands. */
  yearsWorkedInNL?: number;
}

export type FactName = keyof Facts;

/**
 * All fact names, most useful first: the order in which `missing` lists them and in which the
 * guided check asks. Facts that decide whether someone is obliged at all come first.
 */
export const FACT_PRIORITY: readonly FactName[] = [
  'nationality',
  'permitPurpose',
  'familyOfEeaCitizen',
  'birthDate',
  'permitDate',
  'obligationStartDate',
  'hasIntegrationDiploma',
  'diplomas',
  'schoolYearsInNL',
  'pipDate',
  'termEndDate',
  'route',
  'medicalLimitation',
  'circumstances',
  'courseHours',
  'examAttempts',
  'yearsInNL',
  'yearsWorkedInNL',
];
