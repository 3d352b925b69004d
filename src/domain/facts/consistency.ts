/**
 * Facts checked across fields: what cannot be true together (a permit before the birth, a PIP
 * before the permit, more school years than the age allows) and what is possible but surprising
 * enough to ask "is that right?" (a child's birth date, a permit that starts later). One pure
 * function for every face: the API answers 400 `inconsistent`, the CLI refuses, the guided check
 * sends the person back to the question and never shows a definite answer. Each rule names every
 * fact involved. docs/facts-schema.md lists the rules and why each one is impossible.
 */
import { compare, date, isBefore, type PlainDate, plus } from '../dates/plain-date.ts';
import type { FactName, Facts } from './facts.ts';

/** The Wet inburgering 2021 took effect on this day; a PIP exists only under it (law-facts §0, Wi2021 art. 11 and 54). */
const WI2021_FROM = date('2022-01-01');
/** Compulsory school age starts at 5 (Leerplichtwet): school years in the Netherlands count from then. */
const SCHOOL_AGE_FROM = 5;
/** Nobody works, paid or as a volunteer, for years before this age. */
const WORK_AGE_FROM = 12;
/** Under this age at the reference date, the birth date is asked again ("is that right?"). */
const CONFIRM_UNDER_AGE = 18;
/** Over this age at the reference date, too. */
const CONFIRM_OVER_AGE = 100;
/** Nobody has been verified older than this (122 years): an older age is a typing slip or a placeholder such as 1900-01-01. */
const OLDEST_AGE = 122;

type DateFact = 'birthDate' | 'permitDate' | 'obligationStartDate' | 'pipDate' | 'termEndDate';

export type InconsistencyRule =
  /** The birth date is after the reference date. */
  | 'birth-in-future'
  /** Older on the reference date than anyone has ever been verified to be. */
  | 'older-than-anyone'
  /** `fields[1]` is before `fields[0]`, or the same day where it must be later (see ORDER). */
  | 'order'
  /** A PIP before the Wet inburgering 2021 took effect. */
  | 'pip-before-wi2021'
  /** More years of compulsory school age in NL than the years since the 5th birthday. */
  | 'school-years-over-age'
  /** More years in NL than the age. */
  | 'years-in-nl-over-age'
  /** More years of work than the years since the 12th birthday. */
  | 'years-worked-over-age'
  /** "Asylum seeker, no permit yet" with a permit granted on or before the reference date. */
  | 'asylum-seeker-with-permit'
  /** A DUO letter or PIP date (only people who have to integrate get one) with a purpose that never leads to the obligation. */
  | 'letter-without-obligation';

export interface Inconsistency {
  rule: InconsistencyRule;
  /** Every fact involved, in the order of the sentence that explains it. */
  fields: FactName[];
  /** Dates as ISO text and numbers, for the message. */
  params: Record<string, string | number>;
}

/**
 * Pairs of dates in the order life gives them: [earlier, later, strict]. `strict`: the later one
 * must fall after the earlier (an end on its start day is no term). Deliberately absent: the DUO
 * start date against the permit date (a permit can be granted with retroactive effect, and DUO
 * letters restate the start), and any date against the reference date except the birth (an
 * assessment on a past date can know a later letter).
 */
const ORDER: readonly [DateFact, DateFact, boolean][] = [
  ['birthDate', 'permitDate', false],
  ['birthDate', 'obligationStartDate', false],
  ['birthDate', 'pipDate', false],
  ['birthDate', 'termEndDate', true],
  ['permitDate', 'pipDate', false],
  ['obligationStartDate', 'pipDate', false],
  ['permitDate', 'termEndDate', true],
  ['obligationStartDate', 'termEndDate', true],
  ['pipDate', 'termEndDate', true],
];

/**
 * Purposes that never lead to the obligation (law-facts §1 Residence purpose): the IND's temporary
 * purposes, temporary protection, and an asylum procedure still running.
 */
const NO_OBLIGATION_PURPOSES: readonly string[] = [
  'study',
  'work',
  'other-temporary',
  'temporary-protection',
  'asylum-seeker',
];
/** Dates only an obliged person has: DUO's start date and end date, and the PIP (law-facts §0, §4). */
const LETTER_DATES: readonly DateFact[] = ['obligationStartDate', 'pipDate', 'termEndDate'];

/** Whole years from `from` to `to` (the age on `to` for a birth date). */
export function yearsBetween(from: PlainDate, to: PlainDate): number {
  let years = to.year - from.year;
  if (to.month < from.month || (to.month === from.month && to.day < from.day)) years--;
  return years;
}

/** Years since the `age`th birthday, counting a year begun as a whole one (the generous side). */
function yearsSinceAge(birth: PlainDate, asOf: PlainDate, age: number): number {
  const since = plus(birth, { years: age });
  if (isBefore(asOf, since)) return 0;
  const whole = yearsBetween(since, asOf);
  return compare(plus(since, { years: whole }), asOf) === 0 ? whole : whole + 1;
}

