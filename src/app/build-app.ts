/**
 * The composition root: wires content, the domain and the adapters into one Fastify app.
 * Tests call buildApp() and inject requests; server.ts only listens.
 *
 * Every answer, Fastify's own errors included, carries the security headers and is either the
 * API's JSON error (under /api) or the site's HTML error page; nothing a client sends makes a 5xx.
 * Expensive work is bounded: request sizes, rate limits per client (config below) and the PDF pool.
 */
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { apiRoutes } from '#adapters/api/assess-routes.ts';
import { searchRoutes } from '#adapters/api/search-routes.ts';
import { useContentSnapshot } from '#adapters/content/content-snapshot.ts';
import { loadContacts } from '#adapters/content/load-contacts.ts';
import { loadKb, loadTopicIds } from '#adapters/content/load-kb.ts';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { loadLexicon } from '#adapters/content/load-search.ts';
import { cachedSearchIndex, lazySearchIndexFile } from '#adapters/content/search-index-file.ts';
import { deskPlugin } from '#adapters/desk/desk-plugin.ts';
import { type Assets, contentSecurityPolicy, readBuiltAssets } from '#adapters/web/assets.ts';
import { BROTLI_QUALITY, COMPRESS_THRESHOLD, compressBuffered, GZIP_LEVEL } from '#adapters/web/compress.ts';
import { lettersKit } from '#adapters/web/letters-kit.tsx';
import { PdfRenderer } from '#adapters/web/render-pdf.ts';
import { createWeb } from '#adapters/web/web-routes.tsx';
import type { DeskStore } from '#domain/desk/store.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import type { SearchIndex } from '#search/search-index.ts';
import { amsterdamTime, amsterdamToday, type Clock } from './clock.ts';

import { type Config, defaultConfig, type Limits } from './config.ts';
import { DIST_DIR } from './dist.ts';

declare const WEGWIJS_BUILT: boolean | undefined;

import { deskLetters, deskParts, lazyStore, openDeskStore } from './desk.ts';
import { createTurns } from './turns.ts';

export interface AppOptions {
  book?: RuleBook;
  today?: Clock;
  /** Local time HH:MM in the Netherlands (for "open now"). */
  nowTime?: () => string;
  logger?: boolean;
  /** The checked configuration (src/app/config.ts); tests get the defaults. */
  config?: Config;
  /** Where the one line per request goes (default stdout); tests read it. */
  logStream?: { write(line: string): void };
  /** Request size limits; tests lower them. */
  requestLimits?: Partial<RequestLimits>;
  /** A build to serve (search index and web assets); default: this bundle's dist/, or none from the sources. */
  distDir?: string;
  /** The case desk's storage; default: from the configuration, opened on first use. */
  deskStore?: DeskStore;
}

/** What one request may weigh; beyond it the answer is a 4xx naming what was too large. */
export interface RequestLimits {
  /** Body in bytes: the largest real request is about 1 KB. */
  bodyBytes: number;
  /** Request target (path and query) in characters: the longest check URL is about 700. */
  urlLength: number;
  /** Header block in bytes (Node answers 431 above it). */
  headerBytes: number;
}
export const REQUEST_LIMITS: RequestLimits = {
  bodyBytes: 64 * 1024,
  urlLength: 4096,
  headerBytes: 16 * 1024,
};

/** Requests larger than this are refused with a 400 naming the body. */
export const BODY_LIMIT = REQUEST_LIMITS.bodyBytes;

/** The routes that cost the most, and their limit per client per minute. */
const RATE_LIMITED: Record<string, keyof Limits> = {
  '/api/v1/assess': 'assessPerMinute',
  '/api/v1/search': 'searchPerMinute',
  '/:lang/search': 'searchPerMinute',
  '/:lang/result.pdf': 'pdfPerMinute',
  '/:lang/letter/:id/pdf': 'pdfPerMinute',
};

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** The public API is read-only and has no credentials: any site may call it from a browser. */
const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
};

