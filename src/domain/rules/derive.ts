/**
 * Values derived from the facts once per assessment: when the obligation started, which act
 * applies, the person's age band, and the term. Each carries the facts that were missing for it.
 */
import { type AowDate, aowDate } from '../dates/aow.ts';
import {
  isBefore,
  isBeforeAnniversary,
  isLeapYear,
  isOnOrAfter,
  minus,
  type PlainDate,
  plus,
} from '../dates/plain-date.ts';
import { type Derived, FACT_BIT, type FactMask, maskOf } from '../engine/conditions.ts';
import type { Facts } from '../facts/facts.ts';
import { type RuleBook, valueOn } from '../rulebook.ts';
import { wi2013Fine } from './consequences.ts';

export const REGIMES = ['wi2007', 'wi2013', 'wi2021'] as const;
export type Regime = (typeof REGIMES)[number];

export type AgeBand = 'under-minimum' | 'minor' | 'adult' | 'aow';

export interface Term {
  start: PlainDate | undefined;
  end: PlainDate | undefined;
  applyFrom: PlainDate | undefined;
  /** Where the end date comes from: the DUO letter, the law's computation, or an estimate DUO may differ from. */
  endBasis: 'duo-letter' | 'computed' | 'estimate' | undefined;
}

/**
 * Whether the term has ended on `asOf`; undefined where that cannot be known. An estimated end (a
 * Wi2013 term without the DUO letter's end date) is the earliest the term can end: extensions by
 * letter (AZC stay, corona: addendum §4) only make it later, so before it the term runs for sure,
 * after it only the letter can tell (addendum §4: "do not recompute Wi2013 end dates").
 */
export function termEnded(term: Term, asOf: PlainDate): boolean | undefined {
  if (!term.end) return undefined;
  const passed = isBefore(term.end, asOf);
  return passed && term.endBasis === 'estimate' ? undefined : passed;
}

export interface DerivedValues extends Record<string, Derived<unknown>> {
  obligationStart: Derived<PlainDate>;
  /** How the start was found: the DUO letter, the permit date, or the 18th birthday after the permit. */
  startBasis: Derived<'duo-letter' | 'permit-date' | 'adult-age'>;
  regime: Derived<Regime>;
  turkishEra: Derived<'before-asylum-date' | 'asylum-only' | 'all'>;
  nt2Era: Derived<'full' | 'partial'>;
  /**
   * For a British national: whether the Withdrawal Agreement keeps them out of the obligation,
   * read from when their residence began (the earlier of the permit and the DUO start date). True
   * on or before the last day of the Brexit transition period (`uk.transitionPeriod.lastDay`).
   * After it: unknown with no fact to ask, because the IND's Withdrawal Agreement residence
   * document of someone who already lived here is often dated 2021 or later (a renewal), so the
   * date cannot tell a beneficiary from a newcomer and no fact in the schema says which one is.
   */
  ukWithdrawalAgreement: Derived<boolean>;
  ageBand: Derived<AgeBand>;
  /**
   * True when no DUO letter (a start date, a PIP date, an end date) says the person is obliged.
   * Where one does, the Turkish cut-offs (not retroactive, read from the permit date) cannot say
   * "not obliged" for certain: DUO decides (law-facts: DUO is the deciding body), and its letter may
   * rest on a later permit than the one given. Unknown then, with no fact to ask: ask DUO.
   */
  noDuoLetter: Derived<boolean>;
  /**
   * Born on 29 February, the 18th birthday falls in a year without that day. Whether one turns 18
   * on 28 February or on 1 March is not in the fact sheets (as for the AOW day that does not exist,
   * addendum §1, STILL UNCONFIRMED): on that 28 February it is open, with no fact to ask; false on
   * every other day. (The 16th birthday always falls in a leap year, until 2100.)
   */
  adultDayOpen: Derived<boolean>;
  /**
   * Whether the AOW age is reached on the reference date: unknown (with no fact to ask) when the
   * AOW date is an estimate (a year the law has not fixed) or falls on a day that does not exist
   * (addendum §1: STILL UNCONFIRMED), and the reference date lies in that uncertainty.
   */
  aowReached: Derived<boolean>;
  inApplyWindow: Derived<boolean>;
  termPassed: Derived<boolean>;
  /**
   * The permit (or the DUO start date) lies after the reference date: the obligation has not
   * started yet. A person who did not give the date is taken to hold the permit they named (false).
   */
  startsLater: Derived<boolean>;
  /** Wi2013: the fine would be above the amount that comes with a hearing form (Wi2021: DUO's letter says). */
  fineAboveHearingLimit: Derived<boolean>;
  /** Wi2013: the fine table gives no fine at all for these hours and attempts. */
  wi2013NoFine: Derived<boolean>;
  /** Wi2013: the participatieverklaring is part of the exam (obligation started on or after `pvt.wi2013.from`). */
  pvtInExam: Derived<boolean>;
  /**
   * Where the reference date lies for the Wi2013 loan forgiveness (law-facts §6 DUO loan): within
   * the term (full forgiveness still possible), within the last partial-forgiveness band after it,
   * or later (no forgiveness any more).
   */
  loanLateness: Derived<'in-term' | 'late-window' | 'after-late-window'>;
}

