/**
 * The case desk under /desk: its JSON API, its pages and each helper's private calendar feed, in
 * one encapsulated Fastify plugin with its own error handling. A database that is down gives a
 * clear 503 here while the public check keeps working.
 */
import type { FastifyInstance } from 'fastify';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { DeskError, type DeskService } from '#domain/desk/service.ts';
import type { DeskStore } from '#domain/desk/store.ts';
import { type CalendarFeed, calendarRoutes } from './calendar.ts';
import { deskApiRoutes, deskErrorReply } from './desk-api.ts';
import type { DeskLetters } from './desk-letters.tsx';
import { deskPages, unavailableHtml } from './desk-pages.tsx';
import type { SessionManager } from './sessions.ts';

export interface DeskPluginOptions {
  store: DeskStore;
  service: DeskService;
  sessions: SessionManager;
  today: () => PlainDate;
  calendar: CalendarFeed;
  /** The site's CSS and CSP for the desk's pages (from the web adapter, passed in by the app). */
  assets: () => { css: string; csp: string };
  /** Letters to DUO (the web adapter's, handed over by the app). */
  letters: DeskLetters;
}

export async function deskPlugin(app: FastifyInstance, options: DeskPluginOptions) {
  app.addHook('onSend', async (request, reply, payload) => {
    // Personal data: never cached, never kept by the service worker (it only caches public pages).
    if (request.url.startsWith('/desk')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler(async (error, request, reply) => {
    const up = error instanceof DeskError ? true : await options.store.ping();
    if (!up && !request.url.startsWith('/desk/api/'))
      return reply
        .code(503)
        .header('retry-after', '30')
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', options.assets().csp)
        .send(unavailableHtml(request.url, options.assets().css));
    const handled = deskErrorReply(error, reply, up);
    if (handled) return handled;
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return reply.code(status).send({ error: 'bad-request', message: 'The request could not be read.' });
    request.log.error(error);
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on our side.' });
  });

  await deskApiRoutes(app, options);
  await calendarRoutes(app, options);
  await deskPages(app, options);
}
