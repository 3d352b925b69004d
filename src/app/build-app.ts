/**
 * The composition root: wires content, the domain and the adapters into one Fastify app.
 * Tests call buildApp() and inject requests; server.ts only listens.
 */
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { apiRoutes } from '#adapters/api/assess-routes.ts';
import { searchRoutes } from '#adapters/api/search-routes.ts';
import { loadContacts } from '#adapters/content/load-contacts.ts';
import { loadKb, loadTopicIds } from '#adapters/content/load-kb.ts';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { loadLexicon } from '#adapters/content/load-search.ts';
import { cachedSearchIndex } from '#adapters/content/search-cache.ts';
import { PdfRenderer } from '#adapters/web/render-pdf.ts';
import { webRoutes } from '#adapters/web/web-routes.tsx';
import type { RuleBook } from '#domain/rulebook.ts';
import { amsterdamTime, amsterdamToday, type Clock } from './clock.ts';
import { type Config, defaultConfig } from './config.ts';

export interface AppOptions {
  book?: RuleBook;
  today?: Clock;
  /** Local time HH:MM in the Netherlands (for "open now"). */
  nowTime?: () => string;
  logger?: boolean;
  /** The checked configuration (src/app/config.ts); tests get the defaults. */
  config?: Config;
}

/** Requests larger than this are refused with a 400 naming the body (the largest real request is ~1 KB). */
export const BODY_LIMIT = 64 * 1024;

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const book = options.book ?? loadRuleBook();
  const config = options.config ?? defaultConfig();
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Never log bodies or query strings: they can hold personal facts.
    logger: options.logger
      ? {
          level: config.logLevel,
          serializers: { req: (req) => ({ method: req.method, url: req.routeOptions?.url }) },
        }
      : false,
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413)
      return reply
        .code(400)
        .send(bodyError('body-too-large', `The body is larger than ${BODY_LIMIT} bytes.`));
    if (status === 415)
      return reply.code(400).send(bodyError('wrong-content-type', 'Send the body as application/json.'));
    if (status >= 400 && status < 500) {
      const invalidJson =
        error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        error instanceof SyntaxError ||
        /JSON/i.test(error.message);
      return reply
        .code(400)
        .send(
          bodyError(
            invalidJson ? 'invalid-json' : 'bad-request',
            invalidJson ? 'The body is not valid JSON.' : error.message,
          ),
        );
    }
    app.log.error(error);
    return reply
      .code(500)
      .send({ error: 'internal', message: 'Something went wrong on our side. Please try again later.' });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (config.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return compress(request.headers['accept-encoding'], reply, payload);
  });

  app.get('/healthz', async () => ({ status: 'ok', rulesVersion: book.version }));
  const today = options.today ?? amsterdamToday;
  await app.register(apiRoutes, { book, today });
  const pdf = new PdfRenderer(config.chromiumPath);
  app.addHook('onClose', () => pdf.close());
  const kb = loadKb();
  const search = cachedSearchIndex(kb, loadLexicon());
  await app.register(searchRoutes, { index: search });
  await app.register(webRoutes, {
    book,
    contacts: loadContacts(),
    today,
    nowTime: options.nowTime ?? amsterdamTime,
    pdf,
    kbTopics: loadTopicIds(),
    kb,
    search,
  });
  return app;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json))/;

/** Brotli or gzip for text bodies over 1 KB: pages weigh what a cheap phone on a slow line can carry. */
function compress(acceptEncoding: string | undefined, reply: FastifyReply, payload: unknown): unknown {
  const type = String(reply.getHeader('content-type') ?? '');
  if (!acceptEncoding || !COMPRESSIBLE.test(type) || reply.getHeader('content-encoding')) return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  if (body.length < 1024) return payload;
  reply.header('vary', 'accept-encoding');
  if (/\bbr\b/.test(acceptEncoding)) {
    reply.header('content-encoding', 'br');
    return brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
  }
  if (/\bgzip\b/.test(acceptEncoding)) {
    reply.header('content-encoding', 'gzip');
    return gzipSync(body, { level: 6 });
  }
  return payload;
}

/** A hop count trusts that many proxies in front of the app (as proxy-addr counts them). */
function fastifyTrustProxy(value: Config['trustProxy']) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

function bodyError(error: string, message: string) {
  return { error, message, fields: [{ field: 'body', problem: error, message }] };
}
