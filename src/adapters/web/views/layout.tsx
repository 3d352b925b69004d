/** The page frame: language, direction, skip link, language switch, search box, honest translation status. */
import type { ComponentChildren } from 'preact';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { direction, LOCALES, type Locale, nativeName } from '#i18n/locales.ts';
import type { Translator } from '#i18n/translate.ts';

export interface PageContext {
  t: Translator;
  locale: Locale;
  /** Path without the language prefix, with the query string (for the language switch). */
  path: string;
  status: 'authored' | 'machine-assisted' | 'reviewed';
  css: string;
  rulesVersion: string;
  /** The newest last-checked date of the legal sources. */
  rulesChecked: PlainDate;
  query?: string;
  /** A note above the page's content (e.g. what a link held that could not be read). */
  notice?: string;
}

export function Page(props: {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  search?: boolean;
}) {
  const { ctx, title } = props;
  const { t, locale } = ctx;
  return (
    <html lang={locale} dir={direction(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.t('app.name')}`}</title>
        <meta name="description" content={t.t('app.tagline')} />
        <link rel="manifest" href="/manifest.webmanifest" />
        {/* Critical CSS inline (allowed by its hash in the CSP), so the first paint needs one request. */}
        <style dangerouslySetInnerHTML={{ __html: ctx.css }} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.t('ui.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href={`/${locale}/`}>
            {t.t('app.name')}
          </a>
          {/* Sixteen languages: a disclosure (works without JavaScript) that opens a two-column grid
              on a phone, each language named in its own script; the globe marks it for those who
              cannot read the current language. */}
          <nav class="lang-nav" aria-label={t.t('ui.language')}>
            <details class="lang-menu">
              <summary>
                <svg
                  class="globe"
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  width="20"
                  height="20"
                  focusable="false"
                >
                  <circle cx="12" cy="12" r="9.5" />
                  <path d="M2.5 12h19M12 2.5c2.6 2.8 3.8 6 3.8 9.5s-1.2 6.7-3.8 9.5M12 2.5C9.4 5.3 8.2 8.5 8.2 12s1.2 6.7 3.8 9.5" />
                </svg>
                <span>{t.t('ui.language')}</span>
                <span class="lang-current">{nativeName(locale)}</span>
              </summary>
              <ul class="lang-list">
                {LOCALES.map((l) => (
                  <li key={l}>
                    {l === locale ? (
                      <span aria-current="true" lang={l} dir={direction(l)}>
                        {nativeName(l)}
                      </span>
                    ) : (
                      <a href={`/${l}${ctx.path}`} lang={l} hreflang={l} dir={direction(l)}>
                        {nativeName(l)}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          </nav>
        </header>
        {props.search !== false && (
          <form class="search" aria-label={t.t('ui.search.label')} method="get" action={`/${locale}/search`}>
            <label for="q">{t.t('ui.search.label')}</label>
            <span class="search-row">
              <input
                id="q"
                name="q"
                type="search"
                dir="auto"
                maxLength={500}
                value={ctx.query ?? ''}
                placeholder={t.t('ui.search.placeholder')}
              />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action button">
                {t.t('ui.search.button')}
              </button>
            </span>
          </form>
        )}
        <main id="main" tabIndex={-1}>
          {ctx.notice && (
            <div class="alert notice" role="status">
              <p>{ctx.notice}</p>
            </div>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <p class={`status status-${ctx.status}`}>{t.t(`ui.footer.status.${ctx.status}`)}</p>
          <p>{t.t('ui.footer.disclaimer')}</p>
          <p>{t.t('ui.footer.privacy')}</p>
          <p class="small">
            <a href={`/${locale}/help`}>{t.t('ui.start.q4')}</a> ·{' '}
            {t.t('ui.footer.rules', { version: ctx.rulesVersion, date: t.date(ctx.rulesChecked) })}
          </p>
        </footer>
        <script src="/assets/app.js" defer />
      </body>
    </html>
  );
}
