/**
 * One question per page, as a GET form that carries the other answers in hidden fields: it works
 * without JavaScript, and the URL is the whole state.
 */
import type { ComponentChildren } from 'preact';
import type { Question } from '#domain/questionnaire/questions.ts';
import { optionKey } from '#i18n/labels.ts';
import type { Translator } from '#i18n/translate.ts';
import { Page, type PageContext } from './layout.tsx';
import { ReadAloud } from './read-aloud.tsx';

/** Nationalities most newcomers have, shown first (the full list follows). */
const COMMON = ['SY', 'ER', 'AF', 'TR', 'IQ', 'IR', 'SO', 'YE', 'UA', 'MA', 'ET', 'SD'];

export interface QuestionView {
  question: Question;
  hidden: [string, string][];
  progress: { answered: number; total: number };
  error?: 'required' | 'invalid';
  /** The current value, when the person came to change an answer. */
  value?: unknown;
  backHref?: string;
  countries?: { code: string; name: string }[];
}

function errorText(t: Translator, q: Question, kind: 'required' | 'invalid') {
  if (kind === 'required') return t.t('ui.error.required');
  if (q.type === 'date') return t.t('ui.error.date');
  if (q.type === 'number') return t.t('ui.error.number');
  return t.t('ui.error.invalid');
}