interface Problem {
  status: number;
  error: string;
  message: string;
}

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const config = options.config ?? defaultConfig();
  const distDir = options.distDir ?? DIST_DIR;
  if (distDir) useContentSnapshot(join(distDir, 'content.json'));
  const book = options.book ?? loadRuleBook();
  const limits: RequestLimits & Limits = { ...REQUEST_LIMITS, ...options.requestLimits, ...config.limits };
  const securityHeaders: Record<string, string> = {
    ...SECURITY_HEADERS,
    ...(config.hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  // The HTML error page is set once the web adapter exists (below); until then, JSON.
  let htmlError: ((status: number, url: string) => { html: string; csp: string }) | undefined;

  const sendProblem = (request: FastifyRequest, reply: FastifyReply, problem: Problem) => {
    reply.headers(securityHeaders).header('cache-control', 'no-store').code(problem.status);
    const api = (request.url ?? '').startsWith('/api/');
    if (!api && htmlError) {
      const page = htmlError(problem.status, request.url ?? '/');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', page.csp)
        .send(page.html);
    }
    const body: Record<string, unknown> = { error: problem.error, message: problem.message };
    if (problem.status === 400 && problem.error !== 'bad-request')
      body.fields = [{ field: 'body', problem: problem.error, message: problem.message }];
    if (api) reply.headers(CORS_HEADERS);
    return reply.header('content-type', 'application/json; charset=utf-8').send(body);
  };

  const requestLog = new OneLinePerRequest();
  const app = Fastify({
    bodyLimit: limits.bodyBytes,
    routerOptions: { maxParamLength: 200 },
    http: { maxHeaderSize: limits.headerBytes },
    trustProxy: fastifyTrustProxy(config.trustProxy),
    logController: requestLog,
    logger: options.logger
      ? {
          level: config.logLevel,
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    frameworkErrors: (error, request, reply) => {
      // Fastify answers these before routing, without its response listeners: log here.
      reply.raw.once('finish', () => requestLog.requestCompleted(null, request, reply));
      return sendProblem(request, reply, {
        status: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400,
        error: 'bad-url',
        message: 'The address could not be read.',
      });
    },
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const status =
        error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      const body = JSON.stringify({ error: 'bad-request', message: 'The request could not be read.' });
      const head = Object.entries({
        ...securityHeaders,
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        'cache-control': 'no-store',
        connection: 'close',
      }).map(([k, v]) => `${k}: ${v}\r\n`);
      if (socket.writable)
        socket.write(`HTTP/1.1 ${status} ${statusText(status)}\r\n${head.join('')}\r\n${body}`);
      socket.destroy(error);
    },
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413)
      return sendProblem(request, reply, {
        status: 400,
        error: 'body-too-large',
        message: `The body is larger than ${limits.bodyBytes} bytes.`,
      });
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendProblem(request, reply, {
        status: 400,
        error: 'wrong-content-type',
        message: 'Send the body as application/json.',
      });
    if (status === 429)
      return sendProblem(request, reply, {
        status,
        error: 'too-many-requests',
        message: 'Too many requests from your address. Please wait a moment and try again.',
      });
    if (status >= 400 && status < 500) {
      const invalidJson =
        error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        error instanceof SyntaxError;
      return sendProblem(request, reply, {
        status: 400,
        error: invalidJson ? 'invalid-json' : 'bad-request',
        message: invalidJson ? 'The body is not valid JSON.' : 'The request could not be read.',
      });
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, {
      status: 500,
      error: 'internal',
      message: 'Something went wrong on our side. Please try again later.',
    });
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders);
    const api = request.url.startsWith('/api/');
    if (api) reply.headers(CORS_HEADERS).header('cache-control', 'no-store');
    if (request.url.length > limits.urlLength)
      return sendProblem(request, reply, {
        status: 414,
        error: 'url-too-long',
        message: `The address is longer than ${limits.urlLength} characters.`,
      });
  });

  // Before the plugins read them: the rate limit of the costly routes, and no request
  // decompression (a small compressed body must not inflate into a large one).
  app.addHook('onRoute', (route) => {
    const kind = RATE_LIMITED[route.url ?? route.path];
    // 0 turns a limit off (a benchmark run).
    if (kind && limits[kind] > 0)
      route.config = { ...route.config, rateLimit: { max: limits[kind], timeWindow: '1 minute' } };
    (route as { decompress?: boolean }).decompress = false;
  });

  // Costs less than it saves: brotli 4 / gzip 5 take well under a millisecond for a page and
  // shrink it 4-6×; compression runs in zlib's thread pool, never on the event loop. Pages and
  // JSON in one zlib call (adapters/web/compress.ts); streams and odd cases through @fastify/compress.
  app.addHook('onSend', compressBuffered);
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD,
    syncThreshold: 0,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
    zlibOptions: { level: GZIP_LEVEL },
  });

  await app.register(fastifyRateLimit, {
    global: false,
    // The plugin's own answer becomes the project's error (429 with Retry-After) in the handler above.
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error('rate-limited'), { statusCode: context.statusCode }),
  });

  // The public API allows any origin (read-only, no credentials): the preflight.
  app.options('/api/v1/*', async (_request, reply) => reply.code(204).headers(CORS_HEADERS).send());

  app.get('/healthz', async () => ({ status: 'ok', rulesVersion: book.version }));
  const today = options.today ?? amsterdamToday;
  // Costly work takes turns so that cheap requests (/healthz, static files) pass between (./turns.ts).
  const { turn } = createTurns();
  await app.register(apiRoutes, { book, today, turn });
  const pdf = new PdfRenderer({
    concurrency: limits.pdfConcurrency,
    queue: limits.pdfQueue,
    timeoutMs: limits.pdfTimeoutMs,
    ...(config.chromiumPath ? { executablePath: config.chromiumPath } : {}),
  });
  app.addHook('onClose', () => pdf.close());
  // The amounts in the knowledge base are the parameters of this rule set, in force today.
  const kb = loadKb(undefined, { ruleSet: book, asOf: today() });
  let search: SearchIndex;
  if (distDir) {
    // Read a second after the server listens (reading it holds the event loop ~0.3 s): a restart
    // answers its health check and its first requests sooner; an early search reads it itself.
    const built = lazySearchIndexFile(join(distDir, 'search', 'index.json'));
    search = built.index;
    app.addHook('onListen', async () => void setTimeout(built.warm, 1000).unref());
  } else search = cachedSearchIndex(kb, loadLexicon(), join(config.dataDir, 'cache'));
  let assets: Assets;
  if (distDir) assets = readBuiltAssets(distDir);
  else if (typeof WEGWIJS_BUILT === 'undefined') {
    // From the sources only: the bundle in dist/ never contains this import (esbuild drops it).
    assets = (await import('./dev-assets.ts')).devAssets(book, kb, loadLexicon());
  } else throw new Error('this build has no dist/ folder');
  await app.register(searchRoutes, { index: search, turn });
  const contacts = loadContacts();
  const deskStore = options.deskStore ?? lazyStore(() => openDeskStore(config, today));
  app.addHook('onClose', () => deskStore.close());
  await app.register(deskPlugin, {
    store: deskStore,
    today,
    ...deskParts({ store: deskStore, book, today, config }),
    assets: () => ({ css: assets.css, csp: contentSecurityPolicy(assets) }),
    letters: deskLetters(lettersKit(), pdf, contacts.national.duo.post, () => assets.css),
  });
  const web = createWeb({
    book,
    contacts,
    today,
    nowTime: options.nowTime ?? amsterdamTime,
    pdf,
    kbTopics: loadTopicIds(),
    kb,
    search,
    assets,
    pageCacheEntries: limits.pageCacheEntries,
    turn,
  });
  htmlError = web.errorPage;
  await app.register(web.routes);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, {
      status: 404,
      error: 'not-found',
      message: `No such endpoint: ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`,
    }),
  );
  return app;
}

/**
 * One log line per request: method, route pattern (never the path a person typed, nor its query
 * string, body, headers or address), status and time. Errors of ours are logged by the handler.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest() {}
  override requestCompleted(_error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(none)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  }
}

/** A hop count trusts that many proxies in front of the app (as proxy-addr counts them). */
function fastifyTrustProxy(value: Config['trustProxy']) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

function statusText(status: number): string {
  return status === 431
    ? 'Request Header Fields Too Large'
    : status === 408
      ? 'Request Timeout'
      : 'Bad Request';
}
