/**
 * The assessment as the API and the CLI answer it (spec/assess-api.md): the assessment itself,
 * plus the parts a caller asks for by name (`include`). Asked for, not always made: what would
 * change the answer re-assesses the person up to five times, several times the cost of the
 * answer itself, and the contract's answer does not need it (the web result page computes it
 * itself).
 *
 * `options` in the contract are the routes the person may take (spec/assess-api.md): one whose
 * window has closed (an extension once the term has ended) is no longer one, so the answer moves it
 * to `closedOptions`, where it still says until when it could have been asked (ADR 019). The
 * assessment itself keeps it, for the result page's "too late for" list and the golden cases.
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

export type AssessAnswer = Assessment & { closedOptions: Assessment['options']; whatWouldChange?: Change[] };

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
  const answer: AssessAnswer = {
    ...assessment,
    options: assessment.options.filter((o) => o.closed === null),
    closedOptions: assessment.options.filter((o) => o.closed !== null),
  };
  if (!include.has('whatWouldChange')) return answer;
  return { ...answer, whatWouldChange: whatWouldChange(facts, asOf, book, assessment) };
}
