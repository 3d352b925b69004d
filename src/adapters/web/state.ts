/**
 * The guided check keeps its state in the URL, never on the server: every answer is a query
 * parameter (`nationality=SY&birthDate=1990-01-01&diplomas=havo,vwo&dk=pipDate`), so reloading or
 * sharing a link restores it. Answers arrive either as that state or from the question's form
 * fields (dates as day/month/year); both are validated with the domain's answer parser.
 */
import type { FactName, Facts } from '#domain/facts/facts.ts';
import { type AnswerProblem, parseAnswer, parseDateParts } from '#domain/questionnaire/parse-answer.ts';
import { QUESTION_BY_FACT, QUESTIONS, type Question } from '#domain/questionnaire/questions.ts';

export type Query = Record<string, string | string[] | undefined>;

export interface CheckState {
  facts: Facts;
  dontKnow: Set<FactName>;
  /** Surprising answers the person confirmed ("yes, that is right"): `ok=birthDate`. */
  confirmed?: Set<FactName>;
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
  const confirmed = new Set<FactName>();
  for (const ok of all(query.ok).flatMap((v) => v.split(',')))
    if (facts[ok as FactName] !== undefined) confirmed.add(ok as FactName);
  return { facts, dontKnow, confirmed };
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
  const ok = QUESTIONS.filter((q) => state.confirmed?.has(q.fact) && state.facts[q.fact] !== undefined);
  if (ok.length) params.set('ok', ok.map((q) => q.fact).join(','));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The hidden inputs that carry a state through a GET form. */
export function stateFields(state: CheckState, except?: FactName): [string, string][] {
  const qs = writeState({
    facts: Object.fromEntries(Object.entries(state.facts).filter(([k]) => k !== except)) as Facts,
    dontKnow: new Set([...state.dontKnow].filter((f) => f !== except)),
    confirmed: new Set([...(state.confirmed ?? [])].filter((f) => f !== except)),
  });
  return [...new URLSearchParams(qs)];
}

/** What was typed, kept in the fields after an error: one text, or the three parts of a date. */
export type Typed = string | { day: string; month: string; year: string };

export type FormAnswer =
  | { kind: 'none' }
  | { kind: 'dont-know' }
  | { kind: 'value'; value: unknown; typed?: Typed }
  | { kind: 'invalid'; problem: AnswerProblem; typed?: Typed };

/**
 * The answer to question `q` from its form fields (`answer` for most types; `answer-day`,
 * `answer-month`, `answer-year` for dates; `answered=1` marks a submitted multi-choice). Digits
 * may be Arabic-Indic, Persian or Latin; a refusal says what is wrong and keeps what was typed.
 */
export function answerFromForm(q: Question, query: Query): FormAnswer {
  if (one(query.dontknow) === '1') return { kind: 'dont-know' };
  if (q.type === 'date') {
    const [day, month, year] = ['answer-day', 'answer-month', 'answer-year'].map(
      (k) => one(query[k]) ?? '',
    ) as [string, string, string];
    const typed = { day, month, year };
    const parsed = parseDateParts(day, month, year);
    if (parsed.ok) return { kind: 'value', value: parsed.value, typed };
    return parsed.problem === 'required'
      ? { kind: 'none' }
      : { kind: 'invalid', problem: parsed.problem, typed };
  }
  let values: string[];
  if (q.type === 'multi-choice') {
    if (one(query.answered) !== '1') return { kind: 'none' };
    values = all(query.answer);
  } else {
    const v = one(query.answer);
    if (v === undefined || v.trim() === '') return { kind: 'none' };
    values = [v];
  }
  const typed = q.type === 'number' ? values[0] : undefined;
  const parsed = parseAnswer(q, values);
  if (parsed.ok) return { kind: 'value', value: parsed.value, ...(typed !== undefined ? { typed } : {}) };
  return { kind: 'invalid', problem: parsed.problem, ...(typed !== undefined ? { typed } : {}) };
}