const known = <T>(value: T): Derived<T> => ({ value, missing: 0 });
const unknown = <T>(missing: FactMask): Derived<T> => ({ value: undefined, missing });

/**
 * Why the act is open although a start date is known (the reason `regime.open.<kind>` says which):
 * - `pip`: a PIP (Wi2021 only) next to a start before 2022 (Wi2013). In 2022 about 500 people were
 *   put under the wrong act and could choose (main §0 transition): only DUO can tell.
 */
export type RegimeOpen = 'pip';

export interface Derivation {
  values: DerivedValues;
  term: Term;
  aow: AowDate | undefined;
  regimeOpen: RegimeOpen | undefined;
}

const NO_TERM: Term = { start: undefined, end: undefined, applyFrom: undefined, endBasis: undefined };

/** The youngest AOW age there has been: below it the AOW date need not be computed. */
const MIN_AOW_AGE = 65;

/** `withTerm: false` skips the term (the obligation decision does not need it; it is the costly part). */
export function derive(facts: Facts, asOf: PlainDate, book: RuleBook, withTerm = true): Derivation {
  const start = obligationStart(facts, book);
  const act = actOf(facts, start, book);
  const regime = act.regime;
  const birth = facts.birthDate;
  const aow =
    birth && asOf.year - birth.year >= MIN_AOW_AGE
      ? aowDate(birth, valueOn(book, 'age.aow', asOf), valueOn(book, 'age.aow.fixedUntilYear', asOf))
      : undefined;
  const term = withTerm ? termOf(facts, start.date, regime, book) : NO_TERM;
  const startMissing = start.date ? 0 : maskOf('permitDate', 'obligationStartDate');
  const regimeMissing = start.date ? act.missing : startMissing;
  const passed = termEnded(term, asOf);

  const values: DerivedValues = {
    obligationStart: start.date ? known(start.date) : unknown(startMissing),
    startBasis: start.basis ? known(start.basis) : unknown(startMissing),
    regime: regime ? known(regime) : unknown(regimeMissing),
    // Not retroactive: for Turkish nationals what counts is when they arrived (the permit), not a later 18th birthday.
    turkishEra:
      (facts.permitDate ?? start.date)
        ? known(turkishEra((facts.permitDate ?? start.date)!, book))
        : unknown(startMissing),
    ukWithdrawalAgreement: ukWithdrawalAgreement(facts, book, startMissing),
    nt2Era: start.date
      ? known(
          isBefore(start.date, valueOn(book, 'diploma.nt2EntreeFull.before', start.date))
            ? 'full'
            : 'partial',
        )
      : unknown(startMissing),
    ageBand: birth ? known(ageBand(birth, aow, asOf, book)) : unknown(FACT_BIT.birthDate),
    noDuoLetter: facts.obligationStartDate || facts.pipDate || facts.termEndDate ? unknown(0) : known(true),
    adultDayOpen:
      birth && adultDayIsOpen(birth, asOf, valueOn(book, 'age.practicalStart', asOf))
        ? unknown(0)
        : known(false),
    aowReached: birth ? aowReached(aow, asOf) : unknown(FACT_BIT.birthDate),
    inApplyWindow: term.applyFrom
      ? known(isOnOrAfter(asOf, term.applyFrom))
      : unknown(termMissing(facts, regime, act.missing)),
    termPassed: passed !== undefined ? known(passed) : unknown(termMissing(facts, regime, act.missing)),
    startsLater: known(startsLater(facts, asOf)),
    // The Wi2013 table is the only fine this engine can compute; under Wi2021 DUO sets the amount.
    fineAboveHearingLimit:
      regime !== 'wi2013'
        ? unknown(0)
        : facts.courseHours !== undefined && facts.examAttempts !== undefined
          ? known(wi2013Fine(facts, book, asOf).amount > valueOn(book, 'hearing.fineAbove', asOf))
          : unknown(maskOf('courseHours', 'examAttempts')),
    wi2013NoFine:
      facts.courseHours !== undefined && facts.examAttempts !== undefined
        ? known(wi2013Fine(facts, book, asOf).amount === 0)
        : unknown(maskOf('courseHours', 'examAttempts')),
    // Read only by consequence rules: not computed on the obligation-only fast path (withTerm false).
    pvtInExam:
      withTerm && start.date
        ? known(isOnOrAfter(start.date, valueOn(book, 'pvt.wi2013.from', start.date)))
        : unknown(startMissing),
    loanLateness:
      term.end && passed !== undefined
        ? known(loanLateness(term.end, asOf, book))
        : unknown(termMissing(facts, regime, act.missing)),
  };
  return {
    values,
    term,
    aow,
    regimeOpen: act.open,
  };
}

