/**
 * Turns an untrusted request (`{ asOf, facts }` as in spec/assess-api.md) into typed facts, or
 * into a list of problems that each name the field. Shared by the HTTP API and the CLI. Every
 * per-field rule is read from the facts schema (FACT_SCHEMA); the facts that cannot be true
 * together are found by checkConsistency and named field by field as `inconsistent`.
 * Messages here are for integrators (developers), in English; people see the catalogs' texts.
 */
import { isBefore, type PlainDate, parseIsoDate, plus, withDateScope } from '../dates/plain-date.ts';
import { checkConsistency, type Inconsistency } from './consistency.ts';
import { ISO_COUNTRIES } from './countries.ts';
import {
  EARLIEST_DATE,
  FACT_NAMES,
  FACT_SCHEMA,
  type FactSpec,
  type Facts,
  isFactName,
  LATEST_DATE,
} from './facts.ts';

export interface FieldProblem {
  field: string;
  problem:
    | 'unknown-field'
    | 'wrong-type'
    | 'not-a-date'
    | 'date-out-of-range'
    | 'unknown-value'
    | 'out-of-range'
    | 'duplicate-value'
    | 'inconsistent';
  message: string;
  /** For `inconsistent`: the consistency rule, the same for every field it names. */
  rule?: string;
  /** For `inconsistent`: every field involved. */
  with?: string[];
}

export type ParseResult =
  | { ok: true; asOf: PlainDate; facts: Facts }
  | {
      ok: false;
      problems: FieldProblem[];
      /** The facts that cannot be true together, with their values: a face that speaks to people says why from these. */
      inconsistencies: Inconsistency[];
    };

const EARLIEST = parseIsoDate(EARLIEST_DATE)!;

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** What was sent, for an error message: a short quote of a string, otherwise only its type (never a deep copy). */
const shown = (v: unknown) =>
  typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : typeName(v);

type CheckedValue = { ok: true; value: unknown } | { ok: false; problems: Omit<FieldProblem, 'field'>[] };
const bad = (problem: FieldProblem['problem'], message: string): CheckedValue => ({
  ok: false,
  problems: [{ problem, message }],
});

/** One fact's JSON value against its spec. Date ranges live in the schema (dateInRange). */
export function checkFactValue(spec: FactSpec, v: unknown): CheckedValue {
  switch (spec.kind) {
    case 'country': {
      if (typeof v !== 'string') return bad('wrong-type', `must be a string, not ${typeName(v)}`);
      if (v.toLowerCase() === 'stateless') return { ok: true, value: 'stateless' };
      if (ISO_COUNTRIES.has(v.toUpperCase())) return { ok: true, value: v.toUpperCase() };
      return bad('unknown-value', `${shown(v)} is not an ISO 3166-1 alpha-2 country code or "stateless"`);
    }
    case 'boolean':
      return typeof v === 'boolean'
        ? { ok: true, value: v }
        : bad('wrong-type', `must be true or false, not ${typeName(v)}`);
    case 'date': {
      const parsed = typeof v === 'string' ? parseIsoDate(v) : undefined;
      if (!parsed)
        return bad('not-a-date', `must be a calendar date YYYY-MM-DD that exists, not ${shown(v)}`);
      if (!dateInRange(parsed)) return bad('date-out-of-range', `must be between ${DATE_RANGE}`);
      return { ok: true, value: parsed };
    }
    case 'choice':
      return (spec.values as readonly unknown[]).includes(v)
        ? { ok: true, value: v }
        : bad('unknown-value', `must be one of ${spec.values.join(', ')}`);
    case 'set': {
      if (!Array.isArray(v)) return bad('wrong-type', `must be an array, not ${typeName(v)}`);
      const problems: (Omit<FieldProblem, 'field'> & { index: number })[] = [];
      const seen = new Set<unknown>();
      v.forEach((item, index) => {
        if (!(spec.values as readonly unknown[]).includes(item))
          problems.push({
            index,
            problem: 'unknown-value',
            message: `must be one of ${spec.values.join(', ')}`,
          });
        else if (seen.has(item))
          problems.push({ index, problem: 'duplicate-value', message: `"${item}" is listed twice` });
        else seen.add(item);
      });
      return problems.length ? { ok: false, problems } : { ok: true, value: v };
    }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v))
        return bad('wrong-type', `must be a number, not ${typeName(v)}`);
      if (v < spec.min || v > spec.max)
        return bad('out-of-range', `must be between ${spec.min} and ${spec.max}`);
      if (spec.integer && !Number.isInteger(v)) return bad('wrong-type', 'must be a whole number');
      return { ok: true, value: v };
  }
}

const LATEST = parseIsoDate(LATEST_DATE)!;
const DATE_RANGE = `${EARLIEST_DATE} and ${LATEST_DATE}`;
/** Every date fact lies between EARLIEST_DATE and LATEST_DATE. */
export const dateInRange = (d: PlainDate) => !isBefore(d, EARLIEST) && !isBefore(LATEST, d);

