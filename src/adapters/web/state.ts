/**
 * The guided check keeps its state in the URL, never on the server: every answer is a query
 * parameter (`nationality=SY&birthDate=1990-01-01&diplomas=havo,vwo&dk=pipDate`), so reloading or
 * sharing a link restores it. Answers arrive either as that state or from the question's form
 * fields (dates as day/month/year); both are validated with the domain's answer parser.
 */
import type { FactName, Facts } from '#domain/facts/facts.ts';
import { parseAnswer } from '#domain/questionnaire/parse-answer.ts';
import { QUESTION_BY_FACT, QUESTIONS, type Question } from '#domain/questionnaire/questions.ts';

export type Query = Record<string, string | string[] | undefined>;

export interface CheckState {
  facts: Facts;
  dontKnow: Set<FactName>;
}

const all = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
const one = (v: string | string[] | undefined): string | undefined => all(v).at(-1);

/** Reads the state from a query string; invalid values are dropped (and reported by `answerFromForm`). */
export function readState(query: Query): CheckState {
  const facts: Facts = {};
  const dontKnow = new Set<FactName>();
  for (const dk of all(query.dk).flatMap((v) => v.split(','))) {
    const q = QUESTION_BY_FACT.get(dk as FactName);
    if (q?.dontKnow) dontKnow.add(q.fact);
  }
  for (const q of QUESTIONS) {
    const raw = one(query[q.fact]);
    if (raw === undefined) continue;
    const values = q.type === 'multi-choice' ? raw.split(',').filter(Boolean) : [raw];
    const parsed = parseAnswer(q, values);
    if (parsed.ok) {
      (facts as Record<string, unknown>)[q.fact] = parsed.value;
      dontKnow.delete(q.fact);
    }
  }
  return { facts, dontKnow };
}

/** The query string for a state (stable order, so equal states give equal URLs). */
export function writeState(state: CheckState, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const q of QUESTIONS) {
    const v = state.facts[q.fact];
    if (v === undefined) continue;
    params.set(q.fact, Array.isArray(v) ? v.join(',') : String(v));
  }
  const dk = QUESTIONS.filter((q) => state.dontKnow.has(q.fact)).map((q) => q.fact);
  if (dk.length) params.set('dk', dk.join(','));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The hidden inputs that carry a state through a GET form. */
export function stateFields(state: CheckState, except?: FactName): [string, string][] {
  const qs = writeState({
    facts: Object.fromEntries(Object.entries(state.facts).filter(([k]) => k !== except)) as Facts,
    dontKnow: new Set([...state.dontKnow].filter((f) => f !== except)),
  });
  return [...new URLSearchParams(qs)];
}

export type FormAnswer =
  | { kind: 'none' }
  | { kind: 'dont-know' }
  | { kind: 'value'; value: unknown }
  | { kind: 'invalid' };

/**
 * The answer to question `q` from its form fields (`answer` for most types; `answer-day`,
 * `answer-month`, `answer-year` for dates; `answered=1` marks a submitted multi-choice).
 */
export function answerFromForm(q: Question, query: Query): FormAnswer {
  if (one(query.dontknow) === '1') return { kind: 'dont-know' };
  let values: string[];
  if (q.type === 'date') {
    const [d, m, y] = ['answer-day', 'answer-month', 'answer-year'].map((k) => (one(query[k]) ?? '').trim());
    if (!d && !m && !y) return { kind: 'none' };
    values = [`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`];
  } else if (q.type === 'multi-choice') {
    if (one(query.answered) !== '1') return { kind: 'none' };
    values = all(query.answer);
  } else {
    const v = one(query.answer);
    if (v === undefined || v.trim() === '') return { kind: 'none' };
    values = [v];
  }
  const parsed = parseAnswer(q, values);
  return parsed.ok ? { kind: 'value', value: parsed.value } : { kind: 'invalid' };
}
