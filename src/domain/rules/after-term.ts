/**
 * What happens once the term has passed without the obligation met, per act (law-facts §6 and
 * §5 "Other reasons after the term has expired"; addendum §4 and §7): the advance notice
 * (vooraankondiging termijnoverschrijding), what to send back, the telephone hearing when the fine
 * is above the limit (both acts), the fine decision and the objection, and the new term (Wi2013:
 * 2 years from the old end date; Wi2021: UNCONFIRMED, so "ask DUO"). Rules as data, in order; the
 * texts live in the message catalogs (`afterTerm.<id>`).
 */
import { builders, type Condition } from '../engine/conditions.ts';
import type { ValueRef } from '../rulebook.ts';
import type { DerivedValues, Regime } from './derive.ts';

export interface AfterTermRule {
  /** Message key suffix: `afterTerm.<id>`. */
  id: string;
  regimes: readonly Regime[];
  /** Must be true for the step to be listed; absent: always. */
  when?: Condition<DerivedValues>;
  decidedBy: 'DUO' | 'municipality' | 'IND' | null;
  source: string;
  /** false where the fact sheets leave it UNCONFIRMED: the text then says "ask DUO". */
  confirmed: boolean;
  params?: Readonly<Record<string, ValueRef>>;
}

const w = builders<DerivedValues>();
const HEARING_ABOVE: ValueRef = { parameter: 'hearing.fineAbove' };
const OBJECTION_WEEKS: ValueRef = { parameter: 'objection.weeks' };

export const AFTER_TERM_RULES: readonly AfterTermRule[] = [
  {
    id: 'wi2007.municipality',
    regimes: ['wi2007'],
    decidedBy: 'municipality',
    source: 'regime-wi2007',
    confirmed: true,
  },
  {
    id: 'advance-notice.wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'fine-wi2013',
    confirmed: true,
  },
  {
    id: 'respond.wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'fine-wi2013',
    confirmed: true,
    params: { hours: { parameter: 'fine.wi2013.courseStatementHours' } },
  },
  {
    id: 'advance-notice.wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'fine-wi2021',
    confirmed: true,
  },
  {
    id: 'respond.wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'fine-wi2021',
    confirmed: true,
  },
  {
    // Wi2013 with hours and attempts known: the fine table says whether the letter is above the limit.
    id: 'hearing.above',
    regimes: ['wi2013'],
    when: w.derived('fineAboveHearingLimit', [true]),
    decidedBy: 'DUO',
    source: 'extension-hearing-after-term',
    confirmed: true,
    params: { amount: HEARING_ABOVE },
  },
  {
    // Wi2013 while hours or attempts are unknown: only if the letter is above the limit.
    id: 'hearing.if-above',
    regimes: ['wi2013'],
    when: w.not(w.all(w.known('courseHours'), w.known('examAttempts'))),
    decidedBy: 'DUO',
    source: 'extension-hearing-after-term',
    confirmed: true,
    params: { amount: HEARING_ABOVE },
  },
  {
    // Wi2021: DUO sets the amount (at most the maximums), so the hearing comes only if the letter is above.
    id: 'hearing.if-above',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'extension-hearing-after-term',
    confirmed: true,
    params: { amount: HEARING_ABOVE },
  },
  {
    id: 'fine-decision',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'fine-wi2013',
    confirmed: true,
    params: { weeks: OBJECTION_WEEKS },
  },
  {
    id: 'fine-decision',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'fine-wi2021',
    confirmed: true,
    params: { weeks: OBJECTION_WEEKS },
  },
  {
    id: 'new-term.wi2013',
    regimes: ['wi2013'],
    decidedBy: 'DUO',
    source: 'fine-wi2013',
    confirmed: true,
    params: {
      years: { parameter: 'fine.wi2013.newTermYears' },
      date: { figure: 'wi2013NewTermEnd' },
    },
  },
  {
    id: 'new-term.wi2021',
    regimes: ['wi2021'],
    decidedBy: 'DUO',
    source: 'fine-wi2021-new-term',
    confirmed: false,
  },
  {
    id: 'call',
    regimes: ['wi2013', 'wi2021'],
    decidedBy: null,
    source: 'objection',
    confirmed: true,
  },
];
