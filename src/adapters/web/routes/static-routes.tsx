/**
 * Static and offline routes: the client script, the service worker, the offline search index and
 * the list of pages the service worker may keep (public pages only, never a URL with answers).
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { type Assets, offlineSearchScript } from '../assets.ts';
import { OfflinePage } from '../views/kb.tsx';
import type { WebOptions } from '../web-options.ts';
import type { LangParams, PageKit } from './page-kit.tsx';

export function staticRoutes(app: FastifyInstance, options: WebOptions, kit: PageKit, assets: Assets) {
  const { book } = options;
  const { send, localeOf, context } = kit;

  app.get('/assets/app.js', async (request, reply) => {
    if (request.headers['if-none-match'] === assets.appJsEtag) return reply.code(304).send();
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('etag', assets.appJsEtag)
      .send(assets.appJs);
  });

  const swSource = readFileSync(new URL('../assets/sw.js', import.meta.url), 'utf8').replace(
    '__VERSION__',
    `${book.version}-${assets.appJsEtag.slice(1, 9)}`,
  );
  app.get('/sw.js', async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/')
      .send(swSource),
  );

  app.get('/assets/offline-search.js', async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(offlineSearchScript()),
  );

  // The search index as JSON, for offline search in the browser (built once, on first request).
  let indexJson: string | undefined;
  app.get<LangParams>('/:lang/search-index.json', async (request, reply) => {
    if (!localeOf(request, reply)) return;
    indexJson ??= JSON.stringify(options.search.toJSON());
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexJson);
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

  /** What the service worker keeps for one language: public pages only, never a URL with answers. */
  app.get<LangParams>('/:lang/offline.json', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const urls = [
      `/${locale}/`,
      `/${locale}/check`,
      `/${locale}/help`,
      `/${locale}/offline`,
      `/${locale}/kb`,
      ...options.kbTopics.map((topic) => `/${locale}/kb/${topic}`),
      `/${locale}/search-index.json`,
      '/assets/app.js',
      '/assets/offline-search.js',
    ];
    return reply.header('cache-control', 'no-cache').send({ urls });
  });
}
