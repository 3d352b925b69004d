/**
 * What every web route shares: the page context (translator, direction, CSS, rules version), the
 * HTML response with its security headers, and the language check that answers 404 for an
 * unknown language.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Temporal } from 'temporal-polyfill';
import { catalogStatus, pageTranslator } from '#adapters/content/load-messages.ts';
import { date } from '#domain/dates/plain-date.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import { isolateHtml } from '#i18n/isolate.ts';
import { isLocale, LOCALES, type Locale } from '#i18n/locales.ts';
import { chooseLanguage, defaultLanguage } from '#languages/languages.ts';
import { type Assets, contentSecurityPolicy } from '../assets.ts';
import { type CachedPage, sendCachedPage } from '../page-cache.ts';
import { PAGE_CSS_MARKER, PageCss } from '../page-css.ts';
import type { Query } from '../state.ts';
import type { PageContext } from '../views/layout.tsx';
import { Page } from '../views/layout.tsx';

/** A page as HTML with the Content-Security-Policy that allows its inline CSS (and nothing else). */
export interface RenderedPage {
  readonly html: string;
  readonly csp: string;
}

export type LangParams = { Params: { lang: string }; Querystring: Query };

export interface PageKit {
  /**
   * A page as HTML: numbers and dates marked by the translator become `<bdi>` around the value
   * alone, and the page inlines only the CSS rules it uses (../page-css.ts).
   */
  render(page: VNode): RenderedPage;
  context(locale: Locale, path: string, query?: string): PageContext;
  send(reply: FastifyReply, page: VNode, status?: number): FastifyReply;
  /** A page made before (../page-cache.ts), with the same headers as `send`. */
  sendKept(request: FastifyRequest, reply: FastifyReply, page: CachedPage): Promise<FastifyReply>;
  /**
   * The page's language, or undefined after answering: a redirect to the best supported language
   * for any other real language tag (/pt-BR/kb → /pt/kb, /prs/ → /fa/), 404 for nonsense.
   */
  localeOf(request: FastifyRequest<{ Params: { lang: string } }>, reply: FastifyReply): Locale | undefined;
  notFound(ctx: PageContext): VNode;
  /** The page for an error status: not found, a request that cannot be read, too many, busy, ours. */
  errorPage(ctx: PageContext, status: number): VNode;
}

export function pageKit(book: RuleBook, assets: Assets): PageKit {
  const rulesChecked = Object.values(book.sources)
    .map((s) => date(s.lastChecked))
    .reduce((a, b) => (Temporal.PlainDate.compare(a, b) >= 0 ? a : b));

  const context = (locale: Locale, path: string, query?: string): PageContext => ({
    t: pageTranslator(locale),
    locale,
    path,
    status: catalogStatus(locale),
    css: PAGE_CSS_MARKER,
    rulesVersion: book.version,
    rulesChecked,
    ...(query ? { query } : {}),
  });

  const pageCss = new PageCss(assets.css);
  const csps = new Map<string, string>();
  const render = (page: VNode): RenderedPage => {
    const html = `<!doctype html>${isolateHtml(renderToString(page))}`;
    const at = html.indexOf(PAGE_CSS_MARKER);
    if (at < 0) return { html, csp: contentSecurityPolicy(assets) };
    const style = pageCss.forHtml(html);
    let csp = csps.get(style.hash);
    if (!csp) {
      csp = contentSecurityPolicy({ cssHash: style.hash });
      if (csps.size >= 256) csps.clear();
      csps.set(style.hash, csp);
    }
    return { html: html.slice(0, at) + style.css + html.slice(at + PAGE_CSS_MARKER.length), csp };
  };

  const send = (reply: FastifyReply, page: VNode, status = 200) => {
    const { html, csp } = render(page);
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', csp)
      .header('cache-control', 'no-store')
      .send(html);
  };

  const sendKept = (request: FastifyRequest, reply: FastifyReply, page: CachedPage) =>
    sendCachedPage(
      request,
      reply
        .code(200)
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', page.csp)
        .header('cache-control', 'no-store'),
      page,
    );

  const notFound = (ctx: PageContext) => (
    <Page ctx={ctx} title={ctx.t.t('ui.notFound.title')}>
      <h1>{ctx.t.t('ui.notFound.title')}</h1>
      <p>{ctx.t.t('ui.notFound.text')}</p>
      <p>
        <a href={`/${ctx.locale}/`}>{ctx.t.t('ui.home')}</a>
      </p>
    </Page>
  );

  const errorPage = (ctx: PageContext, status: number) => {
    const key =
      status === 404
        ? 'ui.notFound'
        : status === 429
          ? 'ui.error429'
          : status === 503
            ? 'ui.error503'
            : status >= 500
              ? 'ui.error500'
              : 'ui.error400';
    return (
      <Page ctx={ctx} title={ctx.t.t(`${key}.title`)}>
        <h1>{ctx.t.t(`${key}.title`)}</h1>
        <p>{ctx.t.t(`${key}.text`)}</p>
        <p>
          <a href={`/${ctx.locale}/`}>{ctx.t.t('ui.home')}</a>
        </p>
      </Page>
    );
  };

  const localeOf = (
    request: FastifyRequest<{ Params: { lang: string } }>,
    reply: FastifyReply,
  ): Locale | undefined => {
    const { lang } = request.params;
    if (isLocale(lang)) return lang;
    const best = bestLocale(lang);
    if (!best) {
      void send(reply, notFound(context('en', '/')), 404);
      return undefined;
    }
    // The same path in the best language; it starts with /{locale}, so it never leaves the site.
    const rest = request.url.replace(/^\/[^/?#]*/, '');
    void reply
      .code(302)
      .header('cache-control', 'no-store')
      .redirect(`/${best}${rest || '/'}`);
    return undefined;
  };

  return { render, context, send, sendKept, localeOf, notFound, errorPage };
}

/** The supported language for a real language tag that is not one itself; undefined for nonsense. */
export function bestLocale(tag: string): Locale | undefined {
  const choice = chooseLanguage(tag, LOCALES);
  if (choice === 'nonsense') return undefined;
  const lang = choice?.lang ?? defaultLanguage(LOCALES);
  return isLocale(lang) ? lang : undefined;
}
