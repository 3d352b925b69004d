/**
 * What a helper should do next for one person, and by when: the dashboard sorts on it. Derived
 * from the engine's answer for today, never stored, so it is always as current as the rules.
 */
import type { Assessment } from '../assess.ts';
import { compare, type PlainDate, plus } from '../dates/plain-date.ts';
import type { AnswerSummary } from './model.ts';

export type NextActionKind =
  /** Facts are missing for a definite answer: ask the person. */
  | 'complete-facts'
  /** The term has passed: a fine letter may come; help with the hearing and the next steps. */
  | 'term-passed'
  /** More time or an exemption can be asked for now, before the term ends: write the letter. */
  | 'send-letter'
  /** The term ends within six months. */
  | 'term-ending'
  /** Nothing to do until the apply-from date. */
  | 'apply-from'
  /** The term runs; nothing due soon. */
  | 'follow-up';

export interface NextAction {
  kind: NextActionKind;
  due: PlainDate;
}

const SOON_MONTHS = 6;

export function nextAction(a: Assessment, today: PlainDate): NextAction | null {
  if (a.obligation === 'unknown') return { kind: 'complete-facts', due: today };
  if (a.obligation !== 'obliged' || !a.termEnd) return null;
  if (a.termPassed) return { kind: 'term-passed', due: a.termEnd };
  const letters = a.options.some((o) => o.canApplyNow && o.timing !== 'automatic');
  if (letters) return { kind: 'send-letter', due: a.termEnd };
  if (compare(a.termEnd, plus(today, { months: SOON_MONTHS })) <= 0)
    return { kind: 'term-ending', due: a.termEnd };
  if (a.applyFrom && compare(a.applyFrom, today) > 0) return { kind: 'apply-from', due: a.applyFrom };
  return { kind: 'follow-up', due: a.termEnd };
}

export function summarise(a: Assessment): AnswerSummary {
  return {
    regime: a.regime,
    obligation: a.obligation,
    termEnd: a.termEnd?.toString() ?? null,
    applyFrom: a.applyFrom?.toString() ?? null,
    options: a.options.map((o) => o.id).sort(),
  };
}

/** The fields of two summaries that differ (for "changed since you last looked" and rule impact). */
export function summaryChanges(before: AnswerSummary, after: AnswerSummary): (keyof AnswerSummary)[] {
  return (Object.keys(after) as (keyof AnswerSummary)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}
