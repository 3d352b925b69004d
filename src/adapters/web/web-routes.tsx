/**
 * The web pages, one module per surface: static and offline files, the knowledge base and search,
 * the guided check, the result. Server-rendered HTML that works without JavaScript; the state is
 * in the URL; no cookies; strict security headers.
 */
import type { FastifyInstance } from 'fastify';
import { isLocale } from '#i18n/locales.ts';
import { type LettersKit, lettersKit } from './letters-kit.tsx';
import { checkRoutes } from './routes/check-routes.tsx';
import { kbRoutes } from './routes/kb-routes.tsx';
import { letterRoutes } from './routes/letter-routes.tsx';
import { offlineBundle } from './routes/offline-bundle.ts';
import { pageKit } from './routes/page-kit.tsx';
import { resultRoutes } from './routes/result-routes.tsx';
import { staticRoutes } from './routes/static-routes.tsx';
import type { WebOptions } from './web-options.ts';

export type { LettersKit } from './letters-kit.tsx';
export type { WebOptions } from './web-options.ts';

export interface Web {
  routes(app: FastifyInstance): Promise<void>;
  /** The HTML error page for a status, in the language of the URL (English when it has none). */
  errorPage(status: number, url: string): { html: string; csp: string };
  /** Letters to DUO as HTML; the app hands them to the case desk as well. */
  letters: LettersKit;
}

export function createWeb(options: WebOptions): Web {
  const { assets } = options;
  const kit = pageKit(options.book, assets);
  const letters = lettersKit();
  return {
    letters,
    async routes(app) {
      staticRoutes(app, options, kit, assets);
      kbRoutes(app, options, kit, offlineBundle(app, options.kbTopics));
      checkRoutes(app, options, kit);
      resultRoutes(app, options, kit, letters);
      letterRoutes(app, options, kit, letters);
    },
    errorPage(status, url) {
      const first = url.split(/[/?]/)[1] ?? '';
      const ctx = kit.context(isLocale(first) ? first : 'en', '/');
      return kit.render(kit.errorPage(ctx, status));
    },
  };
}
