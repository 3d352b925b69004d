/**
 * JSON API: POST /api/v1/assess (shared/spec/assess-api.md). Thin: parse, assess, serialise.
 * Bad input answers 400 with every bad field named; nothing about the person is stored or logged.
 */
import type { FastifyInstance } from 'fastify';
import { assess } from '#domain/assess.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { parseAssessRequest, requestError } from '#domain/facts/parse-facts.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import { whatWouldChange } from '#domain/what-would-change.ts';
import { openApiDocument } from './openapi.ts';

export interface ApiOptions {
  book: RuleBook;
  today: () => PlainDate;
}

export async function apiRoutes(app: FastifyInstance, { book, today }: ApiOptions) {
  app.post('/api/v1/assess', async (request, reply) => {
    const parsed = parseAssessRequest(request.body, today());
    if (!parsed.ok) {
      return reply.code(400).send(requestError(parsed.problems));
    }
    const assessment = assess(parsed.facts, parsed.asOf, book);
    reply.header('cache-control', 'no-store');
    return { ...assessment, whatWouldChange: whatWouldChange(parsed.facts, parsed.asOf, book, assessment) };
  });

  app.get('/api/v1/openapi.json', async () => openApiDocument);
}
