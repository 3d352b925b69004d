import { assess } from '../assess.ts';
import type { PlainDate } from '../dates/plain-date.ts';
import type { FactName, Facts } from '../facts/facts.ts';
import type { RuleBook } from '../rulebook.ts';
import { nextQuestion } from './next-question.ts';

/** What the check knows so far: the answers given and the questions answered "I don't know". */
export interface AnsweredState {
  facts: Facts;
  dontKnow: ReadonlySet<FactName>;
}

/** The facts in the order the check asked them (replaying the engine), for "back" and the summary. */
export function askedOrder(state: AnsweredState, asOf: PlainDate, book: RuleBook): FactName[] {
  const facts: Facts = {};
  const dk = new Set<FactName>();
  const order: FactName[] = [];
  for (;;) {
    const q = nextQuestion(assess(facts, asOf, book), dk);
    if (!q) break;
    if (state.dontKnow.has(q.fact)) dk.add(q.fact);
    else if (state.facts[q.fact] !== undefined)
      (facts as Record<string, unknown>)[q.fact] = state.facts[q.fact];
    else break;
    order.push(q.fact);
  }
  // Answers given earlier that are no longer asked (after a change) still show, at the end.
  for (const f of Object.keys(state.facts) as FactName[]) if (!order.includes(f)) order.push(f);
  return order;
}
