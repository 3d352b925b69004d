/**
 * The person form: display name, language, consent and every fact the engine uses, generated from
 * the questionnaire's list (one field per fact, labelled with the public check's question). Staff
 * forms, so dates are native date fields. Empty means "not known yet".
 */
import { Temporal } from '#domain/dates/plain-date.ts';
import { ISO_COUNTRIES } from '#domain/facts/countries.ts';
import { QUESTIONS, type Question } from '#domain/questionnaire/questions.ts';
import { optionKey } from '#i18n/labels.ts';
import { isLocale, LOCALES, nativeName } from '#i18n/locales.ts';
import type { Translator } from '#i18n/translate.ts';
import { fieldId } from './desk-layout.tsx';

/** What the form shows: strings as typed (kept after an error), lists for multi-choice facts. */
export type FormValues = Record<string, string | string[]>;

export const NONE = '__none';

/** Not known (yet): a dash rather than "null" or an empty string. */
const UNKNOWN = '—';

/**
 * A stored value as the form shows it (a history line reads "1 May 2023 → 1 Sep 2023", "Yes → No",
 * "Eritrea → Somalia", not JSON): the same labels as the fields, in the desk's language.
 */
export function describeValue(t: Translator, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return UNKNOWN;
  if (field === 'language' && typeof value === 'string')
    return isLocale(value) ? `${nativeName(value)} (${value})` : value;
  const q = field.startsWith('facts.') ? QUESTIONS.find((x) => x.fact === field.slice(6)) : undefined;
  if (typeof value === 'boolean') return t.t(value ? 'answer.yes' : 'answer.no');
  if (!q) return typeof value === 'string' ? value : JSON.stringify(value);
  if (Array.isArray(value))
    return value.length ? value.map((v) => describeValue(t, field, v)).join(', ') : t.t('answer.none');
  if (typeof value === 'number') return t.number(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (q.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      return t.date(Temporal.PlainDate.from(value));
    } catch {
      return value; // not a real day (kept as typed before validation): shown as it is
    }
  }
  if (q.type === 'country')
    return value === 'stateless'
      ? t.t('ui.question.stateless')
      : (new Intl.DisplayNames([t.locale], { type: 'region' }).of(value) ?? value);
  if ((q.type === 'choice' || q.type === 'multi-choice') && q.options?.includes(value))
    return t.t(optionKey(q.fact, value));
  return value;
}

/** Form fields to the JSON the desk service takes (`{displayName, language, facts, consent}`). */
export function formToBody(form: Record<string, string | string[]>): Record<string, unknown> {
  const one = (k: string) => {
    const v = form[k];
    return (Array.isArray(v) ? v.at(-1) : v)?.trim() ?? '';
  };
  const facts: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    const key = `f.${q.fact}`;
    if (q.type === 'multi-choice') {
      const raw = form[key];
      const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(Boolean);
      if (list.includes(NONE)) facts[q.fact] = [];
      else if (list.length) facts[q.fact] = list;
      continue;
    }
    const v = one(key);
    if (v === '') continue;
    if (q.type === 'yes-no') facts[q.fact] = v === 'yes' ? true : v === 'no' ? false : v;
    else if (q.type === 'number') facts[q.fact] = /^\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : v;
    else facts[q.fact] = v;
  }
  return {
    displayName: one('displayName'),
    language: one('language'),
    facts,
    ...(form.consent !== undefined ? { consent: one('consent') === 'yes' } : {}),
  };
}

/** A stored person back to form values. */
export function factsToForm(person: { displayName: string; language: string; facts: object }): FormValues {
  const values: FormValues = { displayName: person.displayName, language: person.language };
  for (const [k, v] of Object.entries(JSON.parse(JSON.stringify(person.facts)) as Record<string, unknown>)) {
    if (Array.isArray(v)) values[`f.${k}`] = v.length ? v.map(String) : [NONE];
    else if (typeof v === 'boolean') values[`f.${k}`] = v ? 'yes' : 'no';
    else values[`f.${k}`] = String(v);
  }
  return values;
}

