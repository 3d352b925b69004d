/**
 * What is at stake when the term ends without the obligation met: fines (DUO, and under Wi2021
 * the municipality), the residence permit and naturalisation (the IND), and the DUO loan.
 * Amounts are maximums or table values from the sources; DUO decides the real amount.
 */
import type { PlainDate } from '../dates/plain-date.ts';
import type { Facts } from '../facts/facts.ts';
import { type RuleBook, valueOn } from '../rulebook.ts';
import type { Regime, Term } from './derive.ts';
import { ASYLUM_PURPOSES } from './obligation.ts';

export interface ConsequenceItem {
  id: string;
  decidedBy: 'DUO' | 'municipality' | 'IND';
  /** Amounts in euros, counts and dates for the message. */
  params: Record<string, number | string>;
  source: string;
  confirmed: boolean;
}

export function consequences(
  facts: Facts,
  regime: Regime,
  term: Term,
  book: RuleBook,
  asOf: PlainDate,
): ConsequenceItem[] {
  const items: ConsequenceItem[] = [];
  const asylum =
    facts.permitPurpose !== undefined && (ASYLUM_PURPOSES as readonly string[]).includes(facts.permitPurpose);
  if (regime === 'wi2013') {
    const fine = wi2013Fine(facts, book, asOf);
    items.push({
      id: fine.exact ? 'fine.wi2013.table' : 'fine.wi2013.maximum',
      decidedBy: 'DUO',
      params: { amount: fine.amount, newTermYears: valueOn(book, 'fine.wi2013.newTermYears', asOf) },
      source: 'fine-wi2013',
      confirmed: true,
    });
    if (asylum) {
      items.push({
        id: 'loan.wi2013.forgiven-if-in-time',
        decidedBy: 'DUO',
        params: {},
        source: 'loan-forgiveness-wi2013',
        confirmed: true,
      });
    }
  } else if (regime === 'wi2021') {
    const max = valueOn(book, 'fine.wi2021.max', asOf);
    items.push({
      id: 'fine.wi2021.maximum',
      decidedBy: 'DUO',
      params: { learningRoute: max.learningRoute, pvt: max.pvt, map: max.map },
      source: 'fine-wi2021',
      confirmed: true,
    });
    items.push({
      id: 'fine.wi2021.municipal-pip',
      decidedBy: 'municipality',
      params: { amount: valueOn(book, 'fine.wi2021.municipalPip.max', asOf) },
      source: 'fine-wi2021-municipal',
      confirmed: true,
    });
    items.push({
      id: asylum ? 'loan.wi2021.asylum-no-loan' : 'loan.wi2021.repay',
      decidedBy: asylum ? 'municipality' : 'DUO',
      params: {},
      source: 'loan-wi2021',
      confirmed: true,
    });
  }
  if (facts.permitPurpose !== undefined) {
    items.push(
      asylum
        ? {
            id: 'residence.asylum-not-withdrawn',
            decidedBy: 'IND',
            params: {},
            source: 'residence-asylum',
            confirmed: true,
          }
        : {
            id: 'residence.regular-renewal-at-risk',
            decidedBy: 'IND',
            params: {},
            source: 'residence-regular',
            confirmed: true,
          },
    );
  }
  items.push({
    id: 'residence.permanent-and-naturalisation',
    decidedBy: 'IND',
    params: {},
    source: 'inburgeringsvereiste',
    confirmed: true,
  });
  if (term.end) items[0]!.params.termEnd = String(term.end);
  return items;
}

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
