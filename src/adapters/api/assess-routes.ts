/**
 * JSON API: POST /api/v1/assess (shared/spec/assess-api.md). Thin: parse, assess, serialise.
 * Bad input answers 400 with every bad field named; nothing about the person is stored or logged.
 * `?include=whatWouldChange` adds what would change the answer (several assessments more: only
 * when asked for).
 */
import type { FastifyInstance } from 'fastify';
import { assessAnswer, parseInclude } from '#domain/answer.ts';
import { type PlainDate, withDateScope } from '#domain/dates/plain-date.ts';
import { parseAssessRequest, requestError } from '#domain/facts/parse-facts.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import { openApiDocument } from './openapi.ts';
import { strictQuery } from './search-routes.ts';

export interface ApiOptions {
  book: RuleBook;
  today: () => PlainDate;
  /** Waits for this request's turn of CPU work (src/app/turns.ts); none: at once. */
  turn?: () => Promise<void>;
}

export async function apiRoutes(app: FastifyInstance, { book, today, turn }: ApiOptions) {
  app.post('/api/v1/assess', async (request, reply) => {
    await turn?.();
    const include = parseInclude(strictQuery(request.url).include);
    // One request, one date scope: the dates parsed and computed are shared, then dropped.
    const answer = withDateScope(() => {
      const parsed = parseAssessRequest(request.body, today());
      if (!parsed.ok || !include.ok) {
        const problems = [...(parsed.ok ? [] : parsed.problems), ...(include.ok ? [] : include.problems)];
        return { problems };
      }
      return { answer: assessAnswer(parsed.facts, parsed.asOf, book, include.include) };
    });
    if (answer.problems) return reply.code(400).send(requestError(answer.problems));
    reply.header('cache-control', 'no-store');
    return answer.answer;
  });

  app.get('/api/v1/openapi.json', async () => openApiDocument);
}
