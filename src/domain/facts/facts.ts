/**
 * The facts a person can tell about themselves: the input of every assessment. Every fact is
 * optional; an absent fact is unknown, never "no". The public contract is
 * spec/assess-api.md; FACT_SCHEMA below is its single source in code.
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

/** Every date fact lies in this range: outside it a date is a typing error, not a fact. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * How one fact is written and checked. Plain data, so the domain stays free of libraries: the
 * TypeBox/JSON Schema of the API and the OpenAPI document are built from it at the adapter edge
 * (src/adapters/api/facts-schema.ts), the guided check's questions and answer parser read it
 * (questionnaire/questions.ts, parse-answer.ts), and the API/CLI request parser walks it
 * (parse-facts.ts). See docs/facts-schema.md and ADR 004.
 */
export type FactSpec =
  | { kind: 'country'; dontKnow: boolean; description: string }
  | { kind: 'boolean'; dontKnow: boolean; description: string }
  | { kind: 'date'; dontKnow: boolean; description: string }
  | { kind: 'choice'; values: readonly string[]; dontKnow: boolean; description: string }
  | { kind: 'set'; values: readonly string[]; dontKnow: boolean; description: string }
  | { kind: 'number'; min: 0; max: number; integer: boolean; dontKnow: boolean; description: string };

/**
 * The facts schema: the single source of every fact's name, type, allowed values and limits.
 * Descriptions are for integrators (English); people read the catalogs' `question.<fact>.*`.
 * The order is the order of the contract's table (spec/assess-api.md); the asking order is FACT_PRIORITY.
 */
export const FACT_SCHEMA = {
  nationality: {
    kind: 'country',
    dontKnow: false,
    description:
      'ISO 3166-1 alpha-2 code (any case), or "stateless"; with several nationalities, the one that helps most (an EU/EEA/Swiss one wins)',
  },
  familyOfEeaCitizen: {
    kind: 'boolean',
    dontKnow: true,
    description:
      'Family member of a national of another EU/EEA country or Switzerland (not the Netherlands), living with that right',
  },
  birthDate: { kind: 'date', dontKnow: false, description: 'Date of birth; not after the reference date' },
  permitPurpose: {
    kind: 'choice',
    values: PERMIT_PURPOSES,
    dontKnow: true,
    description:
      'The purpose of the residence permit (or the situation without one); the family of someone here for a temporary purpose (study, work, a highly skilled migrant) has a temporary purpose too: other-temporary',
  },
  permitDate: {
    kind: 'date',
    dontKnow: true,
    description:
      'The date the IND granted that residence permit; after the reference date it means "not yet obliged"',
  },
  obligationStartDate: {
    kind: 'date',
    dontKnow: true,
    description: 'Start date of the obligation in the DUO letter; decides the regime over permitDate',
  },
  pipDate: {
    kind: 'date',
    dontKnow: true,
    description: 'Wi2021: the date (dagtekening) of the personal plan (PIP); not before 2022-01-01',
  },
  termEndDate: {
    kind: 'date',
    dontKnow: true,
    description: 'End of the term in a DUO letter; overrides the computed end',
  },
  schoolYearsInNL: {
    kind: 'number',
    min: 0,
    max: 20,
    integer: false,
    dontKnow: true,
    description:
      'Years lived in the Netherlands during compulsory school age (at most the years since age 5)',
  },
  diplomas: {
    kind: 'set',
    values: DIPLOMAS,
    dontKnow: false,
    description: 'Dutch diplomas and certificates the person holds (each at most once)',
  },
  hasIntegrationDiploma: {
    kind: 'boolean',
    dontKnow: false,
    description: 'Already passed the whole integration exam (or finished the route)',
  },
  medicalLimitation: {
    kind: 'boolean',
    dontKnow: true,
    description: 'An illness or disability that may make the exam impossible for good',
  },
  circumstances: {
    kind: 'set',
    values: CIRCUMSTANCES,
    dontKnow: false,
    description: 'What happened during the term, for extension options (each at most once)',
  },
  courseHours: {
    kind: 'number',
    min: 0,
    max: 20000,
    integer: false,
    dontKnow: true,
    description: 'Classroom hours followed at a listed school',
  },
  examAttempts: {
    kind: 'number',
    min: 0,
    max: 100,
    integer: true,
    dontKnow: true,
    description: 'The smallest number of attempts made at any exam part not yet passed',
  },
  route: {
    kind: 'choice',
    values: ROUTES,
    dontKnow: true,
    description: 'Wi2021: the learning route in the PIP',
  },
  yearsInNL: {
    kind: 'number',
    min: 0,
    max: 100,
    integer: false,
    dontKnow: true,
    description: 'Wi2013 "already integrated" ontheffing: years living in the Netherlands (at most the age)',
  },
  yearsWorkedInNL: {
    kind: 'number',
    min: 0,
    max: 80,
    integer: false,
    dontKnow: true,
    description: 'Wi2013 "already integrated" ontheffing: years of paid or voluntary work in the Netherlands',
  },
} as const satisfies Record<string, FactSpec>;

type Schema = typeof FACT_SCHEMA;
export type FactName = keyof Schema;

/** The value a fact spec describes (dates as PlainDate; the JSON form is ISO text). */
export type FactValue<S> = S extends { kind: 'country' }
  ? string
  : S extends { kind: 'boolean' }
    ? boolean
    : S extends { kind: 'date' }
      ? PlainDate
      : S extends { kind: 'choice'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'set'; values: readonly (infer V)[] }
          ? readonly V[]
          : number;

/** The facts a person can tell: every one optional, an absent fact unknown (never "no"). */
export type Facts = { -readonly [K in FactName]?: FactValue<Schema[K]> };

export const FACT_NAMES = Object.keys(FACT_SCHEMA) as FactName[];
export const factSpec = (name: FactName): FactSpec => FACT_SCHEMA[name];
export const isFactName = (name: string): name is FactName => Object.hasOwn(FACT_SCHEMA, name);

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
