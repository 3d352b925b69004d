/**
 * One question per page, as a GET form that carries the other answers in hidden fields: it works
 * without JavaScript, and the URL is the whole state.
 */
import type { ComponentChildren } from 'preact';
import type { AnswerProblem } from '#domain/questionnaire/parse-answer.ts';
import type { Question } from '#domain/questionnaire/questions.ts';
import { answerProblemText } from '#i18n/fact-problems.ts';
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
  /**
   * What is wrong, in words, with the field the error summary links to (`answer`, or a date part
   * such as `answer-month`) and links to other questions involved (an impossible order).
   */
  error?: { text: string; field: string; related?: { href: string; label: string }[] };
  /** The current value, when the person came to change an answer; after an error, what was typed. */
  value?: unknown;
  backHref?: string;
  countries?: { code: string; name: string }[];
}

/** An answer refused by the parser, in words, and the field the error summary links to. */
export function answerError(
  t: Translator,
  q: Question,
  problem: AnswerProblem,
): { text: string; field: string } {
  return {
    text: answerProblemText(t, q, problem),
    field: q.type !== 'date' ? 'answer' : (DATE_PROBLEM_FIELD[problem] ?? 'answer-day'),
  };
}

const DATE_PROBLEM_FIELD: Partial<Record<AnswerProblem, string>> = {
  'date-year-two-digits': 'answer-year',
  'date-out-of-range': 'answer-year',
  'date-month-swapped': 'answer-month',
  'date-month': 'answer-month',
  'date-day': 'answer-day',
};

export function QuestionPage({ ctx, view }: { ctx: PageContext; view: QuestionView }) {
  const { t, locale } = ctx;
  const q = view.question;
  const title = t.t(`question.${q.fact}.title`);
  const help = t.has(`question.${q.fact}.help`) ? t.t(`question.${q.fact}.help`) : undefined;
  const error = view.error?.text;
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
        const d = value as
          | { day?: number | string; month?: number | string; year?: number | string }
          | undefined;
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
                  name={`answer-${part}`}
                  size={size}
                  maxLength={size + 2}
                  value={v === undefined ? '' : String(v)}
                  autocomplete={q.fact === 'birthDate' ? `bday-${part}` : 'off'}
                  aria-describedby={describedBy}
                  aria-invalid={
                    view.error && [`answer-${part}`, 'answer-day'].includes(view.error.field)
                      ? 'true'
                      : undefined
                  }
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
            // The longest number a person writes here is about "20.000,5"; a pasted page of text
            // would make the address too long to send (the answer lives in the URL).
            maxLength={16}
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
      {/* GOV.UK error summary: first in the page, focused by app.js, each problem a link to its field. */}
      {view.error && (
        <div
          class="alert error error-summary"
          role="alert"
          tabindex={-1}
          aria-labelledby="error-summary-title"
        >
          <h2 id="error-summary-title">{t.t('ui.error.title')}</h2>
          <ul>
            <li>
              <a href={`#${view.error.field}`}>{view.error.text}</a>
            </li>
            {(view.error.related ?? []).map((r) => (
              <li key={r.href}>
                <a href={r.href}>{r.label}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
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