export function FactFields(props: {
  t: Translator;
  values: FormValues;
  errors: { field: string; message: string }[];
  withConsent?: boolean;
}) {
  const { t, values, errors } = props;
  const str = (k: string) => {
    const v = values[k];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  /** Every problem of the field (a date can clash with two others), each said once. */
  const errorOf = (field: string) =>
    [
      ...new Set(
        errors.filter((e) => e.field === field || e.field === `facts.${field}`).map((e) => e.message),
      ),
    ].join(' ') || undefined;
  const described = (field: string) => (errorOf(field) ? `${fieldId(field)}-error` : undefined);
  /** A field with a problem says so to assistive technology too, not only in text beside it. */
  const invalid = (field: string) => (errorOf(field) ? ('true' as const) : undefined);
  const ErrorText = ({ field }: { field: string }) => {
    const m = errorOf(field);
    return m ? (
      <span id={`${fieldId(field)}-error`} class="error-message">
        {m}
      </span>
    ) : null;
  };
  const countries = new Intl.DisplayNames([t.locale], { type: 'region' });
  const field = (q: Question) => {
    const name = `f.${q.fact}`;
    const id = fieldId(q.fact);
    const label = t.t(`question.${q.fact}.title`);
    switch (q.type) {
      case 'multi-choice': {
        const picked = (values[name] as string[] | undefined) ?? [];
        return (
          <fieldset class="field" key={q.fact} aria-describedby={described(q.fact)}>
            <legend>{label}</legend>
            <ErrorText field={q.fact} />
            {(q.options ?? []).map((o, i) => (
              <label class="choice" key={o}>
                <input
                  id={i === 0 ? id : undefined}
                  type="checkbox"
                  name={name}
                  value={o}
                  checked={picked.includes(o)}
                />{' '}
                {t.t(optionKey(q.fact, o))}
              </label>
            ))}
            <label class="choice">
              <input type="checkbox" name={name} value={NONE} checked={picked.includes(NONE)} />{' '}
              {t.t('answer.none')}
            </label>
          </fieldset>
        );
      }
      case 'yes-no':
      case 'choice':
      case 'country': {
        const options: [string, string][] =
          q.type === 'yes-no'
            ? [
                ['yes', t.t('answer.yes')],
                ['no', t.t('answer.no')],
              ]
            : q.type === 'choice'
              ? (q.options ?? []).map((o) => [o, t.t(optionKey(q.fact, o))])
              : [
                  ['stateless', t.t('ui.question.stateless')],
                  ...[...ISO_COUNTRIES]
                    .map((c): [string, string] => [c, countries.of(c) ?? c])
                    .sort((a, b) => a[1].localeCompare(b[1], t.locale)),
                ];
        return (
          <p class="field" key={q.fact}>
            <label for={id}>{label}</label>
            <ErrorText field={q.fact} />
            <select
              id={id}
              name={name}
              class="utrecht-select utrecht-select--html-select"
              aria-describedby={described(q.fact)}
              aria-invalid={invalid(q.fact)}
            >
              <option value="">{t.t('desk.notKnown')}</option>
              {options.map(([v, text]) => (
                <option key={v} value={v} selected={str(name) === v}>
                  {text}
                </option>
              ))}
            </select>
          </p>
        );
      }
      case 'date':
      case 'number': {
        const common = {
          id,
          name,
          value: str(name),
          class: 'utrecht-textbox utrecht-textbox--html-input',
          'aria-describedby': described(q.fact),
          'aria-invalid': invalid(q.fact),
        };
        return (
          <p class="field" key={q.fact}>
            <label for={id}>{label}</label>
            <ErrorText field={q.fact} />
            {q.type === 'date' ? (
              <input type="date" min="1900-01-01" max="2100-12-31" {...common} />
            ) : (
              <input type="text" inputMode="decimal" {...common} />
            )}
          </p>
        );
      }
    }
  };
  return (
    <>
      <p class="field">
        <label for={fieldId('displayName')}>{t.t('desk.field.displayName')}</label>
        <span class="hint">{t.t('desk.field.displayNameHint')}</span>
        <ErrorText field="displayName" />
        <input
          id={fieldId('displayName')}
          name="displayName"
          type="text"
          maxLength={80}
          required
          value={str('displayName')}
          autocomplete="off"
          class="utrecht-textbox utrecht-textbox--html-input"
          aria-describedby={described('displayName')}
          aria-invalid={invalid('displayName')}
        />
      </p>
      <p class="field">
        <label for={fieldId('language')}>{t.t('desk.field.language')}</label>
        <ErrorText field="language" />
        <input
          id={fieldId('language')}
          name="language"
          type="text"
          maxLength={20}
          required
          value={str('language')}
          placeholder="ar, ti, fa, tr, uk, so…"
          list="desk-languages"
          class="utrecht-textbox utrecht-textbox--html-input short"
          aria-describedby={described('language')}
          aria-invalid={invalid('language')}
        />
        {/* Suggestions by the name a person knows their language by; any other tag can still be typed. */}
        <datalist id="desk-languages">
          {LOCALES.map((l) => (
            <option value={l}>{nativeName(l)}</option>
          ))}
        </datalist>
      </p>
      {QUESTIONS.map(field)}
      {props.withConsent && (
        <p class="field checkbox">
          <ErrorText field="consent" />
          <label>
            <input
              id={fieldId('consent')}
              type="checkbox"
              name="consent"
              value="yes"
              checked={str('consent') === 'yes'}
              aria-describedby={described('consent')}
              aria-invalid={invalid('consent')}
            />{' '}
            {t.t('desk.field.consent')}
          </label>
        </p>
      )}
    </>
  );
}
