/**
 * The questions of the guided check: one per fact, with its answer type. Which question comes
 * next is not written here: it is the first fact the engine reports missing (see next-question.ts).
 * Texts (question, help, option labels) live in the message catalogs under `question.<fact>.*`.
 */
import { CIRCUMSTANCES, DIPLOMAS, type FactName, PERMIT_PURPOSES, ROUTES } from '../facts/facts.ts';

export type AnswerType = 'country' | 'yes-no' | 'date' | 'choice' | 'multi-choice' | 'number';

export interface Question {
  fact: FactName;
  type: AnswerType;
  options?: readonly string[];
  /** Whole numbers only (for `number`). */
  integer?: boolean;
  max?: number;
  /** People may not know this: offer "I don't know"; the result then says where to look it up. */
  dontKnow: boolean;
}

export const QUESTIONS: readonly Question[] = [
  { fact: 'nationality', type: 'country', dontKnow: false },
  { fact: 'permitPurpose', type: 'choice', options: PERMIT_PURPOSES, dontKnow: true },
  { fact: 'familyOfEeaCitizen', type: 'yes-no', dontKnow: true },
  { fact: 'birthDate', type: 'date', dontKnow: false },
  { fact: 'permitDate', type: 'date', dontKnow: true },
  { fact: 'obligationStartDate', type: 'date', dontKnow: true },
  { fact: 'hasIntegrationDiploma', type: 'yes-no', dontKnow: false },
  { fact: 'diplomas', type: 'multi-choice', options: DIPLOMAS, dontKnow: false },
  { fact: 'schoolYearsInNL', type: 'number', max: 20, dontKnow: true },
  { fact: 'pipDate', type: 'date', dontKnow: true },
  { fact: 'termEndDate', type: 'date', dontKnow: true },
  { fact: 'route', type: 'choice', options: ROUTES, dontKnow: true },
  { fact: 'medicalLimitation', type: 'yes-no', dontKnow: true },
  { fact: 'circumstances', type: 'multi-choice', options: CIRCUMSTANCES, dontKnow: false },
  { fact: 'courseHours', type: 'number', max: 20000, dontKnow: true },
  { fact: 'examAttempts', type: 'number', integer: true, max: 100, dontKnow: true },
  { fact: 'yearsInNL', type: 'number', max: 100, dontKnow: true },
  { fact: 'yearsWorkedInNL', type: 'number', max: 80, dontKnow: true },
];

export const QUESTION_BY_FACT: ReadonlyMap<FactName, Question> = new Map(QUESTIONS.map((q) => [q.fact, q]));