export function QuestionPage({ ctx, view }: { ctx: PageContext; view: QuestionView }) {
  const { t, locale } = ctx;
  const q = view.question;
  const title = t.t(`question.${q.fact}.title`);
  const help = t.has(`question.${q.fact}.help`) ? t.t(`question.${q.fact}.help`) : undefined;
  const error = view.error ? errorText(t, q, view.error) : undefined;
  const describedBy = [help ? 'q-help' : '', error ? 'q-error' : ''].filter(Boolean).join(' ') || undefined;
  const grouped = q.type !== 'number' && q.type !== 'country';
  const value = view.value;

  /** Radio buttons or checkboxes; the first gets id="answer" so the error summary can link to it. */
  const choices = (
    type: 'radio' | 'checkbox',
    items: { value: string; label: string; checked: boolean }[],
    extra?: ComponentChildren,
  ) => (
    <div class="choices">
      {items.map((item, i) => (
        <label class="choice" key={item.value}>
          <input
            id={i === 0 ? 'answer' : undefined}
            type={type}
            name="answer"
            value={item.value}
            checked={item.checked}
            aria-describedby={describedBy}
          />
          <span>{item.label}</span>
        </label>
      ))}
      {extra}
    </div>
  );

  const field = () => {
    switch (q.type) {
      case 'yes-no':
        return choices('radio', [
          { value: 'yes', label: t.t('answer.yes'), checked: value === true },
          { value: 'no', label: t.t('answer.no'), checked: value === false },
        ]);
      case 'choice':
        return choices(
          'radio',
          (q.options ?? []).map((v) => ({
            value: v,
            label: t.t(optionKey(q.fact, v)),
            checked: value === v,
          })),
        );
      case 'multi-choice': {
        const picked = Array.isArray(value) ? (value as string[]) : [];
        return choices(
          'checkbox',
          (q.options ?? []).map((v) => ({
            value: v,
            label: t.t(optionKey(q.fact, v)),
            checked: picked.includes(v),
          })),
          <>
            <input type="hidden" name="answered" value="1" />
            <p class="small">
              {t.t('ui.question.noneOfThese')}: {t.t('ui.question.next')} ↵
            </p>
          </>,
        );
      }
      case 'date': {
        const d = value as { day?: number; month?: number; year?: number } | undefined;
        return (
          <div class="date-input" dir="ltr">
            {(
              [
                ['day', 2, d?.day],
                ['month', 2, d?.month],
                ['year', 4, d?.year],
              ] as const
            ).map(([part, size, v]) => (
              <label class={`date-part date-${part}`} key={part}>
                <span>{t.t(`ui.question.${part}`)}</span>
                <input
                  id={`answer-${part}`}
                  type="text"
                  inputMode="numeric"
                  pattern="[0-9]*"
                  name={`answer-${part}`}
                  size={size}
                  maxLength={size}
                  value={v === undefined ? '' : String(v)}
                  autocomplete={q.fact === 'birthDate' ? `bday-${part}` : 'off'}
                  aria-describedby={describedBy}
                  aria-invalid={error ? 'true' : undefined}
                />
              </label>
            ))}
          </div>
        );
      }
      case 'number':
        return (
          <input
            id="answer"
            class="utrecht-textbox utrecht-textbox--html-input short"
            type="text"
            inputMode="decimal"
            name="answer"
            value={value === undefined ? '' : String(value)}
            aria-describedby={describedBy}
            aria-invalid={error ? 'true' : undefined}
          />
        );
      case 'country':
        return (
          <select
            id="answer"
            name="answer"
            class="utrecht-select utrecht-select--html-select"
            aria-describedby={describedBy}
            aria-invalid={error ? 'true' : undefined}
          >
            <option value="">{t.t('ui.question.country.choose')}</option>
            <optgroup label={t.t('ui.question.country.common')}>
              {(view.countries ?? [])
                .filter((c) => COMMON.includes(c.code))
                .map((c) => (
                  <option key={c.code} value={c.code} selected={value === c.code}>
                    {c.name}
                  </option>
                ))}
              <option value="stateless" selected={value === 'stateless'}>
                {t.t('ui.question.stateless')}
              </option>
            </optgroup>
            <optgroup label={t.t('ui.question.country.other')}>
              {(view.countries ?? []).map((c) => (
                <option
                  key={`all-${c.code}`}
                  value={c.code}
                  selected={value === c.code && !COMMON.includes(c.code)}
                >
                  {c.name}
                </option>
              ))}
            </optgroup>
          </select>
        );
    }
  };

  const helpAndError = (
    <>
      {help && (
        <p id="q-help" class="hint">
          {help}
        </p>
      )}
      {error && (
        <p id="q-error" class="error-message">
          {error}
        </p>
      )}
    </>
  );

  return (
    <Page ctx={ctx} title={error ? `${t.t('ui.error.title')}: ${title}` : title}>
      {view.backHref && (
        <p>
          <a class="back-link" href={view.backHref}>
            {t.t('ui.question.back')}
          </a>
        </p>
      )}
      <p class="progress">
        {t.t('ui.question.progress', { answered: view.progress.answered + 1, total: view.progress.total })}
        <progress max={view.progress.total} value={view.progress.answered} aria-hidden="true" />
      </p>
      {error && (
        <div class="alert error" role="alert">
          <h2>{t.t('ui.error.title')}</h2>
          <p>
            <a href={q.type === 'date' ? '#answer-day' : '#answer'}>{error}</a>
          </p>
        </div>
      )}
      <ReadAloud ctx={ctx} read="form.question fieldset, form.question .field" />
      <form method="get" action={`/${locale}/check`} class="question" novalidate>
        {view.hidden.map(([k, v]) => (
          <input type="hidden" name={k} value={v} key={`${k}=${v}`} />
        ))}
        <input type="hidden" name="q" value={q.fact} />
        {grouped ? (
          <fieldset class={error ? 'field invalid' : 'field'} aria-describedby={describedBy}>
            <legend>
              <h1>{title}</h1>
            </legend>
            {helpAndError}
            {field()}
          </fieldset>
        ) : (
          <div class={error ? 'field invalid' : 'field'}>
            <h1>
              <label for="answer">{title}</label>
            </h1>
            {helpAndError}
            {field()}
          </div>
        )}
        <p class="actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action button">
            {t.t('ui.question.next')}
          </button>
          {q.dontKnow && (
            <button
              type="submit"
              name="dontknow"
              value="1"
              class="utrecht-button utrecht-button--secondary-action button"
            >
              {t.t('ui.question.dontKnow')}
            </button>
          )}
        </p>
      </form>
      <p>
        <a href={`/${locale}/summary${hiddenQuery(view.hidden)}`}>{t.t('ui.summary.title')}</a>
      </p>
    </Page>
  );
}

function hiddenQuery(hidden: [string, string][]): string {
  const s = new URLSearchParams(hidden).toString();
  return s ? `?${s}` : '';
}
