/** Review page: every answer with a link to change it; the other answers stay. */
import { Page, type PageContext } from './layout.tsx';

export interface SummaryRow {
  fact: string;
  question: string;
  answer: string;
  changeHref: string;
}

export function SummaryPage({
  ctx,
  rows,
  resultHref,
}: {
  ctx: PageContext;
  rows: SummaryRow[];
  resultHref: string;
}) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('ui.summary.title')}>
      <h1>{t.t('ui.summary.title')}</h1>
      <p>{t.t('ui.summary.intro')}</p>
      {rows.length === 0 ? (
        <p>{t.t('ui.summary.none')}</p>
      ) : (
        <dl class="summary">
          {rows.map((r) => (
            <div class="summary-row" key={r.fact}>
              <dt>{r.question}</dt>
              <dd>
                <bdi>{r.answer}</bdi>
              </dd>
              <dd>
                <a href={r.changeHref} aria-label={t.t('ui.summary.changeLabel', { question: r.question })}>
                  {t.t('ui.summary.change')}
                </a>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p>
        <a class="utrecht-button utrecht-button--primary-action button" href={resultHref}>
          {t.t('ui.summary.toResult')}
        </a>
      </p>
    </Page>
  );
}
