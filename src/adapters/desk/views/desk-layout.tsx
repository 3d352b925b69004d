/** The case desk's page frame: staff pages in Dutch or English, no script needed, never cached. */
import type { ComponentChildren } from 'preact';
import { nativeName } from '#i18n/locales.ts';
import type { Translator } from '#i18n/translate.ts';

export type DeskLocale = 'nl' | 'en';
export const DESK_LOCALES: readonly DeskLocale[] = ['nl', 'en'];
export const isDeskLocale = (v: unknown): v is DeskLocale => v === 'nl' || v === 'en';

export interface DeskContext {
  t: Translator;
  locale: DeskLocale;
  css: string;
  /** Path without /desk/<lang>, for the language switch. */
  path: string;
  user?: { name: string; role: string; team: string };
  csrf?: string;
}

export function DeskPage(props: { ctx: DeskContext; title: string; children: ComponentChildren }) {
  const { ctx, title } = props;
  const { t, locale } = ctx;
  const base = `/desk/${locale}`;
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} – ${t.t('desk.name')}`}</title>
        <style dangerouslySetInnerHTML={{ __html: ctx.css }} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.t('ui.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href={`${base}/`}>
            {t.t('desk.name')}
          </a>
          <nav class="lang-nav" aria-label={t.t('ui.language')}>
            <ul>
              {DESK_LOCALES.map((l) => (
                <li key={l}>
                  {l === locale ? (
                    <span aria-current="true" lang={l}>
                      {nativeName(l)}
                    </span>
                  ) : (
                    <a href={`/desk/${l}${ctx.path}`} lang={l} hreflang={l}>
                      {nativeName(l)}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {ctx.user && (
          <nav class="desk-nav" aria-label={t.t('desk.nav')}>
            <ul>
              <li>
                <a href={`${base}/`}>{t.t('desk.dashboard.title')}</a>
              </li>
              <li>
                <a href={`${base}/people/new`}>{t.t('desk.person.new')}</a>
              </li>
              <li>
                <a href={`${base}/impact`}>{t.t('desk.impact.title')}</a>
              </li>
              <li>
                <a href={`${base}/calendar`}>{t.t('desk.calendar.title')}</a>
              </li>
              {ctx.user.role === 'admin' && (
                <li>
                  <a href={`${base}/accounts`}>{t.t('desk.accounts.title')}</a>
                </li>
              )}
              <li>
                <form method="post" action={`${base}/logout`} class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
                  <button type="submit" class="link-button">
                    {t.t('desk.logout', { name: ctx.user.name })}
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t.t('desk.footer')}</p>
        </footer>
      </body>
    </html>
  );
}

export function ErrorSummary({ t, errors }: { t: Translator; errors: { field: string; message: string }[] }) {
  if (!errors.length) return null;
  // A contradiction is one line (linked to its first field), though each field involved shows it.
  const lines = errors.filter((e, i) => errors.findIndex((x) => x.message === e.message) === i);
  return (
    <div class="alert error" role="alert" tabIndex={-1}>
      <h2>{t.t('ui.error.title')}</h2>
      <ul>
        {lines.map((e) => (
          <li key={`${e.field} ${e.message}`}>
            <a href={`#${fieldId(e.field)}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (field: string) => `f-${field.replace(/^facts\./, '').replace(/[^A-Za-z0-9-]/g, '-')}`;
