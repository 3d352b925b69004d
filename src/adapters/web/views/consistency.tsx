/**
 * Answers that cannot all be true, and answers to confirm: the page that lists what does not fit
 * (with a link to each question involved) instead of any answer, and the "is that right?" step
 * for a surprising answer (a child's birth date, a permit still to come).
 */
import type { Inconsistency, Surprise } from '#domain/facts/consistency.ts';
import type { FactName } from '#domain/facts/facts.ts';
import { inconsistencyText, surpriseText } from '#i18n/fact-problems.ts';
import { Page, type PageContext } from './layout.tsx';

/** Every inconsistency, each with links to the questions involved; no answer is shown. */
export function InconsistentPage(props: {
  ctx: PageContext;
  found: readonly Inconsistency[];
  editHref: (fact: FactName) => string;
}) {
  const { ctx, found, editHref } = props;
  const { t } = ctx;
  const title = t.t('consistency.title');
  return (
    <Page ctx={ctx} title={title}>
      <div class="alert error error-summary" role="alert" tabindex={-1}>
        <h1>{title}</h1>
        <p>{t.t('consistency.intro')}</p>
        <ul>
          {found.map((i) => (
            <li key={`${i.rule}-${i.fields.join('-')}`}>
              {inconsistencyText(t, i)}
              <ul class="change-links">
                {i.fields.map((f) => (
                  <li key={f}>
                    <a href={editHref(f)}>
                      {t.t('consistency.change', { question: t.t(`question.${f}.title`) })}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </Page>
  );
}

/** "You entered 20-11-2025: that means you are 1 year old. Is that right?" Yes, or change it. */
export function ConfirmPage(props: {
  ctx: PageContext;
  surprise: Surprise;
  /** The hidden fields of the state with this answer confirmed. */
  hidden: [string, string][];
  changeHref: string;
}) {
  const { ctx, surprise, hidden, changeHref } = props;
  const { t, locale } = ctx;
  const hint = t.has(`confirm.${surprise.rule}.hint`) ? t.t(`confirm.${surprise.rule}.hint`) : undefined;
  return (
    <Page ctx={ctx} title={t.t('confirm.title')}>
      <form method="get" action={`/${locale}/check`} class="question confirm">
        {hidden.map(([k, v]) => (
          <input type="hidden" name={k} value={v} key={`${k}=${v}`} />
        ))}
        <h1>{t.t('confirm.title')}</h1>
        <p class="lead" id="confirm-text">
          {surpriseText(t, surprise)}
        </p>
        {hint && <p class="hint">{hint}</p>}
        <p class="actions">
          <button
            type="submit"
            class="utrecht-button utrecht-button--primary-action button"
            aria-describedby="confirm-text"
          >
            {t.t('confirm.yes')}
          </button>
          <a class="utrecht-button utrecht-button--secondary-action button" href={changeHref}>
            {t.t('confirm.change')}
          </a>
        </p>
      </form>
    </Page>
  );
}
