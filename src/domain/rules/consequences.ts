/**
 * What is at stake when the term ends without the obligation met: fines (DUO, and under Wi2021
 * the municipality), the residence permit and naturalisation (the IND), and the DUO loan.
 * Amounts are maximums or table values from the sources; DUO decides the real amount.
 *
 * Each consequence is a rule: the acts it exists under, a condition on the person (absent: always),
 * who decides, the legal source and the numbers its message names. They apply to a person only
 * when the obligation rule that decided says so (`consequences: true`), and are listed in this order.
 */
import type { PlainDate } from '../dates/plain-date.ts';
import { builders, type Condition } from '../engine/conditions.ts';
import type { Facts } from '../facts/facts.ts';
import { type RuleBook, type ValueRef, valueOn } from '../rulebook.ts';
import type { DerivedValues, Regime } from './derive.ts';
import { ASYLUM_PURPOSES } from './obligation.ts';

export interface ConsequenceRule {
  id: string;
  regimes: readonly Regime[];
  /** Must be true for the consequence to be listed; absent: always. */
  when?: Condition<DerivedValues>;
  decidedBy: 'DUO' | 'municipality' | 'IND';
  source: string;
  confirmed: boolean;
  /** Amounts in euros, counts and dates for the message. */
  params?: Readonly<Record<string, ValueRef>>;
}

/** A consequence as the assessment lists it (the source is resolved by the engine). */
export interface ConsequenceItem {
  id: string;
  decidedBy: ConsequenceRule['decidedBy'];
  params: Record<string, number | string>;
  source: string;
  confirmed: boolean;
}

const w = builders<DerivedValues>();
const ALL_ACTS: readonly Regime[] = ['wi2007', 'wi2013', 'wi2021'];
const ASYLUM = w.factIn('permitPurpose', ASYLUM_PURPOSES);
const HOURS_AND_ATTEMPTS_KNOWN = w.all(w.known('courseHours'), w.known('examAttempts'));
const TERM_END: ValueRef = { figure: 'termEnd' };