/** The API's problems for the inconsistencies found: one per field involved, each naming all of them. */
export function inconsistencyProblems(found: readonly Inconsistency[]): FieldProblem[] {
  return found.flatMap((i) =>
    i.fields.map((f) => ({
      field: `facts.${f}`,
      problem: 'inconsistent' as const,
      rule: i.rule,
      with: i.fields.map((g) => `facts.${g}`),
      message: inconsistencyMessage(i),
    })),
  );
}

function inconsistencyMessage(i: Inconsistency): string {
  const p = i.params;
  switch (i.rule) {
    case 'birth-in-future':
      return `the birth date ${p.birthDate} is after the reference date ${p.asOf}`;
    case 'older-than-anyone':
      return `the birth date ${p.birthDate} makes the person ${p.age} on the reference date; nobody has been older than ${p.max}`;
    case 'order':
      return `${p.later} (${p.laterDate}) cannot be before ${p.earlier} (${p.earlierDate})`;
    case 'pip-before-wi2021':
      return `a PIP exists only under the Wet inburgering 2021, from ${p.from}; ${p.pipDate} is earlier`;
    case 'school-years-over-age':
      return `${p.years} years of compulsory school age in the Netherlands is more than the ${p.max} years since the 5th birthday`;
    case 'years-in-nl-over-age':
      return `${p.years} years in the Netherlands is more than the age (${p.max})`;
    case 'years-worked-over-age':
      return `${p.years} years of work is more than the ${p.max} years since the 12th birthday`;
    case 'asylum-seeker-with-permit':
      return `an asylum seeker has no permit yet, but the permit was granted on ${p.permitDate}`;
    case 'letter-without-obligation':
      return 'a DUO start or end date or a PIP exists only for people who have to integrate, which this permit purpose never leads to';
  }
}

/** The 400 body of the API and the CLI's error: `inconsistent` when every problem is an inconsistency. */
export function requestError(problems: readonly FieldProblem[]) {
  const fields = [...new Set(problems.map((p) => p.field))];
  const inconsistent = problems.every((p) => p.problem === 'inconsistent');
  return {
    error: inconsistent ? 'inconsistent' : 'invalid-request',
    message: inconsistent
      ? `These facts cannot all be true: ${fields.join(', ')}.`
      : `The request has ${problems.length} problem(s): ${fields.join(', ')}.`,
    fields: problems,
  };
}

/** `today` is the default reference date, supplied by the caller (the domain has no clock). */
export function parseAssessRequest(body: unknown, today: PlainDate): ParseResult {
  return withDateScope(() => parseOnce(body, today));
}

function parseOnce(body: unknown, today: PlainDate): ParseResult {
  const problems: FieldProblem[] = [];
  const problem = (field: string, kind: FieldProblem['problem'], message: string) =>
    problems.push({ field, problem: kind, message });

  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    problem(
      'body',
      'wrong-type',
      `the body must be a JSON object like {"asOf": "2026-11-28", "facts": {}}, not ${typeName(body)}`,
    );
    return { ok: false, problems, inconsistencies: [] };
  }
  const request = body as Record<string, unknown>;
  for (const key of Object.keys(request)) {
    if (key !== 'asOf' && key !== 'facts')
      problem(key, 'unknown-field', `unknown field "${key}"; allowed: asOf, facts`);
  }

  let asOf = today;
  if (request.asOf !== undefined) {
    const parsed = typeof request.asOf === 'string' ? parseIsoDate(request.asOf) : undefined;
    if (!parsed) problem('asOf', 'not-a-date', 'must be a calendar date YYYY-MM-DD that exists');
    else if (
      isBefore(parsed, EARLIEST) ||
      isBefore(plus(today, { years: 50 }), parsed) ||
      !dateInRange(parsed)
    ) {
      problem('asOf', 'date-out-of-range', `must be between ${EARLIEST_DATE} and 50 years from today`);
    } else asOf = parsed;
  }

  const raw = request.facts ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problem('facts', 'wrong-type', `must be an object, not ${typeName(raw)}`);
    return { ok: false, problems, inconsistencies: [] };
  }
  const input = raw as Record<string, unknown>;
  const facts: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!isFactName(key)) problem(`facts.${key}`, 'unknown-field', `unknown fact "${key}"`);
  }
  for (const name of FACT_NAMES) {
    const v = input[name];
    // An explicit null means "not known", like an absent fact.
    if (v === undefined || v === null) continue;
    const checked = checkFactValue(FACT_SCHEMA[name], v);
    if (checked.ok) facts[name] = checked.value;
    else
      for (const p of checked.problems) {
        const index = (p as { index?: number }).index;
        problems.push({
          field: index === undefined ? `facts.${name}` : `facts.${name}[${index}]`,
          problem: p.problem,
          message: p.message,
        });
      }
  }
  const inconsistencies = checkConsistency(facts as Facts, asOf);
  problems.push(...inconsistencyProblems(inconsistencies));

  return problems.length
    ? { ok: false, problems, inconsistencies }
    : { ok: true, asOf, facts: facts as Facts };
}
