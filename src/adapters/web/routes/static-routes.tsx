/**
 * Static and offline routes: the client script, the service worker, the offline search index and
 * the list of pages the service worker may keep (public pages only, never a URL with answers).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Assets, sendStatic } from '../assets.ts';
import { OfflinePage } from '../views/kb.tsx';
import type { WebOptions } from '../web-options.ts';
import { offlineUrls } from './offline-bundle.ts';
import type { LangParams, PageKit } from './page-kit.tsx';

export function staticRoutes(app: FastifyInstance, options: WebOptions, kit: PageKit, assets: Assets) {
  const { send, localeOf, context } = kit;

  // Built files (npm run build): read from dist/ with their brotli and gzip copies.
  const serve = (path: string) => (request: FastifyRequest, reply: FastifyReply) => {
    const file = assets.files.get(path);
    if (!file) throw new Error(`the build has no ${path}`);
    return sendStatic(request, reply, file);
  };
  app.get('/assets/app.js', serve('/assets/app.js'));
  app.get('/sw.js', async (request, reply) => {
    reply.header('service-worker-allowed', '/');
    return serve('/sw.js')(request, reply);
  });
  app.get('/assets/offline-search.js', serve('/assets/offline-search.js'));

  // The search index of one language, for offline search in the browser.
  app.get<LangParams>('/:lang/search-index.json', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    return serve(`/${locale}/search-index.json`)(request, reply);
  });

  // No icon yet; answer "no content" rather than a 404 in every browser console.
  app.get('/favicon.ico', async (_request, reply) =>
    reply.code(204).header('cache-control', 'public, max-age=86400').send(),
  );

  app.get('/manifest.webmanifest', async (_request, reply) =>
    reply.header('content-type', 'application/manifest+json').send({
      name: 'Wegwijs',
      short_name: 'Wegwijs',
      start_url: '/',
      display: 'browser',
      background_color: '#ffffff',
      theme_color: '#154273',
      icons: [],
    }),
  );

  app.get<LangParams>('/:lang/offline', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    return send(reply, <OfflinePage ctx={context(locale, '/offline')} />);
  });

  /** What "save for offline use" keeps for one language: public pages only, never a URL with answers. */
  app.get<LangParams>('/:lang/offline.json', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    return reply.header('cache-control', 'no-cache').send({ urls: offlineUrls(locale, options.kbTopics) });
  });
}