/** The last day of each Wi2013 partial loan-forgiveness band: the term end plus the band's months. */
export function loanForgivenessBandEnds(termEnd: PlainDate, book: RuleBook, asOf: PlainDate): PlainDate[] {
  const { monthBands } = valueOn(book, 'loan.wi2013.partialForgiveness', asOf);
  return monthBands.map((months) => plus(termEnd, { months }));
}

function loanLateness(
  termEnd: PlainDate,
  asOf: PlainDate,
  book: RuleBook,
): 'in-term' | 'late-window' | 'after-late-window' {
  if (!isBefore(termEnd, asOf)) return 'in-term';
  const last = loanForgivenessBandEnds(termEnd, book, asOf).at(-1)!;
  return isBefore(last, asOf) ? 'after-late-window' : 'late-window';
}

/** The obligation starts only once residence is granted (law-facts §1): a granting date still to come. */
function startsLater(facts: Facts, asOf: PlainDate): boolean {
  const granted = facts.obligationStartDate ?? facts.permitDate;
  return granted !== undefined && isBefore(asOf, granted);
}

function obligationStart(
  facts: Facts,
  book: RuleBook,
): { date: PlainDate | undefined; basis: 'duo-letter' | 'permit-date' | 'adult-age' | undefined } {
  if (facts.obligationStartDate) return { date: facts.obligationStartDate, basis: 'duo-letter' };
  if (!facts.permitDate) return { date: undefined, basis: undefined };
  // A minor's obligation starts when the leerplicht/kwalificatieplicht vrijstelling ends: at 18 at the latest.
  if (facts.birthDate) {
    const years = valueOn(book, 'age.practicalStart', facts.permitDate);
    if (isBeforeAnniversary(facts.permitDate, facts.birthDate, years)) {
      return { date: plus(facts.birthDate, { years }), basis: 'adult-age' };
    }
  }
  return { date: facts.permitDate, basis: 'permit-date' };
}

/**
 * The act: from the start date (the permit date when there is no letter, as the contract says), except
 * where the facts point two ways and the answer stays open (RegimeOpen); `missing` is the fact that
 * can still settle it (none: ask DUO).
 * A PIP exists only under Wi2021 (art. 11, 15): with a PIP date and no start date the act is known.
 */
function actOf(
  facts: Facts,
  start: ReturnType<typeof obligationStart>,
  book: RuleBook,
): { regime: Regime | undefined; open: RegimeOpen | undefined; missing: FactMask } {
  const byStart = regimeOf(start.date, book);
  const fromLetter = start.basis === 'duo-letter';
  if (!byStart) return { regime: facts.pipDate ? 'wi2021' : undefined, open: undefined, missing: 0 };
  // A PIP next to a start before 2022: the permit date only approximates the start (DUO's letter may
  // say 2022), and a letter that says 2021 may belong to someone who chose Wi2021 in 2022.
  if (facts.pipDate && byStart !== 'wi2021')
    return { regime: undefined, open: 'pip', missing: fromLetter ? 0 : FACT_BIT.obligationStartDate };
  return { regime: byStart, open: undefined, missing: 0 };
}

function regimeOf(start: PlainDate | undefined, book: RuleBook): Regime | undefined {
  if (!start) return undefined;
  if (isOnOrAfter(start, valueOn(book, 'regime.wi2021.from', start))) return 'wi2021';
  if (isOnOrAfter(start, valueOn(book, 'regime.wi2013.from', start))) return 'wi2013';
  return 'wi2007';
}

function turkishEra(start: PlainDate, book: RuleBook): 'before-asylum-date' | 'asylum-only' | 'all' {
  if (isOnOrAfter(start, valueOn(book, 'turkish.all.obligedFrom', start))) return 'all';
  if (isOnOrAfter(start, valueOn(book, 'turkish.asylum.obligedFrom', start))) return 'asylum-only';
  return 'before-asylum-date';
}

