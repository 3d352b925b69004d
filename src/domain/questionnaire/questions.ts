/**
 * The questions of the guided check: one per fact, derived from the facts schema (its kind gives
 * the answer type, its values the options, its limits the number range, its `dontKnow` the
 * "I don't know" button). Which question comes next is not written here: it is the first fact the
 * engine reports missing (see next-question.ts). Texts (question, help, option labels) live in the
 * message catalogs under `question.<fact>.*`.
 */
import { FACT_PRIORITY, type FactName, type FactSpec, factSpec } from '../facts/facts.ts';

export type AnswerType = 'country' | 'yes-no' | 'date' | 'choice' | 'multi-choice' | 'number';

export interface Question {
  fact: FactName;
  type: AnswerType;
  options?: readonly string[];
  /** Whole numbers only (for `number`). */
  integer?: boolean;
  min?: number;
  max?: number;
  /** People may not know this: offer "I don't know"; the result then says where to look it up. */
  dontKnow: boolean;
}

const ANSWER_TYPE: Record<FactSpec['kind'], AnswerType> = {
  country: 'country',
  boolean: 'yes-no',
  date: 'date',
  choice: 'choice',
  set: 'multi-choice',
  number: 'number',
};

export function questionFor(fact: FactName): Question {
  const spec = factSpec(fact);
  const q: Question = { fact, type: ANSWER_TYPE[spec.kind], dontKnow: spec.dontKnow };
  if (spec.kind === 'choice' || spec.kind === 'set') q.options = spec.values;
  if (spec.kind === 'number') {
    q.min = spec.min;
    q.max = spec.max;
    if (spec.integer) q.integer = true;
  }
  return q;
}

/** In asking order (FACT_PRIORITY), which is also the order of the answers in the check's URL. */
export const QUESTIONS: readonly Question[] = FACT_PRIORITY.map(questionFor);

export const QUESTION_BY_FACT: ReadonlyMap<FactName, Question> = new Map(QUESTIONS.map((q) => [q.fact, q]));
