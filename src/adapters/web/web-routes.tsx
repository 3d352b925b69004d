/**
 * The web pages, one module per surface: static and offline files, the knowledge base and search,
 * the guided check, the result. Server-rendered HTML that works without JavaScript; the state is
 * in the URL; no cookies; strict security headers.
 */
import type { FastifyInstance } from 'fastify';
import { isLocale } from '#i18n/locales.ts';
import { type Assets, buildAssets, contentSecurityPolicy } from './assets.ts';
import { checkRoutes } from './routes/check-routes.tsx';
import { kbRoutes } from './routes/kb-routes.tsx';
import { pageKit } from './routes/page-kit.tsx';
import { resultRoutes } from './routes/result-routes.tsx';
import { staticRoutes } from './routes/static-routes.tsx';
import type { WebOptions } from './web-options.ts';

export type { WebOptions } from './web-options.ts';

export async function webRoutes(app: FastifyInstance, options: WebOptions) {
  const assets: Assets = buildAssets();
  const kit = pageKit(options.book, assets, contentSecurityPolicy(assets));
  const { send, context, notFound } = kit;

  staticRoutes(app, options, kit, assets);
  kbRoutes(app, options, kit);
  checkRoutes(app, options, kit);
  resultRoutes(app, options, kit);

  app.setNotFoundHandler((request, reply) => {
    const first = request.url.split('/')[1] ?? '';
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({
        error: 'not-found',
        message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
      });
    }
    return send(reply, notFound(context(isLocale(first) ? first : 'en', '/')), 404);
  });
}
