/** The start page: the four questions of the original page as entry points, and the check. */
import { Page, type PageContext } from './layout.tsx';

export function StartPage({ ctx }: { ctx: PageContext }) {
  const { t, locale } = ctx;
  const entries = [
    { text: t.t('ui.start.q1'), href: `/${locale}/check` },
    { text: t.t('ui.start.q2'), href: `/${locale}/kb/ontheffing-how-to-apply` },
    { text: t.t('ui.start.q3'), href: `/${locale}/kb/extension-overview` },
    { text: t.t('ui.start.q4'), href: `/${locale}/help` },
  ];
  return (
    <Page ctx={ctx} title={t.t('ui.start.title')}>
      <h1>{t.t('ui.start.title')}</h1>
      <p class="lead">{t.t('ui.start.intro')}</p>
      <p>
        <a class="utrecht-button utrecht-button--primary-action button" href={`/${locale}/check`}>
          {t.t('ui.start.button')}
        </a>
      </p>
      <h2>{t.t('ui.start.questions')}</h2>
      <ul class="entry-list">
        {entries.map((e) => (
          <li key={e.href}>
            <a href={e.href}>{e.text}</a>
          </li>
        ))}
      </ul>
      <p class="small">{t.t('ui.start.privacy')}</p>
    </Page>
  );
}