export const CONSEQUENCE_RULES: readonly ConsequenceRule[] = [
  {
    // The fine table (boete.jsp) gives the amount once hours and exam attempts are known.
    id: 'fine.wi2013.table',
    regimes: ['wi2013'],
    when: w.all(HOURS_AND_ATTEMPTS_KNOWN, w.derived('wi2013NoFine', [false])),
    decidedBy: 'DUO',
    source: 'fine-wi2013',
    confirmed: true,
    params: {
      amount: { figure: 'wi2013Fine' },
      newTermYears: { parameter: 'fine.wi2013.newTermYears' },
      termEnd: TERM_END,
    },
  },
  {
    // The table's lowest cell is no fine at all: said as such, never "a fine of € 0".
    id: 'fine.wi2013.none',
    regimes: ['wi2013'],
    when: w.derived('wi2013NoFine', [true]),
    decidedBy: 'DUO',
    source: 'fine-wi2013',
    confirmed: true,
    params: { termEnd: TERM_END },
  },
  {
    id: 'fine.wi2013.maximum',
    regimes: ['wi2013'],
    when: w.not(HOURS_AND_ATTEMPTS_KNOWN),
    decidedBy: 'DUO',
    source: 'fine-wi2013',
    confirmed: true,
    params: {
      amount: { figure: 'wi2013Fine' },
      newTermYears: { parameter: 'fine.wi2013.newTermYears' },
      termEnd: TERM_END,
    },
  },
  {
    // main §6 Fines Wi2013: refusing, through your own fault, to sign the participatieverklaring:
    // a fine of up to € 340, which can be repeated. The PVT is part of the exam since 1 Oct 2017 (§8).
    id: 'fine.wi2013.pvt',
    regimes: ['wi2013'],
    when: w.derived('pvtInExam', [true]),
    decidedBy: 'DUO',
    source: 'fine-wi2013-pvt',
    confirmed: true,
    params: { amount: { parameter: 'fine.wi2013.pvt.max' } },
  },
  {
    // main §6 DUO loan [Wi2013]: an asylum status holder (or partner, parent or child) does not
    // repay when, within the term, they pass, or get a full ontheffing or vrijstelling.
    id: 'loan.wi2013.forgiven-if-in-time',
    regimes: ['wi2013'],
    when: w.all(ASYLUM, w.derived('loanLateness', ['in-term'])),
    decidedBy: 'DUO',
    source: 'loan-forgiveness-wi2013',
    confirmed: true,
  },
  {
    // main §6 DUO loan [Wi2013] partial forgiveness: late, but finished within 6 months with at most
    // 2 exam parts outstanding; DUO grants it by itself (table in loan.wi2013.partialForgiveness).
    id: 'loan.wi2013.partial-forgiveness',
    regimes: ['wi2013'],
    when: w.all(ASYLUM, w.derived('loanLateness', ['in-term', 'late-window'])),
    decidedBy: 'DUO',
    source: 'loan-partial-forgiveness-wi2013',
    confirmed: true,
    params: {
      onePartFirst: { parameter: 'loan.wi2013.partialForgiveness', field: 'onePartLate.0' },
      onePartLast: { parameter: 'loan.wi2013.partialForgiveness', field: 'onePartLate.1' },
      twoPartsFirst: { parameter: 'loan.wi2013.partialForgiveness', field: 'twoPartsLate.0' },
      twoPartsLast: { parameter: 'loan.wi2013.partialForgiveness', field: 'twoPartsLate.1' },
      firstMonths: { parameter: 'loan.wi2013.partialForgiveness', field: 'monthBands.0' },
      lastMonths: { parameter: 'loan.wi2013.partialForgiveness', field: 'monthBands.1' },
      firstBandEnd: { figure: 'loanForgivenessFirstBandEnd' },
      lastBandEnd: { figure: 'loanForgivenessLastBandEnd' },
    },
  },
  {
    // Past the last band without having finished: neither full nor partial forgiveness is left.
    id: 'loan.wi2013.forgiveness-closed',
    regimes: ['wi2013'],
    when: w.all(ASYLUM, w.derived('loanLateness', ['after-late-window'])),
    decidedBy: 'DUO',
    source: 'loan-partial-forgiveness-wi2013',
    confirmed: true,
    params: {
      months: { parameter: 'loan.wi2013.partialForgiveness', field: 'monthBands.1' },
      lastBandEnd: { figure: 'loanForgivenessLastBandEnd' },
    },
  },
  {
    // main §6 DUO loan [Wi2013]: family and other migrants always repay (Besluit inburgering
    // art. 4.13 lid 4 forgives only asylum status holders); loans only for Blik op Werk schools.
    id: 'loan.wi2013.repay',
    regimes: ['wi2013'],
    when: w.not(ASYLUM),
    decidedBy: 'DUO',
    source: 'loan-forgiveness-wi2013',
    confirmed: true,
  },
  {
    id: 'fine.wi2021.maximum',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'fine-wi2021',
    confirmed: true,
    params: {
      learningRoute: { parameter: 'fine.wi2021.max', field: 'learningRoute' },
      pvt: { parameter: 'fine.wi2021.max', field: 'pvt' },
      map: { parameter: 'fine.wi2021.max', field: 'map' },
      termEnd: TERM_END,
    },
  },
  {
    id: 'fine.wi2021.municipal-pip',
    regimes: ['wi2021'],
    decidedBy: 'municipality',
    source: 'fine-wi2021-municipal',
    confirmed: true,
    params: { amount: { parameter: 'fine.wi2021.municipalPip.max' } },
  },
  {
    id: 'loan.wi2021.asylum-no-loan',
    regimes: ['wi2021'],
    when: ASYLUM,
    decidedBy: 'municipality',
    source: 'loan-wi2021',
    confirmed: true,
  },
  {
    id: 'loan.wi2021.repay',
    regimes: ['wi2021'],
    when: w.not(ASYLUM),
    decidedBy: 'DUO',
    source: 'loan-wi2021',
    confirmed: true,
  },
  {
    // main §6 DUO loan [both] Repayment: whoever repays (every Wi2013 borrower who is not forgiven,
    // Wi2021 family and other migrants; Wi2021 asylum status holders cannot borrow).
    id: 'loan.repayment',
    regimes: ['wi2013', 'wi2021'],
    when: w.any(w.derived('regime', ['wi2013']), w.not(ASYLUM)),
    decidedBy: 'DUO',
    source: 'loan-repayment',
    confirmed: true,
    params: {
      startsAfterMonths: { parameter: 'loan.repayment', field: 'startsAfterMonths' },
      years: { parameter: 'loan.repayment', field: 'years' },
      interestFixedYears: { parameter: 'loan.repayment', field: 'interestFixedYears' },
    },
  },
  {
    id: 'residence.asylum-not-withdrawn',
    regimes: ALL_ACTS,
    when: ASYLUM,
    decidedBy: 'IND',
    source: 'residence-asylum',
    confirmed: true,
  },
  {
    id: 'residence.regular-renewal-at-risk',
    regimes: ALL_ACTS,
    when: w.not(ASYLUM),
    decidedBy: 'IND',
    source: 'residence-regular',
    confirmed: true,
  },
  {
    id: 'residence.permanent-and-naturalisation',
    regimes: ALL_ACTS,
    decidedBy: 'IND',
    source: 'inburgeringsvereiste',
    confirmed: true,
  },
];

/** Wi2013 fine table (boete.jsp): rows by exams taken, columns by course hours at a listed school. */
export function wi2013Fine(
  facts: Facts,
  book: RuleBook,
  asOf: PlainDate,
): { amount: number; exact: boolean } {
  const table = valueOn(book, 'fine.wi2013.table', asOf);
  if (facts.courseHours === undefined || facts.examAttempts === undefined) {
    return { amount: table.notAllTaken[0]!, exact: false };
  }
  const [low, high] = table.hourBands as [number, number];
  const column = facts.courseHours < low ? 0 : facts.courseHours < high ? 1 : 2;
  const row =
    facts.examAttempts >= 2
      ? table.failedTakenTwice
      : facts.examAttempts >= 1
        ? table.allTakenOnce
        : table.notAllTaken;
  return { amount: row[column]!, exact: true };
}
