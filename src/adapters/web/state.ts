/**
 * The guided check keeps its state in the URL, never on the server: every answer is a query
 * parameter (`v=1&nationality=SY&birthDate=1990-01-01&diplomas=havo,vwo&dk=pipDate`), so reloading
 * or sharing a link restores it. Answers arrive either as that state or from the question's form
 * fields (dates as day/month/year); both are validated with the domain's answer parser.
 *
 * `v` is the state format. Links made before it existed have no `v` (format 0) and are read as
 * format 1, which has the same fields: old links keep their meaning. A later format adds a step in
 * `UPGRADES`. What a link holds that cannot be read (an unknown parameter, a value the parser
 * refuses, an unknown format) is never dropped silently: it is listed in `ignored`, and the page
 * says so (docs/rules-version.md).
 */
import type { FactName, Facts } from '#domain/facts/facts.ts';
import { type AnswerProblem, parseAnswer, parseDateParts } from '#domain/questionnaire/parse-answer.ts';
import { QUESTION_BY_FACT, QUESTIONS, type Question } from '#domain/questionnaire/questions.ts';
import type { Translator } from '#i18n/translate.ts';

export type Query = Record<string, string | string[] | undefined>;

/** Something a link held that the check could not use: reported to the person, never dropped silently. */
export type Ignored =
  /** A parameter the check does not know (a typo, or a link from another version). */
  | { kind: 'parameter'; key: string }
  /** An answer the parser refuses (the question stays open). */
  | { kind: 'value'; fact: FactName }
  /** An "I don't know" for something that is not a question with that choice. */
  | { kind: 'dont-know'; key: string }
  /** A state format this version does not know; the link is read as the current format. */
  | { kind: 'version'; key: string };

export interface CheckState {
  facts: Facts;
  dontKnow: Set<FactName>;
  /** Surprising answers the person confirmed ("yes, that is right"): `ok=birthDate`. */
  confirmed?: Set<FactName>;
  /** What the link held that could not be read (empty for a clean link). */
  ignored?: Ignored[];
}

/** The state format this version writes. */
export const STATE_VERSION = 1;

/**
 * Per older format, how a query of that format becomes one of the next format. Format 0 (links
 * without `v`, before 2026-12) has exactly the fields of format 1.
 */
const UPGRADES: Readonly<Record<number, (query: Query) => Query>> = {
  0: (query) => query,
};

/**
 * Parameters of the check's own forms and links, not answers: `v` (format), `dk` (I don't know),
 * `q`/`answer*`/`answered`/`dontknow` (a submitted question), `edit` (change an answer), `ok`
 * (surprising answers the person confirmed),
 * `ignored` (what an earlier step could not read, carried over a redirect). A new control
 * parameter must be added here, or pages report it as not understood.
 */
export const CONTROL_KEYS: ReadonlySet<string> = new Set([
  'v',
  'dk',
  'q',
  'edit',
  'dontknow',
  'answer',
  'answer-day',
  'answer-month',
  'answer-year',
  'answered',
  'ok',
  'ignored',
]);

const all = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
const one = (v: string | string[] | undefined): string | undefined => all(v).at(-1);

/** At most this many ignored items are named, each at most this long (a link is untrusted input). */
const MAX_IGNORED = 10;
const MAX_KEY = 40;
const shortKey = (key: string) => (key.length > MAX_KEY ? `${key.slice(0, MAX_KEY)}…` : key);

/** Reads the state from a query string, upgrading older formats; what cannot be read is listed in `ignored`. */
export function readState(input: Query): CheckState {
  const ignored: Ignored[] = [];
  const rawVersion = one(input.v);
  let version = rawVersion === undefined ? 0 : /^\d{1,3}$/.test(rawVersion) ? Number(rawVersion) : Number.NaN;
  if (!(version <= STATE_VERSION)) {
    ignored.push({ kind: 'version', key: shortKey(`v=${rawVersion}`) });
    version = STATE_VERSION;
  }
  let query = input;
  for (let v = version; v < STATE_VERSION; v++) query = UPGRADES[v]!(query);

  const facts: Facts = {};
  const dontKnow = new Set<FactName>();
  for (const dk of all(query.dk).flatMap((v) => v.split(','))) {
    const q = QUESTION_BY_FACT.get(dk as FactName);
    if (q?.dontKnow) dontKnow.add(q.fact);
    else if (dk) ignored.push({ kind: 'dont-know', key: shortKey(dk) });
  }
  for (const q of QUESTIONS) {
    const raw = one(query[q.fact]);
    if (raw === undefined) continue;
    const values = q.type === 'multi-choice' ? raw.split(',').filter(Boolean) : [raw];
    const parsed = parseAnswer(q, values);
    if (parsed.ok) {
      (facts as Record<string, unknown>)[q.fact] = parsed.value;
      dontKnow.delete(q.fact);
    } else ignored.push({ kind: 'value', fact: q.fact });
  }
  for (const key of Object.keys(query))
    if (!CONTROL_KEYS.has(key) && !QUESTION_BY_FACT.has(key as FactName))
      ignored.push({ kind: 'parameter', key: shortKey(key) });
  // Carried over a redirect by `ignoredParam`.
  for (const key of all(query.ignored).flatMap((v) => v.split(',')))
    if (key) ignored.push({ kind: 'parameter', key: shortKey(key) });
  const confirmed = new Set<FactName>();
  for (const ok of all(query.ok).flatMap((v) => v.split(',')))
    if (facts[ok as FactName] !== undefined) confirmed.add(ok as FactName);
  return { facts, dontKnow, confirmed, ignored: dedupe(ignored).slice(0, MAX_IGNORED) };
}

function dedupe(list: Ignored[]): Ignored[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const id = i.kind === 'value' ? i.fact : i.key;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The names of what was ignored, for the note on the page (facts by name, the rest as typed). */
export function ignoredNames(state: CheckState): string[] {
  return (state.ignored ?? []).map((i) => (i.kind === 'value' ? i.fact : i.key));
}

/** The note for the page when a link held something that could not be read (undefined for a clean link). */
export function ignoredNotice(t: Translator, state: CheckState): string | undefined {
  const names = ignoredNames(state);
  if (!names.length) return undefined;
  const items = names.map((n) => {
    const q = QUESTION_BY_FACT.get(n as FactName);
    return q ? `“${t.t(`question.${q.fact}.title`)}”` : `“${n}”`;
  });
  return t.t('ui.state.ignored', { items: t.list(items) });
}

/** The page context with the note about what the link held that could not be read, if anything. */
export function withNotice<C extends { t: Translator; notice?: string }>(ctx: C, state: CheckState): C {
  const notice = ignoredNotice(ctx.t, state);
  return notice ? { ...ctx, notice } : ctx;
}

/** Carries what was ignored over a redirect to a clean URL, so the next page can still say it. */
export function ignoredParam(state: CheckState): Record<string, string> {
  const names = ignoredNames(state);
  return names.length ? { ignored: names.join(',') } : {};
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
  // An empty state needs no format; any other carries it, first.
  return s ? `?v=${STATE_VERSION}&${s}` : '';
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
