/**
 * The guided check asks only what the answer needs: the next question is the most useful fact
 * in the assessment's `missing` list that the person has not already said they do not know.
 */
import type { Assessment } from '../assess.ts';
import type { FactName } from '../facts/facts.ts';
import { QUESTION_BY_FACT, type Question } from './questions.ts';

export function nextQuestion(assessment: Assessment, dontKnow: ReadonlySet<FactName>): Question | undefined {
  for (const fact of assessment.missing) {
    if (dontKnow.has(fact)) continue;
    const q = QUESTION_BY_FACT.get(fact);
    if (q) return q;
  }
  return undefined;
}

/** How far along the check is: answered questions out of answered plus still needed. */
export function progress(answered: number, assessment: Assessment, dontKnow: ReadonlySet<FactName>) {
  const remaining = assessment.missing.filter((f) => !dontKnow.has(f) && QUESTION_BY_FACT.has(f)).length;
  return { answered, total: answered + remaining };
}