/** Every impossible combination in `facts` on `asOf`; empty when the facts can all be true. */
export function checkConsistency(facts: Facts, asOf: PlainDate): Inconsistency[] {
  const found: Inconsistency[] = [];
  const birth = facts.birthDate;
  if (birth && isBefore(asOf, birth)) {
    found.push({
      rule: 'birth-in-future',
      fields: ['birthDate'],
      params: { birthDate: String(birth), asOf: String(asOf) },
    });
  }
  if (birth && !isBefore(asOf, birth) && yearsBetween(birth, asOf) > OLDEST_AGE) {
    found.push({
      rule: 'older-than-anyone',
      fields: ['birthDate'],
      params: { birthDate: String(birth), age: yearsBetween(birth, asOf), max: OLDEST_AGE },
    });
  }
  for (const [earlier, later, strict] of ORDER) {
    const a = facts[earlier];
    const b = facts[later];
    if (!a || !b) continue;
    const c = compare(b, a);
    if (c < 0 || (strict && c === 0)) {
      found.push({
        rule: 'order',
        fields: [earlier, later],
        params: { earlier, later, earlierDate: String(a), laterDate: String(b) },
      });
    }
  }
  if (facts.pipDate && isBefore(facts.pipDate, WI2021_FROM)) {
    found.push({
      rule: 'pip-before-wi2021',
      fields: ['pipDate'],
      params: { pipDate: String(facts.pipDate), from: String(WI2021_FROM) },
    });
  }
  // "No permit yet" (the asylum procedure is running) cannot hold once the IND granted the permit.
  if (facts.permitPurpose === 'asylum-seeker' && facts.permitDate && !isBefore(asOf, facts.permitDate)) {
    found.push({
      rule: 'asylum-seeker-with-permit',
      fields: ['permitPurpose', 'permitDate'],
      params: { permitDate: String(facts.permitDate) },
    });
  }
  const letters = LETTER_DATES.filter((f) => facts[f] !== undefined);
  if (facts.permitPurpose && NO_OBLIGATION_PURPOSES.includes(facts.permitPurpose) && letters.length > 0) {
    found.push({ rule: 'letter-without-obligation', fields: ['permitPurpose', ...letters], params: {} });
  }
  if (birth && !isBefore(asOf, birth)) {
    const overAge = (
      rule: InconsistencyRule,
      fact: 'schoolYearsInNL' | 'yearsInNL' | 'yearsWorkedInNL',
      fromAge: number,
    ) => {
      const value = facts[fact];
      const max = yearsSinceAge(birth, asOf, fromAge);
      if (value !== undefined && value > max)
        found.push({
          rule,
          fields: ['birthDate', fact],
          params: { birthDate: String(birth), years: value, max },
        });
    };
    overAge('school-years-over-age', 'schoolYearsInNL', SCHOOL_AGE_FROM);
    overAge('years-in-nl-over-age', 'yearsInNL', 0);
    overAge('years-worked-over-age', 'yearsWorkedInNL', WORK_AGE_FROM);
  }
  return found;
}

/** The facts named by any inconsistency, in the order they first appear. */
export function inconsistentFacts(found: readonly Inconsistency[]): FactName[] {
  return [...new Set(found.flatMap((i) => i.fields))];
}

export type SurpriseRule = 'young' | 'old' | 'permit-in-future' | 'start-in-future';

/** Possible, but surprising enough to ask "is that right?" before answering. */
export interface Surprise {
  rule: SurpriseRule;
  fact: FactName;
  params: Record<string, string | number>;
}

/**
 * Answers that are possible but often a typing slip: a birth date that makes the person a child
 * (a mother typing her baby's birth date) or over 100, a permit or DUO start date still to come.
 * The guided check asks to confirm each once; the API and CLI accept them as they are.
 */
export function surprises(facts: Facts, asOf: PlainDate): Surprise[] {
  const found: Surprise[] = [];
  const birth = facts.birthDate;
  if (birth && !isBefore(asOf, birth)) {
    const age = yearsBetween(birth, asOf);
    if (age < CONFIRM_UNDER_AGE)
      found.push({ rule: 'young', fact: 'birthDate', params: { date: String(birth), age } });
    else if (age > CONFIRM_OVER_AGE)
      found.push({ rule: 'old', fact: 'birthDate', params: { date: String(birth), age } });
  }
  if (facts.permitDate && isBefore(asOf, facts.permitDate))
    found.push({ rule: 'permit-in-future', fact: 'permitDate', params: { date: String(facts.permitDate) } });
  if (facts.obligationStartDate && isBefore(asOf, facts.obligationStartDate))
    found.push({
      rule: 'start-in-future',
      fact: 'obligationStartDate',
      params: { date: String(facts.obligationStartDate) },
    });
  return found;
}
