/**
 * "What would change the answer": re-assesses the person with one plausible fact changed and
 * reports the changes that move the obligation or open a new option (e.g. "a Dutch mbo-2 diploma
 * would exempt you"). Kept out of `assess` so the decision itself stays cheap.
 */
import { type Assessment, assess } from './assess.ts';
import { type PlainDate, withDateScope } from './dates/plain-date.ts';
import type { Facts } from './facts/facts.ts';
import { type RuleBook, valueOn } from './rulebook.ts';
import type { Obligation } from './rules/obligation.ts';
import type { OptionId } from './rules/options.ts';

export interface Change {
  /** Numbers for the message (hours, attempts), from the rule book. */
  params: Record<string, number>;
  /** Message key suffix: what the person would need. */
  id:
    | 'dutch-diploma'
    | 'integration-diploma'
    | 'medical-limitation'
    | 'course-hours-and-attempts'
    | 'b1-route-hours';
  obligation: Obligation;
  newOptions: OptionId[];
}

export function whatWouldChange(
  facts: Facts,
  asOf: PlainDate,
  book: RuleBook,
  current: Assessment,
): Change[] {
  if (current.obligation !== 'obliged') return [];
  // The assessments below share the dates they make (the same term, the same deadlines).
  return withDateScope(() => changesFor(facts, asOf, book, current));
}

function changesFor(facts: Facts, asOf: PlainDate, book: RuleBook, current: Assessment): Change[] {
  const hours = valueOn(book, 'ontheffingEfforts.hours', asOf);
  const attempts = valueOn(book, 'ontheffingEfforts.attempts', asOf);
  const afschalenHours = valueOn(book, 'afschalen.hours', asOf);
  const candidates: { id: Change['id']; patch: Partial<Facts>; params?: Record<string, number> }[] = [
    { id: 'dutch-diploma', patch: { diplomas: [...(facts.diplomas ?? []), 'mbo-2-plus'] } },
    { id: 'integration-diploma', patch: { hasIntegrationDiploma: true } },
  ];
  if (facts.medicalLimitation !== true)
    candidates.push({ id: 'medical-limitation', patch: { medicalLimitation: true } });
  if (current.regime === 'wi2013') {
    candidates.push({
      id: 'course-hours-and-attempts',
      patch: {
        courseHours: Math.max(hours, facts.courseHours ?? 0),
        examAttempts: Math.max(attempts, facts.examAttempts ?? 0),
      },
      params: { hours, attempts },
    });
  }
  if (current.regime === 'wi2021' && facts.route !== 'z') {
    candidates.push({
      id: 'b1-route-hours',
      patch: { route: 'b1', courseHours: Math.max(afschalenHours, facts.courseHours ?? 0) },
      params: { hours: afschalenHours },
    });
  }
  const have = new Set(current.options.map((o) => o.id));
  const changes: Change[] = [];
  for (const c of candidates) {
    const next = assess({ ...facts, ...c.patch }, asOf, book);
    const newOptions = next.options.map((o) => o.id).filter((id) => !have.has(id));
    if (next.obligation !== current.obligation || newOptions.length) {
      changes.push({ id: c.id, obligation: next.obligation, newOptions, params: c.params ?? {} });
    }
  }
  return changes;
}
