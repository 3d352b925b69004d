/**
 * Problems with what a person answered, in their language: an answer the parser refused (a
 * two-digit year, day and month swapped…), answers that cannot all be true, and the "is that
 * right?" question for a surprising answer. Shared by the web check and the CLI.
 */
import { date } from '#domain/dates/plain-date.ts';
import type { Inconsistency, Surprise } from '#domain/facts/consistency.ts';
import type { AnswerProblem } from '#domain/questionnaire/parse-answer.ts';
import type { Question } from '#domain/questionnaire/questions.ts';
import type { Translator } from './translate.ts';

export function answerProblemText(t: Translator, q: Question, problem: AnswerProblem): string {
  switch (problem) {
    case 'invalid':
      return t.t(q.type === 'date' ? 'ui.error.date' : 'ui.error.invalid');
    case 'not-a-number':
      return t.t('ui.error.number');
    case 'number-out-of-range':
      return t.t('ui.error.number-out-of-range', { min: t.number(q.min ?? 0), max: t.number(q.max ?? 0) });
    default:
      return t.t(`ui.error.${problem}`);
  }
}

const isIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The message's values: dates in the reader's language, fact names as words. */
function params(t: Translator, p: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) {
    if (isIsoDate(v)) out[k] = t.date(date(v));
    else if ((k === 'earlier' || k === 'later') && typeof v === 'string') out[k] = t.t(`fact.${v}.label`);
    else out[k] = v;
  }
  return out;
}

/**
 * `helper`: the case desk, where a volunteer enters someone else's facts: a text that speaks of "the
 * person" where the desk has one (`desk.consistency.*`), not "fill in your own date of birth".
 */
export function inconsistencyText(
  t: Translator,
  i: Inconsistency,
  reader: 'person' | 'helper' = 'person',
): string {
  const key =
    reader === 'helper' && t.has(`desk.consistency.${i.rule}`)
      ? `desk.consistency.${i.rule}`
      : `consistency.${i.rule}`;
  return t.t(key, params(t, i.params));
}

export function surpriseText(t: Translator, s: Surprise): string {
  return t.t(`confirm.${s.rule}`, params(t, s.params));
}
