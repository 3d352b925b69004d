/** `wegwijs flow`: the graph of questions the engine can ask, walked from the rules (Mermaid or DOT). */
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { toDot, toMermaid, walkQuestionPaths } from '#domain/questionnaire/enumerate-paths.ts';
import { GUIDED_CHECK_SAMPLES } from '#domain/questionnaire/sample-answers.ts';
import type { RuleBook } from '#domain/rulebook.ts';

export function flowGraph(book: RuleBook, asOf: PlainDate, format: 'mermaid' | 'dot'): string {
  const walk = walkQuestionPaths(asOf, book, GUIDED_CHECK_SAMPLES);
  return format === 'dot' ? toDot(walk) : toMermaid(walk);
}
