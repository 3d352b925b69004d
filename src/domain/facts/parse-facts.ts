/**
 * Turns an untrusted request (`{ asOf, facts }` as in shared/spec/assess-api.md) into typed facts,
 * or into a list of problems that each name the field. Shared by the HTTP API and the CLI.
 * Messages here are for integrators (developers), in English; people see the catalogs' texts.
 */
import { isBefore, type PlainDate, parseIsoDate, plus } from '../dates/plain-date.ts';
import { ISO_COUNTRIES } from './countries.ts';
import {
  CIRCUMSTANCES,
  type Circumstance,
  DIPLOMAS,
  type Diploma,
  type Facts,
  PERMIT_PURPOSES,
  ROUTES,
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
}

export type ParseResult =
  | { ok: true; asOf: PlainDate; facts: Facts }
  | { ok: false; problems: FieldProblem[] };

const DATE_FACTS = ['birthDate', 'permitDate', 'obligationStartDate', 'pipDate', 'termEndDate'] as const;
const BOOLEAN_FACTS = ['familyOfEeaCitizen', 'hasIntegrationDiploma', 'medicalLimitation'] as const;
const NUMBER_FACTS = {
  schoolYearsInNL: { max: 20, integer: false },
  courseHours: { max: 20000, integer: false },
  examAttempts: { max: 100, integer: true },
  yearsInNL: { max: 100, integer: false },
  yearsWorkedInNL: { max: 80, integer: false },
} as const;
const KNOWN_FACTS = new Set<string>([
  ...DATE_FACTS,
  ...BOOLEAN_FACTS,
  ...Object.keys(NUMBER_FACTS),
  'nationality',
  'permitPurpose',
  'diplomas',
  'circumstances',
  'route',
]);
const EARLIEST = parseIsoDate('1900-01-01')!;

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** `today` is the default reference date, supplied by the caller (the domain has no clock). */
export function parseAssessRequest(body: unknown, today: PlainDate): ParseResult {
  const problems: FieldProblem[] = [];
  const problem = (field: string, kind: FieldProblem['problem'], message: string) =>
    problems.push({ field, problem: kind, message });

  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    problem(
      'body',
      'wrong-type',
      `the body must be a JSON object like {"asOf": "2026-11-28", "facts": {}}, not ${typeName(body)}`,
    );
    return { ok: false, problems };
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
    else if (isBefore(parsed, EARLIEST) || isBefore(plus(today, { years: 50 }), parsed)) {
      problem('asOf', 'date-out-of-range', 'must be between 1900-01-01 and 50 years from today');
    } else asOf = parsed;
  }

  const raw = request.facts ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problem('facts', 'wrong-type', `must be an object, not ${typeName(raw)}`);
    return { ok: false, problems };
  }
  const input = raw as Record<string, unknown>;
  const facts: Facts = {};
  for (const key of Object.keys(input)) {
    if (!KNOWN_FACTS.has(key)) problem(`facts.${key}`, 'unknown-field', `unknown fact "${key}"`);
  }

  // An explicit null means "not known", like an absent fact.
  const present = (name: string) => input[name] !== undefined && input[name] !== null;

  if (present('nationality')) {
    const v = input.nationality;
    if (typeof v !== 'string')
      problem('facts.nationality', 'wrong-type', `must be a string, not ${typeName(v)}`);
    else if (v.toLowerCase() === 'stateless') facts.nationality = 'stateless';
    else if (ISO_COUNTRIES.has(v.toUpperCase())) facts.nationality = v.toUpperCase();
    else
      problem(
        'facts.nationality',
        'unknown-value',
        `"${v}" is not an ISO 3166-1 alpha-2 country code or "stateless"`,
      );
  }

  for (const name of BOOLEAN_FACTS) {
    if (!present(name)) continue;
    const v = input[name];
    if (typeof v === 'boolean') facts[name] = v;
    else problem(`facts.${name}`, 'wrong-type', `must be true or false, not ${typeName(v)}`);
  }

  for (const name of DATE_FACTS) {
    if (!present(name)) continue;
    const v = input[name];
    const parsed = typeof v === 'string' ? parseIsoDate(v) : undefined;
    if (!parsed) {
      problem(
        `facts.${name}`,
        'not-a-date',
        `must be a calendar date YYYY-MM-DD that exists, not ${JSON.stringify(v)}`,
      );
    } else if (isBefore(parsed, EARLIEST)) {
      problem(`facts.${name}`, 'date-out-of-range', 'must be on or after 1900-01-01');
    } else facts[name] = parsed;
  }
  if (facts.birthDate && isBefore(asOf, facts.birthDate)) {
    problem(
      'facts.birthDate',
      'date-out-of-range',
      `is after the reference date ${asOf}: a birth date cannot be in the future`,
    );
    delete facts.birthDate;
  }
  if (facts.birthDate) {
    for (const name of ['permitDate', 'obligationStartDate', 'pipDate'] as const) {
      const d = facts[name];
      if (d && isBefore(d, facts.birthDate))
        problem(`facts.${name}`, 'inconsistent', 'is before the birth date');
    }
  }
  if (facts.pipDate && facts.termEndDate && !isBefore(facts.pipDate, facts.termEndDate)) {
    problem('facts.termEndDate', 'inconsistent', 'must be after the PIP date');
  }

  if (present('permitPurpose')) {
    const v = input.permitPurpose;
    if ((PERMIT_PURPOSES as readonly unknown[]).includes(v))
      facts.permitPurpose = v as Facts['permitPurpose'];
    else problem('facts.permitPurpose', 'unknown-value', `must be one of ${PERMIT_PURPOSES.join(', ')}`);
  }
  if (present('route')) {
    const v = input.route;
    if ((ROUTES as readonly unknown[]).includes(v)) facts.route = v as Facts['route'];
    else problem('facts.route', 'unknown-value', `must be one of ${ROUTES.join(', ')}`);
  }

  const list = <T extends string>(
    name: 'diplomas' | 'circumstances',
    allowed: readonly T[],
  ): T[] | undefined => {
    if (!present(name)) return undefined;
    const v = input[name];
    if (!Array.isArray(v)) {
      problem(`facts.${name}`, 'wrong-type', `must be an array, not ${typeName(v)}`);
      return undefined;
    }
    const seen = new Set<string>();
    let ok = true;
    v.forEach((item, i) => {
      if (!(allowed as readonly unknown[]).includes(item)) {
        problem(`facts.${name}[${i}]`, 'unknown-value', `must be one of ${allowed.join(', ')}`);
        ok = false;
      } else if (seen.has(item as string)) {
        problem(`facts.${name}[${i}]`, 'duplicate-value', `"${item}" is listed twice`);
        ok = false;
      } else seen.add(item as string);
    });
    return ok ? (v as T[]) : undefined;
  };
  const diplomas = list<Diploma>('diplomas', DIPLOMAS);
  if (diplomas) facts.diplomas = diplomas;
  const circumstances = list<Circumstance>('circumstances', CIRCUMSTANCES);
  if (circumstances) facts.circumstances = circumstances;

  for (const [name, rule] of Object.entries(NUMBER_FACTS) as [
    keyof typeof NUMBER_FACTS,
    { max: number; integer: boolean },
  ][]) {
    if (!present(name)) continue;
    const v = input[name];
    if (typeof v !== 'number' || !Number.isFinite(v))
      problem(`facts.${name}`, 'wrong-type', `must be a number, not ${typeName(v)}`);
    else if (v < 0 || v > rule.max)
      problem(`facts.${name}`, 'out-of-range', `must be between 0 and ${rule.max}`);
    else if (rule.integer && !Number.isInteger(v))
      problem(`facts.${name}`, 'wrong-type', 'must be a whole number');
    else facts[name] = v;
  }

  return problems.length ? { ok: false, problems } : { ok: true, asOf, facts };
}
