/**
 * The assessment as the API and the CLI answer it (spec/assess-api.md): the assessment itself,
 * plus the parts a caller asks for by name (`include`). Asked for, not always made: what would
 * change the answer re-assesses the person up to five times, several times the cost of the
 * answer itself, and the contract's answer does not need it (the web result page computes it
 * itself).
 */
import { type Assessment, assess } from './assess.ts';
import type { PlainDate } from './dates/plain-date.ts';
import type { Facts } from './facts/facts.ts';
import type { FieldProblem } from './facts/parse-facts.ts';
import type { RuleBook } from './rulebook.ts';
import { type Change, whatWouldChange } from './what-would-change.ts';

/** The parts an answer may include on request. */
export const EXTRAS = ['whatWouldChange'] as const;
export type Extra = (typeof EXTRAS)[number];

export type AssessAnswer = Assessment & { whatWouldChange?: Change[] };

export type IncludeResult =
  | { ok: true; include: ReadonlySet<Extra> }
  | { ok: false; problems: FieldProblem[] };

const isExtra = (name: string): name is Extra => (EXTRAS as readonly string[]).includes(name);

/**
 * `include` as a query parameter or option gives it: absent or empty for none, otherwise names
 * separated by commas (`include=whatWouldChange`), or the parameter repeated. An unknown name is
 * a problem, not ignored: a typo would otherwise look like "nothing would change".
 */
export function parseInclude(value: unknown): IncludeResult {
  if (value === undefined || value === null) return { ok: true, include: new Set() };
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) =>
    typeof v === 'string' ? v.split(',') : [v],
  );
  const include = new Set<Extra>();
  const problems: FieldProblem[] = [];
  for (const part of parts) {
    const name = typeof part === 'string' ? part.trim() : part;
    if (name === '') continue;
    if (typeof name === 'string' && isExtra(name)) include.add(name);
    else
      problems.push({
        field: 'include',
        problem: 'unknown-value',
        message: `include names the parts to add to the answer, separated by commas: ${EXTRAS.join(', ')}.`,
      });
  }
  return problems.length ? { ok: false, problems: problems.slice(0, 1) } : { ok: true, include };
}

/** The answer: the assessment, and each part that was asked for, after its fields. */
export function assessAnswer(
  facts: Facts,
  asOf: PlainDate,
  book: RuleBook,
  include: ReadonlySet<Extra>,
): AssessAnswer {
  const assessment = assess(facts, asOf, book);
  if (!include.has('whatWouldChange')) return assessment;
  return { ...assessment, whatWouldChange: whatWouldChange(facts, asOf, book, assessment) };
}