function ukWithdrawalAgreement(facts: Facts, book: RuleBook, startMissing: FactMask): Derived<boolean> {
  const { permitDate, obligationStartDate } = facts;
  // The earlier date: a date added later can only move the start of residence back, never undo a "true".
  const from =
    permitDate && obligationStartDate
      ? isBefore(obligationStartDate, permitDate)
        ? obligationStartDate
        : permitDate
      : (permitDate ?? obligationStartDate);
  if (!from) return unknown(startMissing);
  return isBefore(valueOn(book, 'uk.transitionPeriod.lastDay', from), from) ? unknown(0) : known(true);
}

/**
 * The AOW age is reached for certain from the AOW date, unless that date is an estimate (then it
 * may be later: the law never lets the AOW age fall, so before the estimate it is certainly not
 * reached) or the day it lands on does not exist (then certain only from the rollover day).
 */
function aowReached(aow: AowDate | undefined, asOf: PlainDate): Derived<boolean> {
  if (!aow || isBefore(asOf, aow.date)) return known(false);
  if (aow.estimated || (aow.uncertainUntil && isBefore(asOf, aow.uncertainUntil))) return unknown(0);
  return known(true);
}

/** The 28 February on which someone born on 29 February may or may not have turned `years` old. */
export function adultDayIsOpen(birth: PlainDate, asOf: PlainDate, years: number): boolean {
  const year = birth.year + years;
  return (
    birth.month === 2 &&
    birth.day === 29 &&
    !isLeapYear(year) &&
    asOf.year === year &&
    asOf.month === 2 &&
    asOf.day === 28
  );
}

function ageBand(birth: PlainDate, aow: AowDate | undefined, asOf: PlainDate, book: RuleBook): AgeBand {
  if (aowReached(aow, asOf).value === true) return 'aow';
  if (isBeforeAnniversary(asOf, birth, valueOn(book, 'age.minimum', asOf))) return 'under-minimum';
  if (isBeforeAnniversary(asOf, birth, valueOn(book, 'age.practicalStart', asOf))) return 'minor';
  return 'adult';
}

function termMissing(facts: Facts, regime: Regime | undefined, actMissing: FactMask): FactMask {
  if (facts.termEndDate) return 0;
  if (!regime && (facts.permitDate || facts.obligationStartDate)) return actMissing;
  if (!regime) return maskOf('permitDate', 'obligationStartDate', 'termEndDate');
  return regime === 'wi2021' ? maskOf('pipDate') : maskOf('termEndDate');
}

/**
 * The term. Wi2021 (art. 11): from the day after the PIP date; the last day is the PIP date plus
 * three years. Wi2013: three years from the start, the last day one day earlier. A DUO letter's end
 * date always wins. Extensions already granted are in that letter, never recomputed here.
 */
function termOf(
  facts: Facts,
  start: PlainDate | undefined,
  regime: Regime | undefined,
  book: RuleBook,
): Term {
  let termStart: PlainDate | undefined;
  let end: PlainDate | undefined;
  let endBasis: Term['endBasis'];
  let length: { years?: number; months?: number } = {};
  if (regime === 'wi2021') {
    if (facts.pipDate) {
      termStart = plus(facts.pipDate, { days: 1 });
      length = valueOn(book, 'term.wi2021', facts.pipDate);
      end = plus(facts.pipDate, length);
      endBasis = 'computed';
    }
  } else if (regime && start) {
    termStart = start;
    length = valueOn(book, regime === 'wi2013' ? 'term.wi2013' : 'term.wi2007', start);
    end = minus(plus(start, length), { days: 1 });
    // Wi2013 terms were often extended by letter (AZC stay, corona): without the letter, an estimate.
    endBasis = 'estimate';
  }
  if (facts.termEndDate) {
    end = facts.termEndDate;
    endBasis = 'duo-letter';
  }
  // "The term started at least 2.5 years ago": counted from the start where the start is known;
  // from a DUO letter's end date (which may include extensions), six months before it.
  let applyFrom: PlainDate | undefined;
  if (end) {
    const window = valueOn(book, 'applyWindow.months', end);
    applyFrom =
      termStart && endBasis !== 'duo-letter'
        ? plus(termStart, { months: (length.years ?? 0) * 12 + (length.months ?? 0) - window })
        : minus(plus(end, { days: 1 }), { months: window });
  }
  return { start: termStart, end, applyFrom, endBasis };
}
