/**
 * `wegwijs assess FILE|-`: the same JSON as POST /api/v1/assess, from a file or standard input;
 * `--include whatWouldChange` as the API's `?include=whatWouldChange`.
 */
import { readFileSync } from 'node:fs';
import { assessAnswer, parseInclude } from '#domain/answer.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { parseAssessRequest, requestError } from '#domain/facts/parse-facts.ts';
import type { RuleBook } from '#domain/rulebook.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Returns the exit code: 0 answered, 2 bad input. */
export function assessCommand(
  file: string,
  book: RuleBook,
  today: PlainDate,
  io: Io,
  readStdin: () => string,
  includeOption?: string,
): number {
  const include = parseInclude(includeOption);
  if (!include.ok) {
    io.err(`wegwijs: ${include.problems[0]!.message}`);
    return 2;
  }
  let text: string;
  try {
    text = file === '-' ? readStdin() : readFileSync(file, 'utf8');
  } catch (error) {
    io.err(
      `wegwijs: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
    return 2;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    io.err(`wegwijs: ${file === '-' ? 'standard input' : file} is not valid JSON`);
    return 2;
  }
  const parsed = parseAssessRequest(body, today);
  if (!parsed.ok) {
    io.err(JSON.stringify(requestError(parsed.problems), null, 2));
    return 2;
  }
  io.out(JSON.stringify(assessAnswer(parsed.facts, parsed.asOf, book, include.include), null, 2));
  return 0;
}
