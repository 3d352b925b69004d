/**
 * What a helper should do next for one person, and by when: the dashboard sorts on it. Derived
 * from the engine's answer for today, never stored, so it is always as current as the rules.
 */
import type { Assessment } from '../assess.ts';
import { compare, type PlainDate, plus, Temporal } from '../dates/plain-date.ts';
import type { AnswerSummary } from './model.ts';

export type NextActionKind =
  /** Facts are missing for a definite answer: ask the person. */
  | 'complete-facts'
  /** The rules leave the answer open whatever the person answers (an AOW date not yet fixed, a
   * British national who came after 2020): only DUO can say, so ask DUO rather than the person. */
  | 'ask-duo'
  /** The term has passed: a fine letter may come; help with the hearing and the next steps. */
  | 'term-passed'
  /** More time or an exemption can be asked for now, before the term ends: write the letter. */
  | 'send-letter'
  /** The term ends within six months. */
  | 'term-ending'
  /** Nothing to do until the apply-from date. */
  | 'apply-from'
  /** The term runs; nothing due soon. */
  | 'follow-up'
  /** Not obliged yet (a minor at school, a permit not yet granted): the obligation starts on this day. */
  | 'obligation-starts';

export interface NextAction {
  kind: NextActionKind;
  due: PlainDate;
}

const SOON_MONTHS = 6;
/** The facts the end of the term is computed from (assess.ts, termMissing). */
const TERM_FACTS = ['pipDate', 'termEndDate', 'obligationStartDate'];

/** Today and six months on, as ISO text: ISO dates compare as strings, so a team of thousands is cheap. */
export interface Horizon {
  today: PlainDate;
  todayIso: string;
  soonIso: string;
}

export function horizonOf(today: PlainDate): Horizon {
  return { today, todayIso: today.toString(), soonIso: plus(today, { months: SOON_MONTHS }).toString() };
}

const day = (iso: string): PlainDate => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Temporal.PlainDate(y, m, d);
};

/**
 * From the stored summary and today, without re-running the engine: dates move the action along
 * (the apply-from day, six months before the end, the end) even when nobody edits the person.
 */
export function nextActionOf(s: AnswerSummary, at: Horizon | PlainDate): NextAction | null {
  const h = 'todayIso' in at ? at : horizonOf(at);
  if (s.obligation === 'unknown')
    return { kind: s.obligationOpen ? 'ask-duo' : 'complete-facts', due: h.today };
  if (s.obligation !== 'obliged')
    return s.obligationStartsOn ? { kind: 'obligation-starts', due: day(s.obligationStartsOn) } : null;
  // Obliged, but the end of the term waits for a date (the PIP date, DUO's letter): it may already
  // have passed, so finding that date is the first thing to do, not nothing.
  if (!s.termEnd)
    return TERM_FACTS.some((f) => s.missing.includes(f)) ? { kind: 'complete-facts', due: h.today } : null;
  if (s.termEnd < h.todayIso) return { kind: 'term-passed', due: day(s.termEnd) };
  if (s.letterFrom && s.letterFrom <= h.todayIso) return { kind: 'send-letter', due: day(s.termEnd) };
  if (s.termEnd <= h.soonIso) return { kind: 'term-ending', due: day(s.termEnd) };
  if (s.applyFrom && s.applyFrom > h.todayIso) return { kind: 'apply-from', due: day(s.applyFrom) };
  return { kind: 'follow-up', due: day(s.termEnd) };
}

/** The same, from a fresh answer of the engine. */
export function nextAction(a: Assessment, today: PlainDate): NextAction | null {
  return nextActionOf(summarise(a), today);
}

export function summarise(a: Assessment): AnswerSummary {
  let letterFrom: PlainDate | null = null;
  for (const o of a.options) {
    if (o.timing === 'automatic' || o.timing === 'ask-duo') continue;
    // A fixed day, never today: a summary must not change just because a day passed (it would read
    // as "changed since you last looked" every day, and the impact run would move everyone).
    const since = a.termStart ?? a.obligationStart;
    const from = o.canApplyNow
      ? (o.availableFrom ?? (since && compare(since, a.asOf) <= 0 ? since : a.asOf))
      : o.availableFrom;
    if (from && (!letterFrom || compare(from, letterFrom) < 0)) letterFrom = from;
  }
  return {
    regime: a.regime,
    obligation: a.obligation,
    termEnd: a.termEnd?.toString() ?? null,
    applyFrom: a.applyFrom?.toString() ?? null,
    options: a.options.map((o) => o.id).sort(),
    letterFrom: letterFrom?.toString() ?? null,
    missing: [...a.missing],
    // A start still ahead for someone not obliged yet (a minor turns 18): the day to look again.
    ...(a.obligation !== 'obliged' &&
    a.obligation !== 'unknown' &&
    a.obligationStart &&
    compare(a.obligationStart, a.asOf) > 0
      ? { obligationStartsOn: a.obligationStart.toString() }
      : {}),
    // Only when true: summaries stored before this field existed compare equal to new ones.
    ...(a.obligation === 'unknown' && a.obligationMissing.length === 0
      ? { obligationOpen: true as const }
      : {}),
  };
}

/** The fields of two summaries that differ (for "changed since you last looked" and rule impact). */
export function summaryChanges(before: AnswerSummary, after: AnswerSummary): (keyof AnswerSummary)[] {
  const keys = new Set([...Object.keys(after), ...Object.keys(before)] as (keyof AnswerSummary)[]);
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}
